#include "model/error.hpp"
#include "project/extent.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using dcmap::Box;
using dcmap::InputError;
using dcmap::Point;
using dcmap::ProjectedBasemap;
using dcmap::project::compute_view;
using dcmap::project::parse_projection;
using dcmap::project::Projector;

namespace {

/// A base map with only the bounds set: compute_view needs nothing else.
ProjectedBasemap world_of(const Projector& projector) {
    ProjectedBasemap basemap;
    for (double lat = -90; lat <= 90; lat += 1) {
        const double lon0 = projector.spec().center_lon;
        for (double lon : {lon0 - 179.9999999, lon0 + 179.9999999})
            if (auto p = projector.forward(lon, lat))
                basemap.bounds.expand(*p);
    }
    return basemap;
}

bool contains(const Box& box, Point p) {
    return p.x >= box.min_x && p.x <= box.max_x && p.y >= box.min_y && p.y <= box.max_y;
}

} // namespace

TEST_CASE("extent: world and empty mean the whole outline", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    const Box world = compute_view("world", projector, basemap, {});
    CHECK(world.min_x == basemap.bounds.min_x);
    CHECK(world.max_y == basemap.bounds.max_y);
    CHECK(compute_view("", projector, basemap, {}).width() == world.width());
}

TEST_CASE("extent: auto frames every site with a margin", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    const std::vector<Point> sites{{-0.13, 51.5}, {13.4, 52.5}, {2.35, 48.86}, {-6.26, 53.35}};
    const Box view = compute_view("auto", projector, basemap, sites);
    for (const Point& s : sites) {
        const Point p = *projector.forward(s.x, s.y);
        CHECK(contains(view, p));
        // a margin, not flush against the edge
        CHECK(p.x - view.min_x > 0.05 * view.width());
        CHECK(view.max_x - p.x > 0.05 * view.width());
    }
    CHECK(view.width() < basemap.bounds.width() / 4);
    CHECK_FALSE(contains(view, *projector.forward(100, 0)));
}

TEST_CASE("extent: auto with one site does not zoom to a street", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    const Box view = compute_view("auto", projector, basemap, {{8.68, 50.11}});
    CHECK(view.width() >= basemap.bounds.width() * 20 / 360);
    CHECK(view.height() >= basemap.bounds.width() * 20 / 360);
    CHECK(contains(view, *projector.forward(8.68, 50.11)));
}

TEST_CASE("extent: auto stays inside the world outline", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    const Box view = compute_view("auto", projector, basemap, {{-179, 80}, {179, -80}});
    CHECK(basemap.bounds.contains(view));
    const Box none = compute_view("auto", projector, basemap, {});
    CHECK(none.width() == basemap.bounds.width());
}

TEST_CASE("extent: a lon/lat box is projected with its curved edges", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    const Box view = compute_view("-10,35,30,60", projector, basemap, {});
    CHECK(contains(view, *projector.forward(0, 50)));
    CHECK(contains(view, *projector.forward(-10, 35)));
    CHECK_FALSE(contains(view, *projector.forward(40, 50)));
    // The widest point of the box on equal-earth is the southern edge, not the corners' mean.
    CHECK(view.min_x == Approx(projector.forward(-10, 35)->x).epsilon(1e-9));
}

TEST_CASE("extent: west greater than east crosses the antimeridian", "[project]") {
    const Projector projector(parse_projection("equal-earth", "180"));
    const auto basemap = world_of(projector);
    const Box view = compute_view("170,-50,-170,-30", projector, basemap, {});
    CHECK(view.width() < basemap.bounds.width() / 10);
    CHECK(contains(view, *projector.forward(180, -40)));
    CHECK(contains(view, *projector.forward(175, -40)));
    CHECK(contains(view, *projector.forward(-175, -40)));
}

