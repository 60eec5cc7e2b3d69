#pragma once
// A change map's symbols: each change has its own shape as well as its own colour, so the map
// reads in grey-scale print and for colour-blind readers.
#include "model/change.hpp"
#include "model/geometry.hpp"
#include "model/style.hpp"

#include <cairo.h>

namespace dcmap::render::detail {

/// Draws the symbol of `change` centred at `c` with radius `r` (pixels): added a triangle,
/// removed a hollow square, status changed a diamond, moved a disc, unchanged a plain disc.
void paint_change_marker(cairo_t* cr, MapChange change, Point c, double r, Color color,
                         const Style& style, double scale);

/// The path of a moved site: a small hollow ring at the older position `from` and a line with
/// an arrowhead that ends at the edge of the newer marker (centre `to`, radius `r`).
void paint_move(cairo_t* cr, Point from, Point to, double r, Color color, const Style& style,
                double scale);

} // namespace dcmap::render::detail
