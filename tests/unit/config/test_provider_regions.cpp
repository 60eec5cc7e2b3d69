// The providers' region lists (sample files in each format, tests/fixtures/catalogue-import/).
#include "config/provider_regions.hpp"
#include "config_test_support.hpp"
#include "io/input_file.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using dcmap::config::read_provider_regions;
using dcmap::config::testing::fixture;

namespace {

dcmap::config::ProviderRegionList read(const std::string& name) {
    const std::string path = fixture("catalogue-import/" + name);
    return read_provider_regions(dcmap::io::read_input_file(path, 1 << 20, "test"), path);
}

const dcmap::config::ProviderRegion* find(const dcmap::config::ProviderRegionList& list,
                                          const std::string& code) {
    for (const auto& r : list.regions)
        if (r.code == code)
            return &r;
    return nullptr;
}

} // namespace

TEST_CASE("config: botocore endpoints.json gives every partition's regions with descriptions",
          "[config]") {
    const auto list = read("aws-endpoints.json");
    CHECK(list.format == "botocore endpoints.json");
    REQUIRE(list.regions.size() == 14);
    const auto* virginia = find(list, "us-east-1");
    REQUIRE(virginia);
    CHECK(virginia->provider == "aws");
    CHECK(virginia->description == "US East (N. Virginia)");
    CHECK(virginia->note.empty());
    const auto* ningxia = find(list, "cn-northwest-1");
    REQUIRE(ningxia);
    CHECK(ningxia->note == "partition aws-cn");
    CHECK(ningxia->line > virginia->line);
}

TEST_CASE("config: az list-locations keeps physical regions with their own coordinates",
          "[config]") {
    const auto list = read("azure-list-locations.json");
    REQUIRE(list.regions.size() == 4); // the logical "europe" is left out
    const auto* west = find(list, "westeurope");
    REQUIRE(west);
    CHECK(west->place_hint == "Netherlands");
    CHECK(*west->lat == Approx(52.3667));
    CHECK(*west->lon == Approx(4.9));
    CHECK(find(list, "swedencentral")->place_hint == "Gävle");
    CHECK_FALSE(find(list, "europe"));
}

TEST_CASE("config: OCI region lists give the city in the id and the realm", "[config]") {
    const auto config = read("oci-regions-config.json");
    CHECK(config.format == "OCI regions-config.json");
    REQUIRE(config.regions.size() == 6);
    CHECK(find(config, "af-casablanca-1")->place_hint == "casablanca");
    CHECK(find(config, "eu-jovanovac-1")->note == "realm oc20");
    CHECK(find(config, "eu-frankfurt-1")->note.empty());
    const auto cli = read("oci-iam-region-list.json");
    CHECK(cli.format == "oci iam region list");
    REQUIRE(cli.regions.size() == 3);
    CHECK(find(cli, "ap-chuncheon-1")->place_hint == "chuncheon");
}

TEST_CASE("config: gcloud and aliyun region lists are recognised", "[config]") {
    const auto gcp = read("gcloud-regions.json");
    CHECK(gcp.format == "gcloud compute regions list");
    REQUIRE(gcp.regions.size() == 3);
    CHECK(gcp.regions[0].provider == "gcp");
    CHECK(gcp.regions[0].description.empty()); // gcloud repeats the id: no place in it
    const auto ali = read("aliyun-describe-regions.json");
    CHECK(ali.format == "aliyun ecs DescribeRegions");
    REQUIRE(ali.regions.size() == 6);
    CHECK(find(ali, "cn-wulanchabu")->description == "China (Ulanqab)");
}

TEST_CASE("config: a file in no provider's format is an error at its start", "[config]") {
    try {
        read("not-a-region-list.json");
        FAIL("no error");
    } catch (const dcmap::InputError& e) {
        CHECK(std::string(e.what()).find("not-a-region-list.json:1:1: error: not a provider "
                                         "region list") != std::string::npos);
    }
    CHECK_THROWS_AS(read_provider_regions("[1, 2", "broken.json"), dcmap::InputErrors);
}
