// Smaller files at the same look: compact SVG path data, shared SVG shapes, PNG palettes.
#include "render/encode.hpp"
#include "render/png_writer.hpp"
#include "support/png_pixels.hpp"

#include <catch2/catch.hpp>

#include <cairo.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

using namespace dcmap::render::detail;
using dcmap::render::PngColors;

namespace {

struct Surface {
    cairo_surface_t* s;
    explicit Surface(cairo_surface_t* surface) : s(surface) {}
    ~Surface() { cairo_surface_destroy(s); }
};

std::vector<std::uint32_t> pixels(cairo_surface_t* s) {
    cairo_surface_flush(s);
    std::vector<std::uint32_t> out;
    const int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < cairo_image_surface_get_height(s); ++y)
        for (int x = 0; x < cairo_image_surface_get_width(s); ++x)
            out.push_back(reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(s) +
                                                                 y * stride)[x]);
    return out;
}

/// Leaves `pattern` in the stack below the caller, where the next call's locals will lie.
[[gnu::noinline]] void fill_stack(unsigned char pattern) {
    volatile unsigned char junk[64 * 1024];
    for (auto& byte : junk)
        byte = pattern;
}

} // namespace

TEST_CASE("render: SVG path data is rewritten relative, in hundredths, with no redundancy",
          "[render]") {
    const std::string svg =
        "<path style=\"stroke:none;\" d=\"M 10.5 20.25 L 11 20 L 12.125 19.5 C 13 19 14 19 15 "
        "20.0703125 Z M 10.5 20.25 \"/>";
    CHECK(with_compact_svg_paths(svg) ==
          "<path style=\"stroke:none;\" d=\"M10.5 20.25l.5-.25 1.13-.5c.87-.5 1.87-.5 "
          "2.87.57z\"/>");
    // Anything it does not read stays as Cairo wrote it.
    const std::string odd = "<path d=\"M 1 2 Q 3 4 5 6\"/>";
    CHECK(with_compact_svg_paths(odd) == odd);
}

TEST_CASE("render: long paths on the tenth-pixel grid are written in tenths under scale(.1)",
          "[render]") {
    std::string d = "M 100 200";
    for (int i = 1; i <= 40; ++i)
        d += " L " + std::to_string(100 + i) + ".3 200.601562";
    const std::string svg =
        "<path style=\"fill:none;stroke-width:0.6;stroke:rgb(0%,0%,0%);\" d=\"" + d + "\"/>";
    const std::string out = with_compact_svg_paths(svg);
    CHECK(out.rfind("<path transform=\"scale(.1)\" style=\"fill:none;stroke-width:6;", 0) == 0);
    CHECK(out.find("d=\"M1000 2000l13 6 10 0 10 0") != std::string::npos);
    // Dashes would shrink with the scale: such a path stays in pixels.
    const std::string dashed = "<path style=\"fill:none;stroke-width:0.6;stroke-dasharray:2,2;\" "
                               "d=\"" +
                               d + "\"/>";
    CHECK(with_compact_svg_paths(dashed).find("scale(.1)") == std::string::npos);
}

TEST_CASE("render: a path drawn twice becomes one shape used twice", "[render]") {
    const std::string d(40, '1');
    const std::string svg = "<g><path style=\"fill:red;\" d=\"M" + d +
                            "\"/>\n<path style=\"stroke:blue;\" d=\"M" + d +
                            "\"/>\n<path style=\"x\" d=\"M2\"/></g>";
    CHECK(with_shared_svg_shapes(svg, 16) ==
          "<g><defs><path id=\"dcmap-shape1\" d=\"M" + d +
              "\"/></defs><use xlink:href=\"#dcmap-shape1\" style=\"fill:red;\"/>\n"
              "<use xlink:href=\"#dcmap-shape1\" style=\"stroke:blue;\"/>\n"
              "<path style=\"x\" d=\"M2\"/></g>");
    CHECK(with_shared_svg_shapes(svg, 100) == svg);
}

