#pragma once
// Internal to basemap/: the base map already projected, for the named world projections at
// centre 0. The build-time tool (tool/project_basemap.cpp) projects the pre-cut pieces with the
// code a render runs (read_countries, read_land) and PROJ, and finds the borders between
// countries (inner_borders), so a render in one of those projections reads the result instead
// of projecting ~100,000 points one at a time and hashing every edge.
#include "model/basemap.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dcmap::basemap::detail {

struct ProjectedPack {
    std::string definition; ///< the PROJ definition it was projected with
    std::vector<CountryShape> countries;
    std::vector<Polygon> land;
    std::vector<Polyline> borders; ///< inner_borders(countries, land): build_basemap's slowest step
};

/// The binary form: a magic line, the definition, then counts and little-endian IEEE doubles
/// (the build host is the target).
std::string pack_projected(const ProjectedPack& pack);

/// Reads what pack_projected() wrote. Throws IoError when the bytes are truncated or not a
/// projected pack.
ProjectedPack unpack_projected(std::string_view bytes);

/// The embedded name of the pack for a named projection at 1:50m (`medium`) or 1:110m.
std::string projected_pack_name(const std::string& projection, bool medium);

} // namespace dcmap::basemap::detail
