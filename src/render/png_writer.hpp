#pragma once
// PNG encoding of a Cairo image surface with libpng, tuned for maps: large flat areas compress
// well with one cheap filter, so we skip libpng's costly per-row filter search.
#include <cairo.h>

#include <string>

namespace dcmap::render::detail {

/// The surface (ARGB32, flushed) as PNG bytes: RGB when every pixel is opaque, else RGBA.
/// A pHYs chunk records `dpi` when it is > 0. Throws Error when libpng fails.
std::string encode_png_bytes(cairo_surface_t* surface, double dpi);

} // namespace dcmap::render::detail
