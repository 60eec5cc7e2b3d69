#include "model/error.hpp"
#include "render/encode.hpp"
#include "render/render.hpp"
#include "render/svg_ids.hpp"
#include "scene.hpp"

#include <catch2/catch.hpp>

#include <regex>

#include <cmath>
#include <cstdlib>
#include <limits>

using namespace dcmap;
using dcmap::test::kBlue;
using dcmap::test::kRed;

namespace {

struct Rendered {
    std::string path;
    std::string bytes;
};

Rendered render_scene(render::Format format, const std::string& name,
                      const render::RenderOptions& options = {}, Style style = {}) {
    static std::string dir = test::make_temp_dir();
    auto measure = render::pango_measurer();
    std::string path = dir + "/" + name;
    render::render_map(test::test_layout(style, measure), test::test_basemap(), style, format,
                       options, path);
    return {path, test::read_bytes(path)};
}

struct PngImage {
    cairo_surface_t* surface;
    explicit PngImage(const std::string& path)
        : surface(cairo_image_surface_create_from_png(path.c_str())) {}
    ~PngImage() { cairo_surface_destroy(surface); }
    test::Rgba at(int x, int y) const { return test::pixel_at(surface, x, y); }
};

int count_pixels(const PngImage& png, const Box& box, bool (*predicate)(test::Rgba)) {
    int count = 0;
    for (int y = static_cast<int>(box.min_y); y < static_cast<int>(box.max_y); ++y)
        for (int x = static_cast<int>(box.min_x); x < static_cast<int>(box.max_x); ++x)
            if (predicate(png.at(x, y)))
                ++count;
    return count;
}

bool is_dark(test::Rgba p) { return p.r < 0.5 && p.g < 0.5 && p.b < 0.5; }
bool is_halo_white(test::Rgba p) { return p.r > 0.98 && p.g > 0.98 && p.b > 0.98; }
/// Darker than any light fill: an antialiased thin dark line.
bool is_greyed(test::Rgba p) { return p.r < 0.7 && p.g < 0.7 && p.b < 0.7; }

} // namespace

TEST_CASE("render: PNG has the canvas size and the live marker's colour at its centre",
          "[render]") {
    Rendered out = render_scene(render::Format::png, "scene.png");
    PngImage png(out.path);
    REQUIRE(cairo_surface_status(png.surface) == CAIRO_STATUS_SUCCESS);
    CHECK(cairo_image_surface_get_width(png.surface) == 400);
    CHECK(cairo_image_surface_get_height(png.surface) == 300);
    CHECK(test::near(png.at(160, 120), kRed));
    // Just outside the disc (radius 8) lies the white separation ring, 8 to 9.2 px out; the
    // pixel 168 covers 8 to 9 px.
    const test::Rgba ring = png.at(168, 120);
    CAPTURE(ring.r, ring.g, ring.b);
    CHECK(test::near(ring, Color{1, 1, 1, 1}, 0.15));
}

TEST_CASE("render: marker statuses differ in shape, not only in colour", "[render]") {
    Style style;
    Rendered out = render_scene(render::Format::png, "shapes.png", {}, style);
    PngImage png(out.path);
    // Announced (60,230): solid ring, faint centre.
    CHECK(test::near(png.at(60 + 7, 230), kBlue, 0.08));
    CHECK_FALSE(test::near(png.at(60, 230), kBlue, 0.2));
    // Under construction (290,120): lower half solid, upper half faint.
    CHECK(test::near(png.at(290, 124), kRed, 0.05));
    CHECK_FALSE(test::near(png.at(290, 116), kRed, 0.2));
    // Retired (40,120): a grey cross, whatever the marker colour.
    test::Rgba centre = png.at(40, 120);
    CHECK(std::abs(centre.r - centre.b) < 0.1);
    CHECK(centre.r < 0.7);
}

TEST_CASE("render: labels have dark text inside a light halo, also in CJK", "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    MapLayout layout = test::test_layout(style, measure);
    Rendered out = render_scene(render::Format::png, "labels.png", {}, style);
    PngImage png(out.path);
    for (const auto& label : layout.labels) {
        INFO(label.text);
        CHECK(count_pixels(png, label.box, is_dark) > 20);
        CHECK(count_pixels(png, label.box, is_halo_white) > 20);
    }
}

TEST_CASE("render: host countries are tinted only when the style asks for it", "[render]") {
    Style tinted;
    Style plain;
    plain.tint_host_countries = false;
    PngImage a(render_scene(render::Format::png, "tinted.png", {}, tinted).path);
    PngImage b(render_scene(render::Format::png, "plain.png", {}, plain).path);
    CHECK(test::near(a.at(120, 80), tinted.host_country, 0.01));
    CHECK(test::near(b.at(120, 80), plain.land, 0.01));
    CHECK(test::near(a.at(30, 40), tinted.ocean, 0.01));
}

