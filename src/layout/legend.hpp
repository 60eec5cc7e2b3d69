#pragma once
// The legend panel: status, provider and size rows with counts, placed in a free map corner.
#include "layout/layout.hpp"
#include "layout/markers.hpp"

#include <string>
#include <utility>
#include <vector>

namespace dcmap::layout::detail {

/// "Live", "Announced", "Planned", "Under construction", "Retired".
const char* status_title(Status status);

/// Builds the legend for the markers shown, with its panel's top-left corner at (0, 0).
/// Empty (no box, no rows) when there are no markers. With `max_width` > 0 the panel is at most
/// that wide: longer entries ("Teraco Data Environments Proprietary Limited" on a 300 px map)
/// are shortened with an ellipsis.
LegendLayout build_legend(const std::vector<MarkerLayout>& markers, const ProviderColors& colors,
                          const SizeRange& sizes, const Style& style, double scale,
                          const MeasureText& measure, double max_width = 0);

/// Moves the legend into the corner of `frame` (inset by `inset` pixels) whose panel covers the
/// fewest markers; ties go to bottom-left, bottom-right, top-left, top-right, in that order.
/// When every corner covers markers, spots along the frame's edges are tried too. Returns how
/// many markers the chosen spot covers (0 when it covers none).
int place_legend(LegendLayout& legend, const Box& frame, double inset,
                 const std::vector<MarkerLayout>& markers);

/// The legend of a density map: a heading and one hexagon row per colour class ("1-4"), with
/// its panel's top-left corner at (0, 0).
LegendLayout build_density_legend(const std::vector<std::pair<Color, std::string>>& classes,
                                  const Style& style, double scale, const MeasureText& measure);

/// Moves every part of the legend by (dx, dy) pixels.
void move_legend(LegendLayout& legend, double dx, double dy);

/// The legend with its sections (status, provider, size) side by side instead of stacked.
LegendLayout legend_side_by_side(const LegendLayout& legend);

} // namespace dcmap::layout::detail

namespace dcmap::layout::detail {

/// A change map's legend: a "Changes" heading and one row per change with its symbol and count
/// ("Added (3)"), with its panel's top-left corner at (0, 0).
LegendLayout build_change_legend(const std::vector<std::pair<MapChange, int>>& counts,
                                 const Style& style, double scale, const MeasureText& measure);

} // namespace dcmap::layout::detail
