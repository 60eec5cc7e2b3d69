#pragma once
// The one drawing path for every output format: a laid-out map onto a cairo_t.
#include "model/basemap.hpp"
#include "model/layout.hpp"
#include "model/style.hpp"
#include "render/text.hpp"

#include <cairo.h>

namespace dcmap::render::detail {

/// Draws the whole map on `cr` (1 unit = 1 canvas pixel): base map inside the map frame, then
/// leader lines, markers, labels, legend, title, subtitle and footer.
void paint_map(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
               const Style& style, const TextContext& text);

/// Draws one marker symbol of `status` centred at (x, y) with radius `r`; the legend uses it too.
void paint_marker(cairo_t* cr, Status status, Point centre, double r, Color color,
                  const Style& style, double scale);

} // namespace dcmap::render::detail
