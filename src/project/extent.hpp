#pragma once
// Which part of the projected plane the map shows.
#include "model/basemap.hpp"
#include "model/geometry.hpp"
#include "project/projection.hpp"

#include <string>
#include <vector>

namespace dcmap::project {

/// `--extent`: "world" (the projection's whole outline), "auto" (every site with a margin),
/// or "W,S,E,N" in degrees (W > E crosses the antimeridian). Returns the box in projected
/// units to show; the map keeps the projection's true aspect ratio. Throws InputError for a
/// malformed extent.
Box compute_view(const std::string& extent, const Projector& projector,
                 const ProjectedBasemap& basemap, const std::vector<Point>& site_lonlats);

} // namespace dcmap::project
