#pragma once
// Text -> typed map settings. One parser per setting, used for the file's `map:` keys and for
// the command-line options alike, so both follow one rule.
#include "model/map_settings.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace dcmap::config {

/// "LON" or "LON,LAT" in degrees (-180..180, -90..90). Throws InputError (no position).
MapCenter parse_center(std::string_view text);

/// "world", "auto", a name from model/named_areas.hpp, or "W,S,E,N" in degrees with south below
/// north. Throws InputError (no position).
MapExtent parse_extent(std::string_view text);

/// "auto", an inset or extent name, or "W,S,E,N" (west != east, south below north). Throws
/// InputError (no position).
MapInset parse_inset(std::string_view text);

/// "auto", "low" or "medium". Throws InputError (no position).
MapDetail parse_detail(std::string_view text);

/// "auto", "sites", "clusters" or "density". Throws InputError (no position).
std::string parse_markers(std::string_view text);

/// "auto", "name" or "place". Throws InputError (no position).
std::string parse_labels(std::string_view text);

/// "auto", "always" or "never". Throws InputError (no position).
std::string parse_key(std::string_view text);

/// A canvas side in pixels, `key` ("width", "height") naming it in messages; limits in
/// model/limits.hpp. Throws InputError (no position).
int check_canvas_side(double pixels, const std::string& key);

/// A canvas side: a whole number of pixels ("2400", "2400px") or a length in mm, cm, in or pt
/// ("16cm", "6.5 in"); `key` names it in messages. Physical lengths must come to between the
/// canvas limits at 96 dpi. Throws InputError (no position).
Length parse_length(std::string_view text, const std::string& key);

/// Output pixels per inch, 10 to 2400. Throws InputError (no position).
double check_dpi(double dpi);
double parse_dpi(std::string_view text);

/// A page-size preset, see size_preset. Throws InputError (no position) for an unknown name.
std::string parse_size(std::string_view text);

/// What a `--size` preset stands for: a width, maybe a height, and the dpi.
struct SizePreset {
    Length width;
    std::optional<Length> height; ///< unset: the height follows the map's content
    double dpi = 96;
};

/// "report" (16 cm wide at 300 dpi, a text column), "slide" (1280 x 720 px at 96 dpi,
/// 13.3 x 7.5 in), "web" (720 px at 96 dpi, a web page's column), "poster" (59.4 cm wide, A1's
/// short side, at 150 dpi). `name` must be one parse_size accepts.
SizePreset size_preset(const std::string& name);

/// The canvas as the layout takes it: sides in CSS pixels (1/96 in) and the factor from CSS
/// pixels to output pixels. Style sizes are CSS pixels too (0.75 pt), so text keeps its size in
/// points whatever the dpi.
struct PageSize {
    double width = 0;            ///< CSS pixels; 0 = derive from the height and the map's aspect
    double height = 0;           ///< CSS pixels; 0 = derive from the width and the map's aspect
    double scale = 1;            ///< output pixels per CSS pixel: --scale x dpi / 96
    double pixels_per_inch = 96; ///< of the output: dpi x --scale
    LengthUnit unit = LengthUnit::px; ///< the unit the size was given in, for SVG and PDF
};

/// Width, height, dpi and `size` of `map` with `--scale` `scale` as a PageSize. Pixel sides are
/// output pixels at --scale 1 whatever the dpi; physical sides default to 300 dpi, pixel sides to
/// 96. An explicit width or height replaces the preset's.
PageSize page_size(const MapSettings& map, double scale);

/// Canonical text of a setting, as the project stage takes it ("105,35", "60,-15,150,55").
std::string to_text(const MapCenter& center);
std::string to_text(const MapExtent& extent);
std::string to_text(const MapInset& inset);

} // namespace dcmap::config
