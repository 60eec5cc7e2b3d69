#pragma once
// Simplification to the output resolution: drops the vertices a viewer cannot see, before Cairo
// rasterises them or writes them into SVG and PDF files.
#include "model/geometry.hpp"

#include <vector>

namespace dcmap::render::detail {

/// Removes the vertices of the pixel-space polyline `points` whose removal moves the line by
/// at most `tolerance` pixels (Douglas-Peucker, measured to segments), keeping the first and the
/// last. Deterministic; linear memory; repeated points collapse to one.
void simplify_polyline(std::vector<Point>& points, double tolerance);

} // namespace dcmap::render::detail
