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

/// Every visual choice of a map. A default-constructed Style is the default style: its
/// constructor is generated at build time from styles/default.yaml (src/config/tool/), so that
/// file is the one place the defaults are written, and a Style{} built in a test or by a library
/// user draws what users get. The initialisers below are only the blank a style file is read
/// onto while generating it.
struct Style {
    Style();

    std::string name;

    // Page and base map
    Color background; ///< whole canvas
    Color ocean;      ///< inside the projection outline
    Color land;
    Color host_country; ///< tint of countries hosting a site
    bool tint_host_countries = false;
    Color coastline;
    double coastline_width = 0;
    Color border;
    double border_width = 0;
    Color graticule;
    double graticule_width = 0;
    double graticule_step = 0; ///< degrees
    Color outline;             ///< the sphere's edge
    double outline_width = 0;

    // Markers
    /// Colours for providers, given in name order.
    std::vector<Color> palette;
    /// Fixed colours and names of providers, the same on every map; other providers take the
    /// palette colours these leave free.
    std::vector<ProviderStyle> providers;
    double marker_radius = 0;     ///< radius when not sized by a quantity
    double marker_radius_min = 0; ///< smallest radius when sized
    double marker_radius_max = 0; ///< largest radius when sized
    SizeBy size_by = SizeBy::none;
    Color marker_stroke; ///< thin ring around filled markers so they separate
    double marker_stroke_width = 0;
    double ring_width = 0; ///< stroke width of hollow (announced/planned) markers
    /// Radius multiplier for sites that are not live yet (announced, planned, under
    /// construction), so the news on a map stands out; 1 draws them like live ones.
    double pending_marker_scale = 1;
    /// How far a marker may be drawn from its place to make room for a neighbour, in marker
    /// diameters; sites that cannot be separated within it merge into one counted marker.
    double marker_max_shift = 0;

    // Labels
    FontSpec label_font;
    Color label_color;
    Color label_halo;
    double label_halo_width = 0;
    double label_gap = 0;           ///< pixels between marker edge and label box
    int pending_label_weight = 400; ///< font weight of labels of not-yet-live sites

    // Title block, legend, footer
    FontSpec title_font;
    Color title_color;
    FontSpec subtitle_font;
    Color subtitle_color;
    FontSpec legend_font;
    FontSpec legend_title_font;
    Color legend_text;
    Color legend_background;
    Color legend_border;
    FontSpec footer_font;
    Color footer_color;

    double margin = 0;     ///< pixels around the page content
    int default_width = 0; ///< pixels when neither width nor height is given
};

} // namespace dcmap
