// Extra layers projected like the base map: cut at the seam, never a line across the world.
#include "basemap/basemap.hpp"
#include "project/projection.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using dcmap::GeoLayer;
using dcmap::Point;
using dcmap::basemap::project_layer;
using dcmap::project::parse_projection;
using dcmap::project::Projector;

namespace {

/// The longest step of any projected line, as a share of the outline's width.
double longest_step_share(const dcmap::ProjectedLayer& layer, const Projector& projector) {
    dcmap::Box bounds;
    for (const Point& p : dcmap::basemap::projection_outline(projector))
        bounds.expand(p);
    double longest = 0;
    for (const auto& line : layer.lines)
        for (std::size_t i = 1; i < line.size(); ++i)
            longest =
                std::max(longest, std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y));
    return longest / bounds.width();
}

} // namespace

TEST_CASE("basemap: a layer line across the antimeridian is cut there, at every centre",
          "[basemap]") {
    GeoLayer layer;
    layer.lines.push_back({{170, 10}, {-170, 12}});          // 20 degrees east across 180
    layer.lines.push_back({{-123.96, 45.2}, {136.8, 34.3}}); // Oregon to Japan, the short way
    for (const char* centre : {"0", "150", "-90", "179"}) {
        INFO(centre);
        const Projector projector(parse_projection("equal-earth", centre));
        const auto projected = project_layer(layer, projector);
        // Centred on 150 the Pacific is whole: one piece each; centred on 0, split at 180.
        if (std::string(centre) == "150")
            CHECK(projected.lines.size() == 2);
        if (std::string(centre) == "0")
            CHECK(projected.lines.size() == 4);
        CHECK(longest_step_share(projected, projector) < 0.05);
    }
}

TEST_CASE("basemap: layer polygons are cut and projected, points beyond the horizon dropped",
          "[basemap]") {
    GeoLayer layer;
    dcmap::Polygon box;
    box.rings.push_back({{170, -47}, {190 - 360, -47}, {190 - 360, -34}, {170, -34}});
    layer.polygons.push_back(box);
    layer.points = {{8.68, 50.11}, {151.21, -33.87}};
    layer.style.over_sites = true;
    const auto world = project_layer(layer, Projector(parse_projection("equal-earth", "0")));
    CHECK(world.polygons.size() == 2); // both sides of the seam
    CHECK(world.points.size() == 2);
    CHECK(world.style.over_sites);
    const auto globe = project_layer(layer, Projector(parse_projection("orthographic", "10,50")));
    CHECK(globe.points.size() == 1); // Sydney is on the far side
    CHECK(globe.polygons.empty());
}
