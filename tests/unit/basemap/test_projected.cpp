// The base map projected at build time (basemap/projected_pack.hpp) against projecting the
// packed pieces now: the same bits, borders included, for every projection and detail it is
// embedded for.
#include "basemap/basemap.hpp"
#include "basemap/borders.hpp"
#include "basemap/projected_pack.hpp"
#include "basemap/working_frame.hpp"
#include "model/error.hpp"
#include "project/projection.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

using namespace dcmap;
using namespace dcmap::basemap::detail;

namespace {

/// Each line has the same points, bit for bit (rings are lines too).
bool same_lines(const std::vector<Polyline>& a, const std::vector<Polyline>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].size() != b[i].size() ||
            (!a[i].empty() &&
             std::memcmp(a[i].data(), b[i].data(), a[i].size() * sizeof(Point)) != 0))
            return false;
    return true;
}

bool same_polygons(const std::vector<Polygon>& a, const std::vector<Polygon>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same_lines(a[i].rings, b[i].rings))
            return false;
    return true;
}

} // namespace

TEST_CASE("basemap: the base map projected at build time is what projecting it now gives",
          "[basemap]") {
    for (const char* name : {"equal-earth", "robinson", "natural-earth", "plate-carree"}) {
        for (bool medium : {true, false}) {
            INFO(name << (medium ? " 1:50m" : " 1:110m"));
            const project::Projector projector(project::parse_projection(name, ""));
            const ProjectedPack* pack = embedded_projected(projector.spec(), medium);
            REQUIRE(pack != nullptr);
            const Frame frame(projector.spec());
            const Projection proj{projector, frame, windows(frame)};
            const PackedBasemap& data = embedded_basemap(medium);
            const auto countries = read_countries(data, proj);
            REQUIRE(pack->countries.size() == countries.size());
            for (std::size_t i = 0; i < countries.size(); ++i) {
                CHECK(pack->countries[i].iso2 == countries[i].iso2);
                CHECK(pack->countries[i].name == countries[i].name);
                CHECK(same_polygons(pack->countries[i].polygons, countries[i].polygons));
            }
            const auto land = read_land(data, proj);
            CHECK(same_polygons(pack->land, land));
            const auto borders = inner_borders(countries, land);
            CHECK(borders.size() > 100);
            CHECK(same_lines(pack->borders, borders));
        }
    }
}

TEST_CASE("basemap: another centre or projection is projected at run time", "[basemap]") {
    CHECK(embedded_projected(project::parse_projection("robinson", "150"), true) == nullptr);
    CHECK(embedded_projected(project::parse_projection("web-mercator", ""), true) == nullptr);
    CHECK(embedded_projected(project::parse_projection("orthographic", ""), true) == nullptr);
    CHECK(embedded_projected(project::parse_projection("+proj=robin +lon_0=0", ""), true) ==
          nullptr);
    CHECK(embedded_projected(project::parse_projection("equal-earth", ""), false) != nullptr);
}

TEST_CASE("basemap: a truncated projected pack is an IoError, never a crash", "[basemap]") {
    ProjectedPack pack;
    pack.definition = "+proj=robin";
    pack.countries.push_back({"FR", "France", {Polygon{{{{0, 0}, {1, 0}, {1, 1}}}}}});
    pack.land = pack.countries[0].polygons;
    pack.borders = {{{0, 0}, {1, 1}}, {{2, 2}, {3, 3}, {4, 4}}};
    const std::string bytes = pack_projected(pack);
    const ProjectedPack back = unpack_projected(bytes);
    CHECK(back.definition == pack.definition);
    CHECK(same_polygons(back.land, pack.land));
    CHECK(same_lines(back.borders, pack.borders));
    for (std::size_t n = 0; n < bytes.size(); n += 7)
        CHECK_THROWS_AS(unpack_projected(bytes.substr(0, n)), IoError);
    CHECK_THROWS_AS(unpack_projected(bytes + "x"), IoError);
}
