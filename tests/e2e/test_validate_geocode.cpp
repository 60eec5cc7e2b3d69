// End to end: `dcmap validate` and `dcmap geocode` as CI and analysts run them.
#include "e2e_support.hpp"

#include <catch2/catch.hpp>
#include <cpl_json.h>

using e2e::fixture;
using e2e::run_dcmap;

TEST_CASE("e2e: validate accepts the bundled region file", "[e2e]") {
    auto run = run_dcmap({"validate", e2e::source_file("regions/alibaba-cloud.yaml")});
    INFO(run.err);
    CHECK(run.code == 0);
    CHECK(run.out.find(": ok (") != std::string::npos);
}

TEST_CASE("e2e: validate reports file:line:col with a did-you-mean and exits 1", "[e2e]") {
    auto run = run_dcmap({"validate", fixture("e2e-invalid-status.yaml")});
    CHECK(run.code == 1);
    CHECK(run.err.find("e2e-invalid-status.yaml:6:5: error:") != std::string::npos);
    CHECK(run.err.find("status") != std::string::npos);
}

TEST_CASE("e2e: validate of a missing file exits 1 and names it", "[e2e]") {
    auto run = run_dcmap({"validate", "no/such/file.yaml"});
    CHECK(run.code == 1);
    CHECK(run.err.find("no/such/file.yaml") != std::string::npos);
}

TEST_CASE("e2e: geocode --json prints one object per query with the fields tools need", "[e2e]") {
    auto run = run_dcmap({"geocode", "--json", "Frankfurt, Germany", "Sao Paulo"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    auto nl = run.out.find('\n');
    REQUIRE(nl != std::string::npos);
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(run.out.substr(0, nl)));
    auto root = doc.GetRoot();
    CHECK(root.GetString("query") == "Frankfurt, Germany");
    CHECK(root.GetString("country") == "DE");
    CHECK(root.GetDouble("lat") == Approx(50.11).margin(0.2));
    CHECK(root.GetDouble("lon") == Approx(8.68).margin(0.2));
    CHECK(root.GetLong("population") > 500000);
    CHECK(root.GetArray("runners_up").IsValid());

    CPLJSONDocument second;
    REQUIRE(second.LoadMemory(run.out.substr(nl + 1)));
    CHECK(second.GetRoot().GetString("country") == "BR");
}

TEST_CASE("e2e: geocode --json lists the places an ambiguous name may mean, with the warning",
          "[e2e]") {
    auto run = run_dcmap({"geocode", "--json", "Santa Clara", "Frankfurt, Germany"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    const auto nl = run.out.find('\n');
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(run.out.substr(0, nl)));
    const auto ambiguous = doc.GetRoot().GetArray("ambiguous");
    REQUIRE(ambiguous.Size() >= 1);
    CHECK(ambiguous[0].GetString("admin1") == "California");
    const auto warnings = doc.GetRoot().GetArray("warnings");
    REQUIRE(warnings.Size() >= 1);
    CHECK(warnings[0].ToString().find("is ambiguous") != std::string::npos);
    // A clear choice has both fields, empty.
    CPLJSONDocument clear;
    REQUIRE(clear.LoadMemory(run.out.substr(nl + 1)));
    CHECK(clear.GetRoot().GetArray("ambiguous").Size() == 0);
    CHECK(clear.GetRoot().GetArray("warnings").Size() == 0);
}

TEST_CASE("e2e: geocode of an unknown place exits 1 with an error object", "[e2e]") {
    auto run = run_dcmap({"geocode", "--json", "Xqzzyville, Atlantis"});
    CHECK(run.code == 1);
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(run.out));
    CHECK(doc.GetRoot().GetString("query") == "Xqzzyville, Atlantis");
    CHECK_FALSE(doc.GetRoot().GetString("error").empty());
}

TEST_CASE("e2e: an unknown region is an error even when coordinates place the site", "[e2e]") {
    auto run = run_dcmap({"validate", fixture("e2e-unknown-region-with-coordinates.yaml")});
    CHECK(run.code == 1);
    CHECK(run.err.find("e2e-unknown-region-with-coordinates.yaml:3:") != std::string::npos);
    CHECK(run.err.find("eu-centrall-1") != std::string::npos);
}
