// Point-in-country checks over the unprojected 1:50m countries.
#include "basemap/countries.hpp"

#include <catch2/catch.hpp>

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