namespace {

/// CRC-32 as PNG uses it, written here so the test checks libpng's chunk independently.
std::uint32_t crc32_of(const std::string& bytes) {
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char byte : bytes) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
}

} // namespace

TEST_CASE("render: PNG carries a pHYs chunk after IHDR when dpi is set", "[render]") {
    render::RenderOptions options;
    options.pixels_per_inch = 300;
    std::string png = render_scene(render::Format::png, "dpi.png", options).bytes;
    REQUIRE(png.size() > 33 + 21);
    CHECK(png.compare(12, 4, "IHDR") == 0);
    CHECK(png.compare(33, 8, std::string("\0\0\0\x09pHYs", 8)) == 0);
    auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    CHECK(u32(41) == 11811); // round(300 / 0.0254)
    CHECK(u32(45) == 11811);
    CHECK(png[49] == 1);
    CHECK(u32(50) == crc32_of(png.substr(37, 13)));
    CHECK(png.find("pHYs", 54) == std::string::npos);

    // Without a dpi of its own a PNG says 96 (3780 pixels a metre), so a page layout program
    // places it at its CSS size.
    std::string plain = render_scene(render::Format::png, "nodpi.png").bytes;
    const auto at = plain.find("pHYs");
    REQUIRE(at != std::string::npos);
    std::uint32_t per_metre = 0;
    for (std::size_t i = 0; i < 4; ++i)
        per_metre = (per_metre << 8) | static_cast<unsigned char>(plain.at(at + 4 + i));
    CHECK(per_metre == 3780);
}

TEST_CASE("render: SVG surface ids are renumbered in order of appearance", "[render]") {
    std::string svg = "<g id=\"surface17\"><use xlink:href=\"#surface9\"/>"
                      "<g id=\"surface9\"/><use xlink:href=\"#surface17\"/>surface5";
    CHECK(render::detail::with_stable_svg_ids(svg) ==
          "<g id=\"surface1\"><use xlink:href=\"#surface2\"/>"
          "<g id=\"surface2\"/><use xlink:href=\"#surface1\"/>surface5");
}

TEST_CASE("render: the test's CRC-32 matches the standard check value", "[render]") {
    CHECK(crc32_of("123456789") == 0xCBF43926u);
}

TEST_CASE("render: SVG starts with an escaped title and desc and is well-formed", "[render]") {
    render::RenderOptions options;
    options.title = "Sites & <regions>";
    options.description = "Map of \"test\" sites";
    Rendered out = render_scene(render::Format::svg, "scene.svg", options);
    std::size_t root = out.bytes.find("<svg");
    REQUIRE(root != std::string::npos);
    std::size_t after = out.bytes.find('>', root) + 1;
    // The prefix is the title's id without its "title" ending.
    const std::string prefix =
        out.bytes.substr(after + 12, out.bytes.find('"', after + 12) - after - 12 - 5);
    CHECK(out.bytes.substr(after, 84 + 2 * prefix.size()) ==
          "\n<title id=\"" + prefix + "title\">Sites &amp; &lt;regions&gt;</title>\n<desc id=\"" +
              prefix + "desc\">Map of &quot;");
    CHECK(out.bytes.find("desc\">Map of &quot;test&quot; sites</desc>") != std::string::npos);
    CHECK(out.bytes.find("width=\"400px\"") != std::string::npos);
    std::string command = "xmllint --noout '" + out.path + "' 2>/dev/null";
    CHECK(std::system(command.c_str()) == 0);
}

TEST_CASE("render: PDF has a header, the metadata and a fixed creation date", "[render]") {
    render::RenderOptions options;
    options.title = "Test map";
    options.description = "Five test sites";
    Rendered out = render_scene(render::Format::pdf, "scene.pdf", options);
    const std::string& pdf = out.bytes;
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("/Title (Test map)") != std::string::npos);
    CHECK(pdf.find("/Subject (Five test sites)") != std::string::npos);
    CHECK(pdf.find("/CreationDate (D:200001010000Z)") != std::string::npos);
    std::string command = "pdfinfo '" + out.path + "' >/dev/null 2>&1";
    if (std::system("command -v pdfinfo >/dev/null") == 0)
        CHECK(std::system(command.c_str()) == 0);
    // 400 x 300 CSS pixels are 300 x 225 points, the SVG's physical size.
    CHECK(pdf.find("/MediaBox [ 0 0 300 225 ]") != std::string::npos);
}

