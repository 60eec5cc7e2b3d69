#include "config/site_loader.hpp"
#include "config/style_loader.hpp"
#include "config_test_support.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using dcmap::Color;
using dcmap::FontSpec;
using dcmap::InputErrors;
using dcmap::SizeBy;
using dcmap::Style;
using dcmap::config::load_style;
using dcmap::config::parse_style;

namespace {

using dcmap::config::testing::error_lines;
using dcmap::config::testing::fixture;

std::vector<std::string> style_errors(const std::string& path) {
    return error_lines([&] { load_style(path); });
}

void put(std::ostringstream& out, const char* name, const Color& c) {
    out << name << '=' << c.r << ',' << c.g << ',' << c.b << ',' << c.a << '\n';
}

void put(std::ostringstream& out, const char* name, const FontSpec& f) {
    out << name << '=' << f.family << ',' << f.size << ',' << f.weight << ',' << f.italic << '\n';
}

/// Every field of a Style as text, so two styles can be compared whole.
std::string describe(const Style& s) {
    std::ostringstream out;
    put(out, "background", s.background);
    put(out, "ocean", s.ocean);
    put(out, "land", s.land);
    put(out, "host_country", s.host_country);
    out << "tint=" << s.tint_host_countries << '\n';
    put(out, "coastline", s.coastline);
    put(out, "border", s.border);
    put(out, "graticule", s.graticule);
    put(out, "outline", s.outline);
    out << "widths=" << s.coastline_width << ',' << s.border_width << ',' << s.graticule_width
        << ',' << s.graticule_step << ',' << s.outline_width << '\n';
    for (const auto& c : s.palette)
        put(out, "palette", c);
    out << "markers=" << s.marker_radius << ',' << s.marker_radius_min << ',' << s.marker_radius_max
        << ',' << int(s.size_by) << ',' << s.marker_stroke_width << ',' << s.ring_width << '\n';
    put(out, "marker_stroke", s.marker_stroke);
    put(out, "label_font", s.label_font);
    put(out, "label_color", s.label_color);
    put(out, "label_halo", s.label_halo);
    out << "label=" << s.label_halo_width << ',' << s.label_gap << '\n';
    put(out, "title_font", s.title_font);
    put(out, "title_color", s.title_color);
    put(out, "subtitle_font", s.subtitle_font);
    put(out, "subtitle_color", s.subtitle_color);
    put(out, "legend_font", s.legend_font);
    put(out, "legend_title_font", s.legend_title_font);
    put(out, "legend_text", s.legend_text);
    put(out, "legend_background", s.legend_background);
    put(out, "legend_border", s.legend_border);
    put(out, "footer_font", s.footer_font);
    put(out, "footer_color", s.footer_color);
    out << "page=" << s.margin << ',' << s.default_width << '\n';
    for (const auto& p : s.providers) {
        out << "provider=" << p.provider << ',' << p.name << '\n';
        if (p.color)
            put(out, "provider_color", *p.color);
    }
    return out.str();
}

/// A style where every field differs from anything a real style file would set.
Style poisoned_style() {
    Style s;
    const Color odd{0.123, 0.456, 0.789, 0.5};
    const FontSpec odd_font{"Poison", 99, 100, true};
    s.background = s.ocean = s.land = s.host_country = s.coastline = s.border = s.graticule =
        s.outline = s.marker_stroke = s.label_color = s.label_halo = s.title_color =
            s.subtitle_color = s.legend_text = s.legend_background = s.legend_border =
                s.footer_color = odd;
    s.tint_host_countries = false;
    s.coastline_width = s.border_width = s.graticule_width = s.graticule_step = s.outline_width =
        s.marker_radius = s.marker_radius_min = s.marker_radius_max = s.marker_stroke_width =
            s.ring_width = s.label_halo_width = s.label_gap = s.margin = 77;
    s.palette = {odd};
    s.size_by = SizeBy::capacity_mw;
    s.label_font = s.title_font = s.subtitle_font = s.legend_font = s.legend_title_font =
        s.footer_font = odd_font;
    s.default_width = 7;
    s.providers.clear();
    for (const char* key : {"aws", "azure", "gcp", "alibaba", "oracle"})
        s.providers.push_back({key, {}, odd});
    return s;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("config: the built-in default style loads with its documented look", "[config]") {
    const Style style = load_style("default");
    CHECK(style.name == "default");
    CHECK(style.ocean.r == Approx(0xdf / 255.0));
    CHECK(style.ocean.g == Approx(0xe9 / 255.0));
    CHECK(style.ocean.b == Approx(0xf2 / 255.0));
    CHECK(style.label_font.family == "DejaVu Sans, Noto Sans CJK SC");
    CHECK(style.label_font.size >= 12);
    CHECK(style.label_font.size <= 13);
    CHECK(style.title_font.size == 28);
    CHECK(style.title_font.weight == 700);
    REQUIRE(style.palette.size() == 8);
    CHECK(style.palette[0].r == Approx(0xd5 / 255.0)); // Okabe-Ito vermillion first
    CHECK(style.palette[0].g == Approx(0x5e / 255.0));
    CHECK(style.label_halo.a == Approx(0xe6 / 255.0));
    CHECK(style.size_by == SizeBy::none);
}

TEST_CASE("config: default.yaml sets every style key", "[config]") {
    // Parsed over a base where every field is odd, the result must not keep any odd value.
    const std::string text = read_text(std::string(DCMAP_SOURCE_DIR) + "/styles/default.yaml");
    REQUIRE_FALSE(text.empty());
    const Style from_model_defaults = parse_style(text, "default.yaml", Style{});
    const Style from_poison = parse_style(text, "default.yaml", poisoned_style());
    CHECK(describe(from_poison) == describe(from_model_defaults));
}

TEST_CASE("config: dark.yaml sets every style key and is dark", "[config]") {
    const std::string text = read_text(std::string(DCMAP_SOURCE_DIR) + "/styles/dark.yaml");
    const Style from_model_defaults = parse_style(text, "dark.yaml", Style{});
    const Style from_poison = parse_style(text, "dark.yaml", poisoned_style());
    CHECK(describe(from_poison) == describe(from_model_defaults));

    const Style dark = load_style("dark");
    CHECK(dark.name == "dark");
    CHECK(dark.ocean.r + dark.ocean.g + dark.ocean.b < 0.6);
    CHECK(dark.label_color.r + dark.label_color.g + dark.label_color.b > 2.4);
    CHECK(dark.label_halo.r + dark.label_halo.g + dark.label_halo.b < 0.6);
}

TEST_CASE("config: a user style inherits every key it leaves out from the default", "[config]") {
    const Style user = load_style(fixture("style-custom.yaml"));
    const Style base = load_style("default");
    CHECK(user.name == "style-custom");
    CHECK(user.ocean.r == Approx(0x10 / 255.0));
    CHECK(user.ocean.b == Approx(0x30 / 255.0));
    CHECK(user.label_font.size == 14);
    CHECK(user.label_font.family == base.label_font.family);
    CHECK(user.label_font.weight == base.label_font.weight);
    REQUIRE(user.palette.size() == 2);
    CHECK(user.palette[1].g == Approx(1.0));
    CHECK(user.palette[1].a == Approx(0x80 / 255.0));
    CHECK(user.size_by == SizeBy::zones);
    CHECK(user.land.r == Approx(base.land.r));
    CHECK(user.title_font.size == base.title_font.size);
    CHECK(user.margin == base.margin);
}

TEST_CASE("config: an unknown style key is an error with did-you-mean", "[config]") {
    const auto lines = style_errors(fixture("style-invalid-unknown-key.yaml"));
    const std::string f = fixture("style-invalid-unknown-key.yaml");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == f + ":2:3: error: unknown key 'ocen' in style section 'basemap'; did you "
                          "mean 'ocean'?");
    CHECK(lines[1] == f + ":5:1: error: unknown key 'labelz' in style; did you mean 'labels'?");
}

TEST_CASE("config: bad colours are errors, with a hint about unquoted #", "[config]") {
    const auto lines = style_errors(fixture("style-invalid-color.yaml"));
    const std::string f = fixture("style-invalid-color.yaml");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == f + ":2:10: error: ocean must be a colour \"#rrggbb\" or \"#rrggbbaa\", not "
                          "\"blue\"; e.g. ocean: \"#dde9f3\"");
    CHECK(lines[1] == f + ":3:3: error: land has no value; quote colours, e.g. land: \"#dde9f3\" "
                          "(an unquoted # starts a comment)");
    CHECK(lines[2] == f + ":5:12: error: color must be a colour \"#rrggbb\" or \"#rrggbbaa\", not "
                          "\"#12345\"; e.g. color: \"#dde9f3\"");
}

