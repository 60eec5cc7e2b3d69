// End to end (issue 8): providers look the same on every map, countries hosting lat/lon sites
// are tinted, a file without sites draws the base map, and Antarctica has no seam at 180°.
#include "e2e_support.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>
#include <cpl_json.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using e2e::run_dcmap;
using e2e::TempDir;

namespace {

void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

CPLJSONObject load_json(const std::string& path) {
    CPLJSONDocument doc;
    REQUIRE(doc.Load(path));
    return doc.GetRoot();
}

/// Provider -> marker colour over a layout's markers; every marker of a provider must agree.
std::map<std::string, std::string> marker_colors(const CPLJSONObject& layout) {
    std::map<std::string, std::string> out;
    for (const auto& m : layout.GetArray("markers")) {
        const std::string provider = m.GetString("provider");
        const std::string color = m.GetString("color");
        REQUIRE_FALSE(color.empty());
        const auto [it, added] = out.emplace(provider, color);
        CHECK(it->second == color);
    }
    return out;
}

/// Legend provider row text ("AWS (2)") -> colour.
std::map<std::string, std::string> legend_rows(const CPLJSONObject& layout) {
    std::map<std::string, std::string> out;
    for (const auto& row : layout.GetArray("legend_providers"))
        out[row.GetString("text")] = row.GetString("color");
    return out;
}

std::string all_label_text(const CPLJSONObject& layout) {
    std::string text;
    for (const auto& l : layout.GetArray("labels"))
        text += l.GetString("text") + "\n";
    for (const auto& k : layout.GetArray("key"))
        text += k.GetString("text") + "\n";
    return text;
}

struct Rgb {
    int r, g, b;
};

/// A PNG read back with Cairo, for sampling pixels.
struct PngImage {
    cairo_surface_t* surface;
    explicit PngImage(const std::string& path)
        : surface(cairo_image_surface_create_from_png(path.c_str())) {}
    ~PngImage() { cairo_surface_destroy(surface); }
    PngImage(const PngImage&) = delete;
    PngImage& operator=(const PngImage&) = delete;
    bool ok() const { return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS; }
    int width() const { return cairo_image_surface_get_width(surface); }
    int height() const { return cairo_image_surface_get_height(surface); }
    Rgb at(int x, int y) const {
        cairo_surface_flush(surface);
        const unsigned char* row =
            cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
        const auto px = reinterpret_cast<const uint32_t*>(row)[x];
        return {int(px >> 16 & 255), int(px >> 8 & 255), int(px & 255)};
    }
};

int difference(Rgb a, Rgb b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

} // namespace

TEST_CASE("e2e: a provider has one colour and one name whatever the file's order and spelling",
          "[e2e]") {
    TempDir dir;
    // The same clouds, listed in different orders and spellings, with different companions.
    write_text(dir / "a.yaml", "title: A\n"
                               "sites:\n"
                               "  - {name: Frankfurt, provider: aws, lat: 50.11, lon: 8.68}\n"
                               "  - {name: Dublin, provider: AWS, lat: 53.35, lon: -6.26}\n"
                               "  - {name: Iowa, provider: Google Cloud, lat: 41.26, lon: -95.86}\n"
                               "  - {name: Sydney, provider: Zeta Hosting, lat: -33.87, "
                               "lon: 151.21}\n");
    write_text(dir / "b.yaml",
               "title: B\n"
               "sites:\n"
               "  - {name: Amsterdam, provider: Acme, lat: 52.37, lon: 4.90}\n"
               "  - {name: Singapore, provider: Microsoft Azure, lat: 1.35, lon: 103.82}\n"
               "  - {name: Tokyo, provider: gcp, lat: 35.68, lon: 139.69}\n"
               "  - {name: Virginia, provider: Amazon Web Services, lat: 38.9, lon: -77.4}\n"
               "  - {name: Pune, provider: Oracle Cloud Infrastructure, lat: 18.52, "
               "lon: 73.86}\n");
    std::map<std::string, std::map<std::string, std::string>> colors, legends;
    std::map<std::string, std::string> labels;
    for (const std::string name : {"a", "b"}) {
        for (const std::string width : {"600", "1400"}) {
            const auto run =
                run_dcmap({"render", dir / (name + ".yaml"), "-o", dir / (name + ".png"), "--width",
                           width, "--layout-json", dir / (name + ".json")});
            INFO(run.err);
            REQUIRE(run.code == 0);
        }
        const auto layout = load_json(dir / (name + ".json"));
        colors[name] = marker_colors(layout);
        legends[name] = legend_rows(layout);
        labels[name] = all_label_text(layout);
    }
    // Every spelling of AWS is "AWS", with one colour on both maps, in markers and legend.
    REQUIRE(colors["a"].count("AWS"));
    REQUIRE(colors["b"].count("AWS"));
    CHECK(colors["a"]["AWS"] == colors["b"]["AWS"]);
    CHECK(colors["a"]["Google Cloud"] == colors["b"]["Google Cloud"]);
    CHECK(colors["a"]["AWS"] == "#d55e00");
    CHECK(colors["b"]["Microsoft Azure"] == "#0072b2");
    CHECK(colors["b"]["Oracle Cloud"] == "#000000");
    CHECK(legends["a"]["AWS (2)"] == colors["a"]["AWS"]);
    CHECK(legends["b"]["AWS (1)"] == colors["a"]["AWS"]);
    CHECK(legends["b"]["Google Cloud (1)"] == legends["a"]["Google Cloud (1)"]);
    for (const auto& [map, rows] : legends)
        for (const auto& [text, color] : rows) {
            INFO(map << ": " << text);
            CHECK(text.find("aws") == std::string::npos);
            CHECK(text.find("Amazon") == std::string::npos);
            CHECK(text.find("gcp") == std::string::npos);
        }
    CHECK(labels["a"].find("aws") == std::string::npos);
    CHECK(labels["b"].find("Amazon") == std::string::npos);
    // Providers without a fixed colour take colours no fixed provider on the map uses.
    for (const auto& [map, by_provider] : colors)
        for (const std::string other : {"Acme", "Zeta Hosting"}) {
            if (!by_provider.count(other))
                continue;
            for (const auto& [provider, color] : by_provider)
                if (provider != other)
                    CHECK(color != by_provider.at(other));
        }
}

TEST_CASE("e2e: a style renames and recolours a provider", "[e2e]") {
    TempDir dir;
    write_text(dir / "s.yaml", "providers:\n"
                               "  Amazon Web Services: {color: \"#ff9900\", name: Amazon}\n"
                               "  Acme: \"#123456\"\n");
    write_text(dir / "m.yaml", "title: Styled\n"
                               "map: {style: s.yaml}\n"
                               "sites:\n"
                               "  - {name: Frankfurt, provider: aws, lat: 50.11, lon: 8.68}\n"
                               "  - {name: Amsterdam, provider: Acme, lat: 52.37, lon: 4.90}\n"
                               "  - {name: Tokyo, provider: gcp, lat: 35.68, lon: 139.69}\n");
    const auto run = run_dcmap({"render", dir / "m.yaml", "-o", dir / "m.svg", "--layout-json",
                                dir / "m.json", "--width", "900"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    const auto layout = load_json(dir / "m.json");
    const auto colors = marker_colors(layout);
    CHECK(colors.at("Amazon") == "#ff9900");
    CHECK(colors.at("Acme") == "#123456");
    CHECK(colors.at("Google Cloud") == "#009e73");
    CHECK(colors.count("AWS") == 0);
    CHECK(legend_rows(layout).count("Amazon (1)") == 1);
}

TEST_CASE("e2e: countries hosting lat/lon sites are tinted like geocoded ones", "[e2e]") {
    TempDir dir;
    write_text(dir / "c.yaml", "sites:\n"
                               "  - {name: One, lat: 50.11, lon: 8.68}\n"
                               "  - {name: Two, lat: -23.55, lon: -46.63}\n"
                               "  - {name: Three, location: \"Johannesburg, South Africa\"}\n"
                               "  - {name: Four, lat: 64.15, lon: -21.94, status: retired}\n");
    const auto run =
        run_dcmap({"render", dir / "c.yaml", "-o", dir / "c.png", "--layout-json", dir / "c.json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    std::vector<std::string> hosts;
    for (const auto& iso2 : load_json(dir / "c.json").GetArray("host_countries"))
        hosts.push_back(iso2.ToString());
    // A retired site (Reykjavik) no longer makes its country a host.
    CHECK(hosts == std::vector<std::string>{"BR", "DE", "ZA"});
}

TEST_CASE("e2e: a file without sites renders the base map with a warning", "[e2e]") {
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> files = {
        {"comment.yaml", "# nothing yet\n"},
        {"title.yaml", "title: Our regions, coming soon\nmap: {projection: robinson}\n"},
        {"list.yaml", "title: Nothing\nsites: []\n"},
    };
    for (const auto& [name, text] : files) {
        INFO(name);
        write_text(dir / name, text);
        const auto run = run_dcmap({"render", dir / name, "-o", dir / (name + ".png"), "-o",
                                    dir / (name + ".svg"), "--layout-json", dir / (name + ".json"),
                                    "--width", "800"});
        INFO(run.err);
        CHECK(run.code == 0);
        CHECK(run.err.find(name + ": warning: no sites in the file; the map shows the base map "
                                  "alone") != std::string::npos);
        const auto layout = load_json(dir / (name + ".json"));
        CHECK(layout.GetArray("markers").Size() == 0);
        CHECK(layout.GetObj("legend").GetType() == CPLJSONObject::Type::Null);
        PngImage png(dir / (name + ".png"));
        REQUIRE(png.ok());
        CHECK(png.width() == 800);
        if (name == "title.yaml") {
            CHECK(layout.GetObj("title").GetType() == CPLJSONObject::Type::Object);
            CHECK(e2e::read_bytes(dir / (name + ".svg")).find("coming soon") != std::string::npos);
        }
    }
    // validate agrees: a warning, exit 0; --strict makes the warning fail.
    const auto validate = run_dcmap({"validate", dir / "list.yaml"});
    CHECK(validate.code == 0);
    CHECK(validate.out.find("ok (0 sites)") != std::string::npos);
    CHECK(validate.err.find("warning: no sites in the file") != std::string::npos);
    CHECK(run_dcmap({"validate", "--strict", dir / "list.yaml"}).code == 1);
    // Sites that are not a list stay an error.
    write_text(dir / "bad.yaml", "title: Bad\nsites: 5\n");
    const auto bad = run_dcmap({"render", dir / "bad.yaml", "-o", dir / "bad.png"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad.yaml:2:8: error: sites must be a list of sites") != std::string::npos);
}

TEST_CASE("e2e: sites all outside the extent leave the base map, a warning and no legend",
          "[e2e]") {
    TempDir dir;
    write_text(dir / "far.yaml", "sites:\n"
                                 "  - {name: Tokyo, provider: aws, lat: 35.68, lon: 139.69}\n"
                                 "  - {name: Osaka, provider: gcp, lat: 34.69, lon: 135.5}\n");
    const auto run = run_dcmap({"render", dir / "far.yaml", "-o", dir / "far.png", "--extent",
                                "europe", "--layout-json", dir / "far.json", "--width", "700"});
    INFO(run.err);
    CHECK(run.code == 0);
    CHECK(run.err.find("2 sites lie outside the visible map") != std::string::npos);
    const auto layout = load_json(dir / "far.json");
    CHECK(layout.GetArray("markers").Size() == 0);
    CHECK(layout.GetObj("legend").GetType() == CPLJSONObject::Type::Null);
}

TEST_CASE("e2e: Pacific-centred plate carree has no hair line across Antarctica at 180", "[e2e]") {
    // Three markers in the Southern Ocean fix where 180° and the latitudes fall on the canvas
    // (plate carrée is linear in both); the rows between 85.5°S and 89°S are Antarctic ice
    // at every longitude, so the 180° column must look like its neighbours there.
    TempDir dir;
    write_text(dir / "p.yaml", "sites:\n"
                               "  - {id: w, name: W, lat: -50, lon: 150}\n"
                               "  - {id: e, name: E, lat: -50, lon: -150}\n"
                               "  - {id: s, name: S, lat: -70, lon: 150}\n");
    for (const std::string width : {"1200", "2000", "3100"}) {
        INFO("width " << width);
        const auto run = run_dcmap({"render", dir / "p.yaml", "-o", dir / "p.png", "--projection",
                                    "plate-carree", "--center", "180", "--width", width,
                                    "--layout-json", dir / "p.json"});
        INFO(run.err);
        REQUIRE(run.code == 0);
        std::map<std::string, std::pair<double, double>> at;
        for (const auto& m : load_json(dir / "p.json").GetArray("markers"))
            at[m.GetString("id")] = {m.GetDouble("true_x"), m.GetDouble("true_y")};
        REQUIRE(at.size() == 3);
        const double x_180 = (at["w"].first + at["e"].first) / 2;
        const double px_per_degree = (at["s"].second - at["w"].second) / 20;
        PngImage png(dir / "p.png");
        REQUIRE(png.ok());
        const int column = static_cast<int>(std::floor(x_180));
        int rows = 0, land_rows = 0;
        for (double lat = -85.5; lat >= -89; lat -= 0.25) {
            const int y = static_cast<int>(at["w"].second + (-50 - lat) * px_per_degree);
            if (y < 0 || y >= png.height())
                continue;
            ++rows;
            const Rgb reference = png.at(column - 8, y);
            // Land, or the host-country tint: the site at 70°S lies on Antarctica.
            if (difference(reference, {0xf4, 0xf0, 0xe8}) <= 2 ||
                difference(reference, {0xe8, 0xdf, 0xcf}) <= 2)
                ++land_rows;
            CHECK(difference(png.at(column + 8, y), reference) <= 2);
            for (int dx = -1; dx <= 1; ++dx) {
                INFO("row " << y << ", column " << column + dx);
                CHECK(difference(png.at(column + dx, y), reference) <= 2);
            }
        }
        CHECK(rows >= 10);
        CHECK(land_rows == rows); // the samples are on the ice, not on the ocean or the frame
    }
}
