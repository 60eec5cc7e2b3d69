#pragma once
// Internal to basemap/: positions and polygons in degrees, with no GDAL type in sight, so the
// packed base map (packed.hpp) and the build-time tool share them with the cutting code.
#include <vector>

namespace dcmap::basemap::detail {

/// A position in degrees, geographic or in the working frame (see Frame).
struct LonLat {
    double x = 0; ///< longitude
    double y = 0; ///< latitude
};
using LonLatRing = std::vector<LonLat>;        ///< closed: last equals first
using LonLatPolygon = std::vector<LonLatRing>; ///< outer ring, then holes
using LonLatLine = std::vector<LonLat>;

} // namespace dcmap::basemap::detail
