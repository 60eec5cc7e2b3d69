// Maps sized for the page they land on (issue 8): physical sizes and dpi, size presets, text
// that keeps its size in points, and canvases shaped by their content. Every check runs the
// whole command and reads what it wrote: --layout-json (px boxes and the dpi), PNG headers,
// the SVG root element and the PDF page box.
#include "e2e_support.hpp"

#include <catch2/catch.hpp>
#include <cpl_json.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <random>
#include <regex>
#include <string>
#include <vector>

namespace {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(double w, double h) const {
        return x0 >= -0.5 && y0 >= -0.5 && x1 <= w + 0.5 && y1 <= h + 0.5;
    }
};

Box box_of(const CPLJSONObject& o) {
    const double x = o.GetDouble("x"), y = o.GetDouble("y");
    return {x, y, x + o.GetDouble("w"), y + o.GetDouble("h")};
}

struct Rendered {
    CPLJSONObject layout;
    std::string png;
};

Rendered render(const std::string& input, std::vector<std::string> options,
                const std::string& output = "map.png") {
    e2e::TempDir dir;
    std::vector<std::string> args = {"render",     input,           "-o",
                                     dir / output, "--layout-json", dir / "layout.json"};
    args.insert(args.end(), options.begin(), options.end());
    const auto run = e2e::run_dcmap(args);
    INFO(run.err);
    REQUIRE(run.code == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "layout.json"));
    return {doc.GetRoot(), e2e::read_bytes(dir / output)};
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<unsigned char>(bytes.at(at + i));
    return v;
}

struct PngHeader {
    std::uint32_t width = 0, height = 0, per_metre = 0;
};

PngHeader png_header(const std::string& png) {
    REQUIRE(png.compare(1, 3, "PNG") == 0);
    PngHeader h{big_endian(png, 16), big_endian(png, 20), 0};
    const auto phys = png.find("pHYs");
    REQUIRE(phys != std::string::npos);
    h.per_metre = big_endian(png, phys + 4);
    return h;
}

/// Heights of every label in points: px * 72 / dpi.
std::vector<double> label_points(const CPLJSONObject& layout) {
    const double dpi = layout.GetDouble("dpi");
    std::vector<double> out;
    for (const auto& l : layout.GetArray("labels"))
        out.push_back(l.GetDouble("h") * 72 / dpi);
    std::sort(out.begin(), out.end());
    return out;
}

double median(std::vector<double> v) {
    REQUIRE(!v.empty());
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

/// Writes `count` sites at seeded random points over the inhabited latitudes to `path`.
void write_random_sites(const std::string& path, int count, unsigned seed) {
    std::ofstream f(path);
    f << "title: Generated sites\nsites:\n";
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lat(-60, 75), lon(-180, 180);
    for (int i = 0; i < count; ++i)
        f << "  - {id: s" << i << ", name: Site " << i << ", lat: " << lat(rng)
          << ", lon: " << lon(rng) << "}\n";
}

/// How many of the layout's sites are named nowhere.
int unnamed_sites(const CPLJSONObject& layout) {
    const auto sites = layout.GetArray("sites");
    int unnamed = 0;
    for (int i = 0; i < sites.Size(); ++i)
        unnamed += sites[i].GetString("outcome") == "unlabelled";
    return unnamed;
}

} // namespace