TEST_CASE("extent: malformed extents are input errors that say what to write", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    for (const std::string bad : {"1,2,3", "a,b,c,d", "0,10,20,5", "0,-95,10,10", "0,0,200,10",
                                  "1,2,3,4,", "1,2,3,4x", "everywhere"}) {
        INFO(bad);
        try {
            compute_view(bad, projector, basemap, {});
            FAIL("expected InputError");
        } catch (const InputError& e) {
            const std::string what = e.what();
            CHECK(what.find("--extent") != std::string::npos);
            CHECK(what.find("W,S,E,N") != std::string::npos);
        }
    }
}

TEST_CASE("extent: a box on the far side of an orthographic globe is an error", "[project]") {
    const Projector projector(parse_projection("orthographic", "0,0"));
    ProjectedBasemap basemap;
    basemap.bounds = Box{-6371000, -6371000, 6371000, 6371000};
    CHECK_THROWS_AS(compute_view("170,-10,175,10", projector, basemap, {}), InputError);
}

TEST_CASE("extent: named extents frame their region and leave others out", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    struct Case {
        const char* name;
        Point inside[2];
        Point outside;
    };
    const Case cases[] = {
        {"europe", {{8.68, 50.11}, {-9.14, 38.72}}, {139.69, 35.69}}, // Frankfurt, Lisbon | Tokyo
        {"asia-pacific",
         {{72.88, 19.08}, {174.76, -36.85}},
         {8.68, 50.11}}, // Mumbai, Auckland | Frankfurt
        {"north-america",
         {{-122.33, 47.61}, {-100.39, 20.59}},
         {-46.63, -23.55}}, // Seattle, Querétaro | São Paulo
        {"latin-america",
         {{-46.63, -23.55}, {-70.65, -33.45}},
         {-77.04, 38.9}}, // São Paulo, Santiago | Washington
        {"middle-east-africa",
         {{18.42, -33.93}, {55.27, 25.2}},
         {72.88, 19.08}}, // Cape Town, Dubai | Mumbai
        {"china",
         {{116.4, 39.9}, {114.17, 22.28}},
         {103.82, 1.35}}, // Beijing, Hong Kong | Singapore
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const Box view = compute_view(c.name, projector, basemap, {});
        for (const Point& p : c.inside)
            CHECK(contains(view, *projector.forward(p.x, p.y)));
        CHECK_FALSE(contains(view, *projector.forward(c.outside.x, c.outside.y)));
        CHECK(view.width() < basemap.bounds.width() / 2);
    }
}

TEST_CASE("extent: an unknown name lists the named extents", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    try {
        compute_view("eurasia", projector, basemap, {});
        FAIL("expected InputError");
    } catch (const InputError& e) {
        const std::string what = e.what();
        CHECK(what.find("no extent has that name") != std::string::npos);
        CHECK(what.find("middle-east-africa") != std::string::npos);
        CHECK(what.find("north-america-east") != std::string::npos);
    }
}

TEST_CASE("extent: inset areas by name are tighter than the extent of the same name", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    const auto basemap = world_of(projector);
    const auto inset = dcmap::project::inset_area("europe", projector);
    CHECK(inset.caption == "Europe");
    const Box extent = compute_view("europe", projector, basemap, {});
    CHECK(extent.contains(inset.view));
    CHECK(inset.view.width() < 0.8 * extent.width());
    CHECK(contains(inset.view, *projector.forward(-6.26, 53.35))); // Dublin
    CHECK(contains(inset.view, *projector.forward(18.07, 59.33))); // Stockholm
    // An inset may also name an extent; a box is captioned by the named area it mostly
    // covers, else by its degrees.
    CHECK(dcmap::project::inset_area("china", projector).caption == "China");
    CHECK(dcmap::project::inset_area("-12,36,29,62", projector).caption == "Europe");
    const auto box = dcmap::project::inset_area("-80,35,-70,45", projector);
    CHECK(box.caption == "35\u2013"
                         "45\u00b0N, 70\u2013"
                         "80\u00b0W");
    CHECK(contains(box.view, *projector.forward(-77.04, 38.9)));
}

