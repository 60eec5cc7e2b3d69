#pragma once
// Marker symbols: which sites get one, where, how big, in which colour and drawing order.
#include "layout/layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap::layout::detail {

/// Announced, planned or under construction: the not-yet-live sites a map's story is usually
/// about, drawn larger and labelled in the style's pending weight.
inline bool is_pending(Status status) {
    return status == Status::announced || status == Status::planned ||
           status == Status::under_construction;
}

/// The quantity a site's marker is sized by, when the style sizes markers and the site has it.
std::optional<double> size_value(const Site& site, SizeBy size_by);

/// Values of the sized quantity over the markers shown, for the radius scale and the legend.
struct SizeRange {
    double min = 0, max = 0;
    bool any = false;
    int missing = 0; ///< shown sites without the quantity (drawn at the smallest radius)
};

/// Radius in pixels on a square-root scale between the style's min and max radius; sites without
/// the value get the minimum.
double marker_radius(std::optional<double> value, const SizeRange& range, const Style& style,
                     double scale);

/// Colours for providers: a provider with a colour in the style's `providers` keeps it on every
/// map; the others take, in name order, the palette colours no such provider on this map uses.
/// An empty provider among named ones gets a neutral grey.
class ProviderColors {
public:
    ProviderColors(std::vector<std::string> providers_sorted, std::vector<Color> palette,
                   const std::vector<ProviderStyle>& fixed = {});
    /// The colour of `provider` (must be one of the providers given).
    Color of(const std::string& provider) const;
    /// Providers in legend order: named ones alphabetically, the empty one last.
    const std::vector<std::string>& providers() const { return providers_; }

private:
    std::vector<std::string> providers_;
    std::vector<Color> colors_; ///< as providers_
};

/// Neutral grey for markers whose provider is not known when others are.
Color unknown_provider_color();

/// Sorts `markers` into drawing order: larger ones first, so small ones stay visible on top;
/// then by id.
void sort_for_drawing(std::vector<MarkerLayout>& markers);

} // namespace dcmap::layout::detail
