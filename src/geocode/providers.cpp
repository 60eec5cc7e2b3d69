#include "geocode/providers.hpp"

#include "geocode/catalogue.hpp"

#include <algorithm>
#include <utility>

namespace dcmap::geocode {

namespace {

struct BuiltinProvider {
    const char* key;
    const char* display_name; ///< as the provider writes its own name for its cloud
};

constexpr BuiltinProvider builtin_providers[] = {
    {"aws", "AWS"},
    {"azure", "Microsoft Azure"},
    {"gcp", "Google Cloud"},
    {"alibaba", "Alibaba Cloud"},
    {"oracle", "Oracle Cloud"},
};

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

std::string provider_display_name(std::string_view key) {
    for (const auto& p : builtin_providers)
        if (key == p.key)
            return p.display_name;
    return {};
}

std::string canonical_provider(std::string_view written) {
    const std::string_view text = trimmed(written);
    if (text.empty())
        return {};
    if (std::string name = provider_display_name(provider_key(text)); !name.empty())
        return name;
    return std::string(text);
}

void apply_provider_styles(std::vector<ProviderStyle>& styles, std::vector<ResolvedSite>& sites) {
    std::vector<std::string*> providers;
    providers.reserve(sites.size());
    for (ResolvedSite& site : sites)
        providers.push_back(&site.site.provider);
    apply_provider_styles(styles, providers);
}

void apply_provider_styles(std::vector<ProviderStyle>& styles,
                           const std::vector<std::string*>& providers) {
    std::vector<ProviderStyle> merged;
    for (const ProviderStyle& entry : styles) {
        const std::string provider = canonical_provider(entry.provider);
        if (provider.empty())
            continue;
        auto it = std::find_if(merged.begin(), merged.end(),
                               [&](const ProviderStyle& m) { return m.provider == provider; });
        if (it == merged.end())
            it = merged.insert(merged.end(), ProviderStyle{provider, {}, {}});
        if (entry.color)
            it->color = entry.color;
        if (!entry.name.empty())
            it->name = entry.name;
    }
    // Each site is renamed once, by the entry of the provider it had: renaming A to B and B
    // to C leaves A's sites as B.
    for (std::string* provider : providers) {
        const auto it = std::find_if(merged.begin(), merged.end(), [&](const ProviderStyle& m) {
            return m.provider == *provider;
        });
        if (it != merged.end() && !it->name.empty())
            *provider = it->name;
    }
    for (ProviderStyle& entry : merged)
        if (!entry.name.empty())
            entry.provider = entry.name;
    styles = std::move(merged);
}

} // namespace dcmap::geocode
