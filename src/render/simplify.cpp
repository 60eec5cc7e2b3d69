#include "render/simplify.hpp"

#include <cmath>
#include <utility>

namespace dcmap::render::detail {
namespace {

double squared_distance_to_segment(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

} // namespace

void simplify_polyline(std::vector<Point>& points, double tolerance) {
    // Repeated points first: they add nothing and would stall the split below.
    std::size_t unique = 0;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (unique == 0 || points[i].x != points[unique - 1].x ||
            points[i].y != points[unique - 1].y)
            points[unique++] = points[i];
    points.resize(unique);
    if (points.size() < 3)
        return;
    const double tolerance2 = tolerance * tolerance;
    std::vector<char> keep(points.size(), 0);
    keep.front() = keep.back() = 1;
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, points.size() - 1}};
    while (!spans.empty()) {
        const auto [a, b] = spans.back();
        spans.pop_back();
        double farthest = tolerance2;
        std::size_t split = 0;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = squared_distance_to_segment(points[i], points[a], points[b]);
            if (d > farthest) {
                farthest = d;
                split = i;
            }
        }
        if (split == 0)
            continue;
        keep[split] = 1;
        spans.push_back({a, split});
        spans.push_back({split, b});
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (keep[i])
            points[kept++] = points[i];
    points.resize(kept);
}

} // namespace dcmap::render::detail
