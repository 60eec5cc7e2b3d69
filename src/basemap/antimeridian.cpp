#include "basemap/working_frame.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dcmap::basemap::detail {

// ---- rings in the working frame -------------------------------------------------------

/// Adds multiples of 360 so no step between neighbours is longer than 180 degrees.
void make_continuous(LonLatLine& line) {
    for (std::size_t i = 1; i < line.size(); ++i) {
        double step = line[i].x - line[i - 1].x;
        step -= 360 * std::round(step / 360);
        line[i].x = line[i - 1].x + step;
    }
}

/// Which copy of the working world `x` lies in: 0 for -180..180, 1 for 180..540, ...
double world_copy(double x) { return std::floor((x + 180) / 360); }

/// Makes a continuous ring that goes round a pole (it ends `span` = ±360 degrees from where it
/// starts) start and end where it crosses the seam (working x = ±180 + 360 k). Closed along the
/// pole from there, its closing edges lie on the map's edge. Closed anywhere else (Natural
/// Earth starts Antarctica at 180°), they would run across the map from the coast to the pole,
/// splitting the polygon in two whose outlines draw a hair line there.
void start_at_seam(LonLatRing& ring, double span) {
    if (const double from_seam = ring.front().x + 180;
        from_seam == 360 * world_copy(ring.front().x))
        return;
    // The open ring (the last vertex repeats the first one, `span` further on).
    const std::size_t n = ring.size() - 1;
    const auto at = [&](std::size_t i) {
        return i < n ? ring[i] : LonLat{ring[i - n].x + span, ring[i - n].y};
    };
    for (std::size_t i = 0; i < n; ++i) {
        const LonLat a = at(i), b = at(i + 1);
        const double copy_a = world_copy(a.x), copy_b = world_copy(b.x);
        if (copy_a == copy_b)
            continue;
        const double seam = 360 * std::max(copy_a, copy_b) - 180;
        const double t = (seam - a.x) / (b.x - a.x);
        const LonLat crossing{seam, a.y + (b.y - a.y) * t};
        LonLatRing rotated;
        rotated.reserve(n + 3);
        rotated.push_back(crossing);
        for (std::size_t k = i + 1; k <= i + n; ++k)
            rotated.push_back(at(k));
        rotated.push_back({crossing.x + span, crossing.y});
        ring = std::move(rotated);
        return;
    }
}

/// A continuous ring that ends 360 degrees away from its start goes round a pole: close it
/// along that pole's latitude so it becomes a plain polygon in the plane. True when it did.
bool close_round_pole(LonLatRing& ring) {
    if (ring.size() < 2)
        return false;
    if (std::abs(ring.back().x - ring.front().x) < 180)
        return false;
    // Only a closed ring (its last vertex the first one, a whole turn on) can start elsewhere.
    const double span = ring.back().x - ring.front().x;
    if (std::abs(std::abs(span) - 360) < 1e-6 && ring.back().y == ring.front().y)
        start_at_seam(ring, span);
    const LonLat first = ring.front();
    const LonLat last = ring.back();
    double lat_sum = 0;
    for (const LonLat& p : ring)
        lat_sum += p.y;
    const double pole = lat_sum < 0 ? -90 : 90;
    ring.push_back({last.x, pole});
    ring.push_back({first.x, pole});
    ring.push_back(first);
    return true;
}

double mean_x(const LonLatRing& ring) {
    double sum = 0;
    for (const LonLat& p : ring)
        sum += p.x;
    return ring.empty() ? 0 : sum / static_cast<double>(ring.size());
}

/// Shifts a hole by a multiple of 360 so it sits inside its outer ring's longitude range.
void align_hole(LonLatRing& hole, double outer_min, double outer_max) {
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
    for (LonLat& p : hole)
        p.x += best_shift;
}

/// Working-frame polygon: continuous rings, pole rings closed, holes beside their outer ring.
WorkingPolygon to_working_polygon(const LonLatPolygon& geographic, const Frame& frame) {
    WorkingPolygon out;
    for (const LonLatRing& ring : geographic) {
        LonLatRing work;
        work.reserve(ring.size() + 3);
        for (const LonLat& p : ring)
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

// ---- cutting at the seam ----------------------------------------------------------------

std::vector<Window> windows(const Frame& frame) {
    std::vector<Window> out;
    for (int k = -1; k <= 1; ++k) {
        const double centre = 360.0 * k;
        out.push_back({-centre, centre - frame.half_width(), centre + frame.half_width(),
                       frame.lat_min(), frame.lat_max()});
    }
    return out;
}

bool inside_middle_window(const Extent& e, const Frame& frame) {
    return e.min_x >= -frame.half_width() && e.max_x <= frame.half_width() &&
           e.min_y >= frame.lat_min() && e.max_y <= frame.lat_max();
}

/// True when no vertex falls inside the visible window. Land polygons are smaller than a
/// hemisphere, so such a polygon cannot cover the window either and is wholly hidden.
bool wholly_hidden(const LonLatPolygon& polygon, const Frame& frame) {
    for (const LonLatRing& ring : polygon)
        for (const LonLat& p : ring)
            if (std::abs(wrap180(p.x)) <= frame.half_width() && p.y >= frame.lat_min() &&
                p.y <= frame.lat_max())
                return false;
    return true;
}

/// True when `e` overlaps some window's box: otherwise cutting finds nothing, and is skipped
/// without loading GDAL (a meridian drawn on the seam itself lies in no window).
bool overlaps_a_window(const Extent& e, const std::vector<Window>& cut_windows) {
    return std::any_of(cut_windows.begin(), cut_windows.end(), [&](const Window& w) {
        return e.min_x <= w.max_x && e.max_x >= w.min_x && e.min_y <= w.max_y && e.max_y >= w.min_y;
    });
}

std::vector<LonLatPolygon> cut_polygon(const WorkingPolygon& working, const Frame& frame,
                                       const std::vector<Window>& cut_windows) {
    const LonLatPolygon& polygon = working.rings;
    Extent extent;
    for (const LonLatRing& ring : polygon)
        extent.add(ring);
    if (!working.combine_even_odd && inside_middle_window(extent, frame))
        return {polygon};
    if (wholly_hidden(polygon, frame) || !overlaps_a_window(extent, cut_windows))
        return {};
    return gdal_cut().cut_polygon(working, cut_windows);
}

std::vector<LonLatLine> cut_line(LonLatLine line, const Frame& frame,
                                 const std::vector<Window>& cut_windows) {
    make_continuous(line);
    Extent extent;
    extent.add(line);
    if (inside_middle_window(extent, frame))
        return {line};
    if (!overlaps_a_window(extent, cut_windows))
        return {};
    return gdal_cut().cut_line(line, cut_windows);
}

} // namespace dcmap::basemap::detail
