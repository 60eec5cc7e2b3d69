#include "model/error.hpp"
#include "project/projection.hpp"

#include <catch2/catch.hpp>
#include <proj.h>

#include <cmath>
#include <string>

using dcmap::InputError;
using dcmap::ProjectionError;
using dcmap::project::parse_projection;
using dcmap::project::Projector;

namespace {

/// Projects through a plain PROJ pipeline, independently of Projector's CRS-to-CRS path.
dcmap::Point direct_proj(const std::string& operation, double lon, double lat) {
    PJ_CONTEXT* ctx = proj_context_create();
    const std::string pipeline =
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " + operation;
    PJ* pj = proj_create(ctx, pipeline.c_str());
    REQUIRE(pj != nullptr);
    const PJ_COORD out = proj_trans(pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
    proj_destroy(pj);
    proj_context_destroy(ctx);
    return {out.xy.x, out.xy.y};
}

} // namespace

TEST_CASE("project: empty projection name means equal-earth centred on Greenwich", "[project]") {
    const auto spec = parse_projection("");
    CHECK(spec.name == "equal-earth");
    CHECK(spec.definition.find("+proj=eqearth") != std::string::npos);
    CHECK(spec.center_lon == 0);
    CHECK_FALSE(spec.orthographic);
}

TEST_CASE("project: every named projection maps to its PROJ operation", "[project]") {
    CHECK(parse_projection("robinson").definition.find("+proj=robin ") != std::string::npos);
    CHECK(parse_projection("natural-earth").definition.find("+proj=natearth ") !=
          std::string::npos);
    CHECK(parse_projection("web-mercator").definition.find("+proj=merc ") != std::string::npos);
    CHECK(parse_projection("plate-carree").definition.find("+proj=eqc ") != std::string::npos);
    const auto ortho = parse_projection("orthographic");
    CHECK(ortho.orthographic);
    CHECK(ortho.center_lat == 20); // default view leans north
    CHECK(ortho.definition.find("+lat_0=20") != std::string::npos);
}

TEST_CASE("project: unknown projection name lists the valid names", "[project]") {
    try {
        parse_projection("mercatorr");
        FAIL("expected InputError");
    } catch (const InputError& e) {
        const std::string what = e.what();
        CHECK(what.find("unknown projection 'mercatorr'") != std::string::npos);
        CHECK(what.find("equal-earth") != std::string::npos);
        CHECK(what.find("orthographic") != std::string::npos);
        CHECK(what.find("+proj=") != std::string::npos);
    }
}

TEST_CASE("project: malformed centre is an input error with a hint", "[project]") {
    CHECK_THROWS_AS(parse_projection("robinson", "east"), InputError);
    CHECK_THROWS_AS(parse_projection("robinson", "10,95"), InputError);
    CHECK_THROWS_AS(parse_projection("robinson", "10,"), InputError);
    try {
        parse_projection("robinson", "abc");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("LON or LON,LAT") != std::string::npos);
    }
}

TEST_CASE("project: centre sets the central meridian and the orthographic latitude", "[project]") {
    const auto spec = parse_projection("equal-earth", "150");
    CHECK(spec.center_lon == 150);
    CHECK(spec.definition.find("+lon_0=150") != std::string::npos);
    const Projector projector(spec);
    const auto centre = projector.forward(150, 0);
    REQUIRE(centre);
    CHECK(centre->x == Approx(0).margin(1e-6));
    // 10 degrees east and west of the centre land symmetrically.
    const auto east = projector.forward(160, 10), west = projector.forward(140, 10);
    REQUIRE(east);
    REQUIRE(west);
    CHECK(east->x == Approx(-west->x));

    const auto ortho = parse_projection("orthographic", "-40,30");
    CHECK(ortho.center_lon == -40);
    CHECK(ortho.center_lat == 30);
}

TEST_CASE("project: equal-earth and robinson agree with PROJ's own pipeline", "[project]") {
    const Projector equal_earth(parse_projection("equal-earth"));
    const Projector robinson(parse_projection("robinson", "20"));
    const double points[][2] = {{2, 1}, {-120, 45}, {179.5, -60}, {13.4, 52.5}, {0, 89}};
    for (const auto& p : points) {
        const auto ee = equal_earth.forward(p[0], p[1]);
        const auto ee_ref = direct_proj("+proj=eqearth +ellps=WGS84", p[0], p[1]);
        REQUIRE(ee);
        CHECK(ee->x == Approx(ee_ref.x).margin(1e-6));
        CHECK(ee->y == Approx(ee_ref.y).margin(1e-6));
        const auto rob = robinson.forward(p[0], p[1]);
        const auto rob_ref = direct_proj("+proj=robin +ellps=WGS84 +lon_0=20", p[0], p[1]);
        REQUIRE(rob);
        CHECK(rob->x == Approx(rob_ref.x).margin(1e-6));
        CHECK(rob->y == Approx(rob_ref.y).margin(1e-6));
    }
}