TEST_CASE("extent: bad inset areas are input errors naming --inset", "[project]") {
    const Projector projector(parse_projection("equal-earth"));
    for (const std::string bad : {"atlantis", "1,2,3", "0,10,20,5"}) {
        INFO(bad);
        try {
            dcmap::project::inset_area(bad, projector);
            FAIL("expected InputError");
        } catch (const InputError& e) {
            const std::string what = e.what();
            CHECK(what.find("--inset '" + bad + "'") != std::string::npos);
            CHECK(what.find("east-asia") != std::string::npos);
        }
    }
}

TEST_CASE("extent: units per degree is the projection's scale on the equator", "[project]") {
    const Projector plate(parse_projection("plate-carree"));
    CHECK(dcmap::project::units_per_degree(plate) == Approx(111319.49).epsilon(1e-3));
    const Projector mercator(parse_projection("web-mercator", "100"));
    CHECK(dcmap::project::units_per_degree(mercator) == Approx(111319.49).epsilon(1e-3));
    const Projector robinson(parse_projection("robinson"));
    // Robinson shrinks the equator a little: still within a fifth of a degree of the ellipsoid.
    const double r = dcmap::project::units_per_degree(robinson);
    CHECK(r > 0.8 * 111319.49);
    CHECK(r < 1.0 * 111319.49);
}

TEST_CASE("extent: a box across the antimeridian turns the map to its middle by default",
          "[project]") {
    const auto centre = dcmap::project::default_centre("150,-50,-150,10");
    REQUIRE(centre);
    CHECK(std::abs(centre->x) == Approx(180));
    CHECK(centre->y == Approx(-20));
    const auto europe = dcmap::project::default_centre("europe");
    REQUIRE(europe);
    CHECK(europe->x == Approx(10));
    // A box that does not cross the antimeridian keeps the default centre, and so does a
    // malformed one (compute_view reports it).
    CHECK_FALSE(dcmap::project::default_centre("-30,30,60,72"));
    CHECK_FALSE(dcmap::project::default_centre("1,2,3"));
    CHECK_FALSE(dcmap::project::default_centre("world"));
}

TEST_CASE("extent: a W>E box shows the box across 180 degrees, never the rest of the world",
          "[project]") {
    const Projector turned(parse_projection("equal-earth", "180"));
    const auto basemap = world_of(turned);
    const Box view = compute_view("150,-50,-150,10", turned, basemap, {});
    // 60 degrees of 360, at most: not the 300 between the box's edges.
    CHECK(view.width() < basemap.bounds.width() * 61 / 360);
    for (double lon : {150.5, 170.0, 180.0, -170.0, -150.5})
        CHECK(contains(view, *turned.forward(lon, -20)));
    CHECK_FALSE(contains(view, *turned.forward(0, -20)));
    CHECK_FALSE(contains(view, *turned.forward(140, -20)));
    // Centred on Greenwich, the map's edge at 180 would cut the box in two: an error that says
    // which centre works.
    const Projector greenwich(parse_projection("equal-earth"));
    try {
        compute_view("150,-50,-150,10", greenwich, world_of(greenwich), {});
        FAIL("expected InputError");
    } catch (const InputError& e) {
        const std::string what = e.what();
        CHECK(what.find("--extent '150,-50,-150,10' is cut in two by the map's edge at 180") !=
              std::string::npos);
        CHECK(what.find("--center 180") != std::string::npos);
    }
    // The same for an inset's box; on a turned map it is the box across 180.
    CHECK_THROWS_AS(dcmap::project::inset_area("165,-48,-175,-33", greenwich), InputError);
    const auto inset = dcmap::project::inset_area("165,-48,-175,-33", turned);
    CHECK(inset.view.width() < basemap.bounds.width() * 21 / 360);
    CHECK(contains(inset.view, *turned.forward(174.76, -36.85))); // Auckland
    CHECK(contains(inset.view, *turned.forward(-176.5, -44)));    // the Chatham Islands
    CHECK(inset.caption == "33\u2013"
                           "48\u00b0S, 165\u00b0E\u2013"
                           "175\u00b0W");
    // A globe has no such edge.
    const Projector globe(parse_projection("orthographic", "0,0"));
    CHECK_NOTHROW(compute_view("60,-30,-60,30", globe, world_of(globe), {}));
}
