// Pixel difference of two PNGs of the same size, for "no visible change" checks such as an SVG
// rasterised by rsvg-convert against dcmap's PNG of the same map (bench/README.md).
//
//     build/bench/png_diff a.png b.png
//
// Prints the mean and largest difference per RGB channel (0..255, over every pixel, alpha
// flattened on white) and how many pixels differ by more than 16 and 64 levels.
#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

/// Channel `shift` of a premultiplied ARGB pixel, on white.
int on_white(std::uint32_t argb, int shift) {
    const int a = static_cast<int>(argb >> 24);
    const int c = static_cast<int>((argb >> shift) & 0xff);
    return c + (255 - a);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: png_diff A.png B.png\n");
        return 2;
    }
    cairo_surface_t* a = cairo_image_surface_create_from_png(argv[1]);
    cairo_surface_t* b = cairo_image_surface_create_from_png(argv[2]);
    if (cairo_surface_status(a) || cairo_surface_status(b)) {
        std::fprintf(stderr, "png_diff: cannot read %s\n",
                     cairo_surface_status(a) ? argv[1] : argv[2]);
        return 2;
    }
    const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) {
        std::fprintf(stderr, "png_diff: sizes differ (%dx%d and %dx%d)\n", w, h,
                     cairo_image_surface_get_width(b), cairo_image_surface_get_height(b));
        return 1;
    }
    double sum = 0;
    int max = 0;
    long over16 = 0, over64 = 0;
    for (int y = 0; y < h; ++y) {
        const auto* ra = reinterpret_cast<const std::uint32_t*>(
            cairo_image_surface_get_data(a) + y * cairo_image_surface_get_stride(a));
        const auto* rb = reinterpret_cast<const std::uint32_t*>(
            cairo_image_surface_get_data(b) + y * cairo_image_surface_get_stride(b));
        for (int x = 0; x < w; ++x) {
            int worst = 0;
            for (int shift : {0, 8, 16}) {
                const int d = std::abs(on_white(ra[x], shift) - on_white(rb[x], shift));
                sum += d;
                worst = std::max(worst, d);
            }
            max = std::max(max, worst);
            over16 += worst > 16;
            over64 += worst > 64;
        }
    }
    const double pixels = static_cast<double>(w) * h;
    std::printf("%dx%d: mean %.3f, max %d; pixels off by >16: %ld (%.3f%%), by >64: %ld (%.3f%%)\n",
                w, h, sum / (3 * pixels), max, over16, 100 * over16 / pixels, over64,
                100 * over64 / pixels);
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return 0;
}
