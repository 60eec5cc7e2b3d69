#pragma once
// Every visual choice of a map. Loaded from styles/*.yaml by config/; sizes are CSS pixels at
// --scale 1 (the renderer multiplies by the scale).
#include <optional>
#include <string>
#include <vector>

namespace dcmap {

struct Color {
    double r = 0, g = 0, b = 0, a = 1; ///< each 0..1

    /// 0xRRGGBB as a style file writes it ("#rrggbb"), with alpha 0..255.
    static constexpr Color hex(unsigned rgb, unsigned alpha = 255) {
        return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0,
                alpha / 255.0};
    }
};

struct FontSpec {
    std::string family =
        "DejaVu Sans"; ///< fontconfig family list, e.g. "DejaVu Sans, Noto Sans CJK SC"
    double size = 12;  ///< pixels
    int weight = 400;  ///< 400 normal, 700 bold
    bool italic = false;
};

/// The font families of every text in the default style: DejaVu for Latin, Greek and Cyrillic,
/// Noto CJK for Chinese, Japanese and Korean names.
inline constexpr const char* kDefaultFamilies = "DejaVu Sans, Noto Sans CJK SC";

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

/// The built-in default style. The initialisers below are styles/default.yaml written as code,
/// so that a Style{} built in a test or by a library user draws what users get; the test
/// "Style{} in code equals styles/default.yaml" fails when the two differ. Edit both together.
struct Style {
    std::string name = "default";

    // Page and base map
    Color background{1, 1, 1, 1};       ///< whole canvas
    Color ocean = Color::hex(0xdfe9f2); ///< inside the projection outline
    Color land = Color::hex(0xf4f0e8);
    Color host_country = Color::hex(0xe8dfcf); ///< tint of countries hosting a site
    bool tint_host_countries = true;
    Color coastline = Color::hex(0xa9b4bf);
    double coastline_width = 0.6;
    Color border = Color::hex(0xffffff);
    double border_width = 0.6;
    Color graticule = Color::hex(0xd2deea);
    double graticule_width = 0.4;
    double graticule_step = 30;           ///< degrees
    Color outline = Color::hex(0x9aa8b6); ///< the sphere's edge
    double outline_width = 1.0;

    // Markers
    /// Colours for providers, given in name order (Okabe-Ito; see styles/default.yaml).
    std::vector<Color> palette{Color::hex(0xd55e00), Color::hex(0x0072b2), Color::hex(0x009e73),
                               Color::hex(0xcc79a7), Color::hex(0x000000), Color::hex(0xe69f00),
                               Color::hex(0x56b4e9), Color::hex(0xf0e442)};
    /// Fixed colours and names of providers (the built-in five in styles/default.yaml), the
    /// same on every map; other providers take the palette colours these leave free.
    std::vector<ProviderStyle> providers{{"aws", "", Color::hex(0xd55e00)},
                                         {"azure", "", Color::hex(0x0072b2)},
                                         {"gcp", "", Color::hex(0x009e73)},
                                         {"alibaba", "", Color::hex(0xcc79a7)},
                                         {"oracle", "", Color::hex(0x000000)}};
    double marker_radius = 5.5;    ///< radius when not sized by a quantity
    double marker_radius_min = 4;  ///< smallest radius when sized
    double marker_radius_max = 12; ///< largest radius when sized
    SizeBy size_by = SizeBy::none;
    Color marker_stroke{1, 1, 1, 1}; ///< thin ring around filled markers so they separate
    double marker_stroke_width = 1.2;
    double ring_width = 2.0; ///< stroke width of hollow (announced/planned) markers
    /// Radius multiplier for sites that are not live yet (announced, planned, under
    /// construction), so the news on a map stands out; 1 draws them like live ones.
    double pending_marker_scale = 1.3;
    /// How far a marker may be drawn from its place to make room for a neighbour, in marker
    /// diameters; sites that cannot be separated within it merge into one counted marker.
    double marker_max_shift = 1.0;

    // Labels
    FontSpec label_font{kDefaultFamilies, 12.5, 400, false};
    Color label_color = Color::hex(0x22262d);
    Color label_halo = Color::hex(0xffffff, 0xe6);
    double label_halo_width = 3;
    double label_gap = 3;           ///< pixels between marker edge and label box
    int pending_label_weight = 700; ///< font weight of labels of not-yet-live sites

    // Title block, legend, footer
    FontSpec title_font{kDefaultFamilies, 28, 700, false};
    Color title_color = Color::hex(0x1a1f26);
    FontSpec subtitle_font{kDefaultFamilies, 16, 400, false};
    Color subtitle_color = Color::hex(0x4d545e);
    FontSpec legend_font{kDefaultFamilies, 13, 400, false};
    FontSpec legend_title_font{kDefaultFamilies, 13, 700, false};
    Color legend_text = Color::hex(0x22262d);
    Color legend_background = Color::hex(0xffffff, 0xe0);
    Color legend_border = Color::hex(0xc0c7d0);
    FontSpec footer_font{kDefaultFamilies, 11, 400, false};
    Color footer_color = Color::hex(0x616873);

    double margin = 24;       ///< pixels around the page content
    int default_width = 2400; ///< pixels when neither width nor height is given
};

} // namespace dcmap
