// A PNG's background and base map come from an underlay (render::Underlay), painted in fixed
// parts, ahead of time or not: the pixels must be those of the map painted in one pass.
#include "render/encode.hpp"
#include "render/painter.hpp"
#include "render/render.hpp"
#include "render/text.hpp"
#include "scene.hpp"
#include "support/png_pixels.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

using namespace dcmap;
using namespace dcmap::test;

namespace {

/// The scene with a frame that leaves rows above and below it, its edges inside pixels.
MapLayout framed_scene(const Style& style, const MeasureText& measure) {
    MapLayout layout = test_layout(style, measure);
    layout.map_frame = Box{12.5, 60.25, 390, 262.75};
    return layout;
}

/// `layout` painted in one pass on one image surface, as RGBA read back from a PNG would be.
std::vector<std::uint32_t> one_pass(const MapLayout& layout, const ProjectedBasemap& basemap,
                                    const Style& style) {
    const int width = static_cast<int>(layout.width), height = static_cast<int>(layout.height);
    const std::string png = render::detail::encode(
        render::Format::png, {width, height, {}, nullptr, {}}, {}, [&](cairo_t* cr) {
            const render::detail::TextContext text;
            render::detail::paint_map(cr, layout, basemap, style, text);
        });
    return decode_png(png).pixels;
}

int worst_difference(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    REQUIRE(a.size() == b.size());
    int worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (int shift = 0; shift < 32; shift += 8)
            worst = std::max(worst, std::abs(int(a[i] >> shift & 255) - int(b[i] >> shift & 255)));
    return worst;
}

render::Underlay painted(const MapLayout& page, const ProjectedBasemap& basemap, const Style& style,
                         bool backwards) {
    render::Underlay underlay = render::plan_underlay(page, basemap);
    const std::size_t parts = underlay.part_starts.size();
    for (std::size_t k = 0; k < parts; ++k)
        render::paint_underlay_part(underlay, backwards ? parts - 1 - k : k, basemap, style);
    return underlay;
}

} // namespace

TEST_CASE("render: a PNG over its underlay has the pixels of the map painted in one pass",
          "[render]") {
    const MeasureText measure = render::pango_measurer();
    const ProjectedBasemap basemap = test_basemap();
    for (double alpha : {1.0, 0.0}) {
        Style style;
        style.background.a = alpha; // transparent: the underlay must start transparent too
        for (int bands : {1, 2}) {
            INFO("background alpha " << alpha << ", " << bands << " bands");
            const MapLayout layout = framed_scene(style, measure);
            render::RenderOptions options;
            options.png_bands = bands;
            const auto png = decode_png(
                render::encode_map(layout, basemap, style, render::Format::png, options));
            CHECK(worst_difference(png.pixels, one_pass(layout, basemap, style)) <= 1);
        }
    }
}

TEST_CASE("render: an underlay painted ahead is used for its own frame only", "[render]") {
    const MeasureText measure = render::pango_measurer();
    const ProjectedBasemap basemap = test_basemap();
    const Style style;
    const MapLayout layout = framed_scene(style, measure);
    const render::RenderOptions options;
    const std::string plain =
        render::encode_map(layout, basemap, style, render::Format::png, options);

    render::Underlay ahead = painted(layout, basemap, style, true);
    REQUIRE(ahead.part_starts.size() >= 1);
    CHECK(render::underlay_fits(ahead, layout));
    CHECK(render::encode_map(layout, basemap, style, render::Format::png, options, &ahead) ==
          plain);

    // The map is painted onto the underlay's pixels, which it takes.
    CHECK_FALSE(ahead.pixels);
    // Spoilt pixels show in the map, so the underlay was used, not painted again.
    ahead = painted(layout, basemap, style, false);
    const auto spoil = [](render::Underlay& u) {
        std::fill(u.pixels.data() + std::size_t(u.first_row) * 400 * 4,
                  u.pixels.data() + std::size_t(u.end_row) * 400 * 4, 0x7f);
    };
    spoil(ahead);
    CHECK(render::encode_map(layout, basemap, style, render::Format::png, options, &ahead) !=
          plain);

    // One painted for another frame, or other host countries, is left alone.
    MapLayout moved = layout;
    moved.transform.ox += 1;
    render::Underlay other = painted(moved, basemap, style, false);
    CHECK_FALSE(render::underlay_fits(other, layout));
    spoil(other);
    CHECK(render::encode_map(layout, basemap, style, render::Format::png, options, &other) ==
          plain);
    MapLayout hosts = layout;
    hosts.host_countries.clear();
    CHECK_FALSE(render::underlay_fits(painted(hosts, basemap, style, false), layout));
    // Small multiples take none.
    MapLayout panels = layout;
    panels.panels.push_back({});
    CHECK_FALSE(render::takes_underlay(panels));
}

TEST_CASE("render: an underlay's parts split its rows the same way every time", "[render]") {
    const MeasureText measure = render::pango_measurer();
    const ProjectedBasemap basemap = test_basemap();
    const Style style;
    const MapLayout layout = framed_scene(style, measure);
    const render::Underlay a = render::plan_underlay(layout, basemap);
    const render::Underlay b = render::plan_underlay(layout, basemap);
    CHECK(a.first_row == 60);
    CHECK(a.end_row == 263);
    REQUIRE_FALSE(a.part_starts.empty());
    CHECK(a.part_starts.front() == a.first_row);
    CHECK(std::is_sorted(a.part_starts.begin(), a.part_starts.end()));
    CHECK(a.part_starts.back() < a.end_row);
    CHECK(a.part_starts == b.part_starts);
    // Painted in either order, the pixels are the same.
    const render::Underlay forwards = painted(layout, basemap, style, false);
    const render::Underlay backwards = painted(layout, basemap, style, true);
    CHECK(a.rows >= 300);
    REQUIRE(forwards.pixels.size() == backwards.pixels.size());
    CHECK(std::equal(forwards.pixels.data(), forwards.pixels.data() + forwards.pixels.size(),
                     backwards.pixels.data()));
}
