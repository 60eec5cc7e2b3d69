// The pure parts of `dcmap stats` and `dcmap diff`: tallies, continents, matching by key.
#include "app/site_diff.hpp"
#include "app/site_stats.hpp"
#include "cli/site_source.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace dcmap;
using namespace dcmap::app;
using namespace dcmap::cli;

namespace {

ResolvedSite site(std::string id, std::string provider, Status status, double lon, double lat,
                  std::string country = "", std::optional<int> zones = {},
                  std::optional<double> mw = {}) {
    ResolvedSite r;
    r.site.id = std::move(id);
    r.site.name = r.site.id;
    r.site.provider = std::move(provider);
    r.site.status = status;
    r.site.zones = zones;
    r.site.capacity_mw = mw;
    r.lon = lon;
    r.lat = lat;
    r.country = std::move(country);
    return r;
}

} // namespace

TEST_CASE("cli: continents come from the country code", "[cli]") {
    CHECK(continent_of("DE") == "Europe");
    CHECK(continent_of("BR") == "South America");
    CHECK(continent_of("MX") == "North America");
    CHECK(continent_of("SG") == "Asia");
    CHECK(continent_of("AU") == "Oceania");
    CHECK(continent_of("ZA") == "Africa");
    CHECK(continent_of("ZZ").empty());
    CHECK(continent_of("").empty());
}

TEST_CASE("cli: stats add zones and MW only over the sites that give them", "[cli]") {
    const std::vector<ResolvedSite> sites{
        site("a", "P", Status::live, 8, 50, "DE", 3, 10.5),
        site("b", "P", Status::announced, 2, 48, "FR"),
        site("c", "Q", Status::live, 139, 35, "JP", 2),
        site("d", "", Status::live, 0, 0, ""),
    };
    const SiteStats s = compute_stats(sites, {{"DE", "Germany"}});
    CHECK(s.total.sites == 4);
    CHECK(s.total.zones == 5);
    CHECK(s.total.with_zones == 2);
    CHECK(s.total.mw == 10.5);
    CHECK(s.total.with_mw == 1);
    REQUIRE(s.by_provider.size() == 3);
    CHECK(s.by_provider[0].key == "P"); // most sites first
    CHECK(s.by_provider[0].tally.sites == 2);
    CHECK(s.by_provider[1].key.empty()); // then by key: "" before "Q"
    REQUIRE(s.by_status.size() == 2);
    CHECK(s.by_status[0].key == "live");
    CHECK(s.by_status[1].key == "announced");
    REQUIRE(s.by_continent.size() == 3);
    CHECK(s.by_continent[0].key == "Europe");
    CHECK(s.by_continent[0].tally.sites == 2);
    const auto germany = std::find_if(s.by_country.begin(), s.by_country.end(),
                                      [](const StatsRow& r) { return r.key == "DE"; });
    REQUIRE(germany != s.by_country.end());
    CHECK(germany->name == "Germany");
}

TEST_CASE("cli: diff matches sites by key and lists each kind of change in order", "[cli]") {
    const std::vector<ResolvedSite> before{
        site("a", "P", Status::live, 8.68, 50.11),
        site("b", "P", Status::announced, 2.35, 48.86),
        site("c", "P", Status::live, -3.70, 40.42),
        site("d", "P", Status::planned, 10.75, 59.91),
    };
    const std::vector<ResolvedSite> after{
        site("e", "P", Status::announced, 21.01, 52.23),
        site("d", "P", Status::live, 5.32, 60.39),
        site("b", "P", Status::live, 2.36, 48.86),
        site("a", "P", Status::live, 8.68, 50.11),
    };
    const SiteDiff d = diff_sites(before, after, 25);
    std::vector<std::string> listed;
    for (const auto& c : d.changes)
        listed.push_back(std::string(to_string(c.kind)) + " " + c.key);
    CHECK(listed ==
          std::vector<std::string>{"added e", "removed c", "status b", "status d", "moved d"});
    CHECK(d.count(ChangeKind::status) == 2);
    CHECK(d.changes.back().distance_km == Approx(305).margin(5));
    CHECK(diff_sites(before, before, 25).changes.empty());
}

TEST_CASE("cli: great-circle distances in kilometres", "[cli]") {
    CHECK(distance_km(0, 0, 0, 0) == 0);
    CHECK(distance_km(0, 0, 180, 0) == Approx(20015).margin(1));
    CHECK(distance_km(-0.1278, 51.5074, 2.3522, 48.8566) == Approx(344).margin(2));
}

TEST_CASE("cli: a site file is read from a stream or a git object, not guessed", "[cli]") {
    CHECK(is_site_stream("-"));
    CHECK(is_site_stream("git:HEAD:regions/x.yaml"));
    CHECK_FALSE(is_site_stream("regions/x.yaml"));
    std::istringstream in("title: T\nsites:\n  - {name: A, lat: 1, lon: 2}\n");
    const SiteFile file = load_site_source("-", in);
    CHECK(file.path == "<stdin>");
    REQUIRE(file.sites.size() == 1);
    std::istringstream none;
    CHECK_THROWS_WITH(read_site_text("git:HEAD", none), Catch::Contains("write git:REVISION:PATH"));
}

TEST_CASE("cli: placeholders take the counts, braces escape, unknown names stay", "[cli]") {
    const std::vector<ResolvedSite> sites{
        site("a", "P", Status::live, 8, 50, "DE", 3),
        site("b", "Q", Status::announced, 2, 48, "FR", 2, 40),
    };
    const SiteStats s = compute_stats(sites, {});
    std::vector<std::string> unknown;
    CHECK(expand_placeholders("{sites} regions, {zones} zones; {announced} announced, {planned} "
                              "planned; {providers} providers in {countries} countries, "
                              "{continents} continent, {mw} MW",
                              s, unknown) ==
          "2 regions, 5 zones; 1 announced, 0 planned; 2 providers in 2 countries, 1 continent, "
          "40 MW");
    CHECK(unknown.empty());
    CHECK(expand_placeholders("{{sites}} {nope} {", s, unknown) == "{sites} {nope} {");
    CHECK(unknown == std::vector<std::string>{"nope"});
    CHECK(has_placeholders("a {b}"));
    CHECK_FALSE(has_placeholders("plain"));
}