TEST_CASE("config: style values are range-checked and size_by is a known choice", "[config]") {
    const std::string text =
        "markers:\n  radius: -1\n  size_by: zone\nlabels:\n  font: {weight: heavy}\n";
    try {
        parse_style(text, "s.yaml", Style{});
        FAIL("expected InputErrors");
    } catch (const InputErrors& e) {
        REQUIRE(e.errors().size() == 3);
        CHECK(std::string(e.errors()[0].what()) ==
              "s.yaml:2:11: error: radius must be greater than 0, not -1");
        CHECK(std::string(e.errors()[1].what()) ==
              "s.yaml:3:12: error: unknown size_by 'zone'; did you mean 'zones'?");
        CHECK(std::string(e.errors()[2].what()) ==
              "s.yaml:5:18: error: weight must be 100..1000, normal or bold, not heavy; 400 is "
              "normal, 700 is bold");
    }
}

TEST_CASE("config: a font weight beyond any int is an error, not an overflowing cast", "[config]") {
    // Found by fuzz_style_loader (fuzz/regressions/style_loader-weight-out-of-int-range).
    for (const char* weight : {"1e300", "-1e300", "3000000000"}) {
        INFO(weight);
        CHECK_THROWS_WITH(parse_style(std::string("labels:\n  font: {weight: ") + weight + "}\n",
                                      "s.yaml", Style{}),
                          Catch::Contains("weight must be 100..1000"));
    }
}

