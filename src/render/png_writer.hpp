#pragma once
// PNG encoding of a Cairo image surface, tuned for maps: large flat areas compress well with
// one cheap filter per row, and ISA-L's igzip deflates them several times faster than zlib.
#include "render/render.hpp"

#include <cairo.h>

#include <string>

namespace dcmap::render::detail {

/// igzip's level for PNGs (0..3). On the 2400 px Alibaba map level 2 deflates in about 7 ms to
/// 522 KB, where libdeflate level 1 took 36 ms for 483 KB and zlib level 3 (libpng, before issue
/// 9) 39 ms for 558 KB; igzip's level 3 is no faster than libdeflate. Deflating was a single
/// stream at the end of every render: speed wins (bench/README.md has the figures).
constexpr int kPngLevel = 2;

/// The surface (ARGB32, flushed) as PNG bytes. Truecolor: RGB when every pixel is opaque, else
/// RGBA, or the exact palette when the image has at most 256 colours (lossless). Palette: the exact
/// colours when there are at most 256, else 256 chosen and dithered by libimagequant; 1, 2 or 4
/// bits a pixel when that many colours suffice. A pHYs chunk records `dpi` when it is > 0. `level`
/// is igzip's compression level (0..3). Throws Error when encoding fails.
std::string encode_png_bytes(cairo_surface_t* surface, double dpi,
                             PngColors colors = PngColors::truecolor, int level = kPngLevel);

} // namespace dcmap::render::detail
