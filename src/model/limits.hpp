#pragma once
// The limits that keep hostile or mistaken input from exhausting memory or time. Documented in
// docs/dcmap.md ("Limits"); change them here and rebuild to adjust.
#include <cstddef>

namespace dcmap::limits {

/// Largest site file read, in bytes (a 64 MB file holds about a million sites).
inline constexpr std::size_t site_file_bytes = std::size_t{64} << 20;
/// Largest style file read, in bytes.
inline constexpr std::size_t style_file_bytes = std::size_t{1} << 20;
/// Largest region catalogue file read, in bytes.
inline constexpr std::size_t catalogue_file_bytes = std::size_t{16} << 20;
/// Largest data file a build-time tool reads, in bytes (the gazetteer text is 17 MB).
inline constexpr std::size_t build_data_bytes = std::size_t{1} << 30;
/// Longest text value in a site or style file (a name, a location, a note), in bytes.
inline constexpr std::size_t text_value_bytes = 1000;
/// Deepest nesting of lists and mappings in a site or style file.
inline constexpr int nesting_depth = 64;
/// Canvas sides in pixels at scale 1, given or derived from the map's aspect.
inline constexpr int canvas_side_min = 16;
inline constexpr int canvas_side_max = 20000;
/// Largest canvas side after --scale, in pixels (Cairo's image surfaces stop at 32767).
inline constexpr double canvas_side_scaled_max = 32767;
/// Largest canvas after --scale, in pixels (4 bytes each while drawing: 100 M = 400 MB).
inline constexpr double canvas_pixels_max = 100e6;

} // namespace dcmap::limits