TEST_CASE("project: web-mercator matches EPSG:3857 bounds and clips beyond 85.05", "[project]") {
    const Projector merc(parse_projection("web-mercator"));
    const auto corner = merc.forward(180, 85.0511287798066);
    REQUIRE(corner);
    // The well-known half-width of the EPSG:3857 square, pi * 6378137.
    CHECK(corner->x == Approx(20037508.342789244).margin(1e-3));
    CHECK(corner->y == Approx(20037508.342789244).margin(1));
    CHECK(merc.forward(0, 85));
    CHECK_FALSE(merc.forward(0, 86));
    CHECK_FALSE(merc.forward(0, -90));
}

TEST_CASE("project: orthographic hides the far hemisphere", "[project]") {
    const Projector ortho(parse_projection("orthographic", "0,20"));
    CHECK_FALSE(ortho.forward(180, 0));
    CHECK(ortho.forward(0, -69));       // 89 degrees from the centre
    CHECK_FALSE(ortho.forward(0, -71)); // 91 degrees from the centre
    const Projector equator(parse_projection("orthographic", "0,0"));
    const auto limb = equator.forward(90, 0);
    REQUIRE(limb);
    CHECK(limb->x == Approx(6371000).margin(1e-3));
    const auto north = equator.forward(0, 45);
    REQUIRE(north);
    CHECK(north->y == Approx(6371000 * std::sqrt(0.5)).margin(1e-3));
}

TEST_CASE("project: raw PROJ strings and EPSG codes are accepted", "[project]") {
    const auto moll = parse_projection("+proj=moll", "30");
    CHECK(moll.name == "custom");
    CHECK(moll.center_lon == 30);
    const Projector mollweide(moll);
    const auto centre = mollweide.forward(30, 0);
    REQUIRE(centre);
    CHECK(centre->x == Approx(0).margin(1e-6));

    // ETRS89-LAEA's false origin sits at 10E 52N.
    const Projector laea(parse_projection("EPSG:3035"));
    const auto origin = laea.forward(10, 52);
    REQUIRE(origin);
    CHECK(origin->x == Approx(4321000).margin(1e-3));
    CHECK(origin->y == Approx(3210000).margin(1e-3));

    CHECK_THROWS_AS(Projector(parse_projection("+proj=nonsense")), ProjectionError);
}

TEST_CASE("project: Projector moves without losing its transformation", "[project]") {
    Projector a(parse_projection("robinson"));
    Projector b(std::move(a));
    CHECK(b.spec().name == "robinson");
    CHECK(b.forward(10, 10));
}

TEST_CASE("project: a named projection's written-out pipeline gives the bits of PROJ's own "
          "CRS-to-CRS transform",
          "[project]") {
    // Named projections skip PROJ's database; the same definition as a PROJ string goes
    // through it (proj_create_crs_to_crs). Both must place every point identically.
    for (const char* name : {"equal-earth", "robinson", "natural-earth", "web-mercator",
                             "plate-carree", "orthographic"}) {
        for (const char* centre : {"", "150", "-40,30"}) {
            const Projector named(parse_projection(name, centre));
            const Projector through_crs(parse_projection(named.spec().definition, centre));
            REQUIRE(through_crs.spec().name == "custom");
            int compared = 0;
            for (double lat = -89.5; lat <= 89.5; lat += 7.25) {
                for (double lon = -180; lon <= 180; lon += 9.5) {
                    const auto a = named.forward(lon, lat);
                    const auto b = through_crs.forward(lon, lat);
                    REQUIRE(a.has_value() == b.has_value());
                    if (!a)
                        continue;
                    INFO(name << " centre '" << centre << "' at " << lon << ", " << lat);
                    CHECK(a->x == b->x);
                    CHECK(a->y == b->y);
                    ++compared;
                }
            }
            CHECK(compared > 100);
        }
    }
}
