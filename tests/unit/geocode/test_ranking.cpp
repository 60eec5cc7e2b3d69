// The ranking rule on a tiny hand-made gazetteer, so each case isolates one decision.
#include "geocode/gazetteer.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

using dcmap::geocode::Gazetteer;

namespace {

// Places: name lat lon country admin1 population feature key; then the index section.
constexpr const char* places = "Alpha\t1\t1\tAA\t01\t1000\tPPL\talpha\n"
                               "Alphaville\t2\t2\tBB\t01\t49000\tPPL\talphaville\n"
                               "Beta\t3\t3\tAA\t01\t1000\tPPL\tbeta\n"
                               "Big Beta City\t4\t4\tBB\t02\t50000\tPPLA\tbig beta city\n"
                               "Gamma Town\t5\t5\tAA\t02\t0\tPPL\tgamma town\n"
                               "#index\n"
                               "alpha\ta\t1\n"
                               "beta\ta\t3\n"
                               "gamma\tp\t4\n";
constexpr const char* countries = "001\tAA\tAAA\tAland\t1\t1\tAlpha\tAyland\n"
                                  "002\tBB\tBBB\tBeland\t2\t2\tAlphaville\t\n";
constexpr const char* admin1 = "AA.01\tNorth\tnorth\n"
                               "AA.02\tSouth\tsouth\n"
                               "BB.01\tEast\teast\n"
                               "BB.02\tWest\twest\n";

} // namespace

TEST_CASE("geocode: a primary-name match beats an alternate name under 50 times larger",
          "[geocode]") {
    const auto g = Gazetteer::from_tsv(places, countries, admin1);
    const auto match = g.lookup("alpha");
    CHECK(match.place.name == "Alpha");
    REQUIRE(match.runners_up.size() == 1);
    CHECK(match.runners_up[0].name == "Alphaville");
}

TEST_CASE("geocode: an alternate name 50 times larger beats a primary-name match", "[geocode]") {
    const auto g = Gazetteer::from_tsv(places, countries, admin1);
    const auto match = g.lookup("Beta");
    CHECK(match.place.name == "Big Beta City");
    CHECK(match.place.admin1 == "West");
    CHECK(match.place.country_name == "Beland");
    CHECK(match.place.lat == 4);
}

TEST_CASE("geocode: hints filter before ranking", "[geocode]") {
    const auto g = Gazetteer::from_tsv(places, countries, admin1);
    CHECK(g.lookup("Beta, AA").place.name == "Beta");
    CHECK(g.lookup("Beta, Ayland").place.name == "Beta");
    CHECK(g.lookup("Beta, North").place.name == "Beta");
    CHECK(g.lookup("Beta, West, BB").place.name == "Big Beta City");
    CHECK(g.lookup("Alpha, BB").place.name == "Alphaville");
}

TEST_CASE("geocode: suggestions for an unknown place stay within the hinted country", "[geocode]") {
    const auto g = Gazetteer::from_tsv(places, countries, admin1);
    CHECK_THROWS_WITH(g.lookup("Alpa"), "unknown place \"Alpa\"; closest: Alpha (AA)");
    CHECK_THROWS_WITH(g.lookup("Alpa, BB"),
                      "unknown place \"Alpa, BB\"; no similar names in the gazetteer");
    CHECK_THROWS_WITH(g.lookup("Alphavile, BB"),
                      "unknown place \"Alphavile, BB\"; closest: Alphaville (BB)");
}

TEST_CASE("geocode: ASCII spellings in the index count as primary names", "[geocode]") {
    const auto g = Gazetteer::from_tsv(places, countries, admin1);
    CHECK(g.lookup("Gamma").place.name == "Gamma Town");
}

TEST_CASE("geocode: an unknown name far longer than any place still gets an answer", "[geocode]") {
    const auto g = Gazetteer::from_tsv(places, countries, admin1);
    // The search looks at the first words only; the same miss twice gives the same message
    // (the second from the per-query cache).
    const std::string long_name = "alphx " + std::string(100'000, 'z');
    std::string first, second;
    try {
        g.lookup(long_name);
    } catch (const dcmap::GeocodeError& e) {
        first = e.what();
    }
    try {
        g.lookup(long_name);
    } catch (const dcmap::GeocodeError& e) {
        second = e.what();
    }
    CHECK(first.find("closest: Alpha (AA)") != std::string::npos);
    CHECK(first == second);
}
