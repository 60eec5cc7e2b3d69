// Built into dcmap's GDAL plug-in (files named gdal_*.cpp) and the build-time packing tool:
// the OGR (GEOS) half of cutting at the projection's seam.
#include "basemap/gdal_cut.hpp"

#include <cpl_error.h>
#include <ogr_geometry.h>

#include <memory>
#include <vector>

namespace dcmap::basemap::detail {
namespace {

OGRLinearRing to_ogr_ring(const LonLatRing& ring) {
    OGRLinearRing out;
    out.setNumPoints(static_cast<int>(ring.size()), FALSE);
    for (std::size_t i = 0; i < ring.size(); ++i)
        out.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
    out.closeRings();
    return out;
}

std::unique_ptr<OGRPolygon> to_ogr_polygon(const LonLatPolygon& polygon) {
    auto out = std::make_unique<OGRPolygon>();
    for (const LonLatRing& ring : polygon) {
        OGRLinearRing r = to_ogr_ring(ring);
        out->addRing(&r);
    }
    return out;
}

LonLatRing from_ogr_curve(const OGRSimpleCurve& curve, double shift) {
    LonLatRing out;
    out.reserve(curve.getNumPoints());
    for (int i = 0; i < curve.getNumPoints(); ++i)
        out.push_back({curve.getX(i) + shift, curve.getY(i)});
    return out;
}

} // namespace

/// Appends every polygon in `geometry` (polygon, multipolygon or collection), shifted in x.
void collect_polygons(const OGRGeometry* geometry, double shift, std::vector<LonLatPolygon>& out) {
    if (!geometry)
        return;
    const auto type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbPolygon) {
        const auto* polygon = geometry->toPolygon();
        LonLatPolygon p;
        for (const OGRLinearRing* ring : *polygon)
            p.push_back(from_ogr_curve(*ring, shift));
        if (!p.empty() && p.front().size() >= 4)
            out.push_back(std::move(p));
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const OGRGeometry* part : *geometry->toGeometryCollection())
            collect_polygons(part, shift, out);
    }
}

namespace {

void collect_lines(const OGRGeometry* geometry, double shift, std::vector<LonLatLine>& out) {
    if (!geometry)
        return;
    const auto type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbLineString) {
        LonLatLine line = from_ogr_curve(*geometry->toLineString(), shift);
        if (line.size() >= 2)
            out.push_back(std::move(line));
    } else if (type == wkbMultiLineString || type == wkbGeometryCollection) {
        for (const OGRGeometry* part : *geometry->toGeometryCollection())
            collect_lines(part, shift, out);
    }
}

bool overlaps(const Extent& e, const Window& w) {
    return e.min_x <= w.max_x && e.max_x >= w.min_x && e.min_y <= w.max_y && e.max_y >= w.min_y;
}

OGRPolygon box_of(const Window& w) {
    OGRPolygon box;
    OGRLinearRing ring = to_ogr_ring({{w.min_x, w.min_y},
                                      {w.max_x, w.min_y},
                                      {w.max_x, w.max_y},
                                      {w.min_x, w.max_y},
                                      {w.min_x, w.min_y}});
    box.addRing(&ring);
    return box;
}

/// MakeValid may return a collection with stray lines and points, which GEOS overlay refuses;
/// keep only the polygons.
std::unique_ptr<OGRGeometry> repaired(const OGRGeometry& shape) {
    std::unique_ptr<OGRGeometry> fixed(shape.MakeValid());
    if (!fixed)
        return nullptr;
    const auto type = wkbFlatten(fixed->getGeometryType());
    if (type == wkbPolygon || type == wkbMultiPolygon)
        return fixed;
    std::vector<LonLatPolygon> parts;
    collect_polygons(fixed.get(), 0, parts);
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const LonLatPolygon& part : parts)
        out->addGeometryDirectly(to_ogr_polygon(part).release());
    return out;
}

std::unique_ptr<OGRGeometry> valid(std::unique_ptr<OGRGeometry> shape) {
    if (shape && !shape->IsValid())
        shape = repaired(*shape);
    return shape;
}

/// The region covered an odd number of times by the rings, as a valid OGR geometry.
std::unique_ptr<OGRGeometry> even_odd_region(const LonLatPolygon& rings) {
    std::unique_ptr<OGRGeometry> region;
    for (const LonLatRing& ring : rings) {
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

std::vector<LonLatPolygon> cut_polygon(const WorkingPolygon& working,
                                       const std::vector<Window>& cut_windows) {
    // GDAL's messages go nowhere while `quiet` lives: library code never prints, and GEOS's
    // validity warnings for raw stitched rings are expected (they are repaired below).
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    const LonLatPolygon& polygon = working.rings;
    Extent extent;
    for (const LonLatRing& ring : polygon)
        extent.add(ring);
    std::unique_ptr<OGRGeometry> shape =
        working.combine_even_odd ? even_odd_region(polygon)
                                 : std::unique_ptr<OGRGeometry>(to_ogr_polygon(polygon));
    std::vector<LonLatPolygon> pieces;
    if (!shape)
        return pieces;
    bool was_repaired = false;
    for (const Window& w : cut_windows) {
        if (!overlaps(extent, w))
            continue;
        const OGRPolygon box = box_of(w);
        std::unique_ptr<OGRGeometry> piece(shape->Intersection(&box));
        // GEOS refuses self-intersecting input (a stitched ring after unwrapping can touch
        // itself); repair once and retry, which is cheaper than validating every polygon.
        if (!piece && !was_repaired) {
            shape = repaired(*shape);
            was_repaired = true;
            if (!shape)
                return pieces;
            piece.reset(shape->Intersection(&box));
        }
        collect_polygons(piece.get(), w.shift, pieces);
    }
    return pieces;
}

std::vector<LonLatLine> cut_line(const LonLatLine& line, const std::vector<Window>& cut_windows) {
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    Extent extent;
    extent.add(line);
    OGRLineString shape;
    for (const LonLat& p : line)
        shape.addPoint(p.x, p.y);
    std::vector<LonLatLine> pieces;
    for (const Window& w : cut_windows) {
        if (!overlaps(extent, w))
            continue;
        const OGRPolygon box = box_of(w);
        std::unique_ptr<OGRGeometry> piece(shape.Intersection(&box));
        collect_lines(piece.get(), w.shift, pieces);
    }
    return pieces;
}

} // namespace

const GdalCutApi* gdal_cut_direct() {
    static const GdalCutApi api{cut_polygon, cut_line};
    return &api;
}

} // namespace dcmap::basemap::detail

extern "C" DCMAP_PLUGIN_EXPORT const dcmap::basemap::detail::GdalCutApi* dcmap_gdal_cut_api() {
    return dcmap::basemap::detail::gdal_cut_direct();
}
