// End to end: SVGs for the web. Every marker a group with a tooltip naming its site, every
// label a <text> element in text mode, both modes well-formed XML, and the two modes drawing
// the same map when rasterised (rsvg-convert).
#include "e2e_support.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>
#include <cpl_json.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>

using e2e::fixture;
using e2e::read_bytes;
using e2e::run_dcmap;

namespace {

CPLJSONObject load_json(const std::string& path) {
    CPLJSONDocument doc;
    REQUIRE(doc.Load(path));
    return doc.GetRoot();
}

/// As the SVG writes text: XML-escaped, '#' as a character reference.
std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '#':
            out += "&#35;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

/// Site key -> name, from the --resolved GeoJSON.
std::map<std::string, std::string> site_names(const std::string& resolved) {
    std::map<std::string, std::string> out;
    for (const auto& f : load_json(resolved).GetArray("features")) {
        const auto p = f.GetObj("properties");
        out[p.GetString("key")] = p.GetString("name");
    }
    return out;
}

/// Every marker's id and every label's text, on the main map and in the insets.
struct Drawn {
    std::vector<std::string> markers;
    std::vector<std::string> labels;
    std::size_t aggregates = 0;
};

void collect(const CPLJSONObject& from, Drawn& out) {
    for (const auto& m : from.GetArray("markers"))
        out.markers.push_back(m.GetString("id"));
    for (const auto& l : from.GetArray("labels"))
        out.labels.push_back(l.GetString("text"));
    out.aggregates += static_cast<std::size_t>(from.GetArray("aggregates").Size());
}

Drawn drawn(const std::string& layout_json) {
    const CPLJSONObject root = load_json(layout_json);
    Drawn out;
    collect(root, out);
    for (const auto& inset : root.GetArray("insets"))
        collect(inset, out);
    return out;
}

bool xmllint_ok(const std::string& path) {
    return std::system(("xmllint --noout '" + path + "' 2>/dev/null").c_str()) == 0;
}

/// Mean and largest difference of two same-sized images, per channel (0..255), over RGB.
struct PixelDifference {
    double mean = 0;
    int max = 0;
    double share_over_64 = 0; ///< share of pixels with a channel off by more than 64
};

PixelDifference compare_png(const std::string& a_path, const std::string& b_path) {
    cairo_surface_t* a = cairo_image_surface_create_from_png(a_path.c_str());
    cairo_surface_t* b = cairo_image_surface_create_from_png(b_path.c_str());
    REQUIRE(cairo_surface_status(a) == CAIRO_STATUS_SUCCESS);
    REQUIRE(cairo_surface_status(b) == CAIRO_STATUS_SUCCESS);
    const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    REQUIRE(cairo_image_surface_get_width(b) == w);
    REQUIRE(cairo_image_surface_get_height(b) == h);
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    PixelDifference d;
    double sum = 0;
    long over = 0;
    for (int y = 0; y < h; ++y) {
        const auto* ra = reinterpret_cast<const std::uint32_t*>(
            cairo_image_surface_get_data(a) + y * cairo_image_surface_get_stride(a));
        const auto* rb = reinterpret_cast<const std::uint32_t*>(
            cairo_image_surface_get_data(b) + y * cairo_image_surface_get_stride(b));
        for (int x = 0; x < w; ++x) {
            int worst = 0;
            for (int shift : {0, 8, 16}) {
                const int diff = std::abs(static_cast<int>((ra[x] >> shift) & 0xff) -
                                          static_cast<int>((rb[x] >> shift) & 0xff));
                sum += diff;
                worst = std::max(worst, diff);
            }
            d.max = std::max(d.max, worst);
            over += worst > 64;
        }
    }
    d.mean = sum / (3.0 * w * h);
    d.share_over_64 = static_cast<double>(over) / (static_cast<double>(w) * h);
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return d;
}

bool have_rsvg() { return std::system("command -v rsvg-convert >/dev/null 2>&1") == 0; }

} // namespace

