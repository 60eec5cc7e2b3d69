#pragma once
// Internal to basemap/: the base map as the build-time tool (tool/pack_basemap.cpp) prepares
// it from Natural Earth, and the compact binary form it is embedded in, so a render reads
// arrays of doubles instead of parsing TopoJSON through GDAL.
#include "basemap/lonlat.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dcmap::basemap::detail {

/// One country of the packed base map: geographic polygons as Natural Earth has them.
struct PackedCountry {
    std::string iso2; ///< ISO alpha-2 when known, else empty
    std::string name;
    std::vector<LonLatPolygon> polygons;
};

/// One level of detail. `countries` and `land` are the source polygons (rings stitched across
/// the antimeridian as Natural Earth has them), for any projection; `countries_cut` (same
/// order as `countries`) and `land_cut` are the pieces antimeridian.cpp cuts them into for a
/// world projection centred on 0 that reaches the poles, so such a render needs no cutting.
struct PackedBasemap {
    std::vector<PackedCountry> countries;
    std::vector<LonLatPolygon> land;
    std::vector<std::vector<LonLatPolygon>> countries_cut;
    std::vector<LonLatPolygon> land_cut;
};

/// The binary form: a magic line, then counts and little-endian IEEE doubles (the build host
/// is the target). Deterministic: the same input gives the same bytes.
std::string pack(const PackedBasemap& basemap);

/// Reads what pack() wrote. Throws IoError when the bytes are truncated or not a packed base
/// map (wrong magic or version).
PackedBasemap unpack(std::string_view bytes);

} // namespace dcmap::basemap::detail
