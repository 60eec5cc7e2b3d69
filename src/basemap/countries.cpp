#include "basemap/countries.hpp"

#include "basemap/working_frame.hpp"

#include "io/zeroed_pages.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <atomic>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace dcmap::basemap {
namespace {

constexpr double km_per_degree = 111.195; // 6371 km * pi / 180
constexpr double rad = M_PI / 180;

struct Vertex {
    double lon, lat;
};
using Ring = std::vector<Vertex>;

/// Quarter-degree columns of longitude: the edge index's buckets, and what a ring covers.
constexpr int columns = 1440;
constexpr double column_width = 360.0 / columns;

int column_of(double lon) {
    const double x = lon + 180 - 360 * std::floor((lon + 180) / 360); // 0..360
    return std::clamp(static_cast<int>(x / column_width), 0, columns - 1);
}

struct Country {
    std::string iso2;
    std::vector<Ring> rings; // outer rings and holes alike: inside = odd crossings
    /// By ring: its northernmost latitude, and the columns its edges may cross (as the edge
    /// index files them), so a test without the index skips most rings.
    std::vector<double> ring_north;
    std::vector<std::bitset<columns>> ring_columns;
};

/// Longitude difference folded into -180..180.
double delta_lon(double a, double b) {
    double d = a - b;
    // fmod is most of a point-in-country test's time; below 360 it returns d unchanged.
    if (d >= 360 || d <= -360)
        d = std::fmod(d, 360.0);
    if (d > 180)
        d -= 360;
    if (d < -180)
        d += 360;
    return d;
}

/// Calls `visit(column)` for each column a ray due north from a point in it might see edge a-b
/// cross: those of the shorter arc from a to b, one more either side so a point on a column's
/// edge or an edge's end is never missed; an edge half way round the world could be either
/// arc, so it goes everywhere.
template <class Visit> void for_each_edge_column(Vertex a, Vertex b, Visit visit) {
    const double d = delta_lon(b.lon, a.lon);
    const bool any_arc = std::abs(d) >= 179.9;
    const double lo = a.lon + std::min(0.0, d), hi = a.lon + std::max(0.0, d);
    const int first = any_arc ? 0 : static_cast<int>(std::floor((lo + 180) / column_width)) - 1;
    const int last =
        any_arc ? columns - 1 : static_cast<int>(std::floor((hi + 180) / column_width)) + 1;
    for (int k = first; k <= last; ++k)
        visit(((k % columns) + columns) % columns);
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
                double north = -std::numeric_limits<double>::infinity();
                for (const detail::LonLat& p : ring) {
                    r.push_back({p.x, p.y});
                    north = std::max(north, p.y);
                }
                std::bitset<columns> covered;
                for (std::size_t i = 0; i + 1 < r.size(); ++i)
                    for_each_edge_column(r[i], r[i + 1],
                                         [&](int k) { covered.set(static_cast<std::size_t>(k)); });
                c.rings.push_back(std::move(r));
                c.ring_north.push_back(north);
                c.ring_columns.push_back(covered);
            }
        out.push_back(std::move(c));
    }
    return out;
}

const std::vector<Country>& countries() {
    static const std::vector<Country> all = load_countries();
    return all;
}

/// Whether edge a-b crosses the ray due north from (lon, lat), in longitudes relative to the
/// point: an edge across the point's antimeridian (|x1 - x2| > 180) never does.
bool crosses_north_ray(Vertex a, Vertex b, double lon, double lat) {
    const double x1 = delta_lon(a.lon, lon), x2 = delta_lon(b.lon, lon);
    if (std::abs(x1 - x2) > 180 || (x1 > 0) == (x2 > 0))
        return false;
    return a.lat + (0 - x1) * (b.lat - a.lat) / (x2 - x1) > lat;
}

/// Whether the ray due north from (lon, lat) crosses `ring` an odd number of times.
bool odd_crossings(const Ring& ring, double lon, double lat) {
    bool odd = false;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        if (crosses_north_ray(ring[i], ring[i + 1], lon, lat))
            odd = !odd;
    return odd;
}

/// Even-odd test with a ray due north, in longitudes relative to the point, so rings stitched
/// across the antimeridian (Russia, Fiji) and rings round the pole (Antarctica) work: the
/// wrap-around edges sit at ±180 from the point and are skipped.
bool contains(const Country& c, double lon, double lat) {
    bool inside = false;
    for (const Ring& ring : c.rings)
        inside ^= odd_crossings(ring, lon, lat);
    return inside;
}

/// Every edge of every country, bucketed by the longitudes it spans, so a point is tested
/// against the few hundred edges a ray due north from it can cross instead of all ~100,000
/// (at 100,000 sites the scan took minutes).
struct EdgeIndex {
    struct Edge {
        Vertex a, b;
        std::uint32_t country;
        double north() const { return std::max(a.lat, b.lat); }
    };
    /// Bucket k's edges are edges[starts[k], starts[k + 1]): one array, filled in two passes,
    /// rather than 1,440 vectors grown edge by edge.
    std::vector<std::uint32_t> starts;
    std::vector<Edge> edges;

