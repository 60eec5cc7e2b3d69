// Build-time tool: styles/default.yaml -> the C++ constructor of Style (model/style.hpp), so that
// file is the only place the default style is written. Reads it with the same parser a user's
// style goes through (config/style_parser.cpp) onto the blank Style of the header's
// initialisers, and prints every field as an exact C++ literal.
//
//     dcmap_style_defaults STYLE_YAML OUTPUT_CPP
#include "config/style_loader.hpp"
#include "io/atomic_file.hpp"
#include "io/input_file.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"

#include <charconv>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// The tool reads the file onto the blank; the program's constructor is the one this tool writes.
dcmap::Style::Style() = default;

namespace {

using dcmap::Color;
using dcmap::FontSpec;
using dcmap::ProviderStyle;
using dcmap::SizeBy;

/// The shortest decimal that reads back as exactly `v`.
std::string literal(double v) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    std::string text(buffer, result.ptr);
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return text;
}
std::string literal(int v) { return std::to_string(v); }
std::string literal(bool v) { return v ? "true" : "false"; }
std::string literal(const std::string& s) {
    std::string out = "\"";
    for (const unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x7f) {
            // Octal escapes always end after three digits, so a following digit stays itself.
            const char octal[] = {'\\', static_cast<char>('0' + (c >> 6)),
                                  static_cast<char>('0' + ((c >> 3) & 7)),
                                  static_cast<char>('0' + (c & 7)), 0};
            out += octal;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}
std::string literal(const Color& c) {
    return "Color{" + literal(c.r) + ", " + literal(c.g) + ", " + literal(c.b) + ", " +
           literal(c.a) + "}";
}
std::string literal(const FontSpec& f) {
    return "FontSpec{" + literal(f.family) + ", " + literal(f.size) + ", " + literal(f.weight) +
           ", " + literal(f.italic) + "}";
}
std::string literal(SizeBy s) {
    switch (s) {
    case SizeBy::none:
        return "SizeBy::none";
    case SizeBy::zones:
        return "SizeBy::zones";
    case SizeBy::capacity_mw:
        return "SizeBy::capacity_mw";
    }
    throw std::logic_error("unknown SizeBy");
}
std::string literal(const std::vector<Color>& colors) {
    std::string out = "{";
    for (const auto& c : colors)
        out += (out.size() > 1 ? ", " : "") + literal(c);
    return out + "}";
}
std::string literal(const std::vector<ProviderStyle>& providers) {
    std::string out = "{";
    for (const auto& p : providers)
        out += std::string(out.size() > 1 ? ",\n                 " : "") + "ProviderStyle{" +
               literal(p.provider) + ", " + literal(p.name) + ", " +
               (p.color ? literal(*p.color) : std::string("std::nullopt")) + "}";
    return out + "}";
}

/// The constructor's source. Every field of Style is listed here: one left out would keep its
/// blank value, which the unit test "Style{} in code equals styles/default.yaml" reports.
std::string constructor_source(const dcmap::Style& s, const std::string& yaml_path) {
    std::ostringstream out;
    out << "// Generated at build time by dcmap_style_defaults "
           "(src/config/tool/style_defaults.cpp)\n"
           "// from "
        << yaml_path
        << ". Do not edit: change the YAML.\n"
           "#include \"model/style.hpp\"\n\n"
           "namespace dcmap {\n\n"
           "Style::Style() {\n";
    const auto set = [&out](const char* field, const std::string& value) {
        out << "    " << field << " = " << value << ";\n";
    };
    set("name", literal(s.name));
    set("background", literal(s.background));
    set("ocean", literal(s.ocean));
    set("land", literal(s.land));
    set("host_country", literal(s.host_country));
    set("tint_host_countries", literal(s.tint_host_countries));
    set("coastline", literal(s.coastline));
    set("coastline_width", literal(s.coastline_width));
    set("border", literal(s.border));
    set("border_width", literal(s.border_width));
    set("graticule", literal(s.graticule));
    set("graticule_width", literal(s.graticule_width));
    set("graticule_step", literal(s.graticule_step));
    set("outline", literal(s.outline));
    set("outline_width", literal(s.outline_width));
    set("palette", literal(s.palette));
    set("providers", literal(s.providers));
    set("marker_radius", literal(s.marker_radius));
    set("marker_radius_min", literal(s.marker_radius_min));
    set("marker_radius_max", literal(s.marker_radius_max));
    set("size_by", literal(s.size_by));
    set("marker_stroke", literal(s.marker_stroke));
    set("marker_stroke_width", literal(s.marker_stroke_width));
    set("ring_width", literal(s.ring_width));
    set("pending_marker_scale", literal(s.pending_marker_scale));
    set("marker_max_shift", literal(s.marker_max_shift));
    set("label_font", literal(s.label_font));
    set("label_color", literal(s.label_color));
    set("label_halo", literal(s.label_halo));
    set("label_halo_width", literal(s.label_halo_width));
    set("label_gap", literal(s.label_gap));
    set("pending_label_weight", literal(s.pending_label_weight));
    set("title_font", literal(s.title_font));
    set("title_color", literal(s.title_color));
    set("subtitle_font", literal(s.subtitle_font));
    set("subtitle_color", literal(s.subtitle_color));
    set("legend_font", literal(s.legend_font));
    set("legend_title_font", literal(s.legend_title_font));
    set("legend_text", literal(s.legend_text));
    set("legend_background", literal(s.legend_background));
    set("legend_border", literal(s.legend_border));
    set("footer_font", literal(s.footer_font));
    set("footer_color", literal(s.footer_color));
    set("margin", literal(s.margin));
    set("default_width", literal(s.default_width));
    out << "}\n\n} // namespace dcmap\n";
    return out.str();
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: dcmap_style_defaults STYLE_YAML OUTPUT_CPP\n";
        return 2;
    }
    try {
        const std::string text =
            dcmap::io::read_input_file(argv[1], dcmap::limits::style_file_bytes, "style");
        dcmap::Style style = dcmap::config::parse_style(text, argv[1], dcmap::Style{});
        style.name = "default";
        // An interrupted build leaves no half-written file for the next one to compile.
        dcmap::io::write_file_atomically(argv[2], constructor_source(style, "styles/default.yaml"));
    } catch (const std::exception& e) {
        std::cerr << "dcmap_style_defaults: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
