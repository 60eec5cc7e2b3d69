#pragma once
// The one drawing path for every output format: a laid-out map onto a cairo_t.
#include "model/basemap.hpp"
#include "model/layout.hpp"
#include "model/style.hpp"
#include "render/text.hpp"

#include <cairo.h>

#include <vector>

namespace dcmap::render::detail {

/// Draws the whole map on `cr` (1 unit = 1 canvas pixel): base map inside the map frame, then
/// leader lines, markers, labels, legend, title, subtitle and footer.
void paint_map(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
               const Style& style, const TextContext& text);

/// The first row of each of `bands` horizontal bands of the canvas, for painting them at once:
/// the edges fall where each band has about the same drawing to do (base-map vertices, labels,
/// markers), since the north of a world map has most of the borders. Always starts with 0; one
/// band for a short canvas. Depends only on the map, so the PNG's bytes do too.
std::vector<int> band_starts(const MapLayout& layout, const ProjectedBasemap& basemap, int bands);

/// Draws one marker symbol of `status` centred at (x, y) with radius `r`; the legend uses it too.
void paint_marker(cairo_t* cr, Status status, Point centre, double r, Color color,
                  const Style& style, double scale);

} // namespace dcmap::render::detail
