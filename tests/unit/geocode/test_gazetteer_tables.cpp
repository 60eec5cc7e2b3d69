// The gazetteer's tables made at build time against the same tables made from the text now,
// and a damaged table refused rather than read.
#include "geocode/gazetteer.hpp"
#include "geocode/gazetteer_tables.hpp"
#include "model/error.hpp"
#include "resources/resources.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

using namespace dcmap::geocode;
using namespace dcmap::geocode::detail;

namespace {

template <class A, class B> bool same(const A& a, const B& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

} // namespace

TEST_CASE("geocode: the embedded gazetteer tables are the ones its text gives", "[geocode]") {
    const std::string_view text = dcmap::resources::get("gazetteer.tsv");
    const GazetteerTables built = build_tables(text);
    const TablesView packed =
        view_packed_tables(dcmap::resources::get("gazetteer-index.bin"), split_sections(text));
    CHECK(built.place_starts.size() > 100'000);
    CHECK(built.towns.place_rows.size() > 10'000);
    CHECK(same(packed.place_starts, built.place_starts));
    CHECK(same(packed.index_starts, built.index_starts));
    CHECK(same(packed.cell_starts, built.towns.cell_starts));
    CHECK(same(packed.place_rows, built.towns.place_rows));
    CHECK(same(packed.lats, built.towns.lats));
    CHECK(same(packed.lons, built.towns.lons));
    CHECK(same(packed.populations, built.towns.populations));
}

TEST_CASE("geocode: nearest towns from the build-time grid equal those from a grid built now",
          "[geocode]") {
    const Gazetteer& embedded = Gazetteer::embedded();
    const Gazetteer from_text = Gazetteer::from_tsv(dcmap::resources::get("gazetteer.tsv"),
                                                    dcmap::resources::get("countries.tsv"),
                                                    dcmap::resources::get("admin1.tsv"));
    int found = 0;
    for (double lat = -60; lat <= 75; lat += 2.9) {
        for (double lon = -180; lon < 180; lon += 3.1) {
            const auto a = embedded.metro_town(lon, lat), b = from_text.metro_town(lon, lat);
            REQUIRE(a.has_value() == b.has_value());
            if (!a)
                continue;
            ++found;
            CHECK(a->name == b->name);
            CHECK(a->country == b->country);
            CHECK(a->km == b->km);
        }
    }
    CHECK(found > 500);
}

TEST_CASE("geocode: damaged gazetteer tables are refused with an error", "[geocode]") {
    const std::string_view text = dcmap::resources::get("gazetteer.tsv");
    const auto sections = split_sections(text);
    GazetteerTables small;
    small.place_starts = {0, 10};
    small.towns.cell_starts.assign(std::size_t(town_grid_columns) * town_grid_rows + 1, 0);
    small.places_bytes = sections.places.size();
    const std::string good = pack_tables(small);
    // Copied into aligned storage, as the embedded bytes are.
    auto view = [&](std::string bytes) {
        std::vector<std::uint32_t> words((bytes.size() + 3) / 4);
        std::memcpy(words.data(), bytes.data(), bytes.size());
        return view_packed_tables({reinterpret_cast<const char*>(words.data()), bytes.size()},
                                  sections);
    };
    CHECK(view(good).place_starts.size() == 2);
    CHECK_THROWS_AS(view(good.substr(0, good.size() - 4)), dcmap::Error); // truncated
    CHECK_THROWS_AS(view("DCGTBL00" + good.substr(8)), dcmap::Error);     // another version
    std::string other_text = good;
    other_text[8 + 7 * 4] ^= 1; // built from a places section of another length
    CHECK_THROWS_AS(view(other_text), dcmap::Error);
    GazetteerTables past_end = small;
    past_end.place_starts.back() = static_cast<std::uint32_t>(sections.places.size());
    CHECK_THROWS_AS(view(pack_tables(past_end)), dcmap::Error);
    GazetteerTables bad_row = small;
    bad_row.towns.place_rows = {7};
    bad_row.towns.lats = bad_row.towns.lons = bad_row.towns.populations = {0};
    bad_row.towns.cell_starts.back() = 1;
    CHECK_THROWS_AS(view(pack_tables(bad_row)), dcmap::Error);
}
