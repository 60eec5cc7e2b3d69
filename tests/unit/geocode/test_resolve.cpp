#include "geocode/resolve.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using dcmap::Diagnostics;
using dcmap::InputErrors;
using dcmap::Site;
using dcmap::SiteFile;
using dcmap::SourcePos;
using dcmap::geocode::Gazetteer;
using dcmap::geocode::resolve_sites;

namespace {

Site located(std::string id, std::string location, int line) {
    Site s;
    s.id = std::move(id);
    s.name = s.id;
    s.location_query = std::move(location);
    s.pos = {"regions.yaml", line, 3};
    s.location_pos = {"regions.yaml", line + 1, 15};
    return s;
}

Site at(std::string id, double lat, double lon) {
    Site s;
    s.id = std::move(id);
    s.name = s.id;
    s.lat = lat;
    s.lon = lon;
    return s;
}

SiteFile file_of(std::vector<Site> sites) {
    SiteFile f;
    f.path = "regions.yaml";
    f.sites = std::move(sites);
    return f;
}

} // namespace

TEST_CASE("geocode: resolve passes explicit coordinates through and looks up locations",
          "[geocode]") {
    Diagnostics diagnostics;
    const auto file =
        file_of({located("cn-hangzhou", "Hangzhou, China", 4), at("cn-wulanchabu", 41.03, 113.13),
                 located("eu-central-1", "Frankfurt, Germany", 10)});
    const auto sites = resolve_sites(file, Gazetteer::embedded(), diagnostics);
    REQUIRE(sites.size() == 3);
    CHECK(sites[0].site.id == "cn-hangzhou");
    CHECK(sites[0].matched == "Hangzhou, Zhejiang, CN");
    CHECK(sites[0].country == "CN");
    CHECK(sites[0].lat == Approx(30.29).margin(0.05));
    CHECK(sites[1].site.id == "cn-wulanchabu");
    CHECK(sites[1].lat == 41.03);
    CHECK(sites[1].lon == 113.13);
    CHECK(sites[1].matched.empty());
    CHECK(sites[2].matched == "Frankfurt am Main, Hesse, DE");
    CHECK(diagnostics.warnings.empty());
}

TEST_CASE("geocode: every resolved site gets a locality, and coordinates a country", "[geocode]") {
    Diagnostics diagnostics;
    auto with_country = at("fra-dc", 50.1, 8.7);
    with_country.country = "Germania"; // unknown: stays unresolved so validation can say so
    const auto file =
        file_of({located("cn-hangzhou", "Hangzhou, China", 4), at("cn-wulanchabu", 41.03, 113.13),
                 at("pacific", 0, -140), with_country});
    const auto sites = resolve_sites(file, Gazetteer::embedded(), diagnostics);
    REQUIRE(sites.size() == 4);
    // The town a location resolved to.
    CHECK(sites[0].locality == "Hangzhou");
    // The nearest town of 10,000+ people to explicit coordinates, and its country.
    CHECK(sites[1].locality == "Jining");
    CHECK(sites[1].country == "CN");
    // Nothing within 300 km of the open Pacific.
    CHECK(sites[2].locality.empty());
    CHECK(sites[2].country.empty());
    CHECK(sites[3].locality == "Frankfurt am Main");
    CHECK(sites[3].country.empty());
}

TEST_CASE("geocode: resolve reports every unknown place at its location with a hint", "[geocode]") {
    Diagnostics diagnostics;
    const auto file = file_of({located("a", "Frankfrut, Germany", 4), located("b", "Paris", 8),
                               located("c", "Hangzhouuu", 12)});
    try {
        resolve_sites(file, Gazetteer::embedded(), diagnostics);
        FAIL("expected InputErrors");
    } catch (const InputErrors& e) {
        REQUIRE(e.errors().size() == 2);
        const auto& first = e.errors()[0];
        CHECK(first.pos().line == 5);
        CHECK(first.pos().column == 15);
        CHECK(first.message() == "unknown place \"Frankfrut, Germany\"; closest: Frankfurt am "
                                 "Main (DE), Frankfurt (Oder) (DE)");
        CHECK(first.hint() == "check the spelling, or give lat/lon");
        const auto& second = e.errors()[1];
        CHECK(second.pos().line == 13);
        CHECK(second.message().find("closest: Hangzhou (CN)") != std::string::npos);
        CHECK(second.hint() == "add a country, e.g. \"Hangzhou, China\", or give lat/lon");
        CHECK(std::string(e.what()).starts_with("regions.yaml:5:15: error: unknown place"));
    }
}

TEST_CASE("geocode: an ambiguous name warns without a hint and not with one", "[geocode]") {
    Diagnostics without_hint;
    resolve_sites(file_of({located("s", "Springfield", 4)}), Gazetteer::embedded(), without_hint);
    REQUIRE(without_hint.warnings.size() == 1);
    const auto& w = without_hint.warnings[0];
    CHECK(w.pos.line == 5);
    CHECK(w.message.find("Springfield, Missouri, US") != std::string::npos);
    CHECK(w.message.find("Springfield, Massachusetts, US") != std::string::npos);
    CHECK(w.message.find("ambiguous") != std::string::npos);

    Diagnostics with_hint;
    resolve_sites(file_of({located("s", "Springfield, Missouri, US", 4)}), Gazetteer::embedded(),
                  with_hint);
    CHECK(with_hint.warnings.empty());
}