TEST_CASE("page: a physical width at two dpis gives the same page in points", "[e2e][page]") {
    const std::string input = e2e::source_file("regions/alibaba-cloud.yaml");
    const Rendered fine = render(input, {"--width", "16cm", "--dpi", "300"});
    const Rendered coarse = render(input, {"--width", "16cm", "--dpi", "150"});
    CHECK(fine.layout.GetDouble("dpi") == 300);
    CHECK(coarse.layout.GetDouble("dpi") == 150);
    // 16 cm = 6.30 in: 1890 px at 300 dpi, 945 at 150.
    CHECK(fine.layout.GetDouble("width") == 1890);
    CHECK(coarse.layout.GetDouble("width") == 945);
    const PngHeader fine_png = png_header(fine.png), coarse_png = png_header(coarse.png);
    CHECK(fine_png.width == 1890);
    CHECK(coarse_png.width == 945);
    CHECK(fine_png.per_metre == 11811);  // 300 dpi
    CHECK(coarse_png.per_metre == 5906); // 150 dpi
    // The same page: its height in inches, and the labels' heights in points.
    CHECK(std::abs(fine_png.height / 300.0 - coarse_png.height / 150.0) < 0.02);
    const auto fine_pt = label_points(fine.layout), coarse_pt = label_points(coarse.layout);
    REQUIRE(fine_pt.size() >= 10);
    CHECK(std::abs(median(fine_pt) - median(coarse_pt)) < 0.5);
    CHECK(std::abs(fine_pt.front() - coarse_pt.front()) < 0.5);
    // A label reads at report size: 9 pt type gives a label box of about 10-12 pt.
    CHECK(fine_pt.front() >= 8);
    // Absent --dpi, a length means print: 300 dpi.
    const Rendered by_default = render(input, {"--width", "160mm"});
    CHECK(by_default.layout.GetDouble("dpi") == 300);
    CHECK(by_default.layout.GetDouble("width") == 1890);
}

TEST_CASE("page: pixel sizes keep their pixels whatever the dpi", "[e2e][page]") {
    const std::string input = e2e::fixture("e2e-dense-europe.yaml");
    const Rendered plain = render(input, {"--width", "800"});
    CHECK(plain.layout.GetDouble("width") == 800);
    CHECK(plain.layout.GetDouble("dpi") == 96);
    CHECK(png_header(plain.png).per_metre == 3780); // 96 dpi
    const Rendered dense = render(input, {"--width", "800px", "--dpi", "192"});
    CHECK(dense.layout.GetDouble("width") == 800);
    CHECK(dense.layout.GetDouble("scale") == Approx(2.0));
    // Twice the dpi on the same pixels: text twice as many pixels tall, the same in points.
    CHECK(median(label_points(dense.layout)) ==
          Approx(median(label_points(plain.layout))).epsilon(0.15));
}

TEST_CASE("page: size presets", "[e2e][page]") {
    const std::string input = e2e::source_file("regions/alibaba-cloud.yaml");
    const PngHeader report = png_header(render(input, {"--size", "report"}).png);
    CHECK(report.width == 1890);
    CHECK(report.per_metre == 11811);
    const PngHeader slide = png_header(render(input, {"--size", "slide"}).png);
    CHECK(slide.width == 1280);
    CHECK(slide.height == 720);
    const PngHeader web = png_header(render(input, {"--size", "web"}).png);
    CHECK(web.width == 720);
    // An explicit width refines the preset: the report's dpi, another width.
    const Rendered narrow = render(input, {"--size", "report", "--width", "8cm"});
    CHECK(narrow.layout.GetDouble("width") == 945);
    CHECK(narrow.layout.GetDouble("dpi") == 300);
}

