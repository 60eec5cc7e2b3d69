// End to end: whole `dcmap render` runs, checked the way a person would check the map.
#include "e2e_support.hpp"

#include "app/pipeline.hpp"
#include "cli/write_maps.hpp"
#include "config/site_loader.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>
#include <cpl_json.h>
#include <proj.h>

#include <cmath>
#include <map>

using e2e::fixture;
using e2e::read_bytes;
using e2e::run_dcmap;

namespace {

struct Rgba {
    int r, g, b, a;
};

/// Reads a PNG with Cairo; returns its size and lets the caller sample pixels.
struct PngImage {
    cairo_surface_t* surface = nullptr;
    explicit PngImage(const std::string& path) {
        surface = cairo_image_surface_create_from_png(path.c_str());
    }
    ~PngImage() { cairo_surface_destroy(surface); }
    bool ok() const { return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS; }
    int width() const { return cairo_image_surface_get_width(surface); }
    int height() const { return cairo_image_surface_get_height(surface); }
    Rgba at(int x, int y) const {
        cairo_surface_flush(surface);
        const unsigned char* row =
            cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
        auto px = reinterpret_cast<const uint32_t*>(row)[x];
        return {int(px >> 16 & 255), int(px >> 8 & 255), int(px & 255), int(px >> 24)};
    }
};

struct LayoutMarker {
    double lon, lat, x, y, r;
};

std::map<std::string, LayoutMarker> read_markers(const std::string& json_path) {
    CPLJSONDocument doc;
    REQUIRE(doc.Load(json_path));
    std::map<std::string, LayoutMarker> out;
    for (const auto& m : doc.GetRoot().GetArray("markers")) {
        out[m.GetString("id")] = {m.GetDouble("lon"), m.GetDouble("lat"), m.GetDouble("x"),
                                  m.GetDouble("y"), m.GetDouble("r")};
    }
    return out;
}

/// Equal Earth metres straight from PROJ, independent of dcmap's projection stage.
std::pair<double, double> equal_earth(double lon, double lat) {
    PJ* pj = proj_create(PJ_DEFAULT_CTX, "+proj=eqearth +lon_0=0 +datum=WGS84 +type=crs");
    PJ* from = proj_create(PJ_DEFAULT_CTX, "EPSG:4326");
    PJ* op = proj_create_crs_to_crs_from_pj(PJ_DEFAULT_CTX, from, pj, nullptr, nullptr);
    PJ* norm = proj_normalize_for_visualization(PJ_DEFAULT_CTX, op);
    PJ_COORD c = proj_trans(norm, PJ_FWD, proj_coord(lon, lat, 0, 0));
    proj_destroy(norm);
    proj_destroy(op);
    proj_destroy(from);
    proj_destroy(pj);
    return {c.xy.x, c.xy.y};
}

} // namespace

TEST_CASE("e2e: a PNG has the requested width and the height of the map's aspect", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "map.png",
                          "--width", "900", "--layout-json", dir / "layout.json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    PngImage png(dir / "map.png");
    REQUIRE(png.ok());
    CHECK(png.width() == 900);
    CHECK(png.height() > 300);
    CHECK(png.height() < 900);

    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "layout.json"));
    CHECK(doc.GetRoot().GetDouble("width") == 900);
    CHECK(doc.GetRoot().GetDouble("height") == png.height());
}

TEST_CASE("e2e: --scale 2 doubles both pixel dimensions", "[e2e]") {
    e2e::TempDir dir;
    REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "a.png",
                       "--width", "600"})
                .code == 0);
    REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "b.png",
                       "--width", "600", "--scale", "2"})
                .code == 0);
    PngImage a(dir / "a.png"), b(dir / "b.png");
    CHECK(b.width() == 2 * a.width());
    CHECK(b.height() == 2 * a.height());
}

