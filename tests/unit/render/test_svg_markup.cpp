// SVG markup: a tooltip group around every marker and aggregate, <text> elements in place of
// glyph outlines (--svg-text text), and both placed where Cairo drew the sentinels.
#include "model/error.hpp"
#include "render/render.hpp"
#include "render/svg_markup.hpp"
#include "scene.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>
#include <sstream>

using namespace dcmap;
using render::detail::aggregate_tooltip;
using render::detail::css_font_family;
using render::detail::marker_tooltip;

namespace {

std::map<std::string, render::SiteSummary> scene_sites() {
    return {{"sao", {"São Paulo", "Provider & Co", Status::live, "São Paulo, BR"}},
            {"bj", {"Beijing", "", Status::announced, "Beijing, CN"}},
            {"plan", {"Planned <one>", "P", Status::planned, ""}},
            {"uc", {"Building #2", "P", Status::under_construction, "near X (1.00°N 2.00°E)"}},
            {"old", {"Old site", "P", Status::retired, "Y"}}};
}

std::string encode_scene(render::SvgText text, MapLayout layout = {}) {
    Style style;
    auto measure = render::pango_measurer();
    if (layout.width == 0)
        layout = test::test_layout(style, measure);
    render::RenderOptions options;
    options.title = "Scene";
    options.svg_text = text;
    options.sites = scene_sites();
    return render::encode_map(layout, test::test_basemap(), style, render::Format::svg, options);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

bool xml_well_formed(const std::string& svg, const std::string& name) {
    const std::string path = test::make_temp_dir() + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    std::fwrite(svg.data(), 1, svg.size(), f);
    std::fclose(f);
    return std::system(("xmllint --noout '" + path + "' 2>/dev/null").c_str()) == 0;
}

} // namespace

TEST_CASE("render: a marker's tooltip names the site, its provider, status and place", "[render]") {
    const auto sites = scene_sites();
    CHECK(marker_tooltip("sao", sites) == "São Paulo\nProvider & Co · live\nSão Paulo, BR");
    CHECK(marker_tooltip("bj", sites) == "Beijing\nannounced\nBeijing, CN");
    CHECK(marker_tooltip("plan", sites) == "Planned <one>\nP · planned");
    CHECK(marker_tooltip("nobody", sites) == "nobody");
    // A hostile name is cut, at a character boundary.
    std::map<std::string, render::SiteSummary> long_names{
        {"x", {std::string(500, 'a') + "é", "", Status::live, ""}},
        {"y", {std::string(99, 'b') + "éé", "", Status::live, ""}}};
    const std::string cut = marker_tooltip("x", long_names);
    CHECK(cut.size() < 120);
    CHECK(cut.find("\u2026") != std::string::npos);
    const std::string y = marker_tooltip("y", long_names);
    CHECK(y.substr(0, y.find('\n')) == std::string(99, 'b') + "\u2026");
}

TEST_CASE("render: an aggregate's tooltip lists its members, bounded", "[render]") {
    std::map<std::string, render::SiteSummary> sites;
    AggregateLayout small, large;
    for (int i = 0; i < 30; ++i) {
        const std::string id = "s" + std::to_string(i);
        sites[id] = {"Site " + std::to_string(i), i % 2 ? "AWS" : "", Status::live, "P"};
        large.members.push_back(id);
        if (i < 3)
            small.members.push_back(id);
    }
    CHECK(aggregate_tooltip(small, sites) ==
          "3 sites\nSite 0 (live)\nSite 1 (AWS, live)\nSite 2 (live)");
    const std::string text = aggregate_tooltip(large, sites);
    CHECK(text.rfind("30 sites\nSite 0 (live)\n", 0) == 0);
    CHECK(text.find("Site 10 (live)\nand 19 more") != std::string::npos);
    CHECK(text.find("Site 11") == std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 12);
}

TEST_CASE("render: font families become a CSS stack with look-alikes and a generic family",
          "[render]") {
    CHECK(css_font_family("DejaVu Sans, Noto Sans CJK SC") ==
          "'DejaVu Sans','Bitstream Vera Sans','Verdana','Noto Sans CJK SC',sans-serif");
    CHECK(css_font_family("DejaVu Serif") == "'DejaVu Serif','Bitstream Vera Serif',serif");
    CHECK(css_font_family("Fira Mono") == "'Fira Mono',monospace");
    CHECK(css_font_family("Inter, sans-serif") == "'Inter',sans-serif");
    CHECK(css_font_family("Evil'\";<Font>") == "'EvilFont',sans-serif");
    CHECK(css_font_family("") == "sans-serif");
}

TEST_CASE("render: every marker of an SVG is a group whose title names its site", "[render]") {
    for (auto mode : {render::SvgText::text, render::SvgText::paths}) {
        const std::string svg = encode_scene(mode);
        INFO((mode == render::SvgText::text ? "text" : "paths"));
        CHECK(count(svg, "<g class=\"dcmap-site\"><title>") == 5);
        CHECK(svg.find("<title>São Paulo\nProvider &amp; Co · live\nSão Paulo, BR</title>") !=
              std::string::npos);
        CHECK(svg.find("<title>Planned &lt;one&gt;\nP · planned</title>") != std::string::npos);
        // '#' is written as a reference, so no later pass takes it for an id reference.
        CHECK(svg.find("<title>Building &#35;2\n") != std::string::npos);
        // No sentinel survives.
        CHECK(svg.find("1.23%,4.56%") == std::string::npos);
        CHECK(xml_well_formed(svg, "scene.svg"));
        // Each group holds the marker's drawing: paths before its close.
        const std::size_t open = svg.find("<g class=\"dcmap-site\">");
        const std::size_t close = svg.find("</g>", open);
        CHECK(svg.find("<path", open) < close);
    }
}

TEST_CASE("render: text mode writes each label and text block as <text> at Pango's baseline",
          "[render]") {
    const std::string text = encode_scene(render::SvgText::text);
    const std::string paths = encode_scene(render::SvgText::paths);
    for (const char* words : {"São Paulo", "北京", "Test sites", "Hand-made scene", "Source: tests",
                              "Status", "Live (1)", "Announced", "Retired"}) {
        INFO(words);
        CHECK(text.find(std::string("\">") + words + "</text>") != std::string::npos);
        CHECK(paths.find(std::string(">") + words + "<") == std::string::npos);
    }
    CHECK(paths.find("<text") == std::string::npos);
    CHECK(text.find("glyph") == std::string::npos);
    CHECK(paths.find("glyph") != std::string::npos);
    CHECK(text.size() < paths.size());
    // Labels carry a halo painted under the fill; the title has none.
    std::ostringstream label_size;
    label_size << Style{}.label_font.size;
    CHECK(std::regex_search(
        text, std::regex("<text [^>]*style=\"font-family:'DejaVu Sans',[^\"]*;font-size:" +
                         label_size.str() +
                         "px;fill:#[0-9a-f]{6};stroke:#ffffff;stroke-opacity:0.9[0-9]*;"
                         "stroke-width:6;stroke-linejoin:round;paint-order:stroke\">São "
                         "Paulo</text>")));
    CHECK(std::regex_search(
        text, std::regex("<text [^>]*font-size:28px;font-weight:700;fill:#[0-9a-f]{6}\">Test "
                         "sites</text>")));
    // The title's top-left is (16, 12): its baseline lies one ascent (about 0.93 em for DejaVu
    // Sans at 28 px) lower, and its text starts at its left edge.
    std::smatch m;
    REQUIRE(std::regex_search(text, m,
                              std::regex("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*>Test "
                                         "sites<")));
    CHECK(std::stod(m[1]) == Approx(16).margin(0.01));
    CHECK(std::stod(m[2]) > 12 + 28 * 0.8);
    CHECK(std::stod(m[2]) < 12 + 28 * 1.0);
    CHECK(xml_well_formed(text, "text.svg"));
}

TEST_CASE("render: multi-line and right-aligned labels get one <text> per line, anchored",
          "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    MapLayout layout = test::test_layout(style, measure);
    // A two-line label left of the "uc" marker (x 290): right-aligned towards it.
    layout.labels.push_back(
        test::label("uc", "Frankfurt\nAWS, Azure", 200, 100, measure, style.label_font));
    layout.labels.back().box.max_x = 280;
    layout.labels.back().box.min_x = 280 - measure("Frankfurt\nAWS, Azure", style.label_font).width;
    const std::string svg = encode_scene(render::SvgText::text, layout);
    std::smatch first, second;
    REQUIRE(std::regex_search(
        svg, first,
        std::regex("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" text-anchor=\"end\"[^>]*>"
                   "Frankfurt</text>")));
    REQUIRE(std::regex_search(
        svg, second,
        std::regex("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" text-anchor=\"end\"[^>]*>"
                   "AWS, Azure</text>")));
    CHECK(std::stod(first[1]) == Approx(280).margin(0.02));
    CHECK(std::stod(second[1]) == Approx(280).margin(0.02));
    // One line's height apart (about 1.16 em for DejaVu Sans).
    CHECK(std::stod(second[2]) - std::stod(first[2]) ==
          Approx(style.label_font.size * 1.164).margin(0.5));
}

TEST_CASE("render: aggregates and inset markers are groups too, even one its clip hides",
          "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    MapLayout layout = test::test_layout(style, measure);
    AggregateLayout a;
    a.id = "+sao";
    a.x = 200;
    a.y = 200;
    a.r = 10;
    a.members = {"sao", "bj"};
    a.segments = {{test::kRed, 1}, {test::kBlue, 1}};
    a.count_font = style.label_font;
    layout.aggregates.push_back(a);
    InsetLayout inset;
    inset.box = Box{300, 200, 390, 290};
    inset.transform = {0, 300, 1, 0, 0};
    inset.markers = {test::marker("old", 340, 250, Status::live, test::kRed),
                     // Drawn outside its inset's frame: clipped away entirely.
                     test::marker("plan", 10, 10, Status::live, test::kRed)};
    layout.insets.push_back(inset);
    for (auto mode : {render::SvgText::text, render::SvgText::paths}) {
        const std::string svg = encode_scene(mode, layout);
        CHECK(count(svg, "<g class=\"dcmap-aggregate\"><title>2 sites\nSão Paulo (Provider &amp; "
                         "Co, live)\nBeijing (announced)</title>") == 1);
        // Five on the main map, two in the inset.
        CHECK(count(svg, "<g class=\"dcmap-site\">") == 7);
        CHECK(xml_well_formed(svg, "aggregate.svg"));
        if (mode == render::SvgText::text)
            CHECK(svg.find(">2</text>") != std::string::npos);
    }
}

TEST_CASE("render: sentinels and recorded pieces must pair up", "[render]") {
    const std::map<std::string, render::SiteSummary> none;
    render::detail::SvgMarkup markup(render::SvgText::text, none);
    const std::string svg =
        "<svg>\n<path style=\"fill:rgb(1.23%,4.56%,7.89%);\" d=\"M0 0\"/>\n</svg>";
    CHECK_THROWS_AS(markup.with_markup(svg), Error);
    CHECK(markup.with_markup("<svg/>") == "<svg/>");
}
