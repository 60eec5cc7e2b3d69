#include "layout/segments.hpp"
#include "layout/spatial_grid.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace dcmap;
using namespace dcmap::layout::detail;

TEST_CASE("layout: the spatial grid reports each nearby item once, even across cells", "[layout]") {
    SpatialGrid grid({0, 0, 100, 100}, 10);
    grid.insert(0, {5, 5, 55, 55}); // spans 36 cells
    grid.insert(1, {80, 80, 90, 90});
    grid.insert(2, {150, 150, 160, 160}); // outside the bounds: kept in the corner cell
    std::vector<int> seen;
    grid.any_near({0, 0, 60, 60}, [&](int item) {
        seen.push_back(item);
        return false;
    });
    CHECK(seen == std::vector<int>{0});
    seen.clear();
    grid.any_near({95, 95, 99, 99}, [&](int item) {
        seen.push_back(item);
        return false;
    });
    // Item 1 ends on the edge of the corner cell, so it is a candidate there too.
    CHECK(seen == std::vector<int>{1, 2});
    CHECK(grid.any_near({50, 50, 85, 85}, [](int item) { return item == 1; }));
    CHECK_FALSE(grid.any_near({20, 70, 30, 75}, [](int) { return true; }));
}

TEST_CASE("layout: segment tests count crossings, not touching", "[layout]") {
    const Box box{10, 10, 20, 20};
    CHECK(segment_crosses_box({0, 15}, {30, 15}, box));
    CHECK(segment_crosses_box({15, 15}, {15, 40}, box)); // starts inside
    CHECK_FALSE(segment_crosses_box({0, 0}, {30, 0}, box));
    CHECK_FALSE(segment_crosses_box({0, 10}, {30, 10}, box)); // runs along the top edge
    CHECK_FALSE(segment_crosses_box({0, 20}, {10, 30}, box)); // touches a corner
    CHECK(segments_cross({0, 0}, {10, 10}, {0, 10}, {10, 0}));
    CHECK_FALSE(segments_cross({0, 0}, {10, 10}, {20, 0}, {30, 10}));
    CHECK_FALSE(segments_cross({0, 0}, {10, 0}, {10, 0}, {20, 5})); // shared end point
    const Point near = nearest_point_on_box(box, {0, 15});
    CHECK(near.x == 10);
    CHECK(near.y == 15);
}
