// check_png FILE WIDTH: FILE is a PNG (by its signature), WIDTH pixels wide (0 = any) and not
// blank: it holds many colours, and the most common one (the sea or the page) covers less than
// 97% of it. Used by the install test on the map the docs/library.md example wrote.
#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: check_png FILE WIDTH\n");
        return 2;
    }
    char magic[8] = {};
    std::ifstream(argv[1], std::ios::binary).read(magic, sizeof magic);
    if (std::memcmp(magic, "\x89PNG\r\n\x1a\n", 8) != 0) {
        std::fprintf(stderr, "%s: not a PNG file\n", argv[1]);
        return 1;
    }
    cairo_surface_t* image = cairo_image_surface_create_from_png(argv[1]);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
        std::fprintf(stderr, "%s: %s\n", argv[1],
                     cairo_status_to_string(cairo_surface_status(image)));
        return 1;
    }
    const int width = cairo_image_surface_get_width(image);
    const int height = cairo_image_surface_get_height(image);
    const int stride = cairo_image_surface_get_stride(image);
    const unsigned char* data = cairo_image_surface_get_data(image);
    std::map<std::uint32_t, long> colours;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint32_t pixel;
            std::memcpy(&pixel, data + y * stride + x * 4, 4);
            ++colours[pixel];
        }
    long most = 0;
    for (const auto& [colour, count] : colours)
        most = std::max(most, count);
    cairo_surface_destroy(image);
    const double share = width * height > 0 ? double(most) / (double(width) * height) : 1;
    std::printf("%s: %d x %d px, %zu colours, the most common on %.1f%%\n", argv[1], width, height,
                colours.size(), 100 * share);
    const int want_width = std::stoi(argv[2]);
    if (want_width > 0 && width != want_width) {
        std::fprintf(stderr, "%s: %d px wide, not %d\n", argv[1], width, want_width);
        return 1;
    }
    if (height < 100 || colours.size() < 16 || share > 0.97) {
        std::fprintf(stderr, "%s: looks blank\n", argv[1]);
        return 1;
    }
    return 0;
}
