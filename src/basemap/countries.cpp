#include "basemap/countries.hpp"

#include "basemap/working_frame.hpp"

#include "model/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
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
    // Longitudes in -180..180 differ by at most 360: one correction, no fmod (this runs for
    // every candidate edge of every point test).
    double d = a - b;
    if (std::abs(d) > 360)
        d = std::fmod(d, 360.0);
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

/// One ring edge, ring[at] -> ring[at + 1], of countries[country].rings[ring].
struct EdgeRef {
    std::uint32_t country, ring, at;
};

/// The countries, and their edges by the quarter-degree longitude column they span, so a point
/// test looks only at the edges a ray due north from the point can cross: a few hundred instead
/// of every vertex of 1:50m (a file of 100,000 sites by coordinates took minutes without it).
struct CountryIndex {
    static constexpr int columns_per_degree = 4;
    static constexpr int columns = 360 * columns_per_degree;
    std::vector<Country> countries;
    std::vector<std::vector<EdgeRef>> edges_by_column;
};

/// Column c (any integer, wrapped round the globe) of the index.
int wrap_column(int c) {
    c %= CountryIndex::columns;
    return c < 0 ? c + CountryIndex::columns : c;
}

/// The column of a longitude in degrees, before wrapping: [-180, -179.75) is column 0.
int column_of_unwrapped(double lon) {
    return static_cast<int>(std::floor((lon + 180) * CountryIndex::columns_per_degree));
}
int column_of(double lon) { return wrap_column(column_of_unwrapped(lon)); }

CountryIndex build_index() {
    CountryIndex index;
    index.countries = load_countries();
    index.edges_by_column.resize(CountryIndex::columns);
    // A little wider than each edge's span, so rounding never leaves out an edge a point on a
    // column boundary crosses; the exact test runs on every candidate anyway.
    constexpr double margin = 1e-6;
    for (std::uint32_t ci = 0; ci < index.countries.size(); ++ci) {
        const auto& rings = index.countries[ci].rings;
        for (std::uint32_t ri = 0; ri < rings.size(); ++ri) {
            const Ring& ring = rings[ri];
            for (std::uint32_t i = 0; i + 1 < ring.size(); ++i) {
                const double a = ring[i].lon;
                const double span = delta_lon(ring[i + 1].lon, a); // the short way round
                const EdgeRef edge{ci, ri, i};
                if (std::abs(span) > 90) { // wrap-around seams: candidates everywhere
                    for (auto& column : index.edges_by_column)
                        column.push_back(edge);
                    continue;
                }
                const double lo = a + std::min(0.0, span) - margin;
                const double hi = a + std::max(0.0, span) + margin;
                for (int c = column_of_unwrapped(lo), last = column_of_unwrapped(hi); c <= last;
                     ++c)
                    index.edges_by_column[wrap_column(c)].push_back(edge);
            }
        }
    }
    return index;
}

const CountryIndex& country_index() {
    static const CountryIndex index = build_index();
    return index;
}

/// Whether a ray due north from (lon, lat) crosses the edge `ring[i] -> ring[i + 1]`. Longitudes
/// are taken relative to the point, so rings stitched across the antimeridian (Russia, Fiji) and
/// rings round the pole (Antarctica) work: the wrap-around edges sit at ±180 from the point and
/// are skipped.
bool crosses_north(const Ring& ring, std::size_t i, double lon, double lat) {
    const double x1 = delta_lon(ring[i].lon, lon), x2 = delta_lon(ring[i + 1].lon, lon);
    if (std::abs(x1 - x2) > 180 || (x1 > 0) == (x2 > 0))
        return false;
    const double y = ring[i].lat + (0 - x1) * (ring[i + 1].lat - ring[i].lat) / (x2 - x1);
    return y > lat;
}

/// Even-odd test of countries[ci] (outer rings and holes alike) over the candidate edges of the
/// point's column.
bool contains(const CountryIndex& index, std::uint32_t ci, double lon, double lat) {
    bool inside = false;
    for (const EdgeRef& e : index.edges_by_column[column_of(lon)])
        if (e.country == ci && crosses_north(index.countries[ci].rings[e.ring], e.at, lon, lat))
            inside = !inside;
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
    const CountryIndex& index = country_index();
    // Crossings counted for every country at once over the column's edges; the first country
    // (in base map order) with an odd count contains the point.
    std::vector<char> inside(index.countries.size(), 0);
    for (const EdgeRef& e : index.edges_by_column[column_of(lon)])
        if (crosses_north(index.countries[e.country].rings[e.ring], e.at, lon, lat))
            inside[e.country] ^= 1;
    for (std::size_t ci = 0; ci < index.countries.size(); ++ci)
        if (inside[ci] && !index.countries[ci].iso2.empty())
            return index.countries[ci].iso2;
    return {};
}

std::optional<double> distance_to_country_km(const std::string& iso2, double lon, double lat) {
    const CountryIndex& index = country_index();
    std::optional<double> best;
    for (std::uint32_t ci = 0; ci < index.countries.size(); ++ci) {
        const Country& c = index.countries[ci];
        if (c.iso2 != iso2)
            continue;
        if (contains(index, ci, lon, lat))
            return 0.0;
        const double d = edge_distance_km(c, lon, lat);
        if (!best || d < *best)
            best = d;
    }
    return best;
}

} // namespace dcmap::basemap
