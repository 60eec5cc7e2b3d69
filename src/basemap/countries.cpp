#include "basemap/countries.hpp"

#include "basemap/working_frame.hpp"

#include "model/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace dcmap::basemap {
namespace {

constexpr double km_per_degree = 111.195; // 6371 km * pi / 180
constexpr double rad = M_PI / 180;

struct Vertex {
    double lon, lat;
};
using Ring = std::vector<Vertex>;

struct Country {
    std::string iso2;
    std::vector<Ring> rings; // outer rings and holes alike: inside = odd crossings
};

/// Longitude difference folded into -180..180.
double delta_lon(double a, double b) {
    double d = std::fmod(a - b, 360.0);
    if (d > 180)
        d -= 360;
    if (d < -180)
        d += 360;
    return d;
}

std::vector<Country> load_countries() {
    // The source rings of 1:50m, uncut: the tests below work on the sphere.
    const detail::PackedBasemap& data = detail::embedded_basemap(true);
    std::vector<Country> out;
    out.reserve(data.countries.size());
    for (const detail::PackedCountry& packed : data.countries) {
        Country c;
        c.iso2 = packed.iso2;
        for (const detail::LonLatPolygon& polygon : packed.polygons)
            for (const detail::LonLatRing& ring : polygon) {
                if (ring.size() < 4)
                    continue;
                Ring r;
                r.reserve(ring.size());
                for (const detail::LonLat& p : ring)
                    r.push_back({p.x, p.y});
                c.rings.push_back(std::move(r));
            }
        out.push_back(std::move(c));
    }
    return out;
}

const std::vector<Country>& countries() {
    static const std::vector<Country> all = load_countries();
    return all;
}

/// Even-odd test with a ray due north, in longitudes relative to the point, so rings stitched
/// across the antimeridian (Russia, Fiji) and rings round the pole (Antarctica) work: the
/// wrap-around edges sit at ±180 from the point and are skipped.
bool contains(const Country& c, double lon, double lat) {
    bool inside = false;
    for (const Ring& ring : c.rings) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const double x1 = delta_lon(ring[i].lon, lon), x2 = delta_lon(ring[i + 1].lon, lon);
            if (std::abs(x1 - x2) > 180 || (x1 > 0) == (x2 > 0))
                continue;
            const double y = ring[i].lat + (0 - x1) * (ring[i + 1].lat - ring[i].lat) / (x2 - x1);
            if (y > lat)
                inside = !inside;
        }
    }
    return inside;
}

double edge_distance_km(const Country& c, double lon, double lat) {
    const double kx = km_per_degree * std::cos(lat * rad);
    double best = std::numeric_limits<double>::infinity();
    for (const Ring& ring : c.rings) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const double x1 = delta_lon(ring[i].lon, lon), x2 = delta_lon(ring[i + 1].lon, lon);
            if (std::abs(x1 - x2) > 180)
                continue;
            const double ax = x1 * kx, ay = (ring[i].lat - lat) * km_per_degree;
            const double bx = x2 * kx, by = (ring[i + 1].lat - lat) * km_per_degree;
            const double dx = bx - ax, dy = by - ay;
            const double len2 = dx * dx + dy * dy;
            const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
            best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
        }
    }
    return best;
}

} // namespace

std::string country_at(double lon, double lat) {
    for (const Country& c : countries())
        if (!c.iso2.empty() && contains(c, lon, lat))
            return c.iso2;
    return {};
}

std::optional<double> distance_to_country_km(const std::string& iso2, double lon, double lat) {
    std::optional<double> best;
    for (const Country& c : countries()) {
        if (c.iso2 != iso2)
            continue;
        if (contains(c, lon, lat))
            return 0.0;
        const double d = edge_distance_km(c, lon, lat);
        if (!best || d < *best)
            best = d;
    }
    return best;
}

} // namespace dcmap::basemap