TEST_CASE("render: PNGs decode to exactly the drawn pixels, truecolor and exact palette",
          "[render]") {
    // Three flat colours (a palette of 2 bits a pixel), then 3072 translucent colours.
    Surface flat(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 37, 11));
    cairo_t* cr = cairo_create(flat.s);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_source_rgb(cr, 0.9, 0.9, 0.8);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.8, 0.3, 0);
    cairo_rectangle(cr, 3, 2, 10, 5);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0.5);
    cairo_rectangle(cr, 20, 4, 9, 6);
    cairo_fill(cr);
    cairo_destroy(cr);
    Surface smooth(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 48));
    cairo_surface_flush(smooth.s);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x)
            reinterpret_cast<std::uint32_t*>(cairo_image_surface_get_data(smooth.s) +
                                             y * cairo_image_surface_get_stride(smooth.s))[x] =
                (200u << 24) | (std::uint32_t(x * 3) << 16) | (std::uint32_t(y * 4) << 8) | 50u;
    cairo_surface_mark_dirty(smooth.s);

    for (cairo_surface_t* s : {flat.s, smooth.s})
        for (PngColors colors : {PngColors::truecolor, PngColors::palette}) {
            cairo_surface_flush(s);
            const std::string png = encode_png_bytes(s, 96, colors);
            CHECK(png.find("pHYs") != std::string::npos);
            const dcmap::test::DecodedPng read = dcmap::test::decode_png(png);
            const auto& decoded = read.pixels;
            CHECK(read.width == cairo_image_surface_get_width(s));
            if (s == flat.s) {
                CHECK(png[24] == 2); // bit depth: 3 colours fit in 2 bits
                CHECK(png[25] == 3); // colour type: palette, automatically when lossless
                CHECK(decoded == pixels(s));
            } else if (colors == PngColors::truecolor) {
                CHECK(png[25] == 6); // RGBA: translucent pixels
                // Straight alpha in the file, premultiplied again on reading: equal within
                // rounding.
                const auto drawn = pixels(s);
                int worst = 0;
                for (std::size_t i = 0; i < drawn.size(); ++i)
                    for (int shift : {0, 8, 16, 24})
                        worst = std::max(worst, std::abs(int((drawn[i] >> shift) & 0xff) -
                                                         int((decoded[i] >> shift) & 0xff)));
                CHECK(worst <= 1);
            } else {
                CHECK(png[25] == 3); // quantised to a palette
            }
        }
}

TEST_CASE("render: noise, which deflate cannot shrink, still round-trips at every igzip level",
          "[render]") {
    // Random opaque pixels: the filtered rows grow under Huffman coding, so the output must
    // fall back to stored blocks inside the buffer allowed for it.
    Surface noise(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 523, 301));
    cairo_surface_flush(noise.s);
    std::uint32_t state = 12345;
    for (int y = 0; y < 301; ++y)
        for (int x = 0; x < 523; ++x) {
            state = state * 1664525u + 1013904223u;
            reinterpret_cast<std::uint32_t*>(cairo_image_surface_get_data(noise.s) +
                                             y * cairo_image_surface_get_stride(noise.s))[x] =
                0xff000000u | (state >> 8);
        }
    cairo_surface_mark_dirty(noise.s);
    cairo_surface_flush(noise.s);
    for (int level = 0; level <= 3; ++level) {
        INFO("level " << level);
        const std::string png = encode_png_bytes(noise.s, 0, PngColors::truecolor, level);
        const dcmap::test::DecodedPng read = dcmap::test::decode_png(png);
        CHECK(read.width == 523);
        CHECK(read.pixels == pixels(noise.s));
    }
}

TEST_CASE("render: a PNG's bytes do not depend on what the stack held before", "[render]") {
    // igzip's stream has fields its init leaves unset (the window size, hist_bits): left as
    // the stack had them, one render of the Alibaba map in ~20 wrote other bytes for the same
    // pixels.
    Surface map(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 640, 360));
    cairo_t* cr = cairo_create(map.s);
    cairo_set_source_rgb(cr, 0.85, 0.9, 0.95);
    cairo_paint(cr);
    for (int i = 0; i < 40; ++i) {
        cairo_set_source_rgb(cr, 0.2 + i % 5 * 0.1, 0.5, 0.3 + i % 3 * 0.2);
        cairo_arc(cr, 15 + i * 15.5, 60 + (i * 37) % 240, 6 + i % 7, 0, 6.3);
        cairo_fill(cr);
    }
    cairo_destroy(cr);
    cairo_surface_flush(map.s);
    for (int level = 1; level <= 3; ++level) {
        INFO("level " << level);
        const std::string clean = encode_png_bytes(map.s, 96, PngColors::truecolor, level);
        for (unsigned char pattern : {0x00, 0x09, 0x5a, 0xff}) {
            INFO("stack filled with " << int(pattern));
            fill_stack(pattern);
            CHECK(encode_png_bytes(map.s, 96, PngColors::truecolor, level) == clean);
        }
    }
}
