#pragma once
// Segment tests for leader lines, in pixels.
#include "model/geometry.hpp"

namespace dcmap::layout::detail {

/// True when segment a-b passes through the inside of `box` (touching an edge does not count).
bool segment_crosses_box(Point a, Point b, const Box& box);

/// True when segments a-b and c-d cross at a single interior point of both.
bool segments_cross(Point a, Point b, Point c, Point d);

/// The point of `box` nearest to `p` (p itself when inside).
Point nearest_point_on_box(const Box& box, Point p);

/// Bounding box of segment a-b.
Box segment_bounds(Point a, Point b);

} // namespace dcmap::layout::detail