TEST_CASE("geocode: a namesake far smaller than the winner is not worth a warning", "[geocode]") {
    Diagnostics diagnostics;
    resolve_sites(file_of({located("a", "Paris", 4), located("b", "Sydney", 8),
                           located("c", "Dublin", 12), located("d", "Frankfurt", 16)}),
                  Gazetteer::embedded(), diagnostics);
    CHECK(diagnostics.warnings.empty());
}

TEST_CASE("geocode: a site with neither location nor coordinates is an input error", "[geocode]") {
    Site s;
    s.id = "lost";
    s.name = "lost";
    s.pos = {"regions.yaml", 7, 3};
    Diagnostics diagnostics;
    CHECK_THROWS_AS(resolve_sites(file_of({s}), Gazetteer::embedded(), diagnostics), InputErrors);
}

TEST_CASE("geocode: an English exonym beats small namesakes that carry it as primary name",
          "[geocode]") {
    // GeoNames calls the Swiss city "Genève" and lists "Geneva" only as an alternate name, too
    // small a lead (under 50x) over Geneva, Illinois; the data build indexes the exonym like a
    // primary name (EXTRA_PRIMARY_NAMES), so population decides and no warning is due.
    Diagnostics diagnostics;
    const auto sites =
        resolve_sites(file_of({located("g", "Geneva", 4)}), Gazetteer::embedded(), diagnostics);
    CHECK(sites[0].country == "CH");
    CHECK(diagnostics.warnings.empty());
    REQUIRE(sites[0].runner_up);
    CHECK(sites[0].runner_up->country == "US");
}

TEST_CASE("geocode: a large place found through an unrelated alternate name is no namesake",
          "[geocode]") {
    // "Fredericia" is a historic name of João Pessoa and "Zaragoza" an alternate name of
    // Tijuana; neither makes the Danish or Spanish city ambiguous.
    Diagnostics diagnostics;
    resolve_sites(file_of({located("a", "Fredericia", 4), located("b", "Zaragoza", 8)}),
                  Gazetteer::embedded(), diagnostics);
    CHECK(diagnostics.warnings.empty());
}

TEST_CASE("geocode: region ids place sites and fill empty names", "[geocode]") {
    Site by_id;
    by_id.region = "aws:eu-central-1";
    by_id.region_pos = {"regions.yaml", 3, 13};
    Site by_provider;
    by_provider.provider = "Alibaba Cloud";
    by_provider.region = "eu-west-1";
    by_provider.name = "London";
    Diagnostics diagnostics;
    const auto sites =
        resolve_sites(file_of({by_id, by_provider}), Gazetteer::embedded(), diagnostics);
    CHECK(sites[0].site.name == "Europe (Frankfurt)");
    CHECK(sites[0].region == "aws:eu-central-1");
    CHECK(sites[0].source == dcmap::PlaceSource::catalogue);
    CHECK(sites[0].country == "DE");
    CHECK(sites[1].site.name == "London");
    CHECK(sites[1].country == "GB");
    CHECK(diagnostics.warnings.empty());
}

TEST_CASE(
    "geocode: a region without a provider or with an unknown code is an error at its position",
    "[geocode]") {
    Site bare;
    bare.name = "x";
    bare.region = "eu-central-1";
    bare.region_pos = {"regions.yaml", 3, 13};
    Site typo;
    typo.name = "y";
    typo.region = "aws:eu-centrl-1";
    typo.region_pos = {"regions.yaml", 7, 13};
    Diagnostics diagnostics;
    try {
        resolve_sites(file_of({bare, typo}), Gazetteer::embedded(), diagnostics);
        FAIL("no error");
    } catch (const InputErrors& e) {
        REQUIRE(e.errors().size() == 2);
        CHECK(std::string(e.errors()[0].what()) ==
              "regions.yaml:3:13: error: region \"eu-central-1\" needs a provider; write region: "
              "aws:eu-central-1 or add provider: (aws, azure, gcp, alibaba, oracle)");
        CHECK(std::string(e.errors()[1].what()).find("closest: eu-central-1") != std::string::npos);
    }
}

TEST_CASE("geocode: each resolved site records precision, source and its runner-up", "[geocode]") {
    Site country;
    country.name = "Bahrain";
    country.location_query = "Bahrain";
    Diagnostics diagnostics;
    const auto sites =
        resolve_sites(file_of({located("a", "Dublin", 4), country, at("e", 41.03, 113.13)}),
                      Gazetteer::embedded(), diagnostics);
    CHECK(sites[0].precision == dcmap::Precision::city);
    CHECK(sites[0].source == dcmap::PlaceSource::gazetteer);
    CHECK(sites[0].place.name == "Dublin");
    REQUIRE(sites[0].runner_up);
    CHECK(sites[0].runner_up->country != "IE");
    CHECK(sites[0].runner_up_km > 1000);
    CHECK(sites[1].precision == dcmap::Precision::country);
    CHECK(sites[2].precision == dcmap::Precision::exact);
    CHECK(sites[2].source == dcmap::PlaceSource::explicit_coordinates);
}

TEST_CASE("geocode: a site's country: key is a hint for an unqualified location", "[geocode]") {
    Site s = located("d", "Dublin", 4);
    s.country = "US";
    Diagnostics diagnostics;
    const auto sites = resolve_sites(file_of({s}), Gazetteer::embedded(), diagnostics);
    CHECK(sites[0].country == "US");
    CHECK(diagnostics.warnings.empty());
}
