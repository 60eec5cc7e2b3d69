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

/// What paint_map draws under the sites (a map without panels only): the background over all
/// of `cr`, then the base map clipped to the map frame grown to whole pixels. It reads the
/// layout's width, scale, transform, map frame and host countries only, so it can be painted
/// from a page before the rest of its layout is known (see render::Underlay).
void paint_underlay(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                    const Style& style);

/// The rest of paint_map, over what paint_underlay drew: insets, density, leaders, markers,
/// labels, legend, key, title and footer.
void paint_overlay(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                   const Style& style, const TextContext& text);

/// The first row of each of `bands` horizontal bands of the canvas, for painting them at once:
/// the edges fall where each band has about the same drawing to do (base-map vertices, labels,
/// markers), since the north of a world map has most of the borders. Always starts with 0; one
/// band for a short canvas. Depends only on the map, so the PNG's bytes do too.
/// `with_basemap` false: the base map is painted apart (an underlay) and does not count.
std::vector<int> band_starts(const MapLayout& layout, const ProjectedBasemap& basemap, int bands,
                             bool with_basemap = true);

/// The first row of each of up to `parts` parts of an underlay's rows [first_row, end_row),
/// split where each has about the same base map to paint. Depends only on `page`'s frame and
/// the base map.
std::vector<int> underlay_part_starts(const MapLayout& page, const ProjectedBasemap& basemap,
                                      int first_row, int end_row, int parts);

/// Fills all of `cr` with the style's background, as paint_underlay does first.
void paint_background(cairo_t* cr, const Style& style);

/// Draws one marker symbol of `status` centred at (x, y) with radius `r`; the legend uses it too.
void paint_marker(cairo_t* cr, Status status, Point centre, double r, Color color,
                  const Style& style, double scale);

} // namespace dcmap::render::detail
