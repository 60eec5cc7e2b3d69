// styles/default.yaml is the style users get; Style{} is what unit tests and library users that
// build a Style in code draw with. The build writes Style's constructor from that file
// (src/config/tool/style_defaults.cpp); the first test checks that it wrote every field exactly,
// the second that the file sets every field, so that a user style parsed on top of it never
// falls through to a value no file states.
#include "config/style_loader.hpp"
#include "model/style.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using dcmap::Color;
using dcmap::FontSpec;
using dcmap::SizeBy;
using dcmap::Style;

namespace {

const std::string kDefaultYaml = std::string(DCMAP_SOURCE_DIR) + "/styles/default.yaml";

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// "#rrggbbaa": colours compared as an 8-bit PNG stores them, which is all a style file can say.
std::string text(const Color& c) {
    auto byte = [](double v) { return static_cast<unsigned>(std::lround(v * 255)); };
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
    return buf;
}
std::string text(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}
std::string text(int v) { return std::to_string(v); }
std::string text(bool v) { return v ? "true" : "false"; }
std::string text(const std::string& s) {
    std::ostringstream out;
    out << '"' << s << '"';
    return out.str();
}
std::string text(SizeBy s) {
    return s == SizeBy::zones ? "zones" : s == SizeBy::capacity_mw ? "capacity_mw" : "none";
}
std::string text(const FontSpec& f) {
    std::ostringstream out;
    out << '{' << text(f.family) << ", " << f.size << ", " << f.weight << ", " << text(f.italic)
        << '}';
    return out.str();
}
std::string text(const std::vector<Color>& palette) {
    std::string out = "[";
    for (const auto& c : palette) {
        if (out.size() > 1)
            out += ", ";
        out += text(c);
    }
    return out + "]";
}

std::string text(const std::vector<dcmap::ProviderStyle>& providers) {
    std::string out = "{";
    for (const auto& p : providers) {
        if (out.size() > 1)
            out += ", ";
        out += p.provider + ": " + (p.color ? text(*p.color) : "none");
        if (!p.name.empty())
            out += " " + text(p.name);
    }
    return out + "}";
}

/// Every field of a Style, named by its key in a style file. A field added to Style must be
/// added here too (and to style files); the names are what a reader looks for in the YAML.
std::vector<std::pair<std::string, std::string>> fields(const Style& s) {
    return {
        {"name", text(s.name)},
        {"page.background", text(s.background)},
        {"page.margin", text(s.margin)},
        {"page.default_width", text(s.default_width)},
        {"basemap.ocean", text(s.ocean)},
        {"basemap.land", text(s.land)},
        {"basemap.host_country", text(s.host_country)},
        {"basemap.tint_host_countries", text(s.tint_host_countries)},
        {"basemap.coastline.color", text(s.coastline)},
        {"basemap.coastline.width", text(s.coastline_width)},
        {"basemap.border.color", text(s.border)},
        {"basemap.border.width", text(s.border_width)},
        {"basemap.graticule.color", text(s.graticule)},
        {"basemap.graticule.width", text(s.graticule_width)},
        {"basemap.graticule.step", text(s.graticule_step)},
        {"basemap.outline.color", text(s.outline)},
        {"basemap.outline.width", text(s.outline_width)},
        {"markers.palette", text(s.palette)},
        {"markers.radius", text(s.marker_radius)},
        {"markers.radius_min", text(s.marker_radius_min)},
        {"markers.radius_max", text(s.marker_radius_max)},
        {"markers.size_by", text(s.size_by)},
        {"markers.stroke.color", text(s.marker_stroke)},
        {"markers.stroke.width", text(s.marker_stroke_width)},
        {"markers.ring_width", text(s.ring_width)},
        {"markers.pending_scale", text(s.pending_marker_scale)},
        {"markers.max_shift", text(s.marker_max_shift)},
        {"labels.font", text(s.label_font)},
        {"labels.color", text(s.label_color)},
        {"labels.halo.color", text(s.label_halo)},
        {"labels.halo.width", text(s.label_halo_width)},
        {"labels.gap", text(s.label_gap)},
        {"labels.pending_weight", text(s.pending_label_weight)},
        {"title.font", text(s.title_font)},
        {"title.color", text(s.title_color)},
        {"subtitle.font", text(s.subtitle_font)},
        {"subtitle.color", text(s.subtitle_color)},
        {"legend.font", text(s.legend_font)},
        {"legend.heading_font", text(s.legend_title_font)},
        {"legend.color", text(s.legend_text)},
        {"legend.background", text(s.legend_background)},
        {"legend.border", text(s.legend_border)},
        {"footer.font", text(s.footer_font)},
        {"footer.color", text(s.footer_color)},
        {"providers", text(s.providers)},
    };
}

/// A Style whose every field differs between variant 0 and variant 1, and from any sensible
/// style, so a field a file leaves out shows through a parse on top of it.
Style marked_style(int variant) {
    const Color c{0.1 + 0.5 * variant, 0.2, 0.3, 0.4};
    const FontSpec f{variant ? "Marked B" : "Marked A", 1.0 + variant, 100 + 800 * variant,
                     variant == 1};
    const double d = 1001 + variant;
    Style s;
    s.name = variant ? "marked-b" : "marked-a";
    s.background = s.ocean = s.land = s.host_country = s.coastline = s.border = s.graticule =
        s.outline = s.marker_stroke = s.label_color = s.label_halo = s.title_color =
            s.subtitle_color = s.legend_text = s.legend_background = s.legend_border =
                s.footer_color = c;
    s.tint_host_countries = variant == 1;
    s.coastline_width = s.border_width = s.graticule_width = s.graticule_step = s.outline_width =
        s.marker_radius = s.marker_radius_min = s.marker_radius_max = s.marker_stroke_width =
            s.ring_width = s.pending_marker_scale = s.marker_max_shift = s.label_halo_width =
                s.label_gap = s.margin = d;
    s.palette = std::vector<Color>(static_cast<std::size_t>(variant + 1), c);
    s.size_by = variant ? SizeBy::capacity_mw : SizeBy::zones;
    s.label_font = s.title_font = s.subtitle_font = s.legend_font = s.legend_title_font =
        s.footer_font = f;
    s.pending_label_weight = s.default_width = 101 + variant;
    // The file's entries replace the colours of the same providers (names stay built-in).
    s.providers.clear();
    for (const char* key : {"aws", "azure", "gcp", "alibaba", "oracle"})
        s.providers.push_back({key, {}, c});
    return s;
}

} // namespace

