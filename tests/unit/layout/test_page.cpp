#include "layout_test_support.hpp"

#include "layout/key.hpp"
#include "layout/page.hpp"
#include "model/error.hpp"

#include <cmath>
#include <cstring>

using namespace dcmap;
using namespace dcmap::layout;
using namespace dcmap::layout::testing;

TEST_CASE("layout: both width and height given are used as the canvas size", "[layout]") {
    auto request = world_request({make_site("a", 10, 10)});
    request.width = 1000;
    request.height = 900;
    const MapLayout l = run_layout(request);
    CHECK(l.width == 1000);
    CHECK(l.height == 900);
    // The 2:1 view is width-bound in a tall canvas and centred vertically.
    CHECK(l.map_frame.width() == Approx(1000 - 2 * 24));
    CHECK(l.map_frame.width() / l.map_frame.height() == Approx(2.0));
}

TEST_CASE("layout: width only derives a height that keeps the view's aspect", "[layout]") {
    auto request = world_request({make_site("a", 10, 10)});
    request.width = 1200;
    request.view = {-180, -60, 180, 84}; // 360 x 144: aspect 2.5
    const MapLayout l = run_layout(request);
    CHECK(l.width == 1200);
    CHECK(l.height == std::round(l.height));
    CHECK(l.map_frame.width() == Approx(1200 - 2 * 24));
    CHECK(l.map_frame.width() / l.map_frame.height() == Approx(2.5));
    // The map fills the space between title block and footer up to rounding.
    CHECK(l.map_frame.min_y - l.title_box.max_y == Approx(12).margin(0.5));
    CHECK(l.footer.front().box.min_y - l.map_frame.max_y == Approx(12).margin(0.5));
    CHECK(l.height - l.footer.back().box.max_y == Approx(24));
}

TEST_CASE("layout: height only derives the width and neither uses the style default", "[layout]") {
    auto request = world_request({make_site("a", 10, 10)});
    request.width = 0;
    request.height = 800;
    const MapLayout tall = run_layout(request);
    CHECK(tall.height == 800);
    CHECK(tall.map_frame.width() / tall.map_frame.height() == Approx(2.0));
    CHECK(tall.map_frame.width() == Approx(tall.width - 48).margin(1));

    request.height = 0;
    Style style;
    style.default_width = 1600;
    CHECK(run_layout(request, style).width == 1600);
}

TEST_CASE("layout: scale 2 doubles every size and position", "[layout]") {
    Style style;
    style.size_by = SizeBy::zones;
    auto sites = std::vector{make_site("hangzhou", 120, 30), make_site("frankfurt", 8.7, 50.1),
                             make_site("virginia", -77, 38, "AWS", Status::announced)};
    sites[0].site.site.zones = 3;
    sites[1].site.site.zones = 1;
    const auto one = run_layout(world_request(sites), style);
    auto request = world_request(sites);
    request.scale = 2;
    const auto two = run_layout(request, style);

    CHECK(two.scale == 2);
    CHECK(two.width == 2 * one.width);
    CHECK(two.height == 2 * one.height);
    CHECK(two.map_frame.min_x == Approx(2 * one.map_frame.min_x));
    CHECK(two.map_frame.max_y == Approx(2 * one.map_frame.max_y));
    CHECK(two.title.font.size == Approx(2 * style.title_font.size));
    CHECK(two.title_box.max_y == Approx(2 * one.title_box.max_y));
    CHECK(two.legend.box.width() == Approx(2 * one.legend.box.width()));
    REQUIRE(two.markers.size() == one.markers.size());
    for (std::size_t i = 0; i < one.markers.size(); ++i) {
        CHECK(two.markers[i].id == one.markers[i].id);
        CHECK(two.markers[i].x == Approx(2 * one.markers[i].x));
        CHECK(two.markers[i].r == Approx(2 * one.markers[i].r));
    }
    REQUIRE(two.labels.size() == one.labels.size());
    for (std::size_t i = 0; i < one.labels.size(); ++i)
        CHECK(two.labels[i].box.min_x == Approx(2 * one.labels[i].box.min_x));
}

TEST_CASE("layout: title block and footer lines say what the request gives", "[layout]") {
    auto request = world_request({make_site("a", 10, 10)});
    const MapLayout l = run_layout(request);
    CHECK(l.title.text == "Cloud regions");
    CHECK(l.title.box.min_x == 24);
    CHECK(l.title.box.min_y == 24);
    CHECK(l.subtitle.box.min_y == l.title.box.max_y);
    CHECK(l.title_box.max_y == l.subtitle.box.max_y);
    REQUIRE(l.footer.size() == 2);
    CHECK(l.footer[0].text == "Source: provider websites \u00b7 As of 2026-11-28");
    CHECK(l.footer[1].text == "Made with Natural Earth.");

    request.title.clear();
    request.subtitle.clear();
    request.source = "Source: press releases";
    request.as_of.clear();
    const MapLayout bare = run_layout(request);
    CHECK(bare.title_box.empty());
    CHECK(bare.title.text.empty());
    CHECK(bare.map_frame.min_y >= 24);
    REQUIRE(bare.footer.size() == 2);
    CHECK(bare.footer[0].text == "Source: press releases");
}

