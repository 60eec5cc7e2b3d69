#pragma once
// PNG bytes decoded by Cairo (through libpng) into ARGB32 pixels, for tests that compare what two
// encodings or two ways of painting produced.
#include <cairo.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace dcmap::test {

struct DecodedPng {
    int width = 0, height = 0;
    std::vector<std::uint32_t> pixels; ///< row by row, premultiplied ARGB32 as Cairo keeps it
};

/// Throws std::runtime_error when Cairo cannot read `png`.
inline DecodedPng decode_png(const std::string& png) {
    using Cursor = std::pair<const std::string*, std::size_t>;
    const auto read = [](void* closure, unsigned char* data, unsigned int length) {
        auto* cursor = static_cast<Cursor*>(closure);
        if (cursor->second + length > cursor->first->size())
            return CAIRO_STATUS_READ_ERROR;
        std::copy_n(cursor->first->data() + cursor->second, length, data);
        cursor->second += length;
        return CAIRO_STATUS_SUCCESS;
    };
    Cursor cursor{&png, 0};
    cairo_surface_t* image = cairo_image_surface_create_from_png_stream(read, &cursor);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(image);
        throw std::runtime_error("Cairo cannot read the PNG");
    }
    DecodedPng out;
    out.width = cairo_image_surface_get_width(image);
    out.height = cairo_image_surface_get_height(image);
    // An RGB PNG decodes to RGB24, whose top byte is undefined: painted onto ARGB32 it is 255.
    cairo_surface_t* argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, out.width, out.height);
    cairo_t* cr = cairo_create(argb);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(argb);
    const int stride = cairo_image_surface_get_stride(argb);
    const unsigned char* data = cairo_image_surface_get_data(argb);
    out.pixels.reserve(std::size_t(out.width) * out.height);
    for (int y = 0; y < out.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
        out.pixels.insert(out.pixels.end(), row, row + out.width);
    }
    cairo_surface_destroy(argb);
    cairo_surface_destroy(image);
    return out;
}

} // namespace dcmap::test
