// Measured accuracy on real data-center places (tests/data/datacenter-places.tsv) and a check
// that every catalogue row's attributed place geocodes to the row's own coordinates.
#include "geocode/catalogue.hpp"
#include "geocode/geocoder.hpp"
#include "geocode/resolve.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using dcmap::geocode::Catalogue;
using dcmap::geocode::Gazetteer;
using dcmap::geocode::Geocoder;
using dcmap::geocode::great_circle_km;

namespace {

constexpr double tolerance_km = 50;

struct TruthRow {
    std::string query;
    double lat = 0, lon = 0;
    std::string kind;
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string field; std::getline(in, field, '\t');)
        out.push_back(field);
    return out;
}

std::vector<TruthRow> read_truth() {
    std::ifstream in(std::string(DCMAP_SOURCE_DIR) + "/tests/data/datacenter-places.tsv");
    std::vector<TruthRow> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        const auto f = split_tabs(line);
        if (f.size() >= 4)
            rows.push_back({f[0], std::stod(f[1]), std::stod(f[2]), f[3]});
    }
    return rows;
}

} // namespace

TEST_CASE("geocode: at least 98% of 482 data-center place strings land within 50 km, and every "
          "miss says so",
          "[geocode]") {
    const auto truth = read_truth();
    REQUIRE(truth.size() >= 400);
    const Geocoder geocoder(Gazetteer::embedded(), Catalogue::embedded());
    std::map<std::string, std::pair<int, int>> by_kind; // kind -> (hits, total)
    std::vector<std::string> misses, silent;
    int far_misses = 0;
    for (const auto& t : truth) {
        auto& [hits, total] = by_kind[t.kind];
        ++total;
        try {
            const auto m = geocoder.lookup(t.query);
            const double km = great_circle_km(m.place.lat, m.place.lon, t.lat, t.lon);
            if (km <= tolerance_km) {
                ++hits;
                continue;
            }
            std::ostringstream miss;
            miss << t.query << " [" << t.kind << "]: got " << m.place.name << ", " << m.place.admin1
                 << ", " << m.place.country << " " << static_cast<long>(km) << " km away";
            if (m.warnings.empty()) {
                miss << " (SILENT)";
                silent.push_back(t.query);
            } else {
                miss << " (warned: " << m.warnings.front().substr(0, 80) << "...)";
            }
            ++far_misses;
            misses.push_back(miss.str());
        } catch (const dcmap::GeocodeError& e) {
            // An error is never silent: the user reads it, with its suggestion.
            misses.push_back(t.query + " [" + t.kind + "]: error: " + e.what());
        }
    }
    int hits = 0;
    std::ostringstream report;
    for (const auto& [kind, counts] : by_kind) {
        hits += counts.first;
        report << "  " << kind << ": " << counts.first << "/" << counts.second << "\n";
    }
    const double rate = static_cast<double>(hits) / static_cast<double>(truth.size());
    std::cout << "geocoding accuracy: " << hits << "/" << truth.size() << " within " << tolerance_km
              << " km (" << rate * 100 << "%); " << far_misses << " resolved elsewhere, "
              << silent.size() << " of them silently\n"
              << report.str();
    for (const auto& m : misses)
        std::cout << "  miss: " << m << "\n";
    CHECK(rate >= 0.98);
    // Every place resolved more than 50 km from where the query meant came with a warning.
    CHECK(silent.empty());
}

TEST_CASE("geocode: every catalogue row's place resolves within 50 km, without ambiguity",
          "[geocode]") {
    const auto& catalogue = Catalogue::embedded();
    REQUIRE(catalogue.regions().size() >= 200);
    const Geocoder geocoder(Gazetteer::embedded(), catalogue);
    dcmap::SiteFile file;
    file.path = "catalogue.tsv";
    for (const auto& r : catalogue.regions()) {
        dcmap::Site s;
        s.id = r.id();
        s.name = r.display_name;
        s.location_query = r.place;
        s.location_pos = {"catalogue.tsv", r.pos.line, 1};
        file.sites.push_back(s);
    }
    dcmap::Diagnostics diagnostics;
    const auto sites = dcmap::geocode::resolve_sites(file, geocoder, diagnostics);
    for (const auto& w : diagnostics.warnings)
        std::cout << "  warning at line " << w.pos.line << ": " << w.message << "\n";
    CHECK(diagnostics.warnings.empty());
    REQUIRE(sites.size() == catalogue.regions().size());
    int far = 0;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const auto& r = catalogue.regions()[i];
        const double km = great_circle_km(sites[i].lat, sites[i].lon, *r.lat, *r.lon);
        if (km > tolerance_km) {
            ++far;
            std::cout << "  far: " << r.id() << " \"" << r.place << "\" -> " << sites[i].matched
                      << ", " << static_cast<long>(km) << " km\n";
        }
        CHECK(sites[i].country == r.country);
    }
    CHECK(far == 0);
}

TEST_CASE("geocode: a region id resolves to its catalogue row with the row's coordinates",
          "[geocode]") {
    const auto& catalogue = Catalogue::embedded();
    const Geocoder geocoder(Gazetteer::embedded(), catalogue);
    for (const auto& r : catalogue.regions()) {
        const auto m = geocoder.lookup(r.id());
        CHECK(m.region == r.id());
        CHECK(m.source == dcmap::PlaceSource::catalogue);
        CHECK(m.place.lat == *r.lat);
        CHECK(m.place.lon == *r.lon);
        CHECK(m.place.country == r.country);
    }
}