TEST_CASE("layout: a view without area or a canvas without room is an error", "[layout]") {
    auto request = world_request({make_site("a", 10, 10)});
    request.view = {5, 5, 5, 5};
    CHECK_THROWS_WITH(run_layout(request), Catch::Contains("map view has no area"));

    request = world_request({});
    request.width = 300;
    request.height = 80;
    CHECK_THROWS_AS(run_layout(request), Error);
    CHECK_THROWS_WITH(run_layout(request), Catch::Contains("larger --width or --height"));
}

TEST_CASE("layout: a footer line wider than the canvas breaks at sentence ends", "[layout]") {
    auto request = world_request({make_site("a", 10, 10)});
    request.source.clear();
    request.as_of.clear();
    request.attribution = "Base map: Natural Earth. Places: GeoNames, CC BY 4.0; subset.";
    request.width = 1200;
    CHECK(run_layout(request).footer.size() == 1);
    // 11 px footer text at 6.4 px per character: the line needs ~390 px; 300 px leaves 252.
    request.width = 300;
    const MapLayout l = run_layout(request);
    std::vector<std::string> lines;
    for (const auto& f : l.footer) {
        lines.push_back(f.text);
        CHECK(f.box.max_x <= l.width - 24 + 1e-9);
    }
    CHECK(lines == std::vector<std::string>{"Base map: Natural Earth.",
                                            "Places: GeoNames, CC BY 4.0; subset."});
}

TEST_CASE("layout: a narrow page's title takes at most three lines and stays the larger",
          "[layout]") {
    // At 6 cm and 200 dpi the title of the three clouds' map took six lines, taller than the
    // map under it.
    for (double scale : {1.0, 2.0, 3.125}) {
        for (double width : {200.0, 240.0, 300.0, 400.0}) {
            INFO("width " << width << ", scale " << scale);
            auto request = world_request({make_site("a", 10, 10)});
            request.title = "AWS, Microsoft Azure and Google Cloud regions";
            request.subtitle = "153 regions: AWS 38, Microsoft Azure 66, Google Cloud 49";
            request.width = width;
            request.scale = scale;
            const MapLayout l = run_layout(request);
            const auto lines = std::count(l.title.text.begin(), l.title.text.end(), '\n') + 1;
            CHECK(lines <= 3);
            CHECK(l.title.font.size >= std::max(kMinTextPx, 14 * scale) - 1e-9);
            CHECK(l.subtitle.font.size < l.title.font.size);
            CHECK(l.title.box.max_x <= l.width - 24 * scale + 1e-6);
        }
    }
}

TEST_CASE("layout: a footer keeps a licence's name on one line", "[layout]") {
    // At 300 to 340 px the default attribution broke as "... CC BY" / "4.0; subset ...".
    for (double width : {260.0, 280.0, 300.0, 320.0, 340.0, 380.0}) {
        INFO("width " << width);
        auto request = world_request({make_site("a", 10, 10)});
        request.source.clear();
        request.as_of.clear();
        request.attribution = "Base map: Natural Earth (public domain). Places: GeoNames "
                              "(geonames.org), CC BY 4.0; subset and reformatted.";
        request.width = width;
        const MapLayout l = run_layout(request);
        std::string joined;
        bool whole = false;
        for (const auto& f : l.footer) {
            INFO("line '" << f.text << "'");
            CHECK(f.text.rfind("4.0", 0) != 0);
            CHECK(f.text.rfind("BY", 0) != 0);
            whole = whole || f.text.find("CC BY 4.0;") != std::string::npos;
            joined += (joined.empty() ? "" : " ") + f.text;
        }
        CHECK(whole);
        CHECK(joined == request.attribution);
    }
}

TEST_CASE("layout: a footer sentence wider than the canvas breaks at spaces", "[layout]") {
    auto request = world_request({make_site("a", 10, 10)});
    request.as_of.clear();
    request.source = "Source: providers' region lists, via the dcmap regions command";
    request.attribution = "Base map: Natural Earth.";
    request.width = 300;
    const MapLayout l = run_layout(request);
    REQUIRE(l.footer.size() >= 3);
    std::string joined;
    for (const auto& f : l.footer) {
        CHECK(f.box.min_x >= 24 - 1e-9);
        CHECK(f.box.max_x <= l.width - 24 + 1e-9);
        joined += (joined.empty() ? "" : " ") + f.text;
    }
    // Every word is kept, in order.
    CHECK(joined == request.source + " " + request.attribution);
}

