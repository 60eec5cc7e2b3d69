// Long lat/lon site lists take cheaper paths (validate keeps no resolved copies; render lets the
// layout take the file's sites): the results must be those of the ordinary path.
#include "e2e_support.hpp"

#include "app/dcmap.hpp"
#include "app/pipeline.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// `n` lat/lon sites written in block style, every seventh with a country (some right, some
/// swapped, one unknown), a few with statuses and providers, on a 900 px Robinson map.
std::string site_list(int n) {
    std::ostringstream out;
    out << "title: Mixed {sites} sites\nmap:\n  projection: robinson\n  width: 900\nsites:\n";
    for (int i = 0; i < n; ++i) {
        const double lat = -50 + (i * 37) % 120 + 0.25;
        const double lon = -170 + (i * 53) % 340 + 0.5;
        out << "  - name: \"Point " << i << "\"\n";
        if (i % 7 == 3) {
            // Frankfurt written right, then swapped, then an unknown country.
            if (i % 3 == 0)
                out << "    lat: 50.11\n    lon: 8.68\n    country: DE\n";
            else if (i % 3 == 1)
                out << "    lat: 8.68\n    lon: 50.11\n    country: Germany\n";
            else
                out << "    lat: " << lat << "\n    lon: " << lon << "\n    country: Atlantis\n";
        } else {
            out << "    lat: " << lat << "\n    lon: " << lon << "\n";
        }
        if (i % 5 == 0)
            out << "    status: planned\n    provider: aws\n";
    }
    return out.str();
}

std::vector<std::string> warning_lines(const std::string& err) {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);)
        if (line.find("warning:") != std::string::npos &&
            (line.find("outside") != std::string::npos ||
             line.find("unknown country") != std::string::npos))
            lines.push_back(line);
    return lines;
}

} // namespace

TEST_CASE("e2e: validate warns about each lat/lon site's country exactly as render does", "[e2e]") {
    e2e::TempDir dir;
    const std::string path = dir / "mixed.yaml";
    std::ofstream(path) << site_list(300);
    const auto validate = e2e::run_dcmap({"validate", path});
    INFO(validate.err);
    REQUIRE(validate.code == 0);
    CHECK(validate.out.find("ok (300 sites)") != std::string::npos);
    const auto render = e2e::run_dcmap({"render", path, "-o", dir / "map.png"});
    INFO(render.err);
    REQUIRE(render.code == 0);
    const auto checked = warning_lines(validate.err);
    CHECK(checked == warning_lines(render.err));
    // 43 sites have a country: 15 right, 14 swapped, 14 unknown.
    int swapped = 0, unknown = 0;
    for (const auto& line : checked) {
        swapped += line.find("lat and lon look swapped") != std::string::npos;
        unknown += line.find("unknown country \"Atlantis\"") != std::string::npos;
    }
    CHECK(swapped == 14);
    CHECK(unknown == 14);
    CHECK(checked.size() == 28);
    // Positions stay exact: site 10, the first swapped one, gives its country on line 44.
    CHECK(validate.err.find(path + ":44:14: warning: site \"Point 10\"") != std::string::npos);
}

TEST_CASE("e2e: a map drawn from a file that gives its sites up equals one drawn from a kept "
          "file",
          "[e2e]") {
    const std::string text = site_list(500);
    const std::vector<dcmap::app::MapOutput> outputs = {{dcmap::app::MapFormat::png, "map"},
                                                        {dcmap::app::MapFormat::svg, "map"}};
    dcmap::SiteFile kept = dcmap::app::load_sites_from_bytes(text, "mixed.yaml");
    const dcmap::app::RenderSettings settings = dcmap::app::settings_of(kept);
    dcmap::Diagnostics kept_diagnostics, taken_diagnostics;
    std::vector<dcmap::ResolvedSite> kept_resolved, taken_resolved;
    const auto from_kept =
        dcmap::app::encode_site_file(kept, settings, outputs, kept_diagnostics, &kept_resolved);
    CHECK(kept.sites.size() == 500);

    dcmap::SiteFile given = dcmap::app::load_sites_from_bytes(text, "mixed.yaml");
    const auto from_given = dcmap::app::encode_site_file(std::move(given), settings, outputs,
                                                         taken_diagnostics, &taken_resolved);
    REQUIRE(from_given.bytes.size() == 2);
    CHECK(from_given.bytes[0] == from_kept.bytes[0]);
    CHECK(from_given.bytes[1] == from_kept.bytes[1]);
    // The SVG's description counts the sites by status from the layout's copy.
    CHECK(from_given.bytes[1].find("Map of 500 sites (400 live, 100 planned)") !=
          std::string::npos);
    CHECK(taken_diagnostics.warnings.size() == kept_diagnostics.warnings.size());
    REQUIRE(taken_resolved.size() == 500);
    for (std::size_t i = 0; i < 500; i += 37) {
        CHECK(taken_resolved[i].site.name == kept_resolved[i].site.name);
        CHECK(taken_resolved[i].site.pos.line == kept_resolved[i].site.pos.line);
        CHECK(taken_resolved[i].locality == kept_resolved[i].locality);
        CHECK(taken_resolved[i].country == kept_resolved[i].country);
    }
    CHECK(taken_resolved[0].site.provider == "AWS");
}