TEST_CASE("config: a graticule step outside 1..90 degrees and a huge font are errors", "[config]") {
    const std::string text =
        "basemap:\n  graticule: {step: 0.000001}\nlabels:\n  font: {size: 5000}\n";
    try {
        parse_style(text, "s.yaml", Style{});
        FAIL("expected InputErrors");
    } catch (const InputErrors& e) {
        REQUIRE(e.errors().size() == 2);
        CHECK(std::string(e.errors()[0].what()) ==
              "s.yaml:2:21: error: basemap.graticule.step 0.000001 is outside 1..90 degrees; use "
              "e.g. step: 30, or a transparent color to hide the grid");
        CHECK(std::string(e.errors()[1].what())
                  .rfind("s.yaml:4:16: error: labels.font.size 5000 "
                         "is above the 200 px maximum",
                         0) == 0);
    }
}

TEST_CASE("config: a missing style file is an IoError that lists the built-in names", "[config]") {
    try {
        load_style("drak");
        FAIL("expected an IoError");
    } catch (const dcmap::IoError& e) {
        CHECK(std::string(e.what()) ==
              "cannot read drak: No such file or directory (built-in styles are: default, dark, "
              "print)");
    }
}

TEST_CASE("config: the print style is built in and differs from the default", "[config]") {
    CHECK(dcmap::config::is_builtin_style("print"));
    const Style print = load_style("print");
    const Style light = load_style("default");
    CHECK(print.name == "print");
    // Paper-white sea, black labels, heavier rings than the default.
    CHECK(print.ocean.r == 1.0);
    CHECK(print.ocean.g == 1.0);
    CHECK(print.label_color.r == 0.0);
    CHECK(print.ring_width > light.ring_width);
    CHECK(print.palette.size() >= 3);
}

TEST_CASE("config: a font smaller than the legible minimum is an error at its size", "[config]") {
    const std::string text = "labels:\n  font:\n    size: 9\nfooter:\n  font:\n    size: 10.5\n"
                             "legend:\n  font:\n    size: 11\n";
    try {
        parse_style(text, "s.yaml", Style{});
        FAIL("expected InputErrors");
    } catch (const InputErrors& e) {
        REQUIRE(e.errors().size() == 2);
        CHECK(std::string(e.errors()[0].what()) ==
              "s.yaml:3:11: error: labels.font.size 9 is below the 11 px minimum for legible "
              "text; use 11 or more, and `label:` to shorten long names");
        CHECK(std::string(e.errors()[1].what()) ==
              "s.yaml:6:11: error: footer.font.size 10.5 is below the 11 px minimum for legible "
              "text; use 11 or more, and `label:` to shorten long names");
    }
}

