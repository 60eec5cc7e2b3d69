// The packed base map (basemap/packed.hpp) the build-time tool embeds, and the GDAL guard the
// cutting code still uses.
#include "basemap/countries.hpp"
#include "basemap/gdal_cut.hpp"
#include "basemap/packed.hpp"
#include "basemap/working_frame.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>
#include <cpl_error.h>

#include <string>

using namespace dcmap::basemap::detail;

namespace {

int messages_seen = 0;

void CPL_STDCALL count_message(CPLErr, CPLErrorNum, const char*) { ++messages_seen; }

PackedBasemap tiny() {
    PackedBasemap b;
    const LonLatRing square{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
    b.countries.push_back({"FR", "France", {{square}}});
    b.countries.push_back({"", "Somaliland", {}});
    b.land = {{square, square}};
    b.countries_cut = {{{square}}, {}};
    b.land_cut = {{square}};
    return b;
}

bool same(const std::vector<LonLatPolygon>& a, const std::vector<LonLatPolygon>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].size() != b[i].size())
            return false;
        for (std::size_t r = 0; r < a[i].size(); ++r) {
            if (a[i][r].size() != b[i][r].size())
                return false;
            for (std::size_t k = 0; k < a[i][r].size(); ++k)
                if (a[i][r][k].x != b[i][r][k].x || a[i][r][k].y != b[i][r][k].y)
                    return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("basemap: a packed base map reads back exactly", "[basemap]") {
    const PackedBasemap b = tiny();
    const std::string bytes = pack(b);
    CHECK(pack(b) == bytes);
    const PackedBasemap back = unpack(bytes);
    REQUIRE(back.countries.size() == 2);
    CHECK(back.countries[0].iso2 == "FR");
    CHECK(back.countries[0].name == "France");
    CHECK(same(back.countries[0].polygons, b.countries[0].polygons));
    CHECK(back.countries[1].polygons.empty());
    CHECK(same(back.land, b.land));
    CHECK(same(back.countries_cut[0], b.countries_cut[0]));
    CHECK(same(back.land_cut, b.land_cut));
}

TEST_CASE("basemap: truncated or foreign bytes are an IoError, never a crash", "[basemap]") {
    const std::string bytes = pack(tiny());
    for (std::size_t n = 0; n < bytes.size(); n += 7)
        CHECK_THROWS_AS(unpack(std::string_view(bytes).substr(0, n)), dcmap::IoError);
    CHECK_THROWS_WITH(unpack("{\"type\":\"Topology\"}"),
                      "the embedded base map is not in this version's format; rebuild dcmap");
    CHECK_THROWS_AS(unpack(bytes + "x"), dcmap::IoError);
}

TEST_CASE("basemap: the embedded base map names countries by ISO alpha-2, Kosovo XK", "[basemap]") {
    for (const bool medium : {false, true}) {
        const PackedBasemap& b = embedded_basemap(medium);
        CHECK(b.countries.size() > 150);
        CHECK_FALSE(b.land.empty());
        auto iso_of = [&](const std::string& name) {
            for (const PackedCountry& c : b.countries)
                if (c.name == name)
                    return c.iso2;
            return std::string("?");
        };
        CHECK(iso_of("France") == "FR");
        CHECK(iso_of("Australia") == "AU");
        CHECK(iso_of("Kosovo") == "XK");
        CHECK(iso_of("Somaliland").empty());
    }
    CHECK(dcmap::basemap::country_at(2.35, 48.86) == "FR");
}

TEST_CASE("basemap: the pre-cut pieces are what cutting the source polygons gives now, and "
          "cutting keeps GDAL quiet",
          "[basemap]") {
    dcmap::project::ProjectionSpec spec;
    REQUIRE(fits_precut(spec));
    const Frame frame(spec);
    const std::vector<Window> cut_windows = windows(frame);
    // The caller's handler: cutting sends it nothing (GEOS's warnings on raw rings are expected)
    // and is still in place afterwards.
    CPLPushErrorHandler(count_message);
    messages_seen = 0;
    auto cut = [&](const std::vector<LonLatPolygon>& polygons) {
        std::vector<LonLatPolygon> out;
        for (const LonLatPolygon& p : polygons)
            for (LonLatPolygon& piece :
                 cut_polygon(to_working_polygon(p, frame), frame, cut_windows))
                out.push_back(std::move(piece));
        return out;
    };
    const PackedBasemap& b = embedded_basemap(false);
    CHECK(same(cut(b.land), b.land_cut));
    for (std::size_t i = 0; i < b.countries.size(); ++i) {
        INFO(b.countries[i].name);
        CHECK(same(cut(b.countries[i].polygons), b.countries_cut[i]));
    }
    CHECK(messages_seen == 0);
    CPLError(CE_Warning, CPLE_AppDefined, "probe");
    CPLPopErrorHandler();
    CHECK(messages_seen == 1);
    spec.center_lon = 150;
    CHECK_FALSE(fits_precut(spec));
    spec.center_lon = 0;
    spec.max_abs_lat = 85.05;
    CHECK_FALSE(fits_precut(spec));
    spec.max_abs_lat = 90;
    spec.orthographic = true;
    CHECK_FALSE(fits_precut(spec));
}