TEST_CASE("page: the file's map: takes sizes with units and presets", "[e2e][page]") {
    e2e::TempDir dir;
    {
        std::ofstream f(dir / "sized.yaml");
        f << "title: Sized\nmap:\n  width: 6.5in\n  dpi: 200\nsites:\n"
             "  - {name: Frankfurt, lat: 50.11, lon: 8.68, provider: aws}\n";
    }
    const Rendered sized = render(dir / "sized.yaml", {});
    CHECK(sized.layout.GetDouble("width") == 1300);
    CHECK(sized.layout.GetDouble("dpi") == 200);
    {
        std::ofstream f(dir / "bad-unit.yaml");
        f << "title: Bad\nmap:\n  width: 16furlongs\nsites:\n"
             "  - {name: Frankfurt, lat: 50.11, lon: 8.68, provider: aws}\n";
    }
    const auto bad = e2e::run_dcmap({"validate", dir / "bad-unit.yaml"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad-unit.yaml:3:10: error: width has an unknown unit") !=
          std::string::npos);
    const auto bad_option = e2e::run_dcmap(
        {"render", dir / "sized.yaml", "-o", dir / "x.png", "--width", "16 parsecs"});
    CHECK(bad_option.code == 2);
    CHECK(bad_option.err.find("unknown unit") != std::string::npos);
    const auto bad_dpi =
        e2e::run_dcmap({"render", dir / "sized.yaml", "-o", dir / "x.png", "--dpi", "nan"});
    CHECK(bad_dpi.code == 2);
}

TEST_CASE("page: SVG and PDF carry the physical size", "[e2e][page]") {
    e2e::TempDir dir;
    const std::string input = e2e::source_file("regions/alibaba-cloud.yaml");
    REQUIRE(e2e::run_dcmap(
                {"render", input, "-o", dir / "map.svg", "-o", dir / "map.pdf", "--width", "16cm"})
                .code == 0);
    const std::string svg = e2e::read_bytes(dir / "map.svg");
    const std::string root = svg.substr(svg.find("<svg"), svg.find('>', svg.find("<svg")));
    CHECK(root.find("width=\"16cm\"") != std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(root, m, std::regex("height=\"([0-9.]+)cm\"")));
    const double svg_height_cm = std::stod(m[1]);
    CHECK(root.find("viewBox=\"0 0 1890 ") != std::string::npos);
    const std::string pdf = e2e::read_bytes(dir / "map.pdf");
    REQUIRE(std::regex_search(pdf, m, std::regex("/MediaBox \\[ ?0 0 ([0-9.]+) ([0-9.]+) ?\\]")));
    CHECK(std::stod(m[1]) == Approx(16 / 2.54 * 72).margin(0.5)); // 453.5 pt
    CHECK(std::stod(m[2]) == Approx(svg_height_cm / 2.54 * 72).margin(0.5));
}

TEST_CASE("page: title, legend and labels stay on the canvas and off the markers at every width",
          "[e2e][page]") {
    const std::string input = e2e::source_file("regions/aws-azure-gcp.yaml");
    for (const char* width : {"300", "400", "600", "800", "1280", "2400", "3840"}) {
        INFO("width " << width);
        const Rendered r = render(input, {"--width", width});
        const double w = r.layout.GetDouble("width"), h = r.layout.GetDouble("height");
        const Box title = box_of(r.layout.GetObj("title"));
        CHECK(title.inside(w, h));
        std::vector<Box> markers;
        for (const auto& m : r.layout.GetArray("markers")) {
            const double x = m.GetDouble("x"), y = m.GetDouble("y"), rr = m.GetDouble("r");
            markers.push_back({x - rr, y - rr, x + rr, y + rr});
        }
        for (const auto& a : r.layout.GetArray("aggregates")) {
            const double x = a.GetDouble("x"), y = a.GetDouble("y"), rr = a.GetDouble("r");
            markers.push_back({x - rr, y - rr, x + rr, y + rr});
        }
        const auto legend = r.layout.GetObj("legend");
        if (legend.IsValid() && legend.GetType() == CPLJSONObject::Type::Object) {
            const Box lb = box_of(legend);
            CHECK(lb.inside(w, h));
            for (const Box& mb : markers)
                CHECK_FALSE(lb.overlaps(mb));
        }
        for (const auto& l : r.layout.GetArray("labels"))
            CHECK(box_of(l).inside(w, h));
    }
}

TEST_CASE("page: the canvas follows the content", "[e2e][page]") {
    const std::string input = e2e::source_file("regions/alibaba-cloud.yaml");
    SECTION("a web-mercator world crops the empty polar latitudes") {
        const Rendered r = render(input, {"--projection", "web-mercator", "--width", "2400"});
        const double aspect = r.layout.GetDouble("height") / r.layout.GetDouble("width");
        CHECK(aspect < 0.85); // the whole square world was 2400 x 2469
        CHECK(aspect > 0.5);
        for (const auto& m : r.layout.GetArray("markers"))
            CHECK(m.GetDouble("y") < r.layout.GetDouble("height"));
    }
    SECTION("a tall region becomes at most square") {
        e2e::TempDir dir;
        {
            std::ofstream f(dir / "americas.yaml");
            f << "title: North and South\nsites:\n"
                 "  - {name: Anchorage, lat: 61.2, lon: -149.9, provider: aws}\n"
                 "  - {name: Santiago, lat: -33.45, lon: -70.67, provider: aws}\n"
                 "  - {name: Punta Arenas, lat: -53.16, lon: -70.91, provider: gcp}\n";
        }
        const Rendered r = render(dir / "americas.yaml", {"--extent", "auto", "--width", "1200"});
        CHECK(r.layout.GetDouble("height") <= 1200 * 1.25); // square map plus title and footer
        int markers = 0;
        const Box frame = box_of(r.layout.GetObj("map_frame"));
        for (const auto& m : r.layout.GetArray("markers")) {
            ++markers;
            CHECK(m.GetDouble("x") > frame.x0);
            CHECK(m.GetDouble("x") < frame.x1);
            CHECK(m.GetDouble("y") > frame.y0);
            CHECK(m.GetDouble("y") < frame.y1);
        }
        CHECK(markers == 3);
    }
    SECTION("a given wide canvas is filled, not letterboxed") {
        // Sites within one continent leave room to crop the world to them; sites from Sydney to
        // London do not, and the world is cropped only as far as they allow.
        e2e::TempDir dir;
        {
            std::ofstream f(dir / "europe.yaml");
            f << "title: Europe\nsites:\n"
                 "  - {name: Dublin, lat: 53.35, lon: -6.26, provider: aws}\n"
                 "  - {name: Frankfurt, lat: 50.11, lon: 8.68, provider: gcp}\n"
                 "  - {name: Madrid, lat: 40.42, lon: -3.70, provider: azure}\n"
                 "  - {name: Stockholm, lat: 59.33, lon: 18.07, provider: aws}\n";
        }
        for (const auto& [file, fill] :
             {std::pair{dir / "europe.yaml", 0.95}, std::pair{input, 0.55}})
            for (const char* projection : {"equal-earth", "web-mercator", "robinson"}) {
                INFO(projection << " " << file);
                const Rendered r = render(
                    file, {"--projection", projection, "--width", "4000", "--height", "900"});
                const Box frame = box_of(r.layout.GetObj("map_frame"));
                const double w = r.layout.GetDouble("width");
                // The frame spans the canvas between the margins (24 px each side).
                CHECK(frame.x1 - frame.x0 > fill * (w - 48));
                int inside = 0, total = 0;
                for (const auto& m : r.layout.GetArray("markers")) {
                    ++total;
                    inside += m.GetDouble("y") >= frame.y0 && m.GetDouble("y") <= frame.y1;
                }
                CHECK(inside == total);
            }
    }
}

TEST_CASE("page: a given height leaves no empty band under a map that names every site",
          "[e2e][page]") {
    // The band made for a key that the shrunken map then did not need was left blank under
    // the map: 61 px at 900x600 here. Such a map now sits halfway, so the blank under it
    // exceeds the blank above it by the footer's room alone, as on a page without a band.
    const std::string input = e2e::source_file("regions/alibaba-cloud.yaml");
    int checked = 0;
    for (const auto& [width, height] :
         {std::pair{"900", "600"}, std::pair{"1280", "720"}, std::pair{"2400", "1200"}}) {
        INFO(width << "x" << height);
        const Rendered r = render(input, {"--width", width, "--height", height});
        if (r.layout.GetArray("key").Size() > 0)
            continue;
        ++checked;
        const Box frame = box_of(r.layout.GetObj("map_frame"));
        const Box title = box_of(r.layout.GetObj("title"));
        const double above = frame.y0 - title.y1;
        const double below = r.layout.GetDouble("height") - frame.y1;
        INFO("blank above the map " << above << " px, below " << below << " px");
        CHECK(below - above <= 60);
    }
    CHECK(checked >= 2);
}

TEST_CASE("page: a wide page keeps its legend and key in a column beside a height-bound map",
          "[e2e][page]") {
    // At 600x400 the two-line title left the map 183x74 px above a band holding the legend,
    // and all 153 regions went unnamed. A column beside the map leaves it twice as tall.
    const std::string input = e2e::source_file("regions/aws-azure-gcp.yaml");
    for (const auto& [width, height] : {std::pair{600, 400}, std::pair{800, 450}}) {
        INFO(width << "x" << height);
        const Rendered r =
            render(input, {"--width", std::to_string(width), "--height", std::to_string(height)});
        const Box frame = box_of(r.layout.GetObj("map_frame"));
        CHECK(frame.y1 - frame.y0 >= 0.4 * height);
        const Box legend = box_of(r.layout.GetObj("legend"));
        CHECK(legend.x0 >= frame.x1);
        CHECK(legend.inside(width, height));
        const auto sites = r.layout.GetArray("sites");
        const int unnamed = unnamed_sites(r.layout);
        INFO(unnamed << " of " << sites.Size() << " sites unnamed");
        CHECK(unnamed * 10 <= sites.Size());
    }
}

TEST_CASE("page: a column beside the map lists as much key as its room holds", "[e2e][page]") {
    // The column's key was bounded as a band under the map would be, by a share of the map's
    // height: 1,000 random sites at 600x400 listed 4 entries over 100 px of empty column and
    // left 494 sites unnamed.
    e2e::TempDir dir;
    write_random_sites(dir / "random.yaml", 1000, 7);
    int columns = 0;
    for (const auto& [width, height] : {std::pair{600, 400}, std::pair{700, 400}}) {
        INFO(width << "x" << height);
        const Rendered r = render(dir / "random.yaml", {"--width", std::to_string(width),
                                                        "--height", std::to_string(height)});
        const Box frame = box_of(r.layout.GetObj("map_frame"));
        if (box_of(r.layout.GetObj("key_box")).x0 < frame.x1)
            continue; // a band under the map
        ++columns;
        const auto sites = r.layout.GetArray("sites");
        const int unnamed = unnamed_sites(r.layout);
        INFO(unnamed << " unnamed, " << r.layout.GetArray("key").Size() << " key entries");
        CHECK(unnamed * 10 <= sites.Size());
    }
    CHECK(columns >= 1);
}

TEST_CASE("page: a given height's key stands beside the legend rather than under it",
          "[e2e][page]") {
    // One key entry too wide to stand whole beside the legend went under it, doubling the band:
    // at 720x480 the map fell from 549x223 to 364x148 px and 42 regions went unnamed. It now
    // stands beside the legend, shortened.
    const std::string input = e2e::source_file("regions/aws-azure-gcp.yaml");
    const Rendered r = render(input, {"--width", "720", "--height", "480"});
    const Box frame = box_of(r.layout.GetObj("map_frame"));
    CHECK(frame.y1 - frame.y0 >= 0.4 * 480);
    const Box legend = box_of(r.layout.GetObj("legend"));
    const Box key = box_of(r.layout.GetObj("key_box"));
    CHECK(key.x0 >= legend.x1);
    CHECK(key.inside(720, 480));
    const auto sites = r.layout.GetArray("sites");
    const int unnamed = unnamed_sites(r.layout);
    CHECK(unnamed * 10 <= sites.Size());
}

TEST_CASE("page: a density legend in a column beside the map stays on the page", "[e2e][page]") {
    // The column was sized for the markers' legend of the first layout; the density legend of
    // the map beside it is wider and ran 18 px off the page's right edge (5,000 sites, 500x300).
    e2e::TempDir dir;
    write_random_sites(dir / "dense.yaml", 5000, 11);
    for (const auto& [width, height] :
         {std::pair{400, 300}, std::pair{450, 300}, std::pair{500, 300}, std::pair{640, 360}}) {
        INFO(width << "x" << height);
        const Rendered r = render(dir / "dense.yaml", {"--width", std::to_string(width), "--height",
                                                       std::to_string(height)});
        CHECK(box_of(r.layout.GetObj("legend")).inside(width, height));
    }
}