TEST_CASE("config: every built-in style keeps text at or above the legible minimum", "[config]") {
    for (const char* name : {"default", "dark", "print"}) {
        INFO(name);
        const Style s = load_style(name);
        for (const FontSpec& f : {s.label_font, s.title_font, s.subtitle_font, s.legend_font,
                                  s.legend_title_font, s.footer_font})
            CHECK(f.size >= dcmap::kMinTextPx);
    }
}

TEST_CASE("config: pending sites get a marker scale and a label weight", "[config]") {
    const Style s = parse_style("markers:\n  pending_scale: 1.5\nlabels:\n  pending_weight: bold\n",
                                "s.yaml", Style{});
    CHECK(s.pending_marker_scale == 1.5);
    CHECK(s.pending_label_weight == 700);
    try {
        parse_style("markers:\n  pending_scale: 0.5\n", "s.yaml", Style{});
        FAIL("expected InputErrors");
    } catch (const InputErrors& e) {
        REQUIRE(e.errors().size() == 1);
        CHECK(std::string(e.errors()[0].what()) ==
              "s.yaml:2:18: error: pending_scale must be 1..3, not 0.5; 1 draws announced and "
              "planned sites as large as live ones");
    }
}

TEST_CASE("config: a built-in style named in a site file is not taken for a path", "[config]") {
    const auto file = dcmap::config::load_site_file(fixture("config-style-print.yaml"));
    REQUIRE(file.map.style);
    CHECK(file.map.style->value == "print");
    CHECK(load_style(file.map.style->value).name == "print");
}

TEST_CASE("config: providers: gives colours and names, merged over the base style", "[config]") {
    const Style base = load_style("default");
    REQUIRE(base.providers.size() == 5);
    CHECK(base.providers[0].provider == "aws");
    REQUIRE(base.providers[0].color);
    CHECK(base.providers[0].color->r == Approx(0xd5 / 255.0)); // the palette's first colour
    for (const auto& p : base.providers)
        CHECK(p.name.empty()); // the built-in display names apply

    const Style user = parse_style("providers:\n"
                                   "  aws: {color: \"#ff9900\", name: Amazon}\n"
                                   "  gcp: {name: GCP}\n"
                                   "  Equinix: \"#123456\"\n"
                                   "  Amazon Web Services: \"#000001\"\n",
                                   "u.yaml", base);
    REQUIRE(user.providers.size() == 7);
    CHECK(user.providers[0].provider == "aws");
    CHECK(user.providers[0].name == "Amazon");
    CHECK(user.providers[0].color->r == Approx(1.0));
    CHECK(user.providers[2].name == "GCP");
    CHECK(user.providers[2].color->g == Approx(base.providers[2].color->g)); // colour kept
    // Other names are added in file order; the cli matches spellings to providers.
    CHECK(user.providers[5].provider == "Equinix");
    CHECK(user.providers[5].color->b == Approx(0x56 / 255.0));
    CHECK(user.providers[6].provider == "Amazon Web Services");
}

TEST_CASE("config: a bad providers: entry is an error at its value", "[config]") {
    const auto errors = [](const std::string& text) {
        return error_lines([&] { parse_style(text, "u.yaml", Style{}); });
    };
    const auto colour = errors("providers:\n  aws: blue\n");
    REQUIRE(colour.size() == 1);
    CHECK(colour[0].rfind("u.yaml:2:8: error: aws must be a colour", 0) == 0);
    const auto key = errors("providers:\n  aws: {colour: \"#ffffff\"}\n");
    REQUIRE(key.size() == 1);
    CHECK(key[0].rfind("u.yaml:2:9: error: unknown key 'colour' in provider 'aws'; did you mean "
                       "'color'?",
                       0) == 0);
    const auto twice = errors("providers:\n  aws: \"#ffffff\"\n  aws: \"#000000\"\n");
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].rfind("u.yaml:3:3: error: provider 'aws' appears twice in providers", 0) == 0);
    const auto list = errors("providers: [aws, azure]\n");
    REQUIRE(list.size() == 1);
    CHECK(list[0].rfind("u.yaml:1:12: error: providers must be a mapping", 0) == 0);
    const auto empty_name = errors("providers:\n  aws: {name: \"\"}\n");
    REQUIRE(empty_name.size() == 1);
    CHECK(empty_name[0].rfind("u.yaml:2:15: error: the name of provider 'aws' is empty", 0) == 0);
}
