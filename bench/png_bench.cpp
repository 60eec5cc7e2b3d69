// PNG encoding alone: decodes a PNG into a Cairo surface, then encodes it with every igzip
// level (ISA-L) as truecolor and as a palette PNG, printing the size and the best time of `runs`.
//
//     build/bench/png_bench MAP.png [runs]
#include "render/png_writer.hpp"

#include <cairo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using dcmap::render::PngColors;
using dcmap::render::detail::encode_png_bytes;

namespace {

template <class F> double best_ms(int runs, F&& f) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        const std::chrono::duration<double, std::milli> took =
            std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count());
    }
    return best;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_bench MAP.png [runs]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    cairo_surface_t* png = cairo_image_surface_create_from_png(argv[1]);
    if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
        std::fprintf(stderr, "png_bench: cannot read %s\n", argv[1]);
        return 1;
    }
    // Drawn maps come from an ARGB32 surface; copy into one so the encoder sees the same.
    const int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_surface(cr, png, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    std::printf("%s, %dx%d, best of %d\n\n| encoding | bytes | ms |\n|---|---|---|\n", argv[1], w,
                h, runs);
    for (int level : {0, 1, 2, 3}) {
        std::size_t size = 0;
        const double ms = best_ms(
            runs, [&] { size = encode_png_bytes(surface, 0, PngColors::truecolor, level).size(); });
        std::printf("| truecolor, UP or SUB filter per row, igzip level %d | %zu | %.1f |\n", level,
                    size, ms);
    }
    std::size_t size = 0;
    const double ms =
        best_ms(runs, [&] { size = encode_png_bytes(surface, 0, PngColors::palette).size(); });
    std::printf("| palette (libimagequant when > 256 colours), igzip level %d | %zu | %.1f |\n",
                dcmap::render::detail::kPngLevel, size, ms);
    cairo_surface_destroy(surface);
    cairo_surface_destroy(png);
    return 0;
}
