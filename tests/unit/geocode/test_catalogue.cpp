// The cloud-region catalogue: provider names, region ids, provider region names, user rows.
#include "geocode/catalogue.hpp"
#include "geocode/geocoder.hpp"
#include "geocode/resolve.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using dcmap::geocode::Catalogue;
using dcmap::geocode::Gazetteer;
using dcmap::geocode::Geocoder;
using dcmap::geocode::provider_key;

namespace {

const Geocoder& geocoder() {
    static const Geocoder g(Gazetteer::embedded(), Catalogue::embedded());
    return g;
}

const std::string header =
    "provider\tcode\tdisplay_name\tplace\tlat\tlon\tcountry\tstatus\tsource\tnote\n";

} // namespace

TEST_CASE("catalogue: provider names as people write them map to the five keys", "[geocode]") {
    CHECK(provider_key("aws") == "aws");
    CHECK(provider_key("Amazon Web Services") == "aws");
    CHECK(provider_key("Microsoft Azure") == "azure");
    CHECK(provider_key("Google Cloud") == "gcp");
    CHECK(provider_key("Alibaba Cloud") == "alibaba");
    CHECK(provider_key("OCI") == "oracle");
    CHECK(provider_key("Hetzner").empty());
}

TEST_CASE("catalogue: the built-in file has every provider and unique ids", "[geocode]") {
    const auto& regions = Catalogue::embedded().regions();
    for (const char* p : {"aws", "azure", "gcp", "alibaba", "oracle"})
        CHECK(std::count_if(regions.begin(), regions.end(),
                            [&](const auto& r) { return r.provider == p; }) >= 20);
    for (std::size_t i = 1; i < regions.size(); ++i)
        CHECK(regions[i - 1].id() != regions[i].id());
}

TEST_CASE("catalogue: the same code at two providers is two places", "[geocode]") {
    const auto aws = geocoder().lookup("aws:eu-west-1");
    const auto alibaba = geocoder().lookup("alibaba:eu-west-1");
    CHECK(aws.place.country == "IE");
    CHECK(alibaba.place.country == "GB");
    CHECK(geocoder().region("Alibaba Cloud", "eu-west-1").region == "alibaba:eu-west-1");
}

TEST_CASE("catalogue: provider region names copied from provider pages resolve", "[geocode]") {
    const auto frankfurt = geocoder().lookup("Europe (Frankfurt)");
    CHECK(frankfurt.region == "aws:eu-central-1");
    CHECK(frankfurt.place.country == "DE");
    CHECK(geocoder().lookup("US East (N. Virginia)").region == "aws:us-east-1");
    CHECK(geocoder().lookup("Indonesia (Jakarta)").place.country == "ID");
    // As written, "Canada (Central)" is AWS's Montréal region, not Azure's "Canada Central".
    CHECK(geocoder().lookup("Canada (Central)").region == "aws:ca-central-1");
    CHECK(geocoder().lookup("Canada Central").region == "azure:canadacentral");
    // Without parentheses a town of the same name still wins over Google's "Frankfurt" region.
    CHECK(geocoder().lookup("Frankfurt").source == dcmap::PlaceSource::gazetteer);
}

TEST_CASE("catalogue: sites that are not towns resolve through the catalogue", "[geocode]") {
    const auto eemshaven = geocoder().lookup("Eemshaven");
    CHECK(eemshaven.source == dcmap::PlaceSource::catalogue);
    CHECK(eemshaven.place.country == "NL");
    CHECK(geocoder().lookup("Jurong West, Singapore").place.country == "SG");
    CHECK_THROWS_AS(geocoder().lookup("Eemshaven, Germany"), dcmap::GeocodeError);
}

TEST_CASE("catalogue: an unknown code names the closest codes of that provider", "[geocode]") {
    try {
        geocoder().lookup("aws:eu-centrl-1");
        FAIL("no error");
    } catch (const dcmap::GeocodeError& e) {
        CHECK(std::string(e.what()) ==
              "unknown region \"eu-centrl-1\" of provider aws; closest: eu-central-1, "
              "eu-central-2, ca-central-1");
    }
    CHECK_THROWS_WITH(geocoder().region("Hetzner", "fsn1"), Catch::Contains("unknown provider"));
}

TEST_CASE("catalogue: a user's rows override built-in rows and add new ones", "[geocode]") {
    const auto user = Catalogue::from_tsv(
        header + "aws\teu-central-1\tEurope (Frankfurt)\tOffenbach am Main, Hesse, DE\t50.1006\t"
                 "8.7665\tDE\tlive\tours\t\n"
                 "gcp\tzz-lab1\tLab\tHamina, FI\t\t\tFI\tannounced\tours\tno coordinates\n",
        "mine.tsv");
    const Catalogue merged = Catalogue::embedded().merged_with(user);
    CHECK(merged.regions().size() == Catalogue::embedded().regions().size() + 1);
    const Geocoder g(Gazetteer::embedded(), merged);
    CHECK(g.lookup("aws:eu-central-1").place.name == "Offenbach");
    const auto lab = g.lookup("gcp:zz-lab1");
    CHECK(lab.place.name == "Hamina");
    CHECK(lab.place.lat == Approx(60.57).margin(0.05));
}

