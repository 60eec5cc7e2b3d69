#pragma once
// Every visual choice of a map. Loaded from styles/*.yaml by config/; sizes are CSS pixels at
// --scale 1 (the renderer multiplies by the scale).
#include <optional>
#include <string>
#include <vector>

namespace dcmap {

struct Color {
    double r = 0, g = 0, b = 0, a = 1; ///< each 0..1
};

struct FontSpec {
    std::string family =
        "DejaVu Sans"; ///< fontconfig family list, e.g. "DejaVu Sans, Noto Sans CJK SC"
    double size = 12;  ///< pixels
    int weight = 400;  ///< 400 normal, 700 bold
    bool italic = false;
};

/// How marker radius encodes a quantity: not at all, or on a square-root scale.
enum class SizeBy { none, zones, capacity_mw };

/// The smallest text a map draws, in output pixels, at every canvas size and scale: style files
/// may not ask for less (config/ rejects it) and a --scale below 1 does not shrink text below it.
inline constexpr double kMinTextPx = 11;

/// `font` at `scale` (sizes multiplied), never smaller than kMinTextPx output pixels.
inline FontSpec scaled_font(FontSpec font, double scale) {
    font.size = font.size * scale < kMinTextPx ? kMinTextPx : font.size * scale;
    return font;
}

/// One entry of a style's `providers:`: a provider's colour and name on every map.
struct ProviderStyle {
    /// The provider as the style names it: a key (aws, azure, gcp, alibaba, oracle), any
    /// spelling of one ("Amazon Web Services"), or another provider as site files write it.
    /// The cli resolves it to the name sites carry before layout, which matches on it.
    std::string provider;
    std::string name;           ///< shown in legend and labels; empty keeps the usual name
    std::optional<Color> color; ///< empty keeps the colour an earlier entry or base style gave
};

struct Style {
    std::string name = "default";

    // Page and base map
    Color background{1, 1, 1, 1};     ///< whole canvas
    Color ocean{0.87, 0.92, 0.96, 1}; ///< inside the projection outline
    Color land{0.96, 0.95, 0.93, 1};
    Color host_country{0.93, 0.90, 0.84, 1}; ///< tint of countries hosting a site
    bool tint_host_countries = true;
    Color coastline{0.62, 0.66, 0.70, 1};
    double coastline_width = 0.6;
    Color border{0.75, 0.76, 0.78, 1};
    double border_width = 0.4;
    Color graticule{0.80, 0.86, 0.91, 1};
    double graticule_width = 0.4;
    double graticule_step = 30;         ///< degrees
    Color outline{0.55, 0.62, 0.70, 1}; ///< the sphere's edge
    double outline_width = 1.0;

    // Markers
    std::vector<Color> palette; ///< colours for providers, given in name order
    /// Fixed colours and names of providers (the built-in five in styles/default.yaml), the
    /// same on every map; other providers take the palette colours these leave free.
    std::vector<ProviderStyle> providers;
    double marker_radius = 5;      ///< radius when not sized by a quantity
    double marker_radius_min = 4;  ///< smallest radius when sized
    double marker_radius_max = 12; ///< largest radius when sized
    SizeBy size_by = SizeBy::none;
    Color marker_stroke{1, 1, 1, 1}; ///< thin ring around filled markers so they separate
    double marker_stroke_width = 1.2;
    double ring_width = 2.0; ///< stroke width of hollow (announced/planned) markers
    /// Radius multiplier for sites that are not live yet (announced, planned, under
    /// construction), so the news on a map stands out; 1 draws them like live ones.
    double pending_marker_scale = 1.0;
    /// How far a marker may be drawn from its place to make room for a neighbour, in marker
    /// diameters; sites that cannot be separated within it merge into one counted marker.
    double marker_max_shift = 1.0;

    // Labels
    FontSpec label_font{"DejaVu Sans, Noto Sans CJK SC", 12, 400, false};
    Color label_color{0.13, 0.15, 0.18, 1};
    Color label_halo{1, 1, 1, 0.9};
    double label_halo_width = 3;
    double label_gap = 3;           ///< pixels between marker edge and label box
    int pending_label_weight = 400; ///< font weight of labels of not-yet-live sites

    // Title block, legend, footer
    FontSpec title_font{"DejaVu Sans", 28, 700, false};
    Color title_color{0.10, 0.12, 0.15, 1};
    FontSpec subtitle_font{"DejaVu Sans", 16, 400, false};
    Color subtitle_color{0.30, 0.33, 0.37, 1};
    FontSpec legend_font{"DejaVu Sans", 13, 400, false};
    FontSpec legend_title_font{"DejaVu Sans", 13, 700, false};
    Color legend_text{0.13, 0.15, 0.18, 1};
    Color legend_background{1, 1, 1, 0.88};
    Color legend_border{0.75, 0.78, 0.82, 1};
    FontSpec footer_font{"DejaVu Sans", 11, 400, false};
    Color footer_color{0.38, 0.41, 0.45, 1};

    double margin = 24;       ///< pixels around the page content
    int default_width = 2400; ///< pixels when neither width nor height is given
};

} // namespace dcmap