TEST_CASE("config: Style{} in code equals styles/default.yaml, field by field", "[config]") {
    const Style code{};
    // Read onto a base unlike any style, so a field the generated constructor left blank shows.
    const Style file =
        dcmap::config::parse_style(read_text(kDefaultYaml), kDefaultYaml, marked_style(0));
    const auto in_code = fields(code);
    const auto in_file = fields(file);
    REQUIRE(in_code.size() == in_file.size());
    int differences = 0;
    for (std::size_t i = 0; i < in_code.size(); ++i) {
        if (in_code[i].second == in_file[i].second)
            continue;
        ++differences;
        FAIL_CHECK(in_code[i].first << ": Style{} " << in_code[i].second << ", styles/default.yaml "
                                    << in_file[i].second);
    }
    INFO(differences << " of " << in_code.size() << " fields differ");
    CHECK(differences == 0);
}

TEST_CASE("config: styles/default.yaml sets every field of a Style", "[config]") {
    const std::string yaml = read_text(kDefaultYaml);
    const auto a = fields(dcmap::config::parse_style(yaml, kDefaultYaml, marked_style(0)));
    const auto b = fields(dcmap::config::parse_style(yaml, kDefaultYaml, marked_style(1)));
    // The two marked bases differ in every field (checked here, so the test cannot pass by
    // accident); after the parse, a field still differing is one the file does not set.
    const auto base_a = fields(marked_style(0));
    const auto base_b = fields(marked_style(1));
    for (std::size_t i = 0; i < base_a.size(); ++i)
        REQUIRE(base_a[i].second != base_b[i].second);
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].second != b[i].second)
            FAIL_CHECK(a[i].first << " is not set by styles/default.yaml; the code's "
                                     "default applies");
}
