#include "basemap/basemap.hpp"

#include "basemap/gdal_reading.hpp"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace dcmap::basemap {

namespace detail {

// Cut edges stay this far inside the projection's antimeridian so PROJ does not wrap them to
// the other side of the map.
constexpr double edge_inset = 1e-7;
// Orthographic cuts stay this far inside the horizon so the visibility test keeps them.
constexpr double horizon_inset = 1e-6;
// Longest edge, in working degrees, before projecting: cut edges follow the projection's curve.
constexpr double densify_step = 1.0;
constexpr double deg = M_PI / 180;

/// A position in degrees, geographic or in the working frame (see Frame).
struct LonLat {
    double x = 0; ///< longitude
    double y = 0; ///< latitude
};
using LonLatRing = std::vector<LonLat>;        ///< closed: last equals first
using LonLatPolygon = std::vector<LonLatRing>; ///< outer ring, then holes
using LonLatLine = std::vector<LonLat>;

double wrap180(double lon) { return lon - 360 * std::floor((lon + 180) / 360); }

/// The working frame in which the projection's seam is the longitude ±180 (world
/// projections: shifted by -lon_0) and, for orthographic, the view centre is (0, 0) so the
/// visible hemisphere is longitude -90..90.
class Frame {
  public:
    explicit Frame(const project::ProjectionSpec &spec)
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

// ---- rings in the working frame -------------------------------------------------------

/// Adds multiples of 360 so no step between neighbours is longer than 180 degrees.
void make_continuous(LonLatLine &line) {
    for (std::size_t i = 1; i < line.size(); ++i) {
        double step = line[i].x - line[i - 1].x;
        step -= 360 * std::round(step / 360);
        line[i].x = line[i - 1].x + step;
    }
}

/// A continuous ring that ends 360 degrees away from its start goes round a pole: close it
/// along that pole's latitude so it becomes a plain polygon in the plane. True when it did.
bool close_round_pole(LonLatRing &ring) {
    if (ring.size() < 2)
        return false;
    const LonLat first = ring.front();
    const LonLat last = ring.back();
    if (std::abs(last.x - first.x) < 180)
        return false;
    double lat_sum = 0;
    for (const LonLat &p : ring)
        lat_sum += p.y;
    const double pole = lat_sum < 0 ? -90 : 90;
    ring.push_back({last.x, pole});
    ring.push_back({first.x, pole});
    ring.push_back(first);
    return true;
}

double mean_x(const LonLatRing &ring) {
    double sum = 0;
    for (const LonLat &p : ring)
        sum += p.x;
    return ring.empty() ? 0 : sum / ring.size();
}

/// Shifts a hole by a multiple of 360 so it sits inside its outer ring's longitude range.
void align_hole(LonLatRing &hole, double outer_min, double outer_max) {
    const double centre = mean_x(hole);
    double best_shift = 0, best_distance = 1e300;
    for (int k = -1; k <= 1; ++k) {
        const double c = centre + 360.0 * k;
        const double distance = c < outer_min ? outer_min - c : (c > outer_max ? c - outer_max : 0);
        if (distance < best_distance) {
            best_distance = distance;
            best_shift = 360.0 * k;
        }
    }
    for (LonLat &p : hole)
        p.x += best_shift;
}

struct Extent {
    double min_x = 1e300, max_x = -1e300, min_y = 1e300, max_y = -1e300;
    void add(const LonLatRing &ring) {
        for (const LonLat &p : ring) {
            min_x = std::min(min_x, p.x);
            max_x = std::max(max_x, p.x);
            min_y = std::min(min_y, p.y);
            max_y = std::max(max_y, p.y);
        }
    }
    bool contains(const Extent &o) const {
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

/// Working-frame polygon: continuous rings, pole rings closed, holes beside their outer ring.
WorkingPolygon to_working_polygon(const LonLatPolygon &geographic, const Frame &frame) {
    WorkingPolygon out;
    for (const LonLatRing &ring : geographic) {
        LonLatRing work;
        work.reserve(ring.size() + 3);
        for (const LonLat &p : ring)
            work.push_back(frame.to_work(p));
        make_continuous(work);
        const bool round_pole = close_round_pole(work);
        if (!out.rings.empty()) {
            Extent outer;
            outer.add(out.rings.front());
            if (!round_pole)
                align_hole(work, outer.min_x, outer.max_x);
            Extent hole;
            hole.add(work);
            if (round_pole || !outer.contains(hole))
                out.combine_even_odd = true;
        }
        out.rings.push_back(std::move(work));
    }
    return out;
}

// ---- cutting with OGR ------------------------------------------------------------------

OGRLinearRing to_ogr_ring(const LonLatRing &ring) {
    OGRLinearRing out;
    out.setNumPoints(static_cast<int>(ring.size()), FALSE);
    for (std::size_t i = 0; i < ring.size(); ++i)
        out.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
    out.closeRings();
    return out;
}

std::unique_ptr<OGRPolygon> to_ogr_polygon(const LonLatPolygon &polygon) {
    auto out = std::make_unique<OGRPolygon>();
    for (const LonLatRing &ring : polygon) {
        OGRLinearRing r = to_ogr_ring(ring);
        out->addRing(&r);
    }
    return out;
}

LonLatRing from_ogr_curve(const OGRSimpleCurve &curve, double shift) {
    LonLatRing out;
    out.reserve(curve.getNumPoints());
    for (int i = 0; i < curve.getNumPoints(); ++i)
        out.push_back({curve.getX(i) + shift, curve.getY(i)});
    return out;
}

/// Appends every polygon in `geometry` (polygon, multipolygon or collection), shifted in x.
void collect_polygons(const OGRGeometry *geometry, double shift, std::vector<LonLatPolygon> &out) {
    if (!geometry)
        return;
    const auto type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbPolygon) {
        const auto *polygon = geometry->toPolygon();
        LonLatPolygon p;
        for (const OGRLinearRing *ring : *polygon)
            p.push_back(from_ogr_curve(*ring, shift));
        if (!p.empty() && p.front().size() >= 4)
            out.push_back(std::move(p));
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const OGRGeometry *part : *geometry->toGeometryCollection())
            collect_polygons(part, shift, out);
    }
}

void collect_lines(const OGRGeometry *geometry, double shift, std::vector<LonLatLine> &out) {
    if (!geometry)
        return;
    const auto type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbLineString) {
        LonLatLine line = from_ogr_curve(*geometry->toLineString(), shift);
        if (line.size() >= 2)
            out.push_back(std::move(line));
    } else if (type == wkbMultiLineString || type == wkbGeometryCollection) {
        for (const OGRGeometry *part : *geometry->toGeometryCollection())
            collect_lines(part, shift, out);
    }
}

/// The three copies of the visible window: the seam falls between them.
struct Window {
    double shift; ///< add to a piece cut by this window to bring it back to the middle
    OGRPolygon box;
};

std::vector<Window> windows(const Frame &frame) {
    std::vector<Window> out;
    for (int k = -1; k <= 1; ++k) {
        const double centre = 360.0 * k;
        LonLatRing corners{{centre - frame.half_width(), frame.lat_min()},
                           {centre + frame.half_width(), frame.lat_min()},
                           {centre + frame.half_width(), frame.lat_max()},
                           {centre - frame.half_width(), frame.lat_max()},
                           {centre - frame.half_width(), frame.lat_min()}};
        Window w{-centre, {}};
        OGRLinearRing ring = to_ogr_ring(corners);
        w.box.addRing(&ring);
        out.push_back(std::move(w));
    }
    return out;
}

bool inside_middle_window(const Extent &e, const Frame &frame) {
    return e.min_x >= -frame.half_width() && e.max_x <= frame.half_width() &&
           e.min_y >= frame.lat_min() && e.max_y <= frame.lat_max();
}

/// True when no vertex falls inside the visible window. Land polygons are smaller than a
/// hemisphere, so such a polygon cannot cover the window either and is wholly hidden.
bool wholly_hidden(const LonLatPolygon &polygon, const Frame &frame) {
    for (const LonLatRing &ring : polygon)
        for (const LonLat &p : ring)
            if (std::abs(wrap180(p.x)) <= frame.half_width() && p.y >= frame.lat_min() &&
                p.y <= frame.lat_max())
                return false;
    return true;
}

bool overlaps(const Extent &e, const OGRGeometry &box) {
    OGREnvelope b;
    box.getEnvelope(&b);
    return e.min_x <= b.MaxX && e.max_x >= b.MinX && e.min_y <= b.MaxY && e.max_y >= b.MinY;
}

/// MakeValid may return a collection with stray lines and points, which GEOS overlay refuses;
/// keep only the polygons.
std::unique_ptr<OGRGeometry> repaired(const OGRGeometry &shape) {
    std::unique_ptr<OGRGeometry> fixed(shape.MakeValid());
    if (!fixed)
        return nullptr;
    const auto type = wkbFlatten(fixed->getGeometryType());
    if (type == wkbPolygon || type == wkbMultiPolygon)
        return fixed;
    std::vector<LonLatPolygon> parts;
    collect_polygons(fixed.get(), 0, parts);
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const LonLatPolygon &part : parts)
        out->addGeometryDirectly(to_ogr_polygon(part).release());
    return out;
}

