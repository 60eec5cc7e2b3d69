#include "layout/segments.hpp"

#include <algorithm>

namespace dcmap::layout::detail {

namespace {

/// Narrows [t0, t1] by one slab of the Liang-Barsky clip; false when nothing is left.
bool clip_slab(double p, double q, double& t0, double& t1) {
    if (p == 0)
        return q > 0; // parallel to the slab: inside only strictly within it
    const double t = q / p;
    if (p < 0) {
        t0 = std::max(t0, t);
    } else {
        t1 = std::min(t1, t);
    }
    return t0 < t1;
}

double cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

} // namespace

bool segment_crosses_box(Point a, Point b, const Box& box) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    double t0 = 0;
    double t1 = 1;
    return clip_slab(-dx, a.x - box.min_x, t0, t1) && clip_slab(dx, box.max_x - a.x, t0, t1) &&
           clip_slab(-dy, a.y - box.min_y, t0, t1) && clip_slab(dy, box.max_y - a.y, t0, t1);
}

bool segments_cross(Point a, Point b, Point c, Point d) {
    const double d1 = cross(c, d, a);
    const double d2 = cross(c, d, b);
    const double d3 = cross(a, b, c);
    const double d4 = cross(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

Point nearest_point_on_box(const Box& box, Point p) {
    return {std::clamp(p.x, box.min_x, box.max_x), std::clamp(p.y, box.min_y, box.max_y)};
}

Box segment_bounds(Point a, Point b) {
    Box box;
    box.expand(a);
    box.expand(b);
    return box;
}

} // namespace dcmap::layout::detail
