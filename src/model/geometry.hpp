#pragma once
// Plain geometry in projected map units (metres of the projection, y up) or pixels (y down).
#include <algorithm>
#include <limits>
#include <vector>

namespace dcmap {

struct Point {
    double x = 0;
    double y = 0;
};

using Ring = std::vector<Point>;     ///< closed implicitly (last point joins the first)
using Polyline = std::vector<Point>; ///< open

struct Polygon {
    std::vector<Ring> rings; ///< first is the outer ring, then holes; fill with even-odd
};

/// Axis-aligned box. Empty when min > max.
struct Box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x || min_y > max_y; }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    void expand(Point p) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    void expand(const Box& b) {
        if (b.empty())
            return;
        expand(Point{b.min_x, b.min_y});
        expand(Point{b.max_x, b.max_y});
    }
    bool intersects(const Box& o) const {
        return min_x < o.max_x && o.min_x < max_x && min_y < o.max_y && o.min_y < max_y;
    }
    bool contains(const Box& o) const {
        return o.min_x >= min_x && o.max_x <= max_x && o.min_y >= min_y && o.max_y <= max_y;
    }
    static Box from_xywh(double x, double y, double w, double h) { return {x, y, x + w, y + h}; }
};

} // namespace dcmap