TEST_CASE("e2e: every SVG marker is a group whose tooltip names its site, and text mode writes "
          "every label as a text element",
          "[e2e]") {
    struct Case {
        std::string input;
        std::vector<std::string> extra;
    };
    const std::vector<Case> cases = {
        {fixture("layout-five-providers.yaml"), {"--width", "700"}},
        {fixture("layout-five-providers.yaml"), {"--width", "1800", "--markers", "clusters"}},
        {fixture("e2e-dense-europe.yaml"), {"--width", "480", "--inset", "auto"}},
        {e2e::source_file("regions/alibaba-cloud.yaml"), {"--width", "300"}},
        {e2e::source_file("regions/aws-azure-gcp.yaml"), {"--width", "1200"}},
    };
    std::size_t aggregates_seen = 0;
    for (const auto& c : cases) {
        for (const std::string mode : {"text", "paths"}) {
            e2e::TempDir dir;
            std::vector<std::string> args = {
                "render", c.input,         "-o",           dir / "m.svg", "--svg-text",
                mode,     "--layout-json", dir / "m.json", "--resolved",  dir / "m.geojson"};
            args.insert(args.end(), c.extra.begin(), c.extra.end());
            const auto run = run_dcmap(args);
            INFO(c.input << " " << c.extra.front() << " " << c.extra.back() << " " << mode << "\n"
                         << run.err);
            REQUIRE(run.code == 0);
            const std::string svg = read_bytes(dir / "m.svg");
            const auto names = site_names(dir / "m.geojson");
            const Drawn map = drawn(dir / "m.json");
            REQUIRE(!map.markers.empty());
            CHECK(xmllint_ok(dir / "m.svg"));
            CHECK(count(svg, "<g class=\"dcmap-site\"><title>") == map.markers.size());
            CHECK(count(svg, "<g class=\"dcmap-aggregate\"><title>") == map.aggregates);
            aggregates_seen += map.aggregates;
            for (const auto& id : map.markers) {
                REQUIRE(names.count(id) == 1);
                CHECK(svg.find("<g class=\"dcmap-site\"><title>" + escaped(names.at(id)) + "\n") !=
                      std::string::npos);
            }
            if (mode == "paths") {
                CHECK(svg.find("<text") == std::string::npos);
                continue;
            }
            CHECK(svg.find("glyph") == std::string::npos);
            REQUIRE(!map.labels.empty());
            for (const auto& text : map.labels) {
                std::size_t start = 0;
                while (start <= text.size()) {
                    const std::size_t end = std::min(text.find('\n', start), text.size());
                    const std::string line = text.substr(start, end - start);
                    INFO(line);
                    CHECK(std::regex_search(
                        svg, std::regex("<text [^>]*>" +
                                        std::regex_replace(escaped(line),
                                                           std::regex(R"([.^$|()\[\]{}*+?\\])"),
                                                           R"(\$&)") +
                                        "</text>")));
                    start = end + 1;
                }
            }
        }
    }
    CHECK(aggregates_seen > 0);
}

TEST_CASE("e2e: text-mode and paths-mode SVGs rasterise to nearly the same pixels", "[e2e]") {
    if (!have_rsvg()) {
        WARN("rsvg-convert not installed (librsvg2-bin); skipped");
        return;
    }
    e2e::TempDir dir;
    for (const std::string width : {"500", "1600"}) {
        REQUIRE(run_dcmap({"render", e2e::source_file("regions/alibaba-cloud.yaml"), "-o",
                           dir / "text.svg", "--width", width})
                    .code == 0);
        REQUIRE(run_dcmap({"render", e2e::source_file("regions/alibaba-cloud.yaml"), "-o",
                           dir / "paths.svg", "-o", dir / "map.png", "--svg-text", "paths",
                           "--width", width})
                    .code == 0);
        for (const char* name : {"text", "paths"})
            REQUIRE(std::system(("rsvg-convert '" + (dir / (std::string(name) + ".svg")) +
                                 "' -o '" + (dir / (std::string(name) + ".png")) + "'")
                                    .c_str()) == 0);
        const PixelDifference modes = compare_png(dir / "text.png", dir / "paths.png");
        const PixelDifference paths = compare_png(dir / "paths.png", dir / "map.png");
        INFO("width " << width << ": text vs paths mean " << modes.mean << " max " << modes.max
                      << " over-64 share " << modes.share_over_64 << "; paths vs PNG mean "
                      << paths.mean << " max " << paths.max);
        // The words are drawn by librsvg's Pango instead of Cairo's glyph outlines: edges of
        // letters differ by a shade, nothing moves.
        CHECK(modes.mean < 0.5);
        CHECK(modes.share_over_64 < 0.002);
        // The SVG in paths mode is the PNG's drawing; librsvg antialiases the small glyph
        // outlines differently, which on a 500 px map (mostly words) is ~3 levels on average.
        CHECK(paths.mean < 4);
        CHECK(paths.share_over_64 < 0.03);
    }
}