TEST_CASE("e2e: the pixel at each live site's projected position has the marker colour", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "map.png",
                          "--width", "1200", "--layout-json", dir / "layout.json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    auto markers = read_markers(dir / "layout.json");
    REQUIRE(markers.size() == 3);

    // The marker positions must be an affine image of PROJ's own Equal Earth coordinates:
    // one scale k for x and y (y flipped), whichever pair of sites we compare.
    auto [fx, fy] = equal_earth(8.6821, 50.1109);
    auto [sx, sy] = equal_earth(103.8198, 1.3521);
    auto [gx, gy] = equal_earth(-46.6333, -23.5505);
    const auto& fra = markers["fra"];
    const auto& sin = markers["sin"];
    const auto& gru = markers["gru"];
    double k = (sin.x - fra.x) / (sx - fx);
    CHECK(k > 0);
    CHECK((gru.x - fra.x) / (gx - fx) == Approx(k).epsilon(0.002));
    CHECK(-(sin.y - fra.y) / (sy - fy) == Approx(k).epsilon(0.002));
    CHECK(-(gru.y - fra.y) / (gy - fy) == Approx(k).epsilon(0.002));

    // The same style the map was drawn with says what colour a live marker is.
    const dcmap::SiteFile file =
        dcmap::config::load_site_file(fixture("e2e-explicit-coordinates.yaml"));
    dcmap::Diagnostics diagnostics;
    dcmap::app::RenderSettings settings;
    settings.map.width =
        dcmap::Setting<dcmap::Length>{{static_cast<double>(1200), dcmap::LengthUnit::px}, {}};
    auto layout = dcmap::cli::render_site_file(file, settings, {dir / "again.png"}, diagnostics);
    PngImage png(dir / "map.png");
    for (const auto& m : layout.markers) {
        if (m.status != dcmap::Status::live)
            continue;
        INFO("marker " << m.id);
        auto px = png.at(int(std::lround(markers[m.id].x - 0.5)),
                         int(std::lround(markers[m.id].y - 0.5)));
        CHECK(std::abs(px.r - int(std::lround(m.color.r * 255))) <= 12);
        CHECK(std::abs(px.g - int(std::lround(m.color.g * 255))) <= 12);
        CHECK(std::abs(px.b - int(std::lround(m.color.b * 255))) <= 12);
    }
}

TEST_CASE("e2e: SVG is well-formed XML with the map's title and a description", "[e2e]") {
    e2e::TempDir dir;
    REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "map.svg"})
                .code == 0);
    std::string svg = read_bytes(dir / "map.svg");
    CHECK(svg.find("title\">End-to-end test map</title>") != std::string::npos);
    auto desc = svg.find("<desc");
    REQUIRE(desc != std::string::npos);
    CHECK(svg.find("3 sites", desc) != std::string::npos);
    CHECK(std::system(("xmllint --noout '" + (dir / "map.svg") + "'").c_str()) == 0);
}

TEST_CASE("e2e: PDF output starts with %PDF", "[e2e]") {
    e2e::TempDir dir;
    REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "map.pdf"})
                .code == 0);
    CHECK(read_bytes(dir / "map.pdf").rfind("%PDF-", 0) == 0);
}

TEST_CASE("e2e: two runs give identical bytes in every format", "[e2e]") {
    // Same file name in two folders: an SVG's ids are named after its file.
    e2e::TempDir dir_a, dir_b;
    for (std::string ext : {"png", "svg", "pdf"}) {
        INFO(ext);
        REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o",
                           dir_a / ("map." + ext)})
                    .code == 0);
        REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o",
                           dir_b / ("map." + ext)})
                    .code == 0);
        std::string a = read_bytes(dir_a / ("map." + ext)), b = read_bytes(dir_b / ("map." + ext));
        CHECK(a.size() > 1000);
        CHECK(a == b);
    }
}

TEST_CASE("e2e: --dpi is written into the PNG", "[e2e]") {
    e2e::TempDir dir;
    REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "map.png",
                       "--width", "400", "--dpi", "300"})
                .code == 0);
    std::string png = read_bytes(dir / "map.png");
    auto at = png.find("pHYs");
    REQUIRE(at != std::string::npos);
    auto u32 = [&](std::size_t i) {
        return (uint32_t(uint8_t(png[i])) << 24) | (uint32_t(uint8_t(png[i + 1])) << 16) |
               (uint32_t(uint8_t(png[i + 2])) << 8) | uint32_t(uint8_t(png[i + 3]));
    };
    CHECK(u32(at + 4) == 11811); // 300 dpi in pixels per metre
    CHECK(u32(at + 8) == 11811);
}

TEST_CASE("e2e: bad input exits 1, names file:line:col and leaves no output", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", fixture("e2e-invalid-status.yaml"), "-o", dir / "map.png"});
    CHECK(run.code == 1);
    CHECK(run.err.find("e2e-invalid-status.yaml:6:5: error:") != std::string::npos);
    CHECK(run.err.find("status") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "map.png"));
    CHECK(std::filesystem::is_empty(dir.path));
}

