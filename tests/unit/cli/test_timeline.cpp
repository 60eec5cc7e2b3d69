// The timeline rules: a site's status as of a date, and the panels of --facet.
#include "app/timeline.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

using namespace dcmap;
using namespace dcmap::app;

namespace {

Site site(const std::string& id, Status status, const std::string& opened,
          const std::string& announced, const std::string& provider = "P") {
    Site s;
    s.id = id;
    s.name = id;
    s.status = status;
    s.opened = opened;
    s.announced = announced;
    s.provider = provider;
    s.lat = 0;
    s.lon = 0;
    return s;
}

std::string state(const std::optional<Status>& s) { return s ? to_string(*s) : "absent"; }

} // namespace

TEST_CASE("cli: a site's status as of a date follows its opened and announced dates", "[cli]") {
    const Site opened = site("a", Status::live, "2018-06", "2017");
    CHECK(state(status_as_of(opened, "2016", "")) == "absent");
    CHECK(state(status_as_of(opened, "2017", "")) == "announced");
    CHECK(state(status_as_of(opened, "2018-05", "")) == "announced");
    CHECK(state(status_as_of(opened, "2018-06", "")) == "live");
    CHECK(state(status_as_of(opened, "2018-06-01", "")) == "live");
    CHECK(state(status_as_of(opened, "2030", "")) == "live");

    // Announced and still pending: announced until the file's date, then the file's status.
    const Site building = site("b", Status::under_construction, "", "2019-03-01");
    CHECK(state(status_as_of(building, "2019-02-28", "2021-06-30")) == "absent");
    CHECK(state(status_as_of(building, "2019-03", "2021-06-30")) == "announced");
    CHECK(state(status_as_of(building, "2021-06-29", "2021-06-30")) == "announced");
    CHECK(state(status_as_of(building, "2021", "2021-06-30")) == "under-construction");

    // Retired: no retirement date, so retired from its opening on.
    CHECK(state(status_as_of(site("c", Status::retired, "2012", ""), "2013", "")) == "retired");
    CHECK(state(status_as_of(site("c", Status::retired, "2012", ""), "2011", "")) == "absent");

    // Undated: only from the file's date on; never without one.
    const Site undated = site("d", Status::live, "", "");
    CHECK(state(status_as_of(undated, "2020", "2021-06-30")) == "absent");
    CHECK(state(status_as_of(undated, "2021-07", "2021-06-30")) == "live");
    CHECK(state(status_as_of(undated, "2099", "")) == "absent");
}

TEST_CASE("cli: --as-of and --facet reject what they cannot read", "[cli]") {
    CHECK_NOTHROW(check_as_of("2020"));
    CHECK_NOTHROW(check_as_of("2020-02"));
    CHECK_NOTHROW(check_as_of("2020-02-29"));
    for (const char* bad : {"", "20", "2020-13", "2020-00", "2020-1-1", "2020-01-32", "next year",
                            "2020-01-01T00:00"})
        CHECK_THROWS_AS(check_as_of(bad), InputError);
    CHECK(parse_facet("year") == Facet::year);
    CHECK(parse_facet("provider") == Facet::provider);
    CHECK_THROWS_AS(parse_facet("month"), InputError);
}

TEST_CASE("cli: --facet year gives a panel per year something happened, up to the as-of date",
          "[cli]") {
    SiteFile file;
    file.path = "t.yaml";
    file.as_of = "2021-06-30";
    file.sites = {site("a", Status::live, "2015", ""), site("b", Status::live, "2018", "2017"),
                  site("u", Status::live, "", "")};
    Diagnostics diagnostics;
    auto panels = timeline_panels(file, {"", Facet::year}, diagnostics);
    std::vector<std::string> captions;
    for (const auto& p : panels)
        captions.push_back(p.caption);
    CHECK(captions == std::vector<std::string>{"2015", "2017", "2018", "2021"});
    CHECK(panels[0].sites.size() == 1);
    CHECK(panels[1].sites == std::vector<std::pair<std::string, Status>>{{"a", Status::live},
                                                                         {"b", Status::announced}});
    CHECK(panels[3].sites.size() == 3); // the undated site from the file's date on
    // The undated site is warned about, by id.
    REQUIRE(diagnostics.warnings.size() == 1);
    CHECK(diagnostics.warnings[0].message.find(": u (") != std::string::npos);

    Diagnostics again;
    panels = timeline_panels(file, {"2017-06", Facet::year}, again);
    captions.clear();
    for (const auto& p : panels)
        captions.push_back(p.caption);
    CHECK(captions == std::vector<std::string>{"2015", "2017-06"});

    Diagnostics none;
    CHECK_THROWS_AS(timeline_panels(file, {"2010", Facet::none}, none), InputError);
}

TEST_CASE("cli: --facet provider and status split the sites, each once", "[cli]") {
    SiteFile file;
    file.path = "t.yaml";
    file.sites = {site("a", Status::live, "", "", "Q"), site("b", Status::announced, "", "", "P"),
                  site("c", Status::live, "", "", "P")};
    Diagnostics diagnostics;
    const auto by_provider = timeline_panels(file, {"", Facet::provider}, diagnostics);
    REQUIRE(by_provider.size() == 2);
    CHECK(by_provider[0].caption == "P");
    CHECK(by_provider[0].sites.size() == 2);
    const auto by_status = timeline_panels(file, {"", Facet::status}, diagnostics);
    REQUIRE(by_status.size() == 2);
    CHECK(by_status[0].caption == "live");
    CHECK(by_status[1].caption == "announced");
    CHECK(diagnostics.warnings.empty()); // undated sites matter only to dated maps
}
