#include "config/map_settings.hpp"
#include "config/site_loader.hpp"
#include "config_test_support.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dcmap::MapSettings;
using dcmap::config::parse_site_file;

namespace {

MapSettings map_of(const std::string& map) {
    return parse_site_file("map: " + map + "\nsites:\n  - {name: A, lat: 1, lon: 2}\n", "t.yaml")
        .map;
}

std::string extent_of(const std::string& map) {
    return dcmap::config::to_text(map_of(map).extent->value);
}

std::vector<std::string> insets_of(const std::string& map) {
    std::vector<std::string> out;
    const MapSettings settings = map_of(map);
    for (const auto& inset : settings.insets->value)
        out.push_back(dcmap::config::to_text(inset));
    return out;
}

std::vector<std::string> errors_of(const std::string& map) {
    return dcmap::config::testing::error_lines([&] { map_of(map); });
}

} // namespace

TEST_CASE("config: map extent takes the named extents", "[config]") {
    CHECK(extent_of("{extent: europe}") == "europe");
    CHECK(extent_of("{extent: middle-east-africa}") == "middle-east-africa");
    const auto errors = errors_of("{extent: eurasia}");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("t.yaml:1:15: error: extent must be world, auto, a name") == 0);
    CHECK(errors[0].find("latin-america") != std::string::npos);
}

TEST_CASE("config: map insets are a list of names, boxes and auto", "[config]") {
    CHECK_FALSE(map_of("{extent: world}").insets.has_value());
    CHECK(insets_of("{insets: [europe, east-asia]}") ==
          std::vector<std::string>{"europe", "east-asia"});
    CHECK(insets_of("{insets: auto}") == std::vector<std::string>{"auto"});
    CHECK(insets_of("{insets: [\"-80,35,-70,45\", [100, 20, 125, 42]]}") ==
          std::vector<std::string>{"-80,35,-70,45", "100,20,125,42"});
}

TEST_CASE("config: a bad inset is reported at the item with the names to use", "[config]") {
    const auto errors = errors_of("{insets: [europe, atlantis, \"0,10,20,5\"]}");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].find("t.yaml:1:24: error: inset must be auto, a name or \"W,S,E,N\"") == 0);
    CHECK(errors[0].find("north-america-east") != std::string::npos);
    CHECK(errors[1].find("t.yaml:1:34:") == 0);
}

TEST_CASE("config: map detail is auto, low or medium", "[config]") {
    CHECK(map_of("{detail: low}").detail->value == dcmap::MapDetail::low);
    CHECK_FALSE(map_of("{width: 800}").detail.has_value());
    const auto errors = errors_of("{detail: high}");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("detail must be auto, low or medium") != std::string::npos);
}
