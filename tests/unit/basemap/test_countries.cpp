// Point-in-country checks over the unprojected 1:50m countries.
#include "basemap/countries.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using dcmap::basemap::country_at;
using dcmap::basemap::distance_to_country_km;

TEST_CASE("basemap: country_at names the country under a point", "[basemap]") {
    CHECK(country_at(2.35, 48.86) == "FR");    // Paris
    CHECK(country_at(-77.49, 39.04) == "US");  // Ashburn
    CHECK(country_at(151.21, -33.87) == "AU"); // Sydney
    CHECK(country_at(-30.0, 40.0).empty());    // mid-Atlantic
}

TEST_CASE("basemap: country_at works across the antimeridian and round the pole", "[basemap]") {
    CHECK(country_at(-175.0, 66.0) == "RU"); // Chukotka, east of 180
    CHECK(country_at(178.4, -18.1) == "FJ"); // Suva
    CHECK(country_at(-173.1, 64.6) == "RU"); // inland of Provideniya
    CHECK(country_at(0.0, -85.0) == "AQ");
}

TEST_CASE("basemap: distance to a country is 0 inside and grows outside", "[basemap]") {
    CHECK(*distance_to_country_km("DE", 8.68, 50.11) == 0.0);
    // Swapped lat/lon of Frankfurt lands in Somalia, thousands of km from Germany.
    CHECK(*distance_to_country_km("DE", 50.11, 8.68) > 4000);
    // A point just off the coast is near: Dover harbour is ~1 km from land, under 30 km.
    CHECK(*distance_to_country_km("GB", 1.33, 51.11) < 30);
    CHECK_FALSE(distance_to_country_km("ZZ", 0, 0).has_value());
}

TEST_CASE("basemap: country_at through its edge index agrees with testing every edge",
          "[basemap]") {
    // A grid at steps that fall on no bucket or vertex pattern, plus points on bucket edges
    // (multiples of a quarter degree) and on the antimeridian.
    int checked = 0, in_a_country = 0;
    for (double lat = -89.3; lat < 90; lat += 2.9) {
        for (double lon = -180; lon <= 180; lon += 3.7) {
            const std::string got = country_at(lon, lat);
            CHECK(got == dcmap::basemap::detail::country_at_scanning_all(lon, lat));
            ++checked;
            in_a_country += !got.empty();
        }
    }
    for (double lon : {-180.0, -179.75, -0.25, 0.0, 0.25, 24.5, 179.75, 180.0})
        for (double lat : {-70.0, -10.0, 0.0, 45.25, 66.0})
            CHECK(country_at(lon, lat) ==
                  dcmap::basemap::detail::country_at_scanning_all(lon, lat));
    CHECK(checked > 6000);
    CHECK(in_a_country > 1000);
}

TEST_CASE("basemap: country_at's ring test and its edge index agree with testing every edge",
          "[basemap]") {
    // A grid over the world and points along the antimeridian, the poles' rings and the edges
    // of the index's quarter-degree columns.
    std::vector<std::pair<double, double>> points;
    for (double lat = -89.5; lat <= 89.5; lat += 3.7)
        for (double lon = -180; lon < 180; lon += 4.3)
            points.emplace_back(lon, lat);
    for (double lat = -85; lat <= 85; lat += 0.9) {
        points.emplace_back(180.0, lat);
        points.emplace_back(-180.0, lat);
        points.emplace_back(179.99, lat);
        points.emplace_back(20.25, lat); // on a column edge
    }
    int named = 0;
    for (const auto& [lon, lat] : points) {
        const std::string expected = dcmap::basemap::detail::country_at_scanning_all(lon, lat);
        CHECK(dcmap::basemap::detail::country_at_by_rings(lon, lat) == expected);
        CHECK(dcmap::basemap::detail::country_at_by_index(lon, lat) == expected);
        named += !expected.empty();
    }
    CHECK(named > 300);
}
