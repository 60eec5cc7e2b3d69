#pragma once
// Named lon/lat boxes for `--extent NAME` (whole-map views) and `--inset NAME` (magnified
// dense areas). Plain data, so config/ can check names at file:line and project/ can frame them.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace dcmap {

/// A box in degrees; west > east crosses the antimeridian.
struct NamedArea {
    std::string_view name;    ///< "europe"
    std::string_view caption; ///< "Europe": drawn in an inset's corner
    double west, south, east, north;
};

/// Whole-map views for `--extent`. Each is the area's usual footprint, with room for labels.
inline constexpr std::array<NamedArea, 6> named_extents{{
    {"europe", "Europe", -25, 34, 45, 72},
    {"asia-pacific", "Asia Pacific", 60, -48, 180, 56},
    {"north-america", "North America", -170, 7, -50, 72},
    {"latin-america", "Latin America", -118, -56, -32, 33},
    {"middle-east-africa", "Middle East and Africa", -20, -36, 65, 43},
    {"china", "China", 73, 17, 136, 54},
}};

/// Dense areas for `--inset`: tighter than the extents, around where data centres crowd.
inline constexpr std::array<NamedArea, 3> named_inset_areas{{
    {"europe", "Europe", -11, 35, 30, 62},
    {"east-asia", "East Asia", 100, 18, 146, 46},
    {"north-america-east", "North America (east)", -100, 25, -65, 50},
}};

/// The named extent `name`, or one of the inset areas when no extent has that name.
inline std::optional<NamedArea> find_named_extent(std::string_view name) {
    for (const auto& a : named_extents)
        if (a.name == name)
            return a;
    for (const auto& a : named_inset_areas)
        if (a.name == name)
            return a;
    return std::nullopt;
}

/// The inset area `name`, or a named extent when no inset area has that name.
inline std::optional<NamedArea> find_inset_area(std::string_view name) {
    for (const auto& a : named_inset_areas)
        if (a.name == name)
            return a;
    for (const auto& a : named_extents)
        if (a.name == name)
            return a;
    return std::nullopt;
}

/// A caption for a magnified view of the lon/lat box (degrees; west > east crosses the
/// antimeridian): the caption of the named area (inset areas first) that shares at least half
/// of the two boxes' union with it ("Europe"), else the box itself ("44–54°N, 1–13°E").
inline std::string box_caption(double west, double south, double east, double north) {
    auto span = [](double w, double e) { return e >= w ? e - w : e + 360 - w; };
    // Overlap in longitude of [w1, w1 + s1] and [w2, w2 + s2], trying the shifts by 360.
    auto lon_overlap = [&](double w1, double e1, double w2, double e2) {
        const double s1 = span(w1, e1), s2 = span(w2, e2);
        double best = 0;
        for (double shift : {-360.0, 0.0, 360.0}) {
            const double lo = std::max(w1, w2 + shift), hi = std::min(w1 + s1, w2 + shift + s2);
            best = std::max(best, hi - lo);
        }
        return best;
    };
    const double area = span(west, east) * (north - south);
    auto shares_most = [&](const NamedArea& a) {
        const double lon = lon_overlap(west, east, a.west, a.east);
        const double lat = std::min(north, a.north) - std::max(south, a.south);
        if (lon <= 0 || lat <= 0)
            return false;
        const double both = lon * lat;
        const double other = span(a.west, a.east) * (a.north - a.south);
        return both >= 0.5 * (area + other - both);
    };
    for (const auto& a : named_inset_areas)
        if (shares_most(a))
            return std::string(a.caption);
    for (const auto& a : named_extents)
        if (shares_most(a))
            return std::string(a.caption);
    auto number = [](double v) {
        const long rounded = std::lround(std::abs(v));
        return std::to_string(rounded);
    };
    auto lat = [&](double v) { return number(v) + "\u00b0" + (v < 0 ? "S" : "N"); };
    auto lon = [&](double v) {
        if (v > 180)
            v -= 360;
        return number(v) + "\u00b0" + (v < 0 ? "W" : "E");
    };
    const std::string dash = "\u2013";
    // "44–54°N" when both ends share a hemisphere, "10°S–5°N" across the equator.
    const std::string lats =
        (south < 0) == (north < 0) && south != 0
            ? number(south < 0 ? north : south) + dash + lat(south < 0 ? south : north)
            : lat(south) + dash + lat(north);
    const bool same_side = (west < 0) == (east < 0) && west != 0 && east >= west;
    const std::string lons =
        same_side ? number(west < 0 ? east : west) + dash + lon(west < 0 ? west : east)
                  : lon(west) + dash + lon(east);
    return lats + ", " + lons;
}

/// "europe, asia-pacific, ..." for messages: extents first, then the inset-only names.
inline std::string named_area_list() {
    std::string out;
    auto add = [&](std::string_view n) {
        if (!out.empty())
            out += ", ";
        out += n;
    };
    for (const auto& a : named_extents)
        add(a.name);
    for (const auto& a : named_inset_areas) {
        bool also_extent = false;
        for (const auto& e : named_extents)
            also_extent = also_extent || e.name == a.name;
        if (!also_extent)
            add(a.name);
    }
    return out;
}

} // namespace dcmap
