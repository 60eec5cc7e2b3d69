#pragma once
// Surfaces for each format and the bytes they produce, plus the small post-processing each
// format needs (SVG ids and title/desc in svg_ids.hpp, a fixed PDF creation date).
#include "render/render.hpp"

#include <cairo.h>

#include <functional>
#include <string>
#include <vector>

namespace dcmap::render::detail {

/// Draws on a cairo_t whose unit is one canvas pixel. For a PNG it is called once per band of
/// rows, from several threads at once: it must only read what it shares.
using Paint = std::function<void(cairo_t*)>;

/// Canvas size in pixels.
struct Canvas {
    int width = 0;
    int height = 0;
    /// PNG only: the first row of each band painted at once (see band_starts in painter.hpp);
    /// empty or {0} paints in one pass.
    std::vector<int> band_starts;
    /// PNG only: when set, the canvas's pixels (ARGB32, rows of width * 4 bytes), else a new
    /// transparent surface's.
    unsigned char* pixels = nullptr;
    /// PNG only: when set, paints the whole canvas once before the bands (see Underlay).
    Paint under;
};

/// Paints canvas rows [first, end) through `paint` onto `data`, the pixels of row `first` of an
/// ARGB32 image `width` wide with `stride` bytes a row. The context is shifted up by `first`, a
/// whole pixel, so the rows get the pixels of a canvas painted in one pass.
void draw_rows(unsigned char* data, int width, int stride, int first, int end, const Paint& paint);

class SvgMarkup;

/// Creates the surface for `format` (SVG and PDF in CSS pixels, so a PDF page is width * 0.75 x
/// height * 0.75 pt), runs `paint`, finishes the surface and returns the file's bytes. An SVG
/// gets `svg_markup` (what `paint` recorded there) in place of its sentinels. Throws Error when
/// Cairo fails.
std::string encode(Format format, const Canvas& canvas, const RenderOptions& options,
                   const Paint& paint, const SvgMarkup* svg_markup = nullptr);

/// `svg` with every path's `d` attribute rewritten compactly: coordinates rounded to 0.01 (a
/// hundredth of a pixel; left exact in a path with a transform), relative, with implicit
/// repeated commands, no redundant separators and no moves that draw nothing. Path data it
/// cannot read is kept as it is.
std::string with_compact_svg_paths(const std::string& svg);

/// `svg` with every `<path .../>` whose path data (at least `min_size` bytes) appears more than
/// once replaced by a `<use>` (keeping its style) of one shape defined where it first appears.
std::string with_shared_svg_shapes(const std::string& svg, std::size_t min_size);

/// `svg` with Cairo's process-wide "surfaceN" ids renumbered from 1 in order of appearance.
std::string with_stable_svg_ids(const std::string& svg);

/// `text` with &, <, >, " and ' replaced by XML entities and control characters XML 1.0
/// cannot hold dropped.
std::string xml_escape(const std::string& text);

} // namespace dcmap::render::detail