    std::span<const Edge> near(double lon) const {
        const auto k = static_cast<std::size_t>(column_of(lon));
        return {edges.data() + starts[k], edges.data() + starts[k + 1]};
    }
};

/// Calls `visit(column, a, b, country)` for each column each edge goes in.
template <class Visit> void for_each_edge_bucket(const std::vector<Country>& all, Visit visit) {
    for (std::size_t c = 0; c < all.size(); ++c)
        for (const Ring& ring : all[c].rings)
            for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                for_each_edge_column(ring[i], ring[i + 1], [&](int k) {
                    visit(k, ring[i], ring[i + 1], static_cast<std::uint32_t>(c));
                });
}

EdgeIndex build_edge_index(const std::vector<Country>& all) {
    EdgeIndex index;
    index.starts.assign(columns + 1, 0);
    for_each_edge_bucket(all, [&](int k, Vertex, Vertex, std::uint32_t) {
        ++index.starts[static_cast<std::size_t>(k) + 1];
    });
    for (std::size_t k = 1; k < index.starts.size(); ++k)
        index.starts[k] += index.starts[k - 1];
    // ~14 MB written once: on huge pages, not ~3,500 faults of 4 KiB on the one core at work.
    io::reserve_on_huge_pages(index.edges, index.starts.back());
    index.edges.resize(index.starts.back());
    std::vector<std::uint32_t> next(index.starts.begin(), index.starts.end() - 1);
    for_each_edge_bucket(all, [&](int k, Vertex a, Vertex b, std::uint32_t c) {
        index.edges[next[static_cast<std::size_t>(k)]++] = {a, b, c};
    });
    // Northernmost first: a ray due north never meets an edge wholly south of its point, so a
    // search stops at the first such edge.
    for (std::size_t k = 0; k + 1 < index.starts.size(); ++k)
        std::stable_sort(index.edges.begin() + index.starts[k],
                         index.edges.begin() + index.starts[k + 1],
                         [](const EdgeIndex::Edge& p, const EdgeIndex::Edge& q) {
                             return p.north() > q.north();
                         });
    return index;
}

const EdgeIndex& edge_index() {
    static const EdgeIndex index = build_edge_index(countries());
    return index;
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

namespace detail {

std::string country_at_by_rings(double lon, double lat) {
    const auto column = static_cast<std::size_t>(column_of(lon));
    for (const Country& c : countries()) {
        if (c.iso2.empty())
            continue;
        bool inside = false;
        for (std::size_t r = 0; r < c.rings.size(); ++r) {
            // As with the index: no edge wholly south of the point, or clear of its column,
            // can cross its ray.
            if (c.ring_north[r] < lat - 1e-9 || !c.ring_columns[r].test(column))
                continue;
            inside ^= odd_crossings(c.rings[r], lon, lat);
        }
        if (inside)
            return c.iso2;
    }
    return {};
}

} // namespace detail

namespace {

// Points tested ring by ring before the edge index is built (~20 ms, 14 MB): a map of a few
// hundred sites never needs it.
constexpr int lookups_before_index = 256;
std::atomic<int> lookups_without_index{0};

} // namespace

void prepare_country_lookups(std::size_t points) {
    if (points > static_cast<std::size_t>(lookups_before_index))
        edge_index();
    else if (points > 0)
        countries(); // the 1:50m rings and their column masks: ~25 M instructions
}

std::string country_at(double lon, double lat) {
    if (lookups_without_index.load(std::memory_order_relaxed) < lookups_before_index &&
        lookups_without_index.fetch_add(1, std::memory_order_relaxed) < lookups_before_index)
        return detail::country_at_by_rings(lon, lat);
    return detail::country_at_by_index(lon, lat);
}

std::string detail::country_at_by_index(double lon, double lat) {
    // The even-odd test of contains() for every country at once, on the edges near lon.
    const std::vector<Country>& all = countries();
    std::vector<char> inside(all.size(), 0);
    for (const EdgeIndex::Edge& e : edge_index().near(lon)) {
        // The crossing's latitude below is at most the edge's north end, give or take
        // rounding: edges this far south of the point cannot count.
        if (e.north() < lat - 1e-9)
            break;
        if (crosses_north_ray(e.a, e.b, lon, lat))
            inside[e.country] ^= 1;
    }
    for (std::size_t c = 0; c < all.size(); ++c)
        if (inside[c] && !all[c].iso2.empty())
            return all[c].iso2;
    return {};
}

namespace detail {

std::string country_at_scanning_all(double lon, double lat) {
    for (const Country& c : countries())
        if (!c.iso2.empty() && contains(c, lon, lat))
            return c.iso2;
    return {};
}

} // namespace detail

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