TEST_CASE("layout: a derived height grows by the band and the map stays put at any scale",
          "[layout]") {
    // The layout is made before the band below the map is known and kept when the band comes:
    // the map frame must be the same bits with and without it. At 300 dpi (scale 3.125) whole
    // CSS pixels are not whole output pixels, and the frame used to move by a fraction.
    const auto same = [](const Box& a, const Box& b) { return std::memcmp(&a, &b, sizeof a) == 0; };
    for (double width : {300.0, 604.8, 1200.0, 1889.76, 4000.0}) {
        for (double scale : {1.0, 1.5, 1.5625, 2.0, 3.125, 2.7}) {
            auto request = world_request({make_site("a", 10, 10)});
            request.width = width / scale;
            request.scale = scale;
            const Style style;
            const detail::Page bare = detail::compose_page(request, style, fixed_measure, 0);
            REQUIRE(std::abs(bare.height - std::round(bare.height)) < 1e-6);
            for (double band : {1.0, 61.0, 166 * scale, 518.75, 519.0, 803.125}) {
                // Bands are whole output pixels (make_layout rounds them so).
                band = std::ceil(band);
                INFO("width " << width << ", scale " << scale << ", band " << band);
                const detail::Page page = detail::compose_page(request, style, fixed_measure, band);
                CHECK(same(page.map_frame, bare.map_frame));
                CHECK(page.height == bare.height + band);
                CHECK(page.width == bare.width);
                CHECK(page.band.height() == Approx(band));
                CHECK(page.band.min_y >= bare.map_frame.max_y - 1e-6);
                CHECK(page.footer.front().box.min_y > page.band.max_y);
            }
        }
    }
}

TEST_CASE("layout: a given height keeps its canvas and the band shrinks the map", "[layout]") {
    auto request = world_request({make_site("a", 10, 10)});
    request.width = 1280;
    request.height = 720;
    request.scale = 1.5625;
    const Style style;
    const detail::Page bare = detail::compose_page(request, style, fixed_measure, 0);
    const detail::Page page = detail::compose_page(request, style, fixed_measure, 100);
    CHECK(page.height == bare.height);
    CHECK(page.map_frame.height() < bare.map_frame.height());
    CHECK(page.band.height() == Approx(100));
}

TEST_CASE("layout: each key column is as wide as its own widest entry", "[layout]") {
    // Spaced by the widest entry of all, a column of short names stood far from the next.
    const std::vector<std::string> entries = {
        "Frankfurt am Main, Amsterdam and Paris area", "Oslo", "Rome", "Lima", "Pune", "Doha"};
    const Style style;
    LegendLayout legend;
    KeyLayout key;
    const detail::BandContent content{nullptr, entries};
    const double line = fixed_measure("8", detail::scaled(style.legend_font, 1)).height;
    // Room for two rows of entries under the heading, across a wide band.
    const Box band{0, 0, 1600, 12 + 8 + line + 2 + 2 * line + 8 + 1};
    REQUIRE(detail::arrange_band(content, band, legend, key, style, 1, fixed_measure) == 6);
    REQUIRE(key.entries.size() == 6);
    // Column-major: entries 0-1, 2-3 and 4-5.
    const double widest_second = std::max(key.entries[2].box.width(), key.entries[3].box.width());
    const double step = key.entries[4].box.min_x - key.entries[2].box.min_x;
    CHECK(step == Approx(widest_second + 16).margin(1));
    CHECK(step < key.entries[0].box.width());
}

TEST_CASE("layout: a key entry in a right-to-left script keeps its line left to right",
          "[layout]") {
    // "9  <Arabic name> · Equinix" was set right to left: the number at the line's right end
    // and its tag drawn over the entry's first letters. A left-to-right mark starts such lines.
    const std::vector<std::string> entries = {"Frankfurt",
                                              "\u0645\u0631\u0643\u0632 54 \u00b7 Equinix",
                                              "\u05ea\u05dc \u05d0\u05d1\u05d9\u05d1", "Oslo"};
    const Style style;
    LegendLayout legend;
    KeyLayout key;
    const detail::BandContent content{nullptr, entries};
    REQUIRE(detail::arrange_band(content, Box{0, 0, 1600, 400}, legend, key, style, 1,
                                 fixed_measure) == 4);
    const std::string mark = "\u200e";
    for (std::size_t k = 0; k < entries.size(); ++k) {
        INFO(key.entries[k].text);
        const bool right_to_left = k == 1 || k == 2;
        CHECK((key.entries[k].text.rfind(mark, 0) == 0) == right_to_left);
    }
}
