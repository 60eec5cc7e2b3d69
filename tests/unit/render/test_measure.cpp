#include "render/render.hpp"

#include <catch2/catch.hpp>
#include <pango/pangocairo.h>

#include <thread>
#include <utility>
#include <vector>

using namespace dcmap;

TEST_CASE("render: measurer gives wider boxes for longer text", "[render]") {
    auto measure = render::pango_measurer();
    FontSpec font;
    TextSize short_text = measure("Oslo", font);
    TextSize long_text = measure("Oslo and Stockholm", font);
    CHECK(short_text.width > 10);
    CHECK(long_text.width > short_text.width * 2);
    CHECK(long_text.height == Approx(short_text.height));
}

TEST_CASE("render: measurer scales with font size, weight and lines", "[render]") {
    auto measure = render::pango_measurer();
    FontSpec small;
    FontSpec big = small;
    big.size = small.size * 2;
    FontSpec bold = small;
    bold.weight = 700;
    TextSize base = measure("Frankfurt", small);
    CHECK(measure("Frankfurt", big).width == Approx(base.width * 2).epsilon(0.05));
    CHECK(measure("Frankfurt", bold).width > base.width);
    TextSize two_lines = measure("Frankfurt\nam Main", small);
    CHECK(two_lines.height == Approx(base.height * 2).epsilon(0.1));
}

TEST_CASE("render: measurer sizes CJK text with a CJK font, not boxes", "[render]") {
    auto measure = render::pango_measurer();
    FontSpec font{"DejaVu Sans, Noto Sans CJK SC", 20, 400, false};
    TextSize beijing = measure("北京", font);
    // Two full-width ideographs are two ems wide.
    CHECK(beijing.width == Approx(40).margin(1.5));
    CHECK(beijing.height > 20);
}

TEST_CASE("render: a figure space is as wide as a digit in the key's fonts", "[render]") {
    // The key pads one-digit numbers with figure spaces so that entries line up beside "10".
    auto measure = render::pango_measurer();
    for (const std::string& family :
         {std::string("DejaVu Sans, Noto Sans CJK SC"), std::string("DejaVu Sans")}) {
        for (int weight : {400, 700}) {
            const FontSpec font{family, 11, weight, false};
            CHECK(measure("9\u2007  Tel Aviv", font).width ==
                  Approx(measure("10  Tel Aviv", font).width).margin(0.01));
        }
    }
}

TEST_CASE("render: measurer is deterministic across copies and repeated calls", "[render]") {
    FontSpec font;
    auto first = render::pango_measurer();
    auto second = render::pango_measurer();
    TextSize a = first("São Paulo", font);
    TextSize b = first("São Paulo", font);
    TextSize c = second("São Paulo", font);
    CHECK(a.width == b.width);
    CHECK(a.width == c.width);
    CHECK(a.height == c.height);
}

TEST_CASE("render: warming up the fonts on other threads changes no measure", "[render]") {
    // render runs warm_up_text on another core while the input is read and the layout measures.
    FontSpec regular, bold;
    bold.weight = 700;
    const auto before = render::pango_measurer();
    const TextSize a = before("Frankfurt am Main area", regular);
    const TextSize b = before("Frankfurt am Main area", bold);
    std::vector<std::thread> warm;
    for (int i = 0; i < 3; ++i)
        warm.emplace_back(render::warm_up_text);
    const auto during = render::pango_measurer();
    const TextSize c = during("Frankfurt am Main area", regular);
    const TextSize d = during("Frankfurt am Main area", bold);
    for (auto& t : warm)
        t.join();
    CHECK(a.width > 0);
    CHECK(b.width > a.width);
    CHECK(c.width == a.width);
    CHECK(c.height == a.height);
    CHECK(d.width == b.width);
}

TEST_CASE("render: names in the scripts of data-center towns find a font, not boxes", "[render]") {
    // fontconfig falls back from the style's family to any installed font with the glyphs; the
    // project's set-up installs them. Thai and Devanagari drew as boxes before fonts-noto-ui-core.
    const std::pair<const char*, const char*> names[] = {
        {"Thai", "กรุงเทพมหานคร"}, {"Devanagari", "मुंबई"}, {"Bengali", "ঢাকা"},
        {"Tamil", "சென்னை"},       {"Arabic", "دبي"},     {"Hebrew", "תל אביב"},
        {"Cyrillic", "Москва"},   {"Greek", "Αθήνα"},    {"Japanese", "東京"},
        {"Korean", "서울"},       {"Chinese", "北京"},   {"Vietnamese", "Hà Nội"}};
    PangoFontMap* fonts = pango_cairo_font_map_get_default();
    PangoContext* context = pango_font_map_create_context(fonts);
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans 11");
    for (const auto& [script, name] : names) {
        INFO(script << ": " << name);
        PangoLayout* layout = pango_layout_new(context);
        pango_layout_set_font_description(layout, font);
        pango_layout_set_text(layout, name, -1);
        CHECK(pango_layout_get_unknown_glyphs_count(layout) == 0);
        g_object_unref(layout);
    }
    pango_font_description_free(font);
    g_object_unref(context);
}
