#include "layout/markers.hpp"

#include <algorithm>
#include <cmath>

namespace dcmap::layout::detail {

namespace {

/// Used when a style defines no palette: distinct, colour-blind-friendly hues.
std::vector<Color> fallback_palette() {
    return {{0.00, 0.45, 0.70, 1}, {0.84, 0.37, 0.00, 1}, {0.00, 0.62, 0.45, 1},
            {0.80, 0.47, 0.65, 1}, {0.34, 0.71, 0.91, 1}, {0.90, 0.62, 0.00, 1},
            {0.50, 0.50, 0.50, 1}, {0.94, 0.89, 0.26, 1}};
}

} // namespace

std::optional<double> size_value(const Site& site, SizeBy size_by) {
    switch (size_by) {
    case SizeBy::zones:
        if (site.zones)
            return static_cast<double>(*site.zones);
        return std::nullopt;
    case SizeBy::capacity_mw:
        return site.capacity_mw;
    case SizeBy::none:
        return std::nullopt;
    }
    return std::nullopt;
}

double marker_radius(std::optional<double> value, const SizeRange& range, const Style& style,
                     double scale) {
    if (style.size_by == SizeBy::none)
        return style.marker_radius * scale;
    if (!value || !range.any)
        return style.marker_radius_min * scale;
    const double lo = std::sqrt(range.min);
    const double hi = std::sqrt(range.max);
    // One distinct value: draw it large so it still differs from sites without the value.
    const double t = hi > lo ? (std::sqrt(std::max(*value, 0.0)) - lo) / (hi - lo) : 1.0;
    const double r = style.marker_radius_min +
                     std::clamp(t, 0.0, 1.0) * (style.marker_radius_max - style.marker_radius_min);
    return r * scale;
}

ProviderColors::ProviderColors(std::vector<std::string> providers_sorted,
                               std::vector<Color> palette, const std::vector<ProviderStyle>& fixed)
    : providers_(std::move(providers_sorted)) {
    if (palette.empty())
        palette = fallback_palette();
    // The empty provider reads as "unspecified" and belongs at the end of the legend.
    const auto empty = std::find(providers_.begin(), providers_.end(), std::string{});
    if (empty != providers_.end() && providers_.size() > 1) {
        providers_.erase(empty);
        providers_.push_back({});
    }
    const auto fixed_color = [&](const std::string& provider) -> std::optional<Color> {
        std::optional<Color> color;
        for (const auto& f : fixed)
            if (f.provider == provider && f.color)
                color = f.color;
        return provider.empty() ? std::nullopt : color;
    };
    const auto same = [](const Color& a, const Color& b) {
        return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
    };
    std::vector<Color> taken;
    for (const auto& p : providers_)
        if (const auto c = fixed_color(p))
            taken.push_back(*c);
    std::vector<Color> free;
    for (const auto& c : palette)
        if (std::none_of(taken.begin(), taken.end(), [&](const Color& t) { return same(c, t); }))
            free.push_back(c);
    // More fixed colours than the palette holds: the others share the palette from the start.
    if (free.empty())
        free = palette;
    std::size_t next = 0;
    for (const auto& p : providers_) {
        if (const auto c = fixed_color(p))
            colors_.push_back(*c);
        else
            colors_.push_back(free[next++ % free.size()]);
    }
}

Color ProviderColors::of(const std::string& provider) const {
    if (provider.empty() && providers_.size() > 1)
        return unknown_provider_color();
    const auto it = std::find(providers_.begin(), providers_.end(), provider);
    if (it == providers_.end())
        return colors_.empty() ? fallback_palette()[0] : colors_[0];
    return colors_[static_cast<std::size_t>(it - providers_.begin())];
}

Color unknown_provider_color() { return {0.55, 0.57, 0.60, 1}; }

void sort_for_drawing(std::vector<MarkerLayout>& markers) {
    std::sort(markers.begin(), markers.end(), [](const MarkerLayout& a, const MarkerLayout& b) {
        if (a.r != b.r)
            return a.r > b.r;
        return a.id < b.id;
    });
}

} // namespace dcmap::layout::detail
