// PNGs are painted in bands at once (render/encode.cpp). A band only shifts the canvas by whole
// pixels, so the map must look exactly like one painted in a single pass: same pixels but for a
// level on a rare glyph edge, at every size, with every kind of map element crossing the seam.
#include "e2e_support.hpp"

#include "app/change_map.hpp"
#include "app/dcmap.hpp"
#include "app/pipeline.hpp"
#include "app/resolution.hpp"
#include "app/site_diff.hpp"
#include "support/png_pixels.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

int channel_difference(std::uint32_t a, std::uint32_t b) {
    int most = 0;
    for (int shift = 0; shift < 32; shift += 8)
        most = std::max(most, std::abs(int(a >> shift & 255) - int(b >> shift & 255)));
    return most;
}

/// The bands' promise: the same pixels as one pass, but for a level on at most 0.01% of them.
void check_same_pixels(const dcmap::test::DecodedPng& one_pass,
                       const dcmap::test::DecodedPng& banded) {
    REQUIRE(banded.pixels.size() == one_pass.pixels.size());
    std::size_t differ = 0, worst = 0;
    for (std::size_t i = 0; i < one_pass.pixels.size(); ++i) {
        const auto d = std::size_t(channel_difference(one_pass.pixels[i], banded.pixels[i]));
        differ += d > 0;
        worst = std::max(worst, d);
    }
    CHECK(worst <= 1);
    CHECK(differ * 10000 <= one_pass.pixels.size());
}

/// Sites of other providers and statuses at random places, clustered here and there so that
/// labels, leaders, clusters and the density surface all appear at some size.
std::string random_sites(int count, unsigned seed, const std::string& map = "") {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> lon(-179, 179), lat(-55, 70), jitter(-2, 2);
    const char* providers[] = {"Hetzner", "OVHcloud", "Equinix", "Tencent Cloud"};
    const char* statuses[] = {"live", "announced", "planned", "under-construction", "retired"};
    std::string yaml = "title: Bands\n" + map + "sites:\n";
    double hub_lon = 0, hub_lat = 0;
    for (int i = 0; i < count; ++i) {
        if (i % 7 == 0) {
            hub_lon = lon(random);
            hub_lat = lat(random);
        }
        const double x = std::clamp(hub_lon + jitter(random), -179.0, 179.0);
        const double y = std::clamp(hub_lat + jitter(random), -60.0, 75.0);
        yaml += "  - {name: \"dc-" + std::to_string(i) + "\", provider: \"" + providers[i % 4] +
                "\", status: " + statuses[i % 5] + ", lat: " + std::to_string(y) +
                ", lon: " + std::to_string(x) + "}\n";
    }
    return yaml;
}

} // namespace

TEST_CASE("e2e: a PNG painted in bands has the pixels of one painted in one pass", "[e2e]") {
    struct Case {
        std::string name, yaml;
    };
    const std::vector<Case> cases = {
        {"alibaba-cloud", e2e::read_bytes(e2e::source_file("regions/alibaba-cloud.yaml"))},
        {"random-1", random_sites(1, 3)},
        {"random-60", random_sites(60, 5)},
        {"random-2500", random_sites(2500, 7)},
        // The benchmark's page (bench/peers.sh): the map frame cuts the outline's flat poles.
        {"robinson-100", random_sites(100, 11, "map: {projection: robinson}\n")},
        {"robinson-0", "map: {projection: robinson}\nsites: []\n"},
        {"density", e2e::read_bytes(e2e::source_file("tests/visual/cases/density.yaml"))},
        {"inset", e2e::read_bytes(e2e::fixture("e2e-dense-europe.yaml"))},

    };
    const std::vector<dcmap::app::MapOutput> png = {{dcmap::app::MapFormat::png, "map"}};
    for (const auto& c : cases) {
        for (double width : {480.0, 300.0, 777.0, 1280.0, 2400.0, 4000.0}) {
            const dcmap::SiteFile file = dcmap::app::load_sites_from_bytes(c.yaml, c.name);
            dcmap::app::RenderSettings settings = dcmap::app::settings_of(file);
            settings.map.width = dcmap::Setting<dcmap::Length>{{width, dcmap::LengthUnit::px}, {}};
            if (width >= 700) // the benchmark's 2:1 page; at 300 px the map takes its own
                settings.map.height =
                    dcmap::Setting<dcmap::Length>{{width / 2, dcmap::LengthUnit::px}, {}};
            std::vector<dcmap::test::DecodedPng> maps;
            for (int bands : {1, 2, 3}) {
                settings.png_bands = bands;
                dcmap::Diagnostics diagnostics;
                const auto encoded =
                    dcmap::app::encode_site_file(file, settings, png, diagnostics, nullptr);
                REQUIRE(encoded.bytes.size() == 1);
                maps.push_back(dcmap::test::decode_png(encoded.bytes[0]));
            }
            for (std::size_t k = 1; k < maps.size(); ++k) {
                INFO(c.name << " at " << width << " px, " << k + 1 << " bands against one");
                check_same_pixels(maps[0], maps[k]);
            }
        }
    }
}

TEST_CASE("e2e: a change map painted in bands keeps moved sites' paths across the band edge",
          "[e2e]") {
    // Sites that moved from the far north to the far south (and back): each path, arrow and old
    // ring crosses the band edge, where a band that skipped the marker would lose them.
    std::string older = "title: Before\nsites:\n", newer = "title: After\nsites:\n";
    for (int i = 0; i < 12; ++i) {
        const std::string id = "m" + std::to_string(i), lon = std::to_string(-150 + 25 * i);
        const bool south = i % 2 == 0;
        older += "  - {id: " + id + ", name: " + id + ", lat: " + (south ? "60" : "-40") +
                 ", lon: " + lon + "}\n";
        newer += "  - {id: " + id + ", name: " + id + ", lat: " + (south ? "-40" : "60") +
                 ", lon: " + lon + "}\n";
    }
    const dcmap::SiteFile old_file = dcmap::app::load_sites_from_bytes(older, "old.yaml");
    const dcmap::SiteFile new_file = dcmap::app::load_sites_from_bytes(newer, "new.yaml");
    dcmap::Diagnostics diagnostics;
    const auto old_sites = dcmap::app::resolve_site_file(old_file, "", diagnostics);
    const auto new_sites = dcmap::app::resolve_site_file(new_file, "", diagnostics);
    const auto diff = dcmap::app::diff_sites(old_sites, new_sites, 5);
    const auto map = dcmap::app::make_change_map(new_file, old_sites, diff, "old.yaml", "new.yaml");
    const std::vector<dcmap::app::MapOutput> png = {{dcmap::app::MapFormat::png, "map"}};
    for (double width : {600.0, 2400.0}) {
        dcmap::app::RenderSettings settings = dcmap::app::settings_of(map.file);
        settings.map.width = dcmap::Setting<dcmap::Length>{{width, dcmap::LengthUnit::px}, {}};
        settings.map.markers = dcmap::Setting<std::string>{"sites", {}};
        settings.changes = &map.changes;
        std::vector<dcmap::test::DecodedPng> maps;
        for (int bands : {1, 2}) {
            settings.png_bands = bands;
            dcmap::Diagnostics d;
            const auto encoded = dcmap::app::encode_site_file(map.file, settings, png, d, nullptr);
            REQUIRE(encoded.bytes.size() == 1);
            maps.push_back(dcmap::test::decode_png(encoded.bytes[0]));
        }
        INFO("change map at " << width << " px");
        check_same_pixels(maps[0], maps[1]);
    }
}
