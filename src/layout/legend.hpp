#pragma once
// The legend panel: status, provider and size rows with counts, placed in a free map corner.
#include "layout/layout.hpp"
#include "layout/markers.hpp"

#include <vector>

namespace dcmap::layout::detail {

/// "Live", "Announced", "Planned", "Under construction", "Retired".
const char* status_title(Status status);

/// Builds the legend for the markers shown, with its panel's top-left corner at (0, 0).
/// Empty (no box, no rows) when there are no markers.
LegendLayout build_legend(const std::vector<MarkerLayout>& markers, const ProviderColors& colors,
                          const SizeRange& sizes, const Style& style, double scale,
                          const MeasureText& measure);

/// Moves the legend into the corner of `frame` (inset by `inset` pixels) whose panel covers the
/// fewest markers; ties go to bottom-left, bottom-right, top-left, top-right, in that order.
/// When every corner covers markers, spots along the frame's edges are tried too.
void place_legend(LegendLayout& legend, const Box& frame, double inset,
                  const std::vector<MarkerLayout>& markers);

} // namespace dcmap::layout::detail
