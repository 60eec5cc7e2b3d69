// The built-in palettes checked as a reader sees them: distinct under simulated colour-vision
// deficiencies, in contrast with the land they sit on, and (print) apart in grey level.
#include "config/style_loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

using dcmap::Color;
using dcmap::Style;
using dcmap::config::load_style;

namespace {

using Rgb = std::array<double, 3>;
using Matrix = std::array<Rgb, 3>;

// Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of
// color vision deficiency", full severity, applied to linear RGB.
constexpr Matrix kNormal{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
constexpr Matrix kProtanopia{{{0.152286, 1.052583, -0.204868},
                              {0.114503, 0.786281, 0.099216},
                              {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968},
                                {0.280085, 0.672501, 0.047413},
                                {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritanopia{{{1.255528, -0.076749, -0.178779},
                              {-0.078411, 0.930809, 0.147602},
                              {0.004733, 0.691367, 0.303900}}};

double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

Rgb simulate(const Color& c, const Matrix& m) {
    const Rgb lin{to_linear(c.r), to_linear(c.g), to_linear(c.b)};
    Rgb out{};
    for (int i = 0; i < 3; ++i)
        out[i] = std::clamp(m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2], 0.0, 1.0);
    return out;
}

/// CIELAB (D65) of a linear RGB colour.
Rgb lab(const Rgb& l) {
    const double x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.95047;
    const double y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    const double z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.08883;
    auto f = [](double t) {
        return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double delta_e(const Rgb& a, const Rgb& b) {
    return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

double luminance(const Color& c) {
    const Rgb l = simulate(c, kNormal);
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/// WCAG contrast ratio, 1..21.
double contrast(const Color& a, const Color& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// The smallest colour difference (CIE76) between any two of the first `n` palette colours, as
/// a reader with the given vision sees them.
double closest_pair(const Style& style, std::size_t n, const Matrix& vision) {
    double closest = 1e9;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            closest = std::min(closest, delta_e(lab(simulate(style.palette[i], vision)),
                                                lab(simulate(style.palette[j], vision))));
    return closest;
}

} // namespace

TEST_CASE("config: default palette colours stay apart under simulated colour blindness",
          "[config]") {
    // Five providers is the common case (a map of the big clouds); every colour of the palette
    // stays above 15, where two small markers still read as different (ΔE76 ~2 is just
    // noticeable side by side; separated 11 px dots need far more).
    for (const char* name : {"default", "dark", "print"}) {
        INFO(name);
        const Style style = load_style(name);
        REQUIRE(style.palette.size() >= 5);
        CHECK(closest_pair(style, 5, kNormal) >= 30);
        for (const Matrix* vision : {&kProtanopia, &kDeuteranopia, &kTritanopia}) {
            CHECK(closest_pair(style, 5, *vision) >= 16);
            CHECK(closest_pair(style, style.palette.size(), *vision) >= 15);
        }
    }
}

TEST_CASE("config: the first palette colours contrast with the land under them", "[config]") {
    // Markers sit on land (or the tint of a host country); the colours used first must not fade
    // into it. 2.3:1 is the least the light palette's first four keep against host countries.
    const Style light = load_style("default");
    for (std::size_t i = 0; i < 4; ++i) {
        INFO("default palette colour " << i);
        CHECK(contrast(light.palette[i], light.land) >= 2.6);
        CHECK(contrast(light.palette[i], light.host_country) >= 2.3);
    }
    const Style dark = load_style("dark");
    for (std::size_t i = 0; i < 5; ++i) {
        INFO("dark palette colour " << i);
        CHECK(contrast(dark.palette[i], dark.land) >= 3.0);
        CHECK(contrast(dark.palette[i], dark.host_country) >= 2.9);
    }
}

TEST_CASE("config: the print palette's first three colours differ in grey level", "[config]") {
    // In a grey-scale copy only lightness is left (here the cube root of luminance, 0 black to
    // 1 white, close to how far apart greys look): the first three providers and the land must
    // be told apart by it alone. Host countries are a step darker than the land; the white
    // ring around every marker carries the rest of the separation there.
    const Style print = load_style("print");
    auto lightness = [](const Color& c) { return std::cbrt(luminance(c)); };
    const double levels[] = {lightness(print.palette[0]), lightness(print.palette[1]),
                             lightness(print.palette[2]), lightness(print.land)};
    for (int i = 0; i < 4; ++i)
        for (int j = i + 1; j < 4; ++j) {
            INFO("levels " << i << " and " << j);
            CHECK(std::abs(levels[i] - levels[j]) >= 0.2);
        }
    for (int i = 0; i < 3; ++i)
        CHECK(lightness(print.host_country) - levels[i] >= 0.15);
    // Status is told by shape, so the print style must keep hollow rings visibly thick.
    CHECK(print.ring_width >= 2.0);
}

TEST_CASE("config: the five cloud providers keep the palette's first five colours", "[config]") {
    // The checks above hold for the first five palette colours; each built-in style gives
    // them, in catalogue order, to the providers a map names most, so those stay checked.
    for (const char* name : {"default", "dark", "print"}) {
        INFO(name);
        const Style style = load_style(name);
        REQUIRE(style.providers.size() == 5);
        const char* keys[] = {"aws", "azure", "gcp", "alibaba", "oracle"};
        for (std::size_t i = 0; i < 5; ++i) {
            INFO(keys[i]);
            CHECK(style.providers[i].provider == keys[i]);
            REQUIRE(style.providers[i].color);
            CHECK(delta_e(lab(simulate(*style.providers[i].color, kNormal)),
                          lab(simulate(style.palette[i], kNormal))) < 0.01);
        }
    }
}
