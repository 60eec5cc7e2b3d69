// Style YAML -> Style: what each key of a style file sets. Depends only on the YAML reader, so
// the build-time tool that writes the default style (config/tool/) compiles it too.
#include "config/style_loader.hpp"

#include "config/yaml_reader.hpp"
#include "model/limits.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace dcmap::config {

namespace {

using detail::Entry;
using detail::find;
using detail::Reader;

const std::vector<std::string> kTopKeys = {"name",  "page",     "basemap", "markers", "labels",
                                           "title", "subtitle", "legend",  "footer",  "providers"};

/// Runs `read` on the entries of the sub-mapping `key`, if present and a mapping.
template <class F>
void with_section(Reader& r, const std::vector<Entry>& entries, const std::string& key,
                  const std::vector<std::string>& known, const std::string& path, F read) {
    const Entry* e = find(entries, key);
    if (!e || !r.expect_mapping(*e))
        return;
    read(r.entries(e->value, known, "style section '" + path + "'"));
}

void set_color(Reader& r, const std::vector<Entry>& entries, const char* key, Color& target) {
    if (const Entry* e = find(entries, key))
        if (auto c = r.color(*e))
            target = *c;
}

/// A length in CSS pixels from "9pt", "1.5mm" or "12px" (1 px = 1/96 in = 0.75 pt), or nothing
/// when `text` is not a number with one of those units.
std::optional<double> css_pixels(const std::string& text) {
    if (text.size() < 3)
        return std::nullopt;
    const std::string unit = text.substr(text.size() - 2);
    const double per_unit = unit == "pt" ? 96.0 / 72 : unit == "mm" ? 96 / 25.4 : 1.0;
    if (unit != "pt" && unit != "mm" && unit != "px")
        return std::nullopt;
    const auto number = detail::parse_number(text.substr(0, text.size() - 2));
    if (!number)
        return std::nullopt;
    return *number * per_unit;
}

/// A size that must be >= 0, or > 0 when `positive`: CSS pixels, or with `length` also a length
/// with a unit ("9pt"); else degrees or a factor, a plain number.
void set_size(Reader& r, const std::vector<Entry>& entries, const char* key, double& target,
              bool positive = false, bool length = true) {
    const Entry* e = find(entries, key);
    if (!e)
        return;
    std::optional<double> value;
    if (length && e->value.IsScalar())
        value = css_pixels(e->value.Scalar());
    if (!value)
        value = r.number(*e, std::string(key) + (length ? ": 2 (pixels), or 1.5pt, 0.5mm" : ": 2"));
    if (!value)
        return;
    if (*value < 0 || (positive && *value == 0)) {
        r.error(r.value_pos(*e), std::string(key) + " must be " +
                                     (positive ? "greater than 0" : "0 or more") + ", not " +
                                     e->value.Scalar());
        return;
    }
    target = *value;
}

void set_bool(Reader& r, const std::vector<Entry>& entries, const char* key, bool& target) {
    if (const Entry* e = find(entries, key))
        if (auto b = r.boolean(*e))
            target = *b;
}

/// `weight:` as 100..900 or normal/bold.
void set_weight(Reader& r, const Entry& e, int& target) {
    if (e.value.IsScalar() && e.value.Scalar() == "normal") {
        target = 400;
        return;
    }
    if (e.value.IsScalar() && e.value.Scalar() == "bold") {
        target = 700;
        return;
    }
    const auto number = e.value.IsScalar() ? detail::parse_number(e.value.Scalar()) : std::nullopt;
    // Range first: casting a number outside int's range is undefined.
    if (!number || *number < 100 || *number > 1000 || *number != static_cast<int>(*number)) {
        r.error(r.value_pos(e),
                "weight must be 100..1000, normal or bold, not " +
                    (e.value.IsScalar() ? e.value.Scalar() : std::string("a list or mapping")),
                "400 is normal, 700 is bold");
        return;
    }
    target = static_cast<int>(*number);
}

void set_font(Reader& r, const std::vector<Entry>& entries, const std::string& key,
              const std::string& path, FontSpec& font) {
    with_section(r, entries, key, {"family", "size", "weight", "italic"}, path + "." + key,
                 [&](const std::vector<Entry>& f) {
                     if (const Entry* e = find(f, "family")) {
                         if (auto family = r.text(*e)) {
                             if (family->empty())
                                 r.error(r.value_pos(*e), "family is empty",
                                         "e.g. family: \"DejaVu Sans, Noto Sans CJK SC\"");
                             else
                                 font.family = *family;
                         }
                     }
                     set_size(r, f, "size", font.size, true);
                     if (const Entry* e = find(f, "size"); e && font.size > 200)
                         r.error(r.value_pos(*e),
                                 path + "." + key + ".size " + e->value.Scalar() +
                                     " is above the 200 px maximum",
                                 "use a size between " +
                                     std::to_string(static_cast<int>(kMinTextPx)) + " and 200");
                     if (const Entry* e = find(f, "size"); e && font.size < kMinTextPx)
                         r.error(r.value_pos(*e),
                                 path + "." + key + ".size " + e->value.Scalar() +
                                     " is below the " +
                                     std::to_string(static_cast<int>(kMinTextPx)) +
                                     " px minimum for legible text",
                                 "use " + std::to_string(static_cast<int>(kMinTextPx)) +
                                     " or more, and `label:` to shorten long names");
                     if (const Entry* e = find(f, "weight"))
                         set_weight(r, *e, font.weight);
                     set_bool(r, f, "italic", font.italic);
                 });
}

/// {color:, width:} pairs for lines.
void set_stroke(Reader& r, const std::vector<Entry>& entries, const std::string& key,
                const std::string& path, Color& color, double& width) {
    with_section(r, entries, key, {"color", "width"}, path + "." + key,
                 [&](const std::vector<Entry>& s) {
                     set_color(r, s, "color", color);
                     set_size(r, s, "width", width);
                 });
}

void read_page(Reader& r, const std::vector<Entry>& top, Style& style) {
    with_section(r, top, "page", {"background", "margin", "default_width"}, "page",
                 [&](const std::vector<Entry>& p) {
                     set_color(r, p, "background", style.background);
                     set_size(r, p, "margin", style.margin);
                     if (const Entry* e = find(p, "default_width")) {
                         const auto w = r.integer(*e, "default_width: 2400");
                         if (w && (*w <= 0 || *w > 100000))
                             r.error(r.value_pos(*e), "default_width must be a positive number "
                                                      "of pixels, not " +
                                                          e->value.Scalar());
                         else if (w)
                             style.default_width = static_cast<int>(*w);
                     }
                 });
}

void read_basemap(Reader& r, const std::vector<Entry>& top, Style& style) {
    const std::vector<std::string> keys = {
        "ocean",     "land",   "host_country", "tint_host_countries",
        "coastline", "border", "graticule",    "outline"};
    with_section(r, top, "basemap", keys, "basemap", [&](const std::vector<Entry>& b) {
        set_color(r, b, "ocean", style.ocean);
        set_color(r, b, "land", style.land);
        set_color(r, b, "host_country", style.host_country);
        set_bool(r, b, "tint_host_countries", style.tint_host_countries);
        set_stroke(r, b, "coastline", "basemap", style.coastline, style.coastline_width);
        set_stroke(r, b, "border", "basemap", style.border, style.border_width);
        with_section(r, b, "graticule", {"color", "width", "step"}, "basemap.graticule",
                     [&](const std::vector<Entry>& g) {
                         set_color(r, g, "color", style.graticule);
                         set_size(r, g, "width", style.graticule_width);
                         set_size(r, g, "step", style.graticule_step, true, false);
                         // A tiny step means tens of thousands of lines to cut and project.
                         if (const Entry* e = find(g, "step");
                             e && (style.graticule_step < 1 || style.graticule_step > 90))
                             r.error(r.value_pos(*e),
                                     "basemap.graticule.step " + e->value.Scalar() +
                                         " is outside 1..90 degrees",
                                     "use e.g. step: 30, or a transparent color to hide the grid");
                     });
        set_stroke(r, b, "outline", "basemap", style.outline, style.outline_width);
    });
}

void read_palette(Reader& r, const Entry& e, Style& style) {
    if (!r.expect_value(e))
        return;
    if (!e.value.IsSequence() || e.value.size() == 0) {
        r.error(r.value_pos(e), "palette must be a list of colours",
                "e.g. palette: [\"#E69F00\", \"#009E73\"]");
        return;
    }
    std::vector<Color> palette;
    for (const auto& item : e.value) {
        const Entry colour{"palette colour", e.key_node, item};
        if (auto c = r.color(colour))
            palette.push_back(*c);
    }
    if (palette.size() == e.value.size())
        style.palette = palette;
}

void read_markers(Reader& r, const std::vector<Entry>& top, Style& style) {
    const std::vector<std::string> keys = {"palette",    "radius",        "radius_min",
                                           "radius_max", "size_by",       "stroke",
                                           "ring_width", "pending_scale", "max_shift"};
    with_section(r, top, "markers", keys, "markers", [&](const std::vector<Entry>& m) {
        if (const Entry* e = find(m, "palette"))
            read_palette(r, *e, style);
        set_size(r, m, "radius", style.marker_radius, true);
        set_size(r, m, "radius_min", style.marker_radius_min, true);
        set_size(r, m, "radius_max", style.marker_radius_max, true);
        if (const Entry* e = find(m, "size_by")) {
            if (auto s = r.choice(*e, {"none", "zones", "capacity_mw"}))
                style.size_by = *s == "zones"         ? SizeBy::zones
                                : *s == "capacity_mw" ? SizeBy::capacity_mw
                                                      : SizeBy::none;
        }
        set_stroke(r, m, "stroke", "markers", style.marker_stroke, style.marker_stroke_width);
        set_size(r, m, "ring_width", style.ring_width, true);
        if (const Entry* e = find(m, "pending_scale")) {
            const auto value = r.number(*e, "pending_scale: 1.3");
            if (value && (*value < 1 || *value > 3))
                r.error(r.value_pos(*e), "pending_scale must be 1..3, not " + e->value.Scalar(),
                        "1 draws announced and planned sites as large as live ones");
            else if (value)
                style.pending_marker_scale = *value;
        }
        if (const Entry* e = find(m, "max_shift")) {
            const auto value = r.number(*e, "max_shift: 1");
            if (value && (*value < 0 || *value > 3))
                r.error(r.value_pos(*e),
                        "max_shift must be 0..3 marker diameters, not " + e->value.Scalar(),
                        "1 lets a marker move one diameter to make room; 0 never moves markers");
            else if (value)
                style.marker_max_shift = *value;
        }
    });
    if (style.marker_radius_min > style.marker_radius_max) {
        if (const Entry* e = find(top, "markers"))
            r.error(r.pos(e->key_node), "markers.radius_min is larger than markers.radius_max",
                    "swap them");
    }
}

/// One `providers:` entry: a colour, or a mapping with `color:` and/or `name:`.
void read_provider(Reader& r, const Entry& e, ProviderStyle& out) {
    if (!r.expect_value(e))
        return;
    if (e.value.IsScalar()) {
        out.color = r.color(e);
        return;
    }
    if (!e.value.IsMap()) {
        r.error(r.value_pos(e), "provider '" + e.key + "' must be a colour or a mapping",
                "e.g. " + e.key + ": {color: \"#d55e00\", name: \"" + e.key + "\"}");
        return;
    }
    const auto keys = r.entries(e.value, {"color", "name"}, "provider '" + e.key + "'");
    if (const Entry* c = find(keys, "color"))
        out.color = r.color(*c);
    if (const Entry* n = find(keys, "name"))
        if (auto name = r.text(*n)) {
            if (name->empty())
                r.error(r.value_pos(*n), "the name of provider '" + e.key + "' is empty",
                        "leave name: out to keep the usual name");
            else
                out.name = *name;
        }
}

/// `providers:` adds to the base style's entries; an entry naming the same provider the same
/// way replaces the base's colour or name, one given anyhow else is merged later, by the cli.
void read_providers(Reader& r, const std::vector<Entry>& top, Style& style) {
    const Entry* section = find(top, "providers");
    if (!section || !r.expect_mapping(*section))
        return;
    std::vector<std::string> seen;
    for (const auto& [key, value] : section->value.pairs()) {
        const Entry e{key.IsScalar() ? key.Scalar() : std::string(), key, value};
        if (!key.IsScalar() || e.key.empty()) {
            r.error(r.pos(key), "a key in providers must be a provider's name",
                    "e.g. aws, azure, gcp, alibaba, oracle, or a name as site files write it");
            continue;
        }
        if (!r.check_text(e, e.key))
            continue;
        if (std::find(seen.begin(), seen.end(), e.key) != seen.end()) {
            r.error(r.pos(key), "provider '" + e.key + "' appears twice in providers",
                    "keep one of them");
            continue;
        }
        seen.push_back(e.key);
        ProviderStyle given{e.key, {}, {}};
        read_provider(r, e, given);
        auto base = std::find_if(style.providers.begin(), style.providers.end(),
                                 [&](const ProviderStyle& p) { return p.provider == e.key; });
        if (base == style.providers.end()) {
            style.providers.push_back(given);
            continue;
        }
        if (given.color)
            base->color = given.color;
        if (!given.name.empty())
            base->name = given.name;
    }
}

void read_labels(Reader& r, const std::vector<Entry>& top, Style& style) {
    with_section(r, top, "labels", {"font", "color", "halo", "gap", "pending_weight"}, "labels",
                 [&](const std::vector<Entry>& l) {
                     set_font(r, l, "font", "labels", style.label_font);
                     set_color(r, l, "color", style.label_color);
                     set_stroke(r, l, "halo", "labels", style.label_halo, style.label_halo_width);
                     set_size(r, l, "gap", style.label_gap);
                     if (const Entry* e = find(l, "pending_weight"))
                         set_weight(r, *e, style.pending_label_weight);
                 });
}

void read_text_block(Reader& r, const std::vector<Entry>& top, const std::string& key,
                     FontSpec& font, Color& color) {
    with_section(r, top, key, {"font", "color"}, key, [&](const std::vector<Entry>& t) {
        set_font(r, t, "font", key, font);
        set_color(r, t, "color", color);
    });
}

void read_legend(Reader& r, const std::vector<Entry>& top, Style& style) {
    with_section(r, top, "legend", {"font", "heading_font", "color", "background", "border"},
                 "legend", [&](const std::vector<Entry>& l) {
                     set_font(r, l, "font", "legend", style.legend_font);
                     set_font(r, l, "heading_font", "legend", style.legend_title_font);
                     set_color(r, l, "color", style.legend_text);
                     set_color(r, l, "background", style.legend_background);
                     set_color(r, l, "border", style.legend_border);
                 });
}

} // namespace

Style parse_style(std::string_view yaml_text, const std::string& path, const Style& base) {
    const detail::YamlValue root = detail::parse_yaml(yaml_text, path);
    Reader r(path);
    Style style = base;
    if (root.IsNull())
        return style;
    if (!root.IsMap()) {
        r.error(r.pos(root), "a style must be a mapping of sections (basemap:, markers:, ...)");
        r.throw_if_errors();
    }
    const auto top = r.entries(root, kTopKeys, "style");
    if (const Entry* e = find(top, "name"))
        if (auto name = r.text(*e))
            style.name = *name;
    read_page(r, top, style);
    read_basemap(r, top, style);
    read_markers(r, top, style);
    read_labels(r, top, style);
    read_text_block(r, top, "title", style.title_font, style.title_color);
    read_text_block(r, top, "subtitle", style.subtitle_font, style.subtitle_color);
    read_legend(r, top, style);
    read_text_block(r, top, "footer", style.footer_font, style.footer_color);
    read_providers(r, top, style);
    r.throw_if_errors();
    return style;
}

} // namespace dcmap::config
