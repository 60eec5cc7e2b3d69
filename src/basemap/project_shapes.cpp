#include "basemap/working_frame.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dcmap::basemap::detail {

// ---- densify and project ---------------------------------------------------------------

/// Inserts points so no step is longer than densify_step degrees in x or y.
LonLatLine densify(const LonLatLine& line) {
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

/// Projects working-frame points, dropping invisible ones and repeated points. One call to
/// PROJ per line: its per-call overhead was a noticeable part of a render.
std::vector<Point> project_line(const LonLatLine& work, const Frame& frame,
                                const project::Projector& projector) {
    const LonLatLine dense = densify(work);
    std::vector<Point> projected;
    projected.reserve(dense.size());
    for (const LonLat& w : dense) {
        const LonLat geo = frame.to_geographic(w);
        projected.push_back({geo.x, geo.y});
    }
    thread_local std::vector<unsigned char> visible;
    projector.forward_in_place(projected, visible);
    std::vector<Point> out;
    out.reserve(projected.size());
    for (std::size_t i = 0; i < projected.size(); ++i) {
        const Point& p = projected[i];
        if (!visible[i])
            continue;
        if (!out.empty() && out.back().x == p.x && out.back().y == p.y)
            continue;
        out.push_back(p);
    }
    return out;
}

Ring project_ring(const LonLatRing& work, const Frame& frame, const project::Projector& projector) {
    Ring ring = project_line(work, frame, projector);
    // Ring closes implicitly.
    if (ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y)
        ring.pop_back();
    return ring;
}

/// A working-frame piece inside the middle window -> appended to `out` when it is big enough
/// to draw.
void project_piece(const LonLatPolygon& piece, const Projection& proj, std::vector<Polygon>& out) {
    Polygon polygon;
    for (const LonLatRing& ring : piece) {
        Ring projected = project_ring(ring, proj.frame, proj.projector);
        if (projected.size() >= 3)
            polygon.rings.push_back(std::move(projected));
        else if (polygon.rings.empty())
            break; // an outer ring too small to draw
    }
    if (!polygon.rings.empty())
        out.push_back(std::move(polygon));
}

/// Geographic polygon -> its projected pieces, cut at the seam (and the horizon).
std::vector<Polygon> project_polygon(const LonLatPolygon& geographic, const Projection& proj) {
    std::vector<Polygon> out;
    const WorkingPolygon work = to_working_polygon(geographic, proj.frame);
    for (const LonLatPolygon& piece : cut_polygon(work, proj.frame, proj.cut_windows))
        project_piece(piece, proj, out);
    return out;
}

/// Geographic polyline (already densified) -> projected pieces.
std::vector<Polyline> project_polyline(const LonLatLine& geographic, const Projection& proj) {
    LonLatLine work;
    work.reserve(geographic.size());
    for (const LonLat& p : geographic)
        work.push_back(proj.frame.to_work(p));
    std::vector<Polyline> out;
    for (const LonLatLine& piece : cut_line(std::move(work), proj.frame, proj.cut_windows)) {
        Polyline line = project_line(piece, proj.frame, proj.projector);
        if (line.size() >= 2)
            out.push_back(std::move(line));
    }
    return out;
}

// ---- graticule and outline -------------------------------------------------------------

LonLatLine geographic_line(LonLat from, LonLat to) { return densify({from, to}); }

std::vector<Polyline> graticule(double step, const Projection& proj,
                                const project::ProjectionSpec& spec) {
    std::vector<Polyline> out;
    if (!(step >= 1 && step <= 90)) // the style loader enforces this range
        return out;
    auto append = [&](const LonLatLine& line) {
        for (Polyline& piece : project_polyline(line, proj))
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
Ring outline(const Projection& proj) {
    const Frame& f = proj.frame;
    const LonLatRing edge{{-f.half_width(), f.lat_min()},
                          {-f.half_width(), f.lat_max()},
                          {f.half_width(), f.lat_max()},
                          {f.half_width(), f.lat_min()},
                          {-f.half_width(), f.lat_min()}};
    return project_ring(edge, f, proj.projector);
}

} // namespace dcmap::basemap::detail