TEST_CASE("render: the same input gives byte-identical files in every format", "[render]") {
    render::RenderOptions options;
    options.pixels_per_inch = 144;
    options.title = "Same";
    options.description = "Twice";
    for (auto [format, ext] :
         {std::pair{render::Format::png, "png"}, std::pair{render::Format::svg, "svg"},
          std::pair{render::Format::pdf, "pdf"}}) {
        INFO(ext);
        std::string first = render_scene(format, std::string("a.") + ext, options).bytes;
        std::string second = render_scene(format, std::string("b.") + ext, options).bytes;
        CHECK(first.size() > 1000);
        CHECK(first == second);
    }
}

TEST_CASE("render: output format comes from the extension, in any case", "[render]") {
    CHECK(render::format_from_path("out/map.png") == render::Format::png);
    CHECK(render::format_from_path("MAP.SVG") == render::Format::svg);
    CHECK(render::format_from_path("a.b/map.Pdf") == render::Format::pdf);
    CHECK_THROWS_WITH(render::format_from_path("map.jpg"),
                      "unsupported output format '.jpg': use .png, .svg or .pdf");
    CHECK_THROWS_AS(render::format_from_path("a.png/map"), Error);
}

TEST_CASE("render: sub-pixel base-map vertices are thinned in vector output", "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    ProjectedBasemap basemap = test::test_basemap();
    // A circle of 3000 vertices, about 0.1 px apart: most of them add nothing visible.
    Ring dense;
    for (int i = 0; i < 3000; ++i) {
        double a = 2 * 3.141592653589793 * i / 3000;
        dense.push_back({200 + 50 * std::cos(a), 150 + 50 * std::sin(a)});
    }
    basemap.land = {Polygon{{dense}}};
    basemap.countries.clear();
    std::string path = test::make_temp_dir() + "/dense.svg";
    render::render_map(test::test_layout(style, measure), basemap, style, render::Format::svg, {},
                       path);
    std::string svg = test::read_bytes(path);
    // The circle starts at (250, 150): in pixels, or in tenths under scale(.1).
    std::string circle;
    for (std::size_t at = svg.find(" d=\""); at != std::string::npos;
         at = svg.find(" d=\"", at + 1)) {
        const std::size_t end = svg.find('"', at + 4);
        const std::string d = svg.substr(at + 4, end - at - 4);
        if (d.rfind("M250 150", 0) == 0 || d.rfind("M2500 1500", 0) == 0)
            circle = d;
    }
    const std::regex number("-?(\\d+\\.?\\d*|\\.\\d+)");
    const auto numbers = std::distance(std::sregex_iterator(circle.begin(), circle.end(), number),
                                       std::sregex_iterator());
    // A 50 px circle stays within a quarter pixel of round with about 31 vertices; 3000 are
    // thinned to a few dozen, not to a polygon you could see the corners of.
    INFO(circle);
    CHECK(numbers / 2 > 25);
    CHECK(numbers / 2 < 100);
}

TEST_CASE("render: a key number wears a bordered tag, a name does not", "[render]") {
    // Bold digits beside a disc read as part of the count printed in it; the tag sets them apart.
    Style style;
    auto measure = render::pango_measurer();
    MapLayout layout = test::test_layout(style, measure);
    FontSpec bold = style.label_font;
    bold.weight = 700;
    LabelLayout number = test::label("fra", "7", 200, 170, measure, bold);
    number.key = 7;
    number.weight = 700;
    LabelLayout name = test::label("ams", "8", 240, 170, measure, bold);
    name.weight = 700;
    layout.labels.push_back(number);
    layout.labels.push_back(name);
    std::string path = test::make_temp_dir() + "/tagged.png";
    render::render_map(layout, test::test_basemap(), style, render::Format::png, {}, path);
    PngImage png(path);
    // The tag's border runs down the left side, 1.5 px out from the number's box; the plain
    // "8" has only its halo there.
    auto border = [&](const Box& b) {
        const Box strip{b.min_x - 2.5, b.min_y + 3, b.min_x - 0.5, b.max_y - 3};
        return count_pixels(png, strip, is_greyed);
    };
    CHECK(border(number.box) >= static_cast<int>(number.box.height()) - 8);
    CHECK(border(name.box) == 0);
    // In the key, each entry's number has a box of its own at the entry's start.
    layout.key.entries.push_back(
        {"7  Frankfurt", style.legend_font, style.legend_text, Box::from_xywh(160, 255, 80, 14)});
    layout.key.numbers.push_back(Box::from_xywh(160, 255, 7, 14));
    layout.key.box = {150, 245, 260, 275};
    render::render_map(layout, test::test_basemap(), style, render::Format::png, {}, path);
    PngImage keyed(path);
    const Box left_side{157.5, 258, 159.5, 266};
    CHECK(count_pixels(keyed, left_side, is_greyed) >= 6);
}

