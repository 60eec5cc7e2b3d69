// End to end: the geocoding audit (`geocode FILE.yaml`, `regions`, `--resolved`, `--strict`,
// `--catalogue`) as a reviewer and CI use it.
#include "e2e_support.hpp"

#include <catch2/catch.hpp>
#include <cpl_json.h>

#include <sstream>

using e2e::fixture;
using e2e::run_dcmap;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("e2e: geocode FILE.yaml prints one audit row per site", "[e2e]") {
    auto run = run_dcmap({"geocode", fixture("geocode-regions.yaml")});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CHECK(run.err.empty());
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 9); // header + 8 sites
    CHECK(lines[0].find("site") == 0);
    CHECK(lines[0].find("precision") != std::string::npos);
    CHECK(lines[0].find("runner-up") != std::string::npos);
    // The file's catalogue: overrides aws:eu-central-1 with Offenbach.
    CHECK(lines[1].find("aws:eu-central-1") != std::string::npos);
    CHECK(lines[1].find("Offenbach") != std::string::npos);
    CHECK(lines[2].find("London") != std::string::npos);
    CHECK(lines[3].find("Dublin") != std::string::npos);
    CHECK(lines[8].find("explicit") != std::string::npos);
}

TEST_CASE("e2e: geocode FILE.yaml --format csv and json give the same rows for tools", "[e2e]") {
    auto csv = run_dcmap({"geocode", fixture("geocode-regions.yaml"), "--format", "csv"});
    REQUIRE(csv.code == 0);
    const auto rows = lines_of(csv.out);
    REQUIRE(rows.size() == 9);
    CHECK(rows[0] == "site,query,place,admin1,country,lat,lon,population,precision,source,region,"
                     "runner_up,runner_up_km");
    CHECK(rows[4] == "Ashburn campus,\"Ashburn, VA, US\",Ashburn,Virginia,US,39.04372,-77.48749,"
                     "43511,city,gazetteer,,,");

    auto json = run_dcmap({"geocode", fixture("geocode-regions.yaml"), "--format", "json"});
    REQUIRE(json.code == 0);
    const auto objects = lines_of(json.out);
    REQUIRE(objects.size() == 8);
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(objects[1]));
    CHECK(doc.GetRoot().GetString("region") == "alibaba:eu-west-1");
    CHECK(doc.GetRoot().GetString("country") == "GB");
    CHECK(doc.GetRoot().GetString("source") == "catalogue");
}

TEST_CASE("e2e: geocode of a region id gives the same JSON fields as a place", "[e2e]") {
    auto run = run_dcmap({"geocode", "--json", "aws:us-east-1"});
    REQUIRE(run.code == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(run.out));
    CHECK(doc.GetRoot().GetString("query") == "aws:us-east-1");
    CHECK(doc.GetRoot().GetString("country") == "US");
    CHECK(doc.GetRoot().GetString("region") == "aws:us-east-1");
    // AWS publishes the metro (Northern Virginia), not the town Ashburn that stands for it.
    CHECK(doc.GetRoot().GetString("precision") == "metro");
    CHECK(doc.GetRoot().GetArray("runners_up").IsValid());
}

TEST_CASE("e2e: regions lists the catalogue, filtered by provider", "[e2e]") {
    auto all = run_dcmap({"regions"});
    REQUIRE(all.code == 0);
    CHECK(all.out.find("aws:eu-central-1") != std::string::npos);
    CHECK(all.out.find("oracle:") != std::string::npos);

    auto gcp = run_dcmap({"regions", "--provider", "Google Cloud", "--json"});
    REQUIRE(gcp.code == 0);
    const auto lines = lines_of(gcp.out);
    REQUIRE(lines.size() > 30);
    for (const auto& line : lines)
        CHECK(line.find("\"provider\":\"gcp\"") != std::string::npos);

    auto bad = run_dcmap({"regions", "--provider", "hetzner"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("unknown provider") != std::string::npos);
}

TEST_CASE("e2e: --catalogue adds rows to regions and geocode", "[e2e]") {
    auto run =
        run_dcmap({"regions", "--provider", "aws", "--catalogue", fixture("catalogue-extra.tsv")});
    REQUIRE(run.code == 0);
    CHECK(run.out.find("aws:zz-test-1") != std::string::npos);
    auto lookup = run_dcmap(
        {"geocode", "--json", "--catalogue", fixture("catalogue-extra.tsv"), "aws:zz-test-1"});
    REQUIRE(lookup.code == 0);
    CHECK(lookup.out.find("\"country\":\"FI\"") != std::string::npos);
}

TEST_CASE("e2e: an ambiguous place warns, and --strict makes it an error that writes nothing",
          "[e2e]") {
    auto validate = run_dcmap({"validate", fixture("geocode-ambiguous.yaml")});
    CHECK(validate.code == 0);
    CHECK(validate.err.find("geocode-ambiguous.yaml:4:15: warning: \"Springfield\" is ambiguous") !=
          std::string::npos);

    e2e::TempDir dir;
    auto strict = run_dcmap({"render", fixture("geocode-ambiguous.yaml"), "-o", dir / "map.png",
                             "--width", "400", "--strict"});
    CHECK(strict.code == 1);
    CHECK(strict.err.find("--strict") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "map.png"));
}

TEST_CASE("e2e: coordinates outside their country warn that lat and lon look swapped", "[e2e]") {
    auto run = run_dcmap({"validate", fixture("geocode-swapped-latlon.yaml")});
    CHECK(run.code == 0);
    CHECK(run.err.find("geocode-swapped-latlon.yaml:6:14: warning: site \"Frankfurt\"") !=
          std::string::npos);
    CHECK(run.err.find("lat and lon look swapped") != std::string::npos);
    CHECK(run.err.find("Dublin") == std::string::npos);
    CHECK(run_dcmap({"validate", "--strict", fixture("geocode-swapped-latlon.yaml")}).code == 1);
}

TEST_CASE("e2e: render --resolved writes the placements as GeoJSON", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", fixture("geocode-regions.yaml"), "-o", dir / "map.png",
                          "--width", "400", "--resolved", dir / "sites.geojson"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "sites.geojson"));
    const auto features = doc.GetRoot().GetArray("features");
    REQUIRE(features.Size() == 8);
    CHECK(features[0].GetObj("properties").GetString("region") == "aws:eu-central-1");
    CHECK(features[0].GetObj("properties").GetString("name") == "Europe (Frankfurt)");
    CHECK(features[7].GetObj("properties").GetString("precision") == "exact");
    // Every site names the place it is at; coordinates get the country they are in.
    // The fixture catalogue moves aws:eu-central-1 to Offenbach.
    CHECK(features[0].GetObj("properties").GetString("locality") == "Offenbach");
    for (int i = 0; i < features.Size(); ++i)
        CHECK_FALSE(features[i].GetObj("properties").GetString("locality").empty());
    CHECK_FALSE(features[7].GetObj("properties").GetString("country").empty());
}

TEST_CASE("e2e: --resolved gives sites placed by coordinates their country and nearest town",
          "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "map.png",
                          "--width", "400", "--resolved", dir / "sites.geojson"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "sites.geojson"));
    const auto features = doc.GetRoot().GetArray("features");
    REQUIRE(features.Size() == 3);
    const auto properties = [&](int i) { return features[i].GetObj("properties"); };
    CHECK(properties(0).GetString("country") == "DE");
    CHECK(properties(0).GetString("locality") == "Frankfurt am Main");
    CHECK(properties(1).GetString("country") == "SG");
    CHECK(properties(2).GetString("country") == "BR");
    CHECK(properties(2).GetString("locality") == "São Paulo");
}
