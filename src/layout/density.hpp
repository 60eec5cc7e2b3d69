#pragma once
// Sites as a density surface: counts in a hexagon grid over the map frame, coloured by class.
#include "layout/layout.hpp"

#include <string>
#include <utility>
#include <vector>

namespace dcmap::layout::detail {

struct DensitySurface {
    DensityLayout layout;
    /// Colour classes for the legend, lightest first: colour and "1-3" style range text.
    std::vector<std::pair<Color, std::string>> classes;
};

/// Counts `points` (pixels) in pointy-top hexagons over `frame` (about three marker
/// diameters across) and colours each cell by a sequential ramp on a logarithmic scale.
/// Deterministic: cells in row, then column order.
DensitySurface density_surface(const std::vector<Point>& points, const Box& frame,
                               const Style& style, double scale);

} // namespace dcmap::layout::detail