std::unique_ptr<OGRGeometry> valid(std::unique_ptr<OGRGeometry> shape) {
    if (shape && !shape->IsValid())
        shape = repaired(*shape);
    return shape;
}

/// The region covered an odd number of times by the rings, as a valid OGR geometry.
std::unique_ptr<OGRGeometry> even_odd_region(const LonLatPolygon &rings) {
    std::unique_ptr<OGRGeometry> region;
    for (const LonLatRing &ring : rings) {
        auto part = valid(to_ogr_polygon({ring}));
        if (!part)
            continue;
        region = region ? std::unique_ptr<OGRGeometry>(region->SymDifference(part.get()))
                        : std::move(part);
        if (!region)
            return nullptr;
    }
    return region;
}

/// Cuts a working-frame polygon into pieces that each lie inside the middle window.
std::vector<LonLatPolygon> cut_polygon(const WorkingPolygon &working, const Frame &frame,
                                       const std::vector<Window> &cut_windows) {
    const LonLatPolygon &polygon = working.rings;
    Extent extent;
    for (const LonLatRing &ring : polygon)
        extent.add(ring);
    if (!working.combine_even_odd && inside_middle_window(extent, frame))
        return {polygon};
    if (wholly_hidden(polygon, frame))
        return {};

    std::unique_ptr<OGRGeometry> shape =
        working.combine_even_odd ? even_odd_region(polygon)
                                 : std::unique_ptr<OGRGeometry>(to_ogr_polygon(polygon));
    std::vector<LonLatPolygon> pieces;
    if (!shape)
        return pieces;
    bool was_repaired = false;
    for (const Window &w : cut_windows) {
        if (!overlaps(extent, w.box))
            continue;
        std::unique_ptr<OGRGeometry> piece(shape->Intersection(&w.box));
        // GEOS refuses self-intersecting input (a stitched ring after unwrapping can touch
        // itself); repair once and retry, which is cheaper than validating every polygon.
        if (!piece && !was_repaired) {
            shape = repaired(*shape);
            was_repaired = true;
            if (!shape)
                return pieces;
            piece.reset(shape->Intersection(&w.box));
        }
        collect_polygons(piece.get(), w.shift, pieces);
    }
    return pieces;
}