TEST_CASE("e2e: a failed render keeps an earlier good map intact", "[e2e]") {
    e2e::TempDir dir;
    REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "map.png",
                       "--width", "300"})
                .code == 0);
    std::string before = read_bytes(dir / "map.png");
    CHECK(run_dcmap({"render", fixture("e2e-invalid-status.yaml"), "-o", dir / "map.png"}).code ==
          1);
    CHECK(read_bytes(dir / "map.png") == before);
}

TEST_CASE("e2e: bad usage exits 2", "[e2e]") {
    CHECK(run_dcmap({"render"}).code == 2);
    CHECK(run_dcmap({"render", "x.yaml", "--no-such-option"}).code == 2);
    CHECK(run_dcmap({"frobnicate"}).code == 2);
    auto run = run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "--format", "gif"});
    CHECK(run.code == 2);
}

TEST_CASE("e2e: --help and --version exit 0 and print to stdout", "[e2e]") {
    auto help = run_dcmap({"render", "--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("--projection") != std::string::npos);
    auto version = run_dcmap({"--version"});
    CHECK(version.code == 0);
    CHECK(version.out.find("Natural Earth") != std::string::npos);
    CHECK(version.out.find("GeoNames") != std::string::npos);
}

TEST_CASE("e2e: a folder of inputs renders one map per file and format", "[e2e]") {
    e2e::TempDir in, out;
    std::filesystem::copy_file(fixture("e2e-explicit-coordinates.yaml"), in / "one.yaml");
    std::filesystem::copy_file(fixture("e2e-explicit-coordinates.yaml"), in / "two.yaml");
    auto run = run_dcmap({"render", in.path.string(), "-o", out.path.string(), "--format",
                          "png,svg", "--width", "400"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    for (std::string name : {"one.png", "one.svg", "two.png", "two.svg"})
        CHECK(std::filesystem::exists(out / name));
}

TEST_CASE("e2e: a missing folder for --layout-json fails before any map is written", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "map.png",
                          "--layout-json", dir / "no-such-folder/layout.json"});
    CHECK(run.code == 1);
    CHECK(run.err.find("no-such-folder") != std::string::npos);
    CHECK(std::filesystem::is_empty(dir.path));
}

TEST_CASE("e2e: two inputs that would write the same map are a usage error", "[e2e]") {
    e2e::TempDir a, b, out;
    std::filesystem::copy_file(fixture("e2e-explicit-coordinates.yaml"), a / "eu.yaml");
    std::filesystem::copy_file(fixture("e2e-explicit-coordinates.yaml"), b / "eu.yaml");
    auto run = run_dcmap({"render", a / "eu.yaml", b / "eu.yaml", "-o", out.path.string()});
    CHECK(run.code == 2);
    CHECK(run.err.find("two maps would be written to") != std::string::npos);
    CHECK(std::filesystem::is_empty(out.path));
}

TEST_CASE("e2e: a bad map setting in the file is reported at its line; the option overrides it",
          "[e2e]") {
    e2e::TempDir dir;
    auto run =
        run_dcmap({"render", fixture("e2e-invalid-map-projection.yaml"), "-o", dir / "map.png"});
    CHECK(run.code == 1);
    CHECK(
        run.err.find("e2e-invalid-map-projection.yaml:4:15: error: unknown projection 'robinsn'") !=
        std::string::npos);
    CHECK(std::filesystem::is_empty(dir.path));
    auto fixed = run_dcmap({"render", fixture("e2e-invalid-map-projection.yaml"), "-o",
                            dir / "map.png", "--projection", "robinson", "--width", "400"});
    CHECK(fixed.code == 0);
}

namespace {

/// Every file of a folder by name, with its bytes.
std::map<std::string, std::string> folder_bytes(const std::filesystem::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        files[entry.path().filename().string()] = read_bytes(entry.path().string());
    return files;
}

/// A folder of inputs unlike each other: the visual cases (every marker mode, CJK names,
/// orthographic), random points, and a file whose place is ambiguous (a warning).
void write_mixed_inputs(const e2e::TempDir& in) {
    for (const auto& entry :
         std::filesystem::directory_iterator(e2e::source_file("tests/visual/cases"))) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".yaml" && name.find(".style.") == std::string::npos &&
            name.find("sized") == std::string::npos)
            std::filesystem::copy_file(entry.path(), in / name);
    }
    std::ofstream random(in / "random.yaml");
    random << "title: Random points\nsites:\n";
    unsigned state = 12345;
    for (int i = 0; i < 400; ++i) {
        state = state * 1103515245u + 12345u;
        const double lat = -60 + static_cast<double>(state % 13000) / 100.0;
        state = state * 1103515245u + 12345u;
        const double lon = -180 + static_cast<double>(state % 36000) / 100.0;
        random << "  - {name: P" << i << ", provider: p" << i % 7 << ", lat: " << lat
               << ", lon: " << lon << "}\n";
    }
    std::ofstream warned(in / "warned.yaml");
    warned << "title: W\nsites:\n  - {name: A, provider: aws, location: Springfield}\n";
}

} // namespace