TEST_CASE("render: lines of a label left of its marker are right-aligned", "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    MapLayout layout = test::test_layout(style, measure);
    FontSpec font = style.label_font;
    layout.markers.push_back(test::marker("fra", 380, 100, Status::live, kRed));
    TextSize box = measure("Frankfurt am Main\nFRA", font);
    TextSize short_line = measure("FRA", font);
    LabelLayout label =
        test::label("fra", "Frankfurt am Main\nFRA", 366 - box.width, 90, measure, font);
    layout.labels.push_back(label);
    std::string path = test::make_temp_dir() + "/aligned.png";
    render::render_map(layout, test::test_basemap(), style, render::Format::png, {}, path);
    PngImage png(path);
    Box second_line{label.box.min_x, label.box.min_y + box.height / 2, label.box.max_x,
                    label.box.max_y};
    Box left_part = second_line;
    left_part.max_x = label.box.max_x - short_line.width - 2;
    Box right_part = second_line;
    right_part.min_x = label.box.max_x - short_line.width;
    CHECK(count_pixels(png, left_part, is_dark) == 0);
    CHECK(count_pixels(png, right_part, is_dark) > 20);
}

TEST_CASE("render: style widths are multiplied by the layout scale", "[render]") {
    Style style;
    style.marker_stroke_width = 3;
    auto measure = render::pango_measurer();
    std::string dir = test::make_temp_dir();
    for (double scale : {1.0, 2.0}) {
        MapLayout layout = test::test_layout(style, measure);
        layout.scale = scale;
        std::string path = dir + "/scale.png";
        render::render_map(layout, test::test_basemap(), style, render::Format::png, {}, path);
        PngImage png(path);
        // 12.5 px from the live marker's centre: past the ring at scale 1 (8 + 3), on it at
        // scale 2 (8 + 6).
        test::Rgba p = png.at(172, 120);
        if (scale == 1.0)
            CHECK(test::near(p, style.host_country, 0.02));
        else
            CHECK(test::near(p, style.marker_stroke, 0.02));
    }
}

TEST_CASE("render: SVG metadata leaves out empty fields and escapes what XML cannot hold",
          "[render]") {
    std::string svg = "<?xml version=\"1.0\"?>\n<svg width=\"1px\">\n</svg>\n";
    CHECK(render::detail::with_accessible_svg_metadata(svg, "p-", "T", "") ==
          "<?xml version=\"1.0\"?>\n<svg width=\"1px\" role=\"img\" aria-labelledby=\"p-title\">"
          "\n<title id=\"p-title\">T</title>\n</svg>\n");
    CHECK(render::detail::with_accessible_svg_metadata(svg, "p-", "", "") ==
          "<?xml version=\"1.0\"?>\n<svg width=\"1px\" role=\"img\">\n</svg>\n");
    CHECK(render::detail::xml_escape("a\x01"
                                     "b\tc & 'd'") == "ab\tc &amp; &apos;d&apos;");
    CHECK_THROWS_AS(render::detail::with_accessible_svg_metadata("<html/>", "p-", "T", "D"), Error);
}

TEST_CASE("render: an opaque background gives an RGB PNG, a transparent one RGBA", "[render]") {
    Style opaque;
    Style clear;
    clear.background = {1, 1, 1, 0};
    std::string rgb = render_scene(render::Format::png, "opaque.png", {}, opaque).bytes;
    std::string rgba = render_scene(render::Format::png, "clear.png", {}, clear).bytes;
    // IHDR colour type: 2 = truecolour, 6 = truecolour with alpha.
    CHECK(int(rgb[25]) == 2);
    CHECK(int(rgba[25]) == 6);
    PngImage clear_png(render_scene(render::Format::png, "clear.png", {}, clear).path);
    CHECK(clear_png.at(2, 2).a == 0);
    CHECK(clear_png.at(30, 40).a == 1);
}

TEST_CASE("render: base-map vertices that are not finite are skipped", "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    ProjectedBasemap basemap = test::test_basemap();
    double inf = std::numeric_limits<double>::infinity();
    basemap.land[0].rings[0].insert(basemap.land[0].rings[0].begin() + 2, Point{inf, 0});
    basemap.graticule.push_back({{std::nan(""), 5}, {inf, inf}});
    std::string path = test::make_temp_dir() + "/nan.png";
    render::render_map(test::test_layout(style, measure), basemap, style, render::Format::png, {},
                       path);
    PngImage png(path);
    CHECK(test::near(png.at(120, 80), style.host_country, 0.01));
    CHECK(test::near(png.at(30, 200), style.ocean, 0.01));
}