std::vector<LonLatLine> cut_line(LonLatLine line, const Frame &frame,
                                 const std::vector<Window> &cut_windows) {
    make_continuous(line);
    Extent extent;
    extent.add(line);
    if (inside_middle_window(extent, frame))
        return {line};
    OGRLineString shape;
    for (const LonLat &p : line)
        shape.addPoint(p.x, p.y);
    std::vector<LonLatLine> pieces;
    for (const Window &w : cut_windows) {
        if (!overlaps(extent, w.box))
            continue;
        std::unique_ptr<OGRGeometry> piece(shape.Intersection(&w.box));
        collect_lines(piece.get(), w.shift, pieces);
    }
    return pieces;
}

// ---- densify and project ---------------------------------------------------------------

/// Inserts points so no step is longer than densify_step degrees in x or y.
LonLatLine densify(const LonLatLine &line) {
    LonLatLine out;
    if (line.empty())
        return out;
    out.reserve(line.size());
    out.push_back(line.front());
    for (std::size_t i = 1; i < line.size(); ++i) {
        const LonLat a = line[i - 1], b = line[i];
        const double longest = std::max(std::abs(b.x - a.x), std::abs(b.y - a.y));
        const int steps = static_cast<int>(std::ceil(longest / densify_step));
        for (int s = 1; s < steps; ++s) {
            const double t = static_cast<double>(s) / steps;
            out.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
        }
        out.push_back(b);
    }
    return out;
}

