// Simplification to the output resolution (render/simplify.hpp).
#include "render/simplify.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using dcmap::Point;
using dcmap::render::detail::simplify_polyline;

namespace {

double distance_to_segment(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

} // namespace

TEST_CASE("render: simplification drops collinear and repeated points, keeps the ends",
          "[render]") {
    std::vector<Point> line{{0, 0}, {1, 0}, {1, 0}, {2, 0.1}, {3, 0}, {10, 0}};
    simplify_polyline(line, 0.25);
    REQUIRE(line.size() == 2);
    CHECK(line.front().x == 0);
    CHECK(line.back().x == 10);
    std::vector<Point> zigzag{{0, 0}, {1, 1}, {2, 0}, {3, 1}, {4, 0}};
    simplify_polyline(zigzag, 0.25);
    CHECK(zigzag.size() == 5);
    std::vector<Point> one{{5, 5}, {5, 5}, {5, 5}};
    simplify_polyline(one, 0.25);
    CHECK(one.size() == 1);
}

TEST_CASE("render: every dropped vertex lies within the tolerance of the simplified line",
          "[render]") {
    for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
        std::mt19937 rng(seed);
        std::normal_distribution<double> step(0, 0.4);
        std::vector<Point> line{{0, 0}};
        for (int i = 0; i < 2000; ++i)
            line.push_back({line.back().x + std::abs(step(rng)), line.back().y + step(rng)});
        std::vector<Point> simple = line;
        simplify_polyline(simple, 0.25);
        INFO("seed " << seed);
        CHECK(simple.size() < line.size() / 2);
        CHECK(simple.front().x == line.front().x);
        CHECK(simple.back().x == line.back().x);
        // x grows along the line, so each original vertex sits between two kept ones.
        std::size_t k = 0;
        double worst = 0;
        for (const Point& p : line) {
            while (k + 1 < simple.size() && simple[k + 1].x < p.x)
                ++k;
            const std::size_t next = std::min(k + 1, simple.size() - 1);
            worst = std::max(worst, distance_to_segment(p, simple[k], simple[next]));
        }
        CHECK(worst <= 0.25 + 1e-9);
    }
}
