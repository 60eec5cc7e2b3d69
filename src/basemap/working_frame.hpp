#pragma once
// Internal to basemap/: the working frame in which the projection's seam is a straight line,
// and the steps that bring Natural Earth polygons into it, cut them there and project them.
#include "basemap/lonlat.hpp"
#include "basemap/packed.hpp"
#include "model/basemap.hpp"
#include "project/projection.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dcmap::basemap::detail {

// Cut edges stay this far inside the projection's antimeridian so PROJ does not wrap them to
// the other side of the map.
constexpr double edge_inset = 1e-7;
// Orthographic cuts stay this far inside the horizon so the visibility test keeps them.
constexpr double horizon_inset = 1e-6;
// Longest edge, in working degrees, before projecting: cut edges follow the projection's curve.
constexpr double densify_step = 1.0;
constexpr double deg = M_PI / 180;

inline double wrap180(double lon) { return lon - 360 * std::floor((lon + 180) / 360); }

/// The working frame in which the projection's seam is the longitude ±180 (world
/// projections: shifted by -lon_0) and, for orthographic, the view centre is (0, 0) so the
/// visible hemisphere is longitude -90..90.
class Frame {
public:
    explicit Frame(const project::ProjectionSpec& spec)
        : lon0_(spec.center_lon), lat0_(spec.center_lat), rotated_(spec.orthographic) {
        if (rotated_) {
            // The working poles lie on the horizon too, so they get the same inset.
            half_width_ = 90 - horizon_inset;
            lat_min_ = -90 + horizon_inset;
            lat_max_ = 90 - horizon_inset;
        } else {
            half_width_ = 180 - edge_inset;
            const double inset = spec.max_abs_lat < 90 ? edge_inset : 0;
            lat_min_ = -spec.max_abs_lat + inset;
            lat_max_ = spec.max_abs_lat - inset;
        }
    }

    LonLat to_work(LonLat geo) const {
        if (!rotated_)
            return {wrap180(geo.x - lon0_), geo.y};
        const auto [x, y, z] = unit_vector(geo.x - lon0_, geo.y);
        const double c = std::cos(lat0_ * deg), s = std::sin(lat0_ * deg);
        return from_unit_vector(x * c + z * s, y, -x * s + z * c);
    }

    LonLat to_geographic(LonLat work) const {
        if (!rotated_)
            return {wrap180(work.x + lon0_), work.y};
        const auto [x, y, z] = unit_vector(work.x, work.y);
        const double c = std::cos(lat0_ * deg), s = std::sin(lat0_ * deg);
        LonLat geo = from_unit_vector(x * c - z * s, y, x * s + z * c);
        geo.x = wrap180(geo.x + lon0_);
        return geo;
    }

    double half_width() const { return half_width_; }
    double lat_min() const { return lat_min_; }
    double lat_max() const { return lat_max_; }

private:
    struct Vec3 {
        double x, y, z;
    };
    static Vec3 unit_vector(double lon, double lat) {
        return {std::cos(lat * deg) * std::cos(lon * deg),
                std::cos(lat * deg) * std::sin(lon * deg), std::sin(lat * deg)};
    }
    static LonLat from_unit_vector(double x, double y, double z) {
        return {std::atan2(y, x) / deg, std::asin(std::clamp(z, -1.0, 1.0)) / deg};
    }

    double lon0_, lat0_;
    bool rotated_;
    double half_width_ = 180, lat_min_ = -90, lat_max_ = 90;
};

struct Extent {
    double min_x = 1e300, max_x = -1e300, min_y = 1e300, max_y = -1e300;
    void add(const LonLatRing& ring) {
        for (const LonLat& p : ring) {
            min_x = std::min(min_x, p.x);
            max_x = std::max(max_x, p.x);
            min_y = std::min(min_y, p.y);
            max_y = std::max(max_y, p.y);
        }
    }
    bool contains(const Extent& o) const {
        return o.min_x >= min_x && o.max_x <= max_x && o.min_y >= min_y && o.max_y <= max_y;
    }
};

/// A polygon in the working frame. Outer ring and holes need not nest in the plane: 50m
/// Antarctica is a tiny circle round the pole with the coast as its "hole", which only makes
/// sense on the sphere. The region is then the even-odd combination of the rings.
struct WorkingPolygon {
    LonLatPolygon rings;
    bool combine_even_odd = false;
};

