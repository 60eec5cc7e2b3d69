#pragma once
// PNG encoding of a Cairo image surface, tuned for maps: large flat areas compress well with
// one cheap filter, and libdeflate compresses them faster and smaller than zlib.
#include "render/render.hpp"

#include <cairo.h>

#include <string>

namespace dcmap::render::detail {

/// libdeflate's level for PNGs. Measured on the 2400 px Alibaba map (bench/png_bench, callgrind):
/// level 1 deflates in 141 M instructions to 509 KB, where zlib level 3 through libpng took 264 M
/// for 555 KB; level 6 gives 493 KB for 298 M. Maps are rebuilt on every push: speed wins.
constexpr int kPngLevel = 1;

/// The surface (ARGB32, flushed) as PNG bytes. Truecolor: RGB when every pixel is opaque, else
/// RGBA, or the exact palette when the image has at most 256 colours (lossless). Palette: the exact
/// colours when there are at most 256, else 256 chosen and dithered by libimagequant; 1, 2 or 4
/// bits a pixel when that many colours suffice. A pHYs chunk records `dpi` when it is > 0. `level`
/// is libdeflate's compression level (1..12). Throws Error when encoding fails.
std::string encode_png_bytes(cairo_surface_t* surface, double dpi,
                             PngColors colors = PngColors::truecolor, int level = kPngLevel);

} // namespace dcmap::render::detail
