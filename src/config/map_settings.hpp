#pragma once
// Text -> typed map settings. One parser per setting, used for the file's `map:` keys and for
// the command-line options alike, so both follow one rule.
#include "model/map_settings.hpp"

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

/// Canonical text of a setting, as the project stage takes it ("105,35", "60,-15,150,55").
std::string to_text(const MapCenter& center);
std::string to_text(const MapExtent& extent);
std::string to_text(const MapInset& inset);

} // namespace dcmap::config
