#pragma once
// A small hand-made map for the render tests: one square host country on an ocean, markers of
// every status, a Latin and a CJK label, a legend, title, subtitle and footer.
#include "model/basemap.hpp"
#include "model/layout.hpp"
#include "model/style.hpp"
#include "render/render.hpp"
#include "support/temp_dir.hpp"

#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace dcmap::test {

inline const Color kRed{0.85, 0.10, 0.10, 1};
inline const Color kBlue{0.10, 0.30, 0.80, 1};

/// Projected units equal pixels with y flipped on a 400 x 300 canvas.
inline ViewTransform flip_transform() { return {0, 300, 1, 0, 0}; }

inline Ring square(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

inline ProjectedBasemap test_basemap() {
    ProjectedBasemap basemap;
    // Pixel box 100..220 x 60..180 once flipped.
    Polygon country{{square(100, 120, 220, 240)}};
    basemap.countries.push_back({"BR", "Brazil", {country}});
    basemap.land.push_back(country);
    basemap.graticule.push_back({{10, 150}, {390, 150}});
    basemap.graticule.push_back({{200, 10}, {200, 290}});
    basemap.outline = square(10, 10, 390, 290);
    basemap.bounds = Box{10, 10, 390, 290};
    return basemap;
}

inline MarkerLayout marker(std::string id, double x, double y, Status status, Color color) {
    MarkerLayout m;
    m.id = std::move(id);
    m.x = x;
    m.y = y;
    m.r = 8;
    m.status = status;
    m.color = color;
    return m;
}

inline LabelLayout label(std::string id, std::string text, double x, double y,
                         const MeasureText& measure, const FontSpec& font) {
    TextSize size = measure(text, font);
    LabelLayout l;
    l.id = std::move(id);
    l.text = std::move(text);
    l.box = Box::from_xywh(x, y, size.width, size.height);
    return l;
}

inline TextBlock block(std::string text, FontSpec font, Color color, double x, double y,
                       const MeasureText& measure) {
    TextSize size = measure(text, font);
    return {std::move(text), font, color, Box::from_xywh(x, y, size.width, size.height)};
}

inline LegendRow legend_row(Status status, Color color, double y, const std::string& text,
                            const Style& style, const MeasureText& measure) {
    LegendRow row;
    row.status = status;
    row.color = color;
    row.r = 6;
    row.symbol = {262, y};
    row.label = block(text, style.legend_font, style.legend_text, 274, y - 8, measure);
    return row;
}

inline MapLayout test_layout(const Style& style, const MeasureText& measure) {
    MapLayout layout;
    layout.width = 400;
    layout.height = 300;
    layout.transform = flip_transform();
    layout.map_frame = Box{0, 0, 400, 300};
    layout.host_countries = {"BR"};
    layout.markers = {marker("sao", 160, 120, Status::live, kRed),
                      marker("bj", 60, 230, Status::announced, kBlue),
                      marker("plan", 330, 60, Status::planned, kBlue),
                      marker("uc", 290, 120, Status::under_construction, kRed),
                      marker("old", 40, 120, Status::retired, kBlue)};
    layout.labels = {label("sao", "São Paulo", 172, 128, measure, style.label_font),
                     label("bj", "北京", 30, 250, measure, style.label_font)};
    layout.labels[1].has_leader = true;
    layout.labels[1].leader_from = {58, 238};
    layout.labels[1].leader_to = {50, 250};
    layout.title = block("Test sites", style.title_font, style.title_color, 16, 12, measure);
    layout.subtitle =
        block("Hand-made scene", style.subtitle_font, style.subtitle_color, 16, 46, measure);
    layout.footer = {
        block("Source: tests", style.footer_font, style.footer_color, 16, 276, measure)};
    layout.legend.box = Box{248, 180, 384, 268};
    layout.legend.headings = {
        block("Status", style.legend_title_font, style.legend_text, 256, 186, measure)};
    layout.legend.rows = {legend_row(Status::live, kRed, 214, "Live (1)", style, measure),
                          legend_row(Status::announced, kBlue, 234, "Announced", style, measure),
                          legend_row(Status::retired, kBlue, 254, "Retired", style, measure)};
    return layout;
}

/// A fresh empty folder inside this test process's own temp folder, which is removed with
/// everything in it when the process exits.
inline std::string make_temp_dir() {
    static const TempDir root("dcmap-render");
    static int made = 0;
    const std::filesystem::path dir = root.path() / std::to_string(made++);
    std::filesystem::create_directory(dir);
    return dir.string();
}

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// An RGBA pixel read back from a PNG, un-premultiplied, channels 0..1.
struct Rgba {
    double r = 0, g = 0, b = 0, a = 0;
};

inline Rgba pixel_at(cairo_surface_t* png, int x, int y) {
    const unsigned char* row =
        cairo_image_surface_get_data(png) + y * cairo_image_surface_get_stride(png);
    std::uint32_t argb = reinterpret_cast<const std::uint32_t*>(row)[x];
    double a = ((argb >> 24) & 0xff) / 255.0;
    auto channel = [&](int shift) { return a > 0 ? ((argb >> shift) & 0xff) / 255.0 / a : 0.0; };
    return {channel(16), channel(8), channel(0), a};
}

inline bool near(Rgba p, Color c, double tolerance = 0.03) {
    return std::abs(p.r - c.r) <= tolerance && std::abs(p.g - c.g) <= tolerance &&
           std::abs(p.b - c.b) <= tolerance;
}

} // namespace dcmap::test
