#pragma once
// A map's settings as typed values, each with where it was written. The file's `map:` and the
// command-line options both become a MapSettings through the same parsers
// (config/map_settings.hpp), so one rule checks both, and a later stage reports a rejected value at
// its line.
#include "model/source_pos.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap {

/// A value and where it came from: a position in the site file, or an empty `pos.file` when a
/// command-line option gave it.
template <typename T> struct Setting {
    T value;
    SourcePos pos;
};

/// A box in degrees; west > east crosses the antimeridian.
struct LonLatBox {
    double west = 0, south = 0, east = 0, north = 0;
};

/// The map's centre: a central meridian, and for orthographic the latitude looked at.
struct MapCenter {
    double lon = 0;            ///< degrees, -180..180
    std::optional<double> lat; ///< degrees, -90..90
};

/// What part of the world the map shows.
struct MapExtent {
    enum class Kind { world, fit_sites, named, box };
    Kind kind = Kind::world;
    std::string name; ///< Kind::named: a name from model/named_areas.hpp
    LonLatBox box;    ///< Kind::box
};

/// One magnified inset.
struct MapInset {
    enum class Kind { automatic, named, box };
    Kind kind = Kind::automatic;
    std::string name; ///< Kind::named
    LonLatBox box;    ///< Kind::box
};

/// Units a canvas side may be given in: pixels, or a physical length that --dpi turns into
/// pixels.
enum class LengthUnit { px, mm, cm, in, pt };

/// Inches in one `unit` (a px is a CSS pixel, 1/96 in).
inline double inches_per(LengthUnit unit) {
    switch (unit) {
    case LengthUnit::mm:
        return 1 / 25.4;
    case LengthUnit::cm:
        return 1 / 2.54;
    case LengthUnit::in:
        return 1;
    case LengthUnit::pt:
        return 1 / 72.0;
    case LengthUnit::px:
        break;
    }
    return 1 / 96.0;
}

/// "px", "mm", "cm", "in" or "pt".
inline const char* unit_name(LengthUnit unit) {
    switch (unit) {
    case LengthUnit::mm:
        return "mm";
    case LengthUnit::cm:
        return "cm";
    case LengthUnit::in:
        return "in";
    case LengthUnit::pt:
        return "pt";
    case LengthUnit::px:
        break;
    }
    return "px";
}

/// A canvas side as written: "2400", "2400px", "16cm", "6.5in".
struct Length {
    double value = 0;
    LengthUnit unit = LengthUnit::px;
};

/// Base map level of detail.
enum class MapDetail { by_scale, low, medium };

/// Map settings of a file's `map:` or of the command line; unset ones fall back (options over
/// file over defaults, see cli::merge_settings). To add a setting: a field here, its parser in
/// config/map_settings.cpp, its key in config/site_loader.cpp and its option in cli/cli.cpp.
struct MapSettings {
    std::optional<Setting<std::string>> projection; ///< name or PROJ string
    std::optional<Setting<MapCenter>> center;
    std::optional<Setting<MapExtent>> extent;
    std::optional<Setting<std::string>> style; ///< path or built-in name
    std::optional<Setting<Length>> width;
    std::optional<Setting<Length>> height;
    std::optional<Setting<double>> dpi;       ///< output pixels per inch
    std::optional<Setting<std::string>> size; ///< a preset: "report", "slide", "web", "poster"
    std::optional<Setting<std::vector<MapInset>>> insets; ///< empty list: no insets
    std::optional<Setting<MapDetail>> detail;
    std::optional<Setting<std::string>> markers; ///< "auto" | "sites" | "clusters" | "density"
    std::optional<Setting<std::string>> labels;  ///< "auto" | "name" | "place"
    std::optional<Setting<std::string>> key;     ///< "auto" | "always" | "never"
};

} // namespace dcmap
