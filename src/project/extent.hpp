#pragma once
// Which part of the projected plane the map shows.
#include "model/basemap.hpp"
#include "model/geometry.hpp"
#include "project/projection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap::project {

/// `--extent`: "world" (the projection's whole outline; for a cylindrical projection, whose
/// outline is a rectangle, only the latitudes 60°S-84°N that hold land, widened to the sites),
/// "auto" (every site with a margin),
/// a name from model/named_areas.hpp ("europe", "china", ...), or "W,S,E,N" in degrees (W > E
/// crosses the antimeridian). Returns the box in projected units to show; the map keeps the
/// projection's true aspect ratio. Throws InputError for a malformed extent, and for a box the
/// map's edge (the meridian opposite the centre) cuts in two.
Box compute_view(const std::string& extent, const Projector& projector,
                 const ProjectedBasemap& basemap, const std::vector<Point>& site_lonlats);

/// What a map with `extent` must keep in view when its canvas has another shape than the view:
/// the view itself, except for "world", where only the sites (with auto's margin) must stay,
/// so a wide or tall canvas crops the world rather than leave blank bands. Empty when nothing
/// may be cropped (a world map without visible sites, or a globe).
Box view_content(const std::string& extent, const Projector& projector, const Box& view,
                 const ProjectedBasemap& basemap, const std::vector<Point>& site_lonlats);

/// A magnified inset's area: what `--inset NAME|W,S,E,N` asks for, in projected units.
struct InsetArea {
    std::string name;    ///< as given: "europe" or "W,S,E,N"
    std::string caption; ///< "Europe" for named areas, empty for boxes
    Box view;            ///< projected bounds of the lon/lat box
};

/// The inset area for `spec`, a name from model/named_areas.hpp (inset areas first, then
/// extents) or "W,S,E,N" in degrees (W > E crosses the antimeridian); a box's caption is the
/// named area it mostly covers, or its degrees. Throws InputError for an unknown name, a
/// malformed box, an area this projection does not show, or one the map's edge cuts in two.
InsetArea inset_area(const std::string& spec, const Projector& projector);

/// Where the map is turned to when `extent` is given without a centre: the middle (lon, lat)
/// of a named extent or of a W,S,E,N box that crosses the antimeridian (W > E), so the map is
/// not cut through the area it frames; nothing for other extents (and malformed ones).
std::optional<Point> default_centre(const std::string& extent);

/// Projected units spanned by one degree of longitude on the equator at the central meridian
/// (the metres per degree of the map's scale); 111319.49 when that point is not visible.
double units_per_degree(const Projector& projector);

} // namespace dcmap::project
