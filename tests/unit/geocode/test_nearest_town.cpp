// The nearest gazetteer town to a point: the grid search against a scan of every town.
#include "geocode/gazetteer.hpp"
#include "geocode/geocoder.hpp"
#include "geocode/tsv.hpp"
#include "resources/resources.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using dcmap::geocode::Gazetteer;
using dcmap::geocode::nearby_town_max_km;
using dcmap::geocode::nearby_town_min_population;

namespace {

struct Town {
    std::string name, country;
    double lat = 0, lon = 0;
};

/// Every place of the embedded gazetteer with at least nearby_town_min_population people.
std::vector<Town> towns() {
    using dcmap::geocode::detail::next_field;
    using dcmap::geocode::detail::parse_number;
    auto text = dcmap::resources::get("gazetteer.tsv");
    text = text.substr(0, text.find("\n#index\n") + 1);
    std::vector<Town> out;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find('\n', at);
        auto line = text.substr(at, end - at);
        at = end + 1;
        Town t;
        t.name = next_field(line);
        t.lat = static_cast<float>(parse_number(next_field(line), 0.0));
        t.lon = static_cast<float>(parse_number(next_field(line), 0.0));
        t.country = next_field(line);
        next_field(line);
        if (parse_number<std::int64_t>(next_field(line), 0) >= nearby_town_min_population)
            out.push_back(std::move(t));
    }
    return out;
}

/// The nearest town by the same scaled-degree measure the grid ranks by, scanning every town;
/// nullptr when the nearest is farther than nearby_town_max_km.
const Town* scan_nearest(const std::vector<Town>& all, double lon, double lat) {
    const double cos_lat = std::cos(lat * M_PI / 180);
    const Town* best = nullptr;
    double best_d = 0;
    for (const auto& t : all) {
        double dlon = std::abs(t.lon - lon);
        dlon = std::min(dlon, 360 - dlon);
        const double d = std::pow(dlon * cos_lat, 2) + std::pow(t.lat - lat, 2);
        if (!best || d < best_d) {
            best = &t;
            best_d = d;
        }
    }
    return best;
}

} // namespace

TEST_CASE("geocode: the nearest town to data-center coordinates is the town they are in",
          "[geocode]") {
    const auto& g = Gazetteer::embedded();
    const auto frankfurt = g.nearest_town(8.6821, 50.1109);
    REQUIRE(frankfurt);
    CHECK(frankfurt->name == "Frankfurt am Main");
    CHECK(frankfurt->country == "DE");
    CHECK(frankfurt->km < 5);
    // Where the town is, not the point asked about: what tells apart groups it names.
    CHECK(frankfurt->lon == Approx(8.68).margin(0.01));
    CHECK(frankfurt->lat == Approx(50.11).margin(0.01));
    // How many people live there, which ranks towns tied in a group's name (GeoNames: ~650,000).
    CHECK(frankfurt->population > 500'000);
    CHECK(frankfurt->population < 1'000'000);
    const auto far = g.nearest_town(8.6821, 51.5);
    REQUIRE(far);
    CHECK(far->lat != Approx(51.5).margin(0.01));
    CHECK(far->km ==
          Approx(dcmap::geocode::great_circle_km(51.5, 8.6821, far->lat, far->lon)).epsilon(0.01));
    const auto ashburn = g.nearest_town(-77.4875, 39.0437);
    REQUIRE(ashburn);
    CHECK(ashburn->name == "Ashburn");
    CHECK(ashburn->country == "US");
    // Across the antimeridian: Suva is at 178.4 E; 179.9 W is ~180 km east of it.
    const auto fiji = g.nearest_town(-179.9, -18.0);
    REQUIRE(fiji);
    CHECK(fiji->country == "FJ");
}

TEST_CASE("geocode: no town is near the open ocean or the poles", "[geocode]") {
    const auto& g = Gazetteer::embedded();
    CHECK_FALSE(g.nearest_town(-140, 0));
    CHECK_FALSE(g.nearest_town(0, 90));
    CHECK_FALSE(g.nearest_town(0, -90));
    CHECK_FALSE(g.nearest_town(NAN, 10));
}

TEST_CASE("geocode: the grid finds the same nearest town as a scan, everywhere", "[geocode]") {
    const auto& g = Gazetteer::embedded();
    const auto all = towns();
    REQUIRE(all.size() > 20'000);
    // A grid of points over the whole globe, off the cell corners, with the poles' rows.
    int compared = 0;
    for (double lat = -89.5; lat <= 89.5; lat += 7.3) {
        for (double lon = -179.7; lon < 180; lon += 11.9) {
            INFO("lon " << lon << ", lat " << lat);
            const auto found = g.nearest_town(lon, lat);
            const Town* expected = scan_nearest(all, lon, lat);
            REQUIRE(expected);
            if (!found) {
                // Only when the nearest town is too far away to count.
                const double rad = M_PI / 180;
                const double h = std::pow(std::sin((expected->lat - lat) * rad / 2), 2) +
                                 std::cos(lat * rad) * std::cos(expected->lat * rad) *
                                     std::pow(std::sin((expected->lon - lon) * rad / 2), 2);
                CHECK(2 * 6371.0 * std::asin(std::sqrt(h)) > nearby_town_max_km * 0.9);
                continue;
            }
            CHECK(found->name == expected->name);
            CHECK(found->country == expected->country);
            ++compared;
        }
    }
    CHECK(compared > 100);
}

TEST_CASE("geocode: a point is named after its metro, not the nearest suburb", "[geocode]") {
    const Gazetteer& g = Gazetteer::embedded();
    // Bad Soden am Taunus, 14 km west of Frankfurt's centre: the nearest town is a suburb.
    const auto nearest = g.nearest_town(8.50, 50.14);
    const auto metro = g.metro_town(8.50, 50.14);
    REQUIRE(nearest);
    REQUIRE(metro);
    CHECK(nearest->name != "Frankfurt am Main");
    CHECK(metro->name == "Frankfurt am Main");
    CHECK(metro->km < 40);
    // Far from any larger town, the nearest one stands.
    const auto remote = g.metro_town(-68.3, -54.8); // Ushuaia
    const auto remote_nearest = g.nearest_town(-68.3, -54.8);
    REQUIRE(remote);
    REQUIRE(remote_nearest);
    CHECK(remote->name == remote_nearest->name);
    // Open sea: nothing, as for nearest_town.
    CHECK_FALSE(g.metro_town(-140, -45));
}

TEST_CASE("geocode: metro_town given the nearest town answers as metro_town alone", "[geocode]") {
    const Gazetteer& g = Gazetteer::embedded();
    int metros = 0;
    for (double lat = -56; lat <= 70; lat += 1.7) {
        for (double lon = -180; lon < 180; lon += 2.3) {
            const auto alone = g.metro_town(lon, lat);
            const auto given = g.metro_town(lon, lat, g.nearest_town(lon, lat));
            REQUIRE(alone.has_value() == given.has_value());
            if (!alone)
                continue;
            CHECK(alone->name == given->name);
            CHECK(alone->country == given->country);
            CHECK(alone->km == given->km);
            metros += alone->km < 40;
        }
    }
    CHECK(metros > 20); // the metro search ran, not only its fall-back
}
