#pragma once
// Named lon/lat boxes for `--extent NAME` (whole-map views) and `--inset NAME` (magnified
// dense areas). Plain data, so config/ can check names at file:line and project/ can frame them.
#include <array>
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