/// Projects working-frame points, dropping invisible ones and repeated points.
std::vector<Point> project_line(const LonLatLine &work, const Frame &frame,
                                const project::Projector &projector) {
    std::vector<Point> out;
    out.reserve(work.size());
    for (const LonLat &w : densify(work)) {
        const LonLat geo = frame.to_geographic(w);
        const auto p = projector.forward(geo.x, geo.y);
        if (!p)
            continue;
        if (!out.empty() && out.back().x == p->x && out.back().y == p->y)
            continue;
        out.push_back(*p);
    }
    return out;
}

Ring project_ring(const LonLatRing &work, const Frame &frame, const project::Projector &projector) {
    Ring ring = project_line(work, frame, projector);
    // Ring closes implicitly.
    if (ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y)
        ring.pop_back();
    return ring;
}

struct Projection {
    const project::Projector &projector;
    Frame frame;
    std::vector<Window> cut_windows;
};

/// Geographic polygon -> its projected pieces, cut at the seam (and the horizon).
std::vector<Polygon> project_polygon(const LonLatPolygon &geographic, const Projection &proj) {
    std::vector<Polygon> out;
    const WorkingPolygon work = to_working_polygon(geographic, proj.frame);
    for (const LonLatPolygon &piece : cut_polygon(work, proj.frame, proj.cut_windows)) {
        Polygon polygon;
        for (const LonLatRing &ring : piece) {
            Ring projected = project_ring(ring, proj.frame, proj.projector);
            if (projected.size() >= 3)
                polygon.rings.push_back(std::move(projected));
            else if (polygon.rings.empty())
                break; // an outer ring too small to draw
        }
        if (!polygon.rings.empty())
            out.push_back(std::move(polygon));
    }
    return out;
}

/// Geographic polyline (already densified) -> projected pieces.
std::vector<Polyline> project_polyline(const LonLatLine &geographic, const Projection &proj) {
    LonLatLine work;
    work.reserve(geographic.size());
    for (const LonLat &p : geographic)
        work.push_back(proj.frame.to_work(p));
    std::vector<Polyline> out;
    for (const LonLatLine &piece : cut_line(std::move(work), proj.frame, proj.cut_windows)) {
        Polyline line = project_line(piece, proj.frame, proj.projector);
        if (line.size() >= 2)
            out.push_back(std::move(line));
    }
    return out;
}

// ---- graticule and outline -------------------------------------------------------------

LonLatLine geographic_line(LonLat from, LonLat to) { return densify({from, to}); }