/// The three copies of the visible window: the seam falls between them.
struct Window {
    double shift; ///< add to a piece cut by this window to bring it back to the middle
    double min_x, max_x, min_y, max_y;
};

/// The parts of cutting that need OGR (gdal_cut.cpp, in dcmap's GDAL plug-in): a polygon or a
/// continuous line that crosses the middle window's edge -> its pieces inside each window,
/// shifted back to the middle.
struct GdalCutApi {
    std::vector<LonLatPolygon> (*cut_polygon)(const WorkingPolygon& working,
                                              const std::vector<Window>& cut_windows);
    std::vector<LonLatLine> (*cut_line)(const LonLatLine& continuous,
                                        const std::vector<Window>& cut_windows);
};

/// The cutting table: the plug-in's, loaded on first use (plugin_cut.cpp), or linked directly
/// (the build-time packing tool). Throws IoError when the plug-in is missing.
const GdalCutApi& gdal_cut();

/// The projector with its working frame and the windows that cut at its seam.
struct Projection {
    const project::Projector& projector;
    Frame frame;
    std::vector<Window> cut_windows;
};

// antimeridian.cpp: rings in the working frame; cutting through gdal_cut() where needed.

/// Working-frame polygon: continuous rings, pole rings closed, holes beside their outer ring.
WorkingPolygon to_working_polygon(const LonLatPolygon& geographic, const Frame& frame);
/// Adds multiples of 360 so no step between neighbours is longer than 180 degrees.
void make_continuous(LonLatLine& line);
/// The middle window and its copies 360 degrees either side.
std::vector<Window> windows(const Frame& frame);
/// Cuts a working-frame polygon into pieces that each lie inside the middle window.
std::vector<LonLatPolygon> cut_polygon(const WorkingPolygon& working, const Frame& frame,
                                       const std::vector<Window>& cut_windows);
/// Cuts a working-frame line (made continuous first) into pieces inside the middle window.
std::vector<LonLatLine> cut_line(LonLatLine line, const Frame& frame,
                                 const std::vector<Window>& cut_windows);

// project_shapes.cpp: densify and project, graticule and outline.

/// Inserts points so no step is longer than densify_step degrees in x or y.
LonLatLine densify(const LonLatLine& line);
/// A working-frame piece that lies inside the middle window (cut_polygon's output) ->
/// appended to `out` projected, unless its outer ring is too small to draw.
void project_piece(const LonLatPolygon& piece, const Projection& proj, std::vector<Polygon>& out);
/// Geographic polygon -> its projected pieces, cut at the seam (and the horizon).
std::vector<Polygon> project_polygon(const LonLatPolygon& geographic, const Projection& proj);
/// Geographic polyline (already densified) -> projected pieces.
std::vector<Polyline> project_polyline(const LonLatLine& geographic, const Projection& proj);
/// Meridians and parallels every `step` degrees (1..90), projected and cut.
std::vector<Polyline> graticule(double step, const Projection& proj,
                                const project::ProjectionSpec& spec);
/// The projection's edge: the middle window's boundary, traced in the working frame.
Ring outline(const Projection& proj);

// embedded.cpp and read.cpp: the embedded data, and its pieces projected.

/// The packed base map embedded in the binary: 1:50m when `medium`, else 1:110m. Unpacked
/// once per process. Throws IoError when it is missing or malformed.
const PackedBasemap& embedded_basemap(bool medium);
/// True when `spec` cuts at the seam the packed pieces were cut at (world projection, centre
/// 0, reaching the poles), so the pre-cut pieces can be projected as they are.
bool fits_precut(const project::ProjectionSpec& spec);
/// The projected pieces of every country.
std::vector<CountryShape> read_countries(const PackedBasemap& data, const Projection& proj);
/// The projected pieces of the land layer.
std::vector<Polygon> read_land(const PackedBasemap& data, const Projection& proj);

// embedded.cpp: the base map already projected at build time (projected_pack.hpp).

struct ProjectedPack;
/// The embedded projected pack for `spec` (a named world projection at centre 0), or null when
/// there is none for its exact definition. Unpacked once per process.
const ProjectedPack* embedded_projected(const project::ProjectionSpec& spec, bool medium);

} // namespace dcmap::basemap::detail
