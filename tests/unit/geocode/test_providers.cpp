// Provider names: one display name per built-in provider whatever the spelling, and a style's
// providers: entries matched to the sites of a map.
#include "geocode/providers.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dcmap::Color;
using dcmap::ProviderStyle;
using dcmap::ResolvedSite;
using dcmap::geocode::apply_provider_styles;
using dcmap::geocode::canonical_provider;
using dcmap::geocode::provider_display_name;

namespace {

ResolvedSite site_of(const std::string& provider) {
    ResolvedSite r;
    r.site.name = "S";
    r.site.provider = provider;
    return r;
}

} // namespace

TEST_CASE("geocode: every spelling of a built-in provider gives its display name", "[geocode]") {
    for (const char* written : {"aws", "AWS", "Amazon Web Services", " amazon ", "Amazon AWS"})
        CHECK(canonical_provider(written) == "AWS");
    for (const char* written : {"azure", "Microsoft Azure", "MICROSOFT"})
        CHECK(canonical_provider(written) == "Microsoft Azure");
    for (const char* written : {"gcp", "Google Cloud Platform", "google"})
        CHECK(canonical_provider(written) == "Google Cloud");
    for (const char* written : {"alibaba", "Aliyun", "Alibaba Cloud"})
        CHECK(canonical_provider(written) == "Alibaba Cloud");
    for (const char* written : {"oci", "Oracle Cloud Infrastructure", "oracle"})
        CHECK(canonical_provider(written) == "Oracle Cloud");
    // Other providers keep the name as written, spaces trimmed; no provider stays empty.
    CHECK(canonical_provider("  Equinix ") == "Equinix");
    CHECK(canonical_provider("digital realty") == "digital realty");
    CHECK(canonical_provider("   ").empty());
    CHECK(provider_display_name("aws") == "AWS");
    CHECK(provider_display_name("AWS").empty()); // keys only
}

TEST_CASE("geocode: style providers are keyed by the names sites carry", "[geocode]") {
    const Color orange{1, 0.6, 0, 1}, grey{0.5, 0.5, 0.5, 1}, black{0, 0, 0, 1};
    std::vector<ProviderStyle> styles = {{"aws", {}, black},
                                         {"azure", {}, grey},
                                         {"Amazon Web Services", "Amazon", orange},
                                         {"Equinix", {}, grey}};
    std::vector<ResolvedSite> sites = {site_of("AWS"), site_of("Microsoft Azure"),
                                       site_of("Equinix"), site_of("")};
    apply_provider_styles(styles, sites);
    // The two AWS entries merge, the later one winning; its name renames AWS's sites.
    REQUIRE(styles.size() == 3);
    CHECK(styles[0].provider == "Amazon");
    CHECK(styles[0].name == "Amazon");
    CHECK(styles[0].color->r == 1);
    CHECK(styles[1].provider == "Microsoft Azure");
    CHECK(styles[2].provider == "Equinix");
    CHECK(sites[0].site.provider == "Amazon");
    CHECK(sites[1].site.provider == "Microsoft Azure");
    CHECK(sites[2].site.provider == "Equinix");
    CHECK(sites[3].site.provider.empty());
}

TEST_CASE("geocode: renaming one provider to another's name renames each site once", "[geocode]") {
    std::vector<ProviderStyle> styles = {{"aws", "Microsoft Azure", {}}, {"azure", "Azure", {}}};
    std::vector<ResolvedSite> sites = {site_of("AWS"), site_of("Microsoft Azure")};
    apply_provider_styles(styles, sites);
    CHECK(sites[0].site.provider == "Microsoft Azure");
    CHECK(sites[1].site.provider == "Azure");
}