TEST_CASE("catalogue: malformed user rows are errors at file:line", "[geocode]") {
    CHECK_THROWS_WITH(Catalogue::from_tsv(header + "hetzner\tfsn1\tFalkenstein\tFalkenstein, DE\t"
                                                   "50.47\t12.37\tDE\tlive\t\t\n",
                                          "mine.tsv"),
                      "mine.tsv:2:1: error: unknown provider \"hetzner\"; use aws, azure, gcp, "
                      "alibaba or oracle");
    CHECK_THROWS_WITH(
        Catalogue::from_tsv(header + "aws\tx-1\tX\tParis, FR\t95\t2\tFR\tlive\t\t\n", "mine.tsv"),
        Catch::StartsWith("mine.tsv:2:1: error: bad lat/lon in catalogue row aws:x-1"));
    CHECK_THROWS_WITH(Catalogue::from_tsv(header + "aws\tx-1\tX\n", "mine.tsv"),
                      Catch::Contains("3 tab-separated columns"));
    CHECK_THROWS_WITH(
        Catalogue::from_tsv(header + "aws\tx-1\tX\tParis, FR\t48.85\t2.35\tFR\tlive\t\t\tstreet\n",
                            "mine.tsv"),
        "mine.tsv:2:1: error: unknown precision \"street\" in catalogue row aws:x-1; use city, "
        "metro, admin1 or country (or leave it empty: city)");
}

TEST_CASE("catalogue: a row's precision says how much of the place the provider publishes",
          "[geocode]") {
    const auto& catalogue = Catalogue::embedded();
    const auto precision_of = [&](const char* provider, const char* code) {
        const auto* r = catalogue.find(provider, code);
        REQUIRE(r);
        return r->precision;
    };
    // Google names the town; AWS names Northern Virginia; Azure names the state; a placeholder
    // for an announced region knows only its country.
    CHECK(precision_of("gcp", "us-east1") == dcmap::Precision::city);
    CHECK(precision_of("aws", "us-east-1") == dcmap::Precision::metro);
    CHECK(precision_of("azure", "centralus") == dcmap::Precision::admin1);
    CHECK(precision_of("alibaba", "tbd-brazil") == dcmap::Precision::country);
    // Every placeholder whose city is not public says so.
    for (const auto& r : catalogue.regions())
        if (r.code.starts_with("tbd-") && r.note.find("city not public") != std::string::npos) {
            INFO(r.id());
            CHECK(r.precision == dcmap::Precision::country);
        }
    // The match carries the row's precision.
    CHECK(geocoder().lookup("alibaba:tbd-brazil").precision == dcmap::Precision::country);
    const auto user = Catalogue::from_tsv(
        header + "aws\tx-1\tX\tParis, FR\t48.85\t2.35\tFR\tlive\t\t\tmetro\n", "mine.tsv");
    CHECK(user.find("aws", "x-1")->precision == dcmap::Precision::metro);
}

TEST_CASE("catalogue: regions the providers' SDK data list are in the built-in table",
          "[geocode]") {
    const auto& catalogue = Catalogue::embedded();
    for (const auto* id :
         {"oracle:af-casablanca-1", "oracle:eu-madrid-3", "oracle:us-saltlake-2",
          "alibaba:ap-southeast-8", "alibaba:eu-west-2", "alibaba:cn-fujian", "alibaba:cn-wuhan"}) {
        INFO(id);
        const std::string text(id);
        const auto colon = text.find(':');
        CHECK(catalogue.find(text.substr(0, colon), text.substr(colon + 1)) != nullptr);
    }
    // Opened regions replace their announced placeholders.
    CHECK(catalogue.find("oracle", "tbd-morocco") == nullptr);
    CHECK(catalogue.find("alibaba", "tbd-france") == nullptr);
    // Oracle's Serbian region is in its own realm, and the row says so.
    CHECK(catalogue.find("oracle", "eu-jovanovac-1")->note.find("realm oc20") != std::string::npos);
}

TEST_CASE("catalogue: a row keeps its town's name when the gazetteer knows the seat by another",
          "[geocode]") {
    // GeoNames lists Ulanqab's seat as Jining.
    CHECK(geocoder().lookup("alibaba:cn-wulanchabu").place.name == "Ulanqab");
    // The gazetteer's spelling of the same name is kept.
    CHECK(geocoder().lookup("gcp:europe-west6").place.name == "Zürich");
}
