#include "basemap/borders.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <tuple>
#include <utility>

namespace dcmap::basemap {

namespace detail {
namespace {

/// An edge with its ends in a fixed order, so a-b and b-a are the same edge.
struct Edge {
    Point a, b;
    Edge(Point p, Point q) : a(p), b(q) {
        if (std::tie(b.x, b.y) < std::tie(a.x, a.y))
            std::swap(a, b);
    }
    bool operator==(const Edge& o) const {
        return a.x == o.a.x && a.y == o.a.y && b.x == o.b.x && b.y == o.b.y;
    }
};

/// A set of edges by open addressing in one array: the border pass hashes every edge of the
/// base map (~250,000 at 1:50m), where std::unordered_set's node per edge cost four times as much.
class EdgeSet {
public:
    explicit EdgeSet(std::size_t expected) {
        std::size_t size = 16;
        while (size < 2 * expected)
            size *= 2;
        slots_.assign(size, Edge({kEmpty, 0}, {kEmpty, 0}));
    }
    bool contains(const Edge& e) const { return !empty(find(e)); }
    /// Adds `e`; false when it was there already.
    bool insert(const Edge& e) {
        const std::size_t at = find(e);
        if (!empty(at))
            return false;
        slots_[at] = e;
        return true;
    }

private:
    static constexpr double kEmpty = std::numeric_limits<double>::infinity(); // edges are finite
    bool empty(std::size_t at) const { return slots_[at].a.x == kEmpty; }
    static std::uint64_t bits(double v) {
        std::uint64_t u;
        std::memcpy(&u, &v, sizeof u);
        return u;
    }
    /// The slot holding `e`, or the empty slot where it would go.
    std::size_t find(const Edge& e) const {
        std::uint64_t h = 0;
        for (double v : {e.a.x, e.a.y, e.b.x, e.b.y})
            h = (h ^ bits(v + 0.0)) * 0x9e3779b97f4a7c15ULL; // + 0.0: -0 hashes as 0, as == has it
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = (h ^ (h >> 29)) & mask;; at = (at + 1) & mask)
            if (empty(at) || slots_[at] == e)
                return at;
    }
    std::vector<Edge> slots_;
};

bool finite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }

/// Calls `visit(p, q)` for each edge of `ring`, closing it, skipping repeated points.
template <class Visit> void for_each_edge(const Ring& ring, Visit visit) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Point p = ring[i], q = ring[(i + 1) % n];
        if (p.x != q.x || p.y != q.y)
            visit(p, q);
    }
}

} // namespace

std::vector<Polyline> inner_borders(const std::vector<CountryShape>& countries,
                                    const std::vector<Polygon>& land) {
    const auto edges = [](const std::vector<Polygon>& polygons) {
        std::size_t n = 0;
        for (const auto& polygon : polygons)
            for (const auto& ring : polygon.rings)
                n += ring.size();
        return n;
    };
    std::size_t country_edges = 0;
    for (const auto& country : countries)
        country_edges += edges(country.polygons);
    EdgeSet coast(edges(land));
    for (const auto& polygon : land)
        for (const auto& ring : polygon.rings)
            for_each_edge(ring, [&](Point p, Point q) {
                if (finite(p) && finite(q))
                    coast.insert(Edge(p, q));
            });
    EdgeSet drawn(country_edges);
    std::vector<Polyline> out;
    for (const auto& country : countries) {
        for (const auto& polygon : country.polygons) {
            for (const auto& ring : polygon.rings) {
                Polyline line;
                const auto finish = [&] {
                    if (line.size() >= 2)
                        out.push_back(std::move(line));
                    line.clear();
                };
                for_each_edge(ring, [&](Point p, Point q) {
                    const Edge edge(p, q);
                    if (!finite(p) || !finite(q) || coast.contains(edge) || !drawn.insert(edge)) {
                        finish();
                        return;
                    }
                    if (line.empty() || line.back().x != p.x || line.back().y != p.y) {
                        finish();
                        line.push_back(p);
                    }
                    line.push_back(q);
                });
                finish();
            }
        }
    }
    return out;
}

} // namespace detail

} // namespace dcmap::basemap
