#include "basemap/countries.hpp"

#include "basemap/gdal_reading.hpp"

#include "model/error.hpp"

#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

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

void collect_rings(const OGRGeometry* g, std::vector<Ring>& out) {
    if (!g)
        return;
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon) {
        for (const OGRLinearRing* ring : *g->toPolygon()) {
            Ring r;
            r.reserve(ring->getNumPoints());
            for (int i = 0; i < ring->getNumPoints(); ++i)
                r.push_back({ring->getX(i), ring->getY(i)});
            if (r.size() >= 4)
                out.push_back(std::move(r));
        }
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g->toGeometryCollection())
            collect_rings(part, out);
    }
}

std::vector<Country> load_countries() {
    const std::string resource = "countries-50m.json";
    const detail::QuietGdal quiet;
    try {
        detail::MemoryDataset data(resource, "/vsimem/dcmap/countries/");
        OGRLayer* layer = data.find_layer("countries");
        if (!layer)
            throw detail::GdalOpenError("no countries layer");
        const auto codes = detail::iso_numeric_to_alpha2();
        std::vector<Country> out;
        for (const auto& feature : *layer) {
            Country c;
            c.iso2 = detail::alpha2_for(detail::field_text(*feature, "id"),
                                        detail::field_text(*feature, "name"), codes);
            collect_rings(feature->GetGeometryRef(), c.rings);
            out.push_back(std::move(c));
        }
        return out;
    } catch (const detail::GdalOpenError&) {
        throw IoError("cannot read the countries of embedded base map '" + resource + "'");
    }
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