std::vector<Polyline> graticule(double step, const Projection &proj,
                                const project::ProjectionSpec &spec) {
    std::vector<Polyline> out;
    if (!(step >= 1 && step <= 90))  // the style loader enforces this range
        return out;
    auto append = [&](const LonLatLine &line) {
        for (Polyline &piece : project_polyline(line, proj))
            out.push_back(std::move(piece));
    };
    const int meridians = static_cast<int>(std::floor(360 / step + 1e-9));
    for (int i = 0; i < meridians; ++i) {
        const double lon = wrap180(-180 + i * step);
        append(geographic_line({lon, -90}, {lon, 90}));
    }
    // Counted, not accumulated, so rounding can neither add nor lose a parallel.
    const int parallels = static_cast<int>(std::ceil(180 / step - 1e-9)) - 1;
    for (int j = 1; j <= parallels; ++j) {
        const double lat = -90 + j * step;
        // Start at the seam so a world map's parallel is one piece.
        const double west = spec.orthographic ? -180 : spec.center_lon - 180 + edge_inset;
        const double east = spec.orthographic ? 180 : spec.center_lon + 180 - edge_inset;
        LonLatLine line = geographic_line({west, lat}, {east, lat});
        append(line);
    }
    return out;
}

/// The projection's edge: the middle window's boundary, traced in the working frame.
Ring outline(const Projection &proj) {
    const Frame &f = proj.frame;
    const LonLatRing edge{{-f.half_width(), f.lat_min()},
                          {-f.half_width(), f.lat_max()},
                          {f.half_width(), f.lat_max()},
                          {f.half_width(), f.lat_min()},
                          {-f.half_width(), f.lat_min()}};
    return project_ring(edge, f, proj.projector);
}

// ---- reading the embedded data ---------------------------------------------------------

/// Geographic polygons of a geometry (polygon or multipolygon); other types give none.
std::vector<LonLatPolygon> geographic_polygons(const OGRGeometry *geometry) {
    std::vector<LonLatPolygon> out;
    collect_polygons(geometry, 0, out);
    return out;
}

std::vector<CountryShape> read_countries(MemoryDataset &data, const Projection &proj) {
    const auto codes = iso_numeric_to_alpha2();
    OGRLayer &layer = data.layer("countries");
    layer.ResetReading();
    std::vector<CountryShape> out;
    for (const auto &feature : layer) {
        CountryShape country;
        country.name = field_text(*feature, "name");
        country.iso2 = alpha2_for(field_text(*feature, "id"), country.name, codes);
        for (const LonLatPolygon &p : geographic_polygons(feature->GetGeometryRef()))
            for (Polygon &piece : project_polygon(p, proj))
                country.polygons.push_back(std::move(piece));
        out.push_back(std::move(country));
    }
    return out;
}

std::vector<Polygon> read_land(MemoryDataset &data, const Projection &proj) {
    OGRLayer &layer = data.layer("land");
    layer.ResetReading();
    std::vector<Polygon> out;
    for (const auto &feature : layer)
        for (const LonLatPolygon &p : geographic_polygons(feature->GetGeometryRef()))
            for (Polygon &piece : project_polygon(p, proj))
                out.push_back(std::move(piece));
    return out;
}

} // namespace detail

ProjectedBasemap build_basemap(const project::Projector &projector, Detail detail,
                               double graticule_step) {
    const detail::QuietGdal quiet;
    const detail::Frame frame(projector.spec());
    const detail::Projection proj{projector, frame, detail::windows(frame)};
    const std::string scale = detail == Detail::medium ? "50m" : "110m";

    ProjectedBasemap out;
    // world-atlas's countries file also holds the "land" object (the same one as land-*.json),
    // and parsing JSON is most of the cost, so both layers come from one file.
    const std::string resource = "countries-" + scale + ".json";
    detail::MemoryDataset data(resource, "/vsimem/dcmap/basemap/");
    out.countries = detail::read_countries(data, proj);
    out.land = detail::read_land(data, proj);
    out.graticule = detail::graticule(graticule_step, proj, projector.spec());
    out.outline = detail::outline(proj);
    for (const Point &p : out.outline)
        out.bounds.expand(p);
    return out;
}

Ring projection_outline(const project::Projector &projector) {
    const detail::Frame frame(projector.spec());
    const detail::Projection proj{projector, frame, detail::windows(frame)};
    return detail::outline(proj);
}

} // namespace dcmap::basemap
