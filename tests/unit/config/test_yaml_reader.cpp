#include "config/yaml_reader.hpp"

#include <catch2/catch.hpp>

using namespace dcmap::config::detail;

TEST_CASE("config: edit distance counts a transposition as one edit", "[config]") {
    CHECK(edit_distance("staus", "status") == 1);
    CHECK(edit_distance("stauts", "status") == 1);
    CHECK(edit_distance("lat", "lat") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("config: did-you-mean picks the nearest key within two edits", "[config]") {
    const std::vector<std::string> keys = {"name", "status", "location", "lat", "lon"};
    CHECK(closest_match("staus", keys) == "status");
    CHECK(closest_match("locaton", keys) == "location");
    CHECK(closest_match("lng", keys) == ""); // two edits on a three-letter word is too far
    CHECK(closest_match("lan", keys) == "lat");
    CHECK(closest_match("whatever", keys) == "");
    CHECK(suggestion_hint("xyz", {"a", "b"}) == "use one of: a, b");
}

TEST_CASE("config: numbers, colours and dates are parsed strictly", "[config]") {
    CHECK(parse_number("-12.5") == -12.5);
    CHECK(parse_number("+3") == 3.0);
    CHECK(parse_number(" 1e3 ") == 1000.0);
    CHECK_FALSE(parse_number("12abc"));
    CHECK_FALSE(parse_number("nan"));
    CHECK_FALSE(parse_number(""));

    const auto c = parse_color("#ff8000");
    REQUIRE(c);
    CHECK(c->r == Approx(1.0));
    CHECK(c->g == Approx(128 / 255.0));
    CHECK(c->b == Approx(0.0));
    CHECK(c->a == Approx(1.0));
    const auto translucent = parse_color("#FFFFFF80");
    REQUIRE(translucent);
    CHECK(translucent->a == Approx(128 / 255.0));
    CHECK_FALSE(parse_color("#fff"));
    CHECK_FALSE(parse_color("ff8000"));
    CHECK_FALSE(parse_color("#gg8000"));

    CHECK(is_valid_date("2019", false));
    CHECK(is_valid_date("2019-09", false));
    CHECK(is_valid_date("2024-02-29", false));
    CHECK_FALSE(is_valid_date("2023-02-29", false));
    CHECK_FALSE(is_valid_date("2019-13", false));
    CHECK_FALSE(is_valid_date("2019-09", true));
    CHECK_FALSE(is_valid_date("19-09-01", false));
}
