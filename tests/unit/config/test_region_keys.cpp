// The keys that tie a site to the region catalogue: region:, country:, and the file's catalogue:.
#include "config/site_loader.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using dcmap::config::load_site_file;
using dcmap::config::parse_site_file;

TEST_CASE("config: region: places a site with no location and no name", "[config]") {
    const auto file = parse_site_file("- region: aws:eu-central-1\n"
                                      "- name: London\n"
                                      "  provider: Alibaba Cloud\n"
                                      "  region: eu-west-1\n"
                                      "  country: GB\n",
                                      "t.yaml");
    REQUIRE(file.sites.size() == 2);
    CHECK(file.sites[0].region == "aws:eu-central-1");
    CHECK(file.sites[0].name.empty());
    CHECK(file.sites[0].region_pos.line == 1);
    CHECK(file.sites[0].region_pos.column == 11);
    CHECK_FALSE(file.sites[0].location_query);
    CHECK(file.sites[1].region == "eu-west-1");
    CHECK(file.sites[1].country == "GB");
    CHECK(file.sites[1].country_pos.line == 5);
}

TEST_CASE("config: region: is no longer an alias of id", "[config]") {
    const auto file = parse_site_file("- id: x\n  name: X\n  region: gcp:europe-west4\n", "t.yaml");
    CHECK(file.sites[0].id == "x");
    CHECK(file.sites[0].region == "gcp:europe-west4");
}

TEST_CASE("config: a site with neither name nor region is still an error", "[config]") {
    CHECK_THROWS_WITH(parse_site_file("- location: Paris\n", "t.yaml"),
                      Catch::Contains("has no name"));
}

TEST_CASE("config: a catalogue: file is taken relative to the site file", "[config]") {
    const auto file = load_site_file(std::string(DCMAP_FIXTURES) + "/geocode-regions.yaml");
    CHECK(file.catalogue == std::string(DCMAP_FIXTURES) + "/catalogue-extra.tsv");
    CHECK(file.catalogue_pos.line == 2);
}
