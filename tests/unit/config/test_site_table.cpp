// Tables of sites (as ogr/ reads CSV, GeoJSON, GeoPackage) through the site file's checks.
#include "config/site_table.hpp"
#include "config_test_support.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

using dcmap::FeatureRow;
using dcmap::FeatureTable;
using dcmap::config::parse_column_mapping;
using dcmap::config::sites_from_table;
using dcmap::config::testing::error_lines;

namespace {

FeatureRow row(int line, std::vector<std::optional<std::string>> cells) {
    FeatureRow r;
    r.row = line;
    r.cells = std::move(cells);
    return r;
}

FeatureTable spreadsheet() {
    FeatureTable t;
    t.path = "sites.csv";
    t.driver = "CSV";
    t.rows_are_lines = true;
    t.columns = {"Site Name", "Cloud", "Latitude", "Lng", "City", "Status"};
    t.rows.push_back(row(2, {"Frankfurt", "aws", "50.11", "8.68", "", "live"}));
    t.rows.push_back(row(3, {"Ashburn", "oracle", "", "", "Ashburn, VA", "announced"}));
    t.rows.push_back(row(4, {" Padded ", std::nullopt, " -33.9 ", "151.2", std::nullopt, ""}));
    return t;
}

} // namespace

TEST_CASE("config: table columns are found by their usual names and become sites", "[config]") {
    const auto file = sites_from_table(spreadsheet(), {});
    REQUIRE(file.sites.size() == 3);
    CHECK(file.path == "sites.csv");
    CHECK(file.sites[0].name == "Frankfurt");
    CHECK(file.sites[0].provider == "aws");
    CHECK(*file.sites[0].lat == Approx(50.11));
    CHECK(*file.sites[0].lon == Approx(8.68));
    CHECK(*file.sites[1].location_query == "Ashburn, VA");
    CHECK(file.sites[1].status == dcmap::Status::announced);
    CHECK(file.sites[1].location_pos.line == 3);
    CHECK(file.sites[1].location_pos.column == 5); // the City column
    CHECK(file.sites[2].name == "Padded");
    CHECK(*file.sites[2].lat == Approx(-33.9));
}

TEST_CASE("config: a table row's problems are reported at its line and column", "[config]") {
    auto t = spreadsheet();
    t.rows[0].cells[2] = "91.5";    // latitude out of range, line 2 column 3
    t.rows[1].cells[5] = "lve";     // unknown status, line 3 column 6
    t.rows[2].cells[3] = "151.2 E"; // not a number, line 4 column 4
    const auto lines = error_lines([&] { sites_from_table(t, {}); });
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].rfind("sites.csv:2:3: error: ", 0) == 0);
    CHECK(lines[1].rfind("sites.csv:3:6: error: ", 0) == 0);
    CHECK(lines[1].find("live") != std::string::npos); // did you mean
    CHECK(lines[2].rfind("sites.csv:4:4: error: ", 0) == 0);
}

TEST_CASE("config: an explicit column mapping wins, and its mistakes are named", "[config]") {
    auto t = spreadsheet();
    t.columns[4] = "Metro";
    const auto file = sites_from_table(t, parse_column_mapping("location=metro,id=Cloud"));
    CHECK(file.sites[0].id == "aws");
    CHECK(file.sites[0].provider.empty()); // the column is taken by id now
    CHECK(*file.sites[1].location_query == "Ashburn, VA");
    CHECK_THROWS_WITH(parse_column_mapping("nam=Site"), Catch::Contains("did you mean 'name'"));
    CHECK_THROWS_WITH(parse_column_mapping("name"), Catch::Contains("KEY=COLUMN"));
    CHECK_THROWS_WITH(sites_from_table(t, parse_column_mapping("name=Nope")),
                      Catch::Contains("no column 'Nope'") && Catch::Contains("Metro"));
}

TEST_CASE("config: a feature's point places a row without coordinates or a place", "[config]") {
    FeatureTable t;
    t.path = "sites.geojson";
    t.driver = "GeoJSON";
    t.columns = {"name", "provider"};
    t.rows.push_back(row(1, {"Hamina", "gcp"}));
    t.rows.back().lon = 27.19;
    t.rows.back().lat = 60.57;
    t.rows.push_back(row(2, {"Cable landing", "none"}));
    t.rows.back().geometry_problem = "the feature's geometry is a line; a site needs a point";
    const auto lines = error_lines([&] { sites_from_table(t, {}); });
    // The geometry's problem first, then what it leaves the row without: a place.
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("sites.geojson:2: error: the feature's geometry is a line", 0) == 0);
    CHECK(lines[1].rfind("sites.geojson:2: error: ", 0) == 0);
    t.rows.pop_back();
    const auto file = sites_from_table(t, {});
    REQUIRE(file.sites.size() == 1);
    CHECK(*file.sites[0].lat == Approx(60.57));
    CHECK(*file.sites[0].lon == Approx(27.19));
}

TEST_CASE("config: a table with no rows, or one without names, is an error", "[config]") {
    FeatureTable empty;
    empty.path = "empty.csv";
    empty.columns = {"name"};
    CHECK_THROWS_WITH(sites_from_table(empty, {}), Catch::Contains("no rows"));
    FeatureTable nameless = empty;
    nameless.rows.push_back(row(2, {std::nullopt}));
    nameless.rows.back().lat = 1;
    nameless.rows.back().lon = 2;
    const auto lines = error_lines([&] { sites_from_table(nameless, {}); });
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].rfind("empty.csv:2", 0) == 0);
}