TEST_CASE("e2e: render -j N writes the same files, bytes and messages as -j 1, in input order",
          "[e2e]") {
    e2e::TempDir in, one, many;
    write_mixed_inputs(in);
    const auto args = [&](const e2e::TempDir& out, const std::string& jobs) {
        return std::vector<std::string>{"render",   in.path.string(),
                                        "-o",       out.path.string(),
                                        "--format", "png,svg,pdf",
                                        "--width",  "600",
                                        "-v",       "-j",
                                        jobs};
    };
    const auto serial = run_dcmap(args(one, "1"));
    const auto parallel = run_dcmap(args(many, "4"));
    INFO(serial.err);
    REQUIRE(serial.code == 0);
    CHECK(parallel.code == 0);
    // The same messages, once each output folder's name is taken out.
    const auto without = [](std::string text, const std::string& folder) {
        for (auto at = text.find(folder); at != std::string::npos; at = text.find(folder, at))
            text.replace(at, folder.size(), "OUT");
        return text;
    };
    CHECK(without(parallel.out, many.path.string()) == without(serial.out, one.path.string()));
    CHECK(parallel.err == serial.err);
    CHECK(serial.err.find("Springfield") != std::string::npos); // the warning is there
    const auto serial_files = folder_bytes(one.path);
    CHECK(serial_files.size() >= 3 * 8);
    CHECK(folder_bytes(many.path) == serial_files);
}

TEST_CASE("e2e: render -j N with one bad input writes nothing and reports like -j 1", "[e2e]") {
    e2e::TempDir in, one, many;
    write_mixed_inputs(in);
    std::ofstream(in / "m-bad.yaml") << "title: Bad\nsites:\n  - {name: A, lat: 95, lon: 0}\n";
    const auto serial = run_dcmap({"render", in.path.string(), "-o", one.path.string()});
    const auto parallel =
        run_dcmap({"render", in.path.string(), "-o", many.path.string(), "-j", "3"});
    CHECK(serial.code == 1);
    CHECK(parallel.code == 1);
    CHECK(parallel.err == serial.err);
    CHECK(parallel.err.find("m-bad.yaml:3") != std::string::npos);
    CHECK(std::filesystem::is_empty(one.path));
    CHECK(std::filesystem::is_empty(many.path));
}

TEST_CASE("e2e: validate -j N prints what -j 1 prints, in input order, with the same exit code",
          "[e2e]") {
    e2e::TempDir in;
    write_mixed_inputs(in);
    std::ofstream(in / "m-bad.yaml") << "title: Bad\nsites:\n  - {name: A, lat: 95, lon: 0}\n";
    for (const bool strict : {false, true}) {
        std::vector<std::string> args{"validate", in.path.string()};
        if (strict)
            args.push_back("--strict");
        auto serial_args = args, parallel_args = args;
        serial_args.insert(serial_args.end(), {"-j", "1"});
        parallel_args.insert(parallel_args.end(), {"-j", "3"});
        const auto serial = run_dcmap(serial_args);
        const auto parallel = run_dcmap(parallel_args);
        INFO(serial.out << serial.err);
        CHECK(serial.code == 1);
        CHECK(parallel.code == serial.code);
        CHECK(parallel.out == serial.out);
        CHECK(parallel.err == serial.err);
        CHECK(serial.out.find("random.yaml: ok (400 sites)") != std::string::npos);
        CHECK(serial.err.find("m-bad.yaml:3:") != std::string::npos);
        CHECK(serial.err.find("Springfield") != std::string::npos);
    }
}
