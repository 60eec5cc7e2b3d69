#pragma once
// Which part of the projected plane the map shows.
#include "model/basemap.hpp"
#include "model/geometry.hpp"
#include "project/projection.hpp"

#include <string>
#include <vector>

namespace dcmap::project {

/// `--extent`: "world" (the projection's whole outline), "auto" (every site with a margin),
/// a name from model/named_areas.hpp ("europe", "china", ...), or "W,S,E,N" in degrees (W > E crosses the antimeridian). Returns the box in projected
/// units to show; the map keeps the projection's true aspect ratio. Throws InputError for a
/// malformed extent.
Box compute_view(const std::string& extent, const Projector& projector,
                 const ProjectedBasemap& basemap, const std::vector<Point>& site_lonlats);

/// A magnified inset's area: what `--inset NAME|W,S,E,N` asks for, in projected units.
struct InsetArea {
    std::string name;     ///< as given: "europe" or "W,S,E,N"
    std::string caption;  ///< "Europe" for named areas, empty for boxes
    Box view;             ///< projected bounds of the lon/lat box
};

/// The inset area for `spec`, a name from model/named_areas.hpp (inset areas first, then
/// extents) or "W,S,E,N" in degrees. Throws InputError for an unknown name, a malformed box,
/// or an area this projection does not show.
InsetArea inset_area(const std::string& spec, const Projector& projector);

/// Projected units spanned by one degree of longitude on the equator at the central meridian
/// (the metres per degree of the map's scale); 111319.49 when that point is not visible.
double units_per_degree(const Projector& projector);

} // namespace dcmap::project
