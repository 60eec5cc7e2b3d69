// SVG post-processing for the web: per-map id prefixes, accessible metadata; PNG text chunks
// and the PDF creation date.
#include "model/error.hpp"
#include "render/render.hpp"
#include "render/svg_ids.hpp"
#include "scene.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace dcmap;

namespace {

std::string encode_scene(render::Format format, const render::RenderOptions& options,
                         MapLayout layout = {}) {
    Style style;
    auto measure = render::pango_measurer();
    if (layout.width == 0)
        layout = test::test_layout(style, measure);
    return render::encode_map(layout, test::test_basemap(), style, format, options);
}

std::set<std::string> matches(const std::string& text, const std::regex& pattern) {
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
         it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}

} // namespace

TEST_CASE("render: every SVG id and reference to it gets the prefix", "[render]") {
    const std::string svg = "<svg><defs><g id=\"glyph0-1\"/><clipPath id=\"clip1\"/></defs>"
                            "<use xlink:href=\"#glyph0-1\"/><g clip-path=\"url(#clip1)\"/>"
                            "<a href=\"#elsewhere\"/><text>id=\"clip1\"</text></svg>";
    CHECK(render::detail::with_prefixed_svg_ids(svg, "m1-") ==
          "<svg><defs><g id=\"m1-glyph0-1\"/><clipPath id=\"m1-clip1\"/></defs>"
          "<use xlink:href=\"#m1-glyph0-1\"/><g clip-path=\"url(#m1-clip1)\"/>"
          "<a href=\"#elsewhere\"/><text>id=\"clip1\"</text></svg>");
    CHECK(render::detail::with_prefixed_svg_ids(svg, "") == svg);
    CHECK_THROWS_AS(render::detail::with_prefixed_svg_ids(svg, "1abc"), Error);
    CHECK_THROWS_AS(render::detail::with_prefixed_svg_ids(svg, "a\"b"), Error);
}

TEST_CASE("render: the default id prefix follows the file name and the content", "[render]") {
    using render::detail::default_svg_id_prefix;
    CHECK(render::detail::svg_id_name("2025 map (EU)") == "m2025mapEU");
    CHECK(render::detail::svg_id_name("") == "map");
    const std::string a = default_svg_id_prefix("alibaba-cloud", "<svg>a</svg>");
    CHECK(std::regex_match(a, std::regex("alibaba-cloud-[0-9a-f]{8}-")));
    CHECK(a == default_svg_id_prefix("alibaba-cloud", "<svg>a</svg>"));
    CHECK(a != default_svg_id_prefix("alibaba-cloud", "<svg>b</svg>"));
}

TEST_CASE("render: an SVG's ids all carry its prefix and every reference resolves", "[render]") {
    render::RenderOptions options;
    options.title = "Test map";
    options.description = "Five sites";
    options.svg_name = "scene";
    options.svg_text = render::SvgText::paths; // glyph outlines: the most ids
    const std::string svg = encode_scene(render::Format::svg, options);
    const auto ids = matches(svg, std::regex(" id=\"([^\"]+)\""));
    REQUIRE(ids.size() > 3);
    const std::string prefix = ids.begin()->substr(0, ids.begin()->find('-', 6) + 1);
    CHECK(std::regex_match(prefix, std::regex("scene-[0-9a-f]{8}-")));
    for (const auto& id : ids)
        CHECK(id.rfind(prefix, 0) == 0);
    auto refs = matches(svg, std::regex("url\\(#([^)]+)\\)"));
    for (const auto& r : matches(svg, std::regex("href=\"#([^\"]+)\"")))
        refs.insert(r);
    REQUIRE(!refs.empty());
    for (const auto& r : refs)
        CHECK(ids.count(r) == 1);
    CHECK(svg.find("role=\"img\" aria-labelledby=\"" + prefix + "title " + prefix + "desc\"") !=
          std::string::npos);

    options.svg_id_prefix = "fig2-";
    const std::string given = encode_scene(render::Format::svg, options);
    for (const auto& id : matches(given, std::regex(" id=\"([^\"]+)\"")))
        CHECK(id.rfind("fig2-", 0) == 0);
}

TEST_CASE("render: a PNG carries title, description, source, credit and software as text",
          "[render]") {
    render::RenderOptions options;
    options.title = "Test map";
    options.description = "Five sites";
    options.source = "Provider pages";
    options.attribution = "Natural Earth";
    const std::string png = encode_scene(render::Format::png, options);
    CHECK(png.find(std::string("tEXtTitle\0Test map", 18)) != std::string::npos);
    CHECK(png.find(std::string("tEXtDescription\0Five sites", 26)) != std::string::npos);
    CHECK(png.find(std::string("tEXtSource\0Provider pages", 25)) != std::string::npos);
    CHECK(png.find(std::string("tEXtCopyright\0Natural Earth", 27)) != std::string::npos);
    CHECK(png.find(std::string("tEXtSoftware\0dcmap", 18)) != std::string::npos);

    options.title = "São Paulo";
    const std::string utf8 = encode_scene(render::Format::png, options);
    CHECK(utf8.find("iTXtTitle") != std::string::npos);
    CHECK(utf8.find("São Paulo") != std::string::npos);
}

TEST_CASE("render: a PDF's creation date is the given epoch, to the minute", "[render]") {
    render::RenderOptions options;
    options.creation_epoch = 1700000000; // 2023-11-14 22:13:20 UTC
    const std::string pdf = encode_scene(render::Format::pdf, options);
    CHECK(pdf.find("/CreationDate (D:202311142213Z)") != std::string::npos);
    CHECK(encode_scene(render::Format::pdf, options) == pdf);
}
