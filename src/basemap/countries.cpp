#include "basemap/countries.hpp"

#include "model/error.hpp"
#include "resources/resources.hpp"

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
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

std::map<int, std::string> numeric_to_alpha2() {
    std::map<int, std::string> codes;
    const auto text = resources::get("countries.tsv");
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto line = text.substr(start, end - start);
        start = end + 1;
        const auto tab = line.find('\t');
        if (tab == 0 || tab == std::string_view::npos)
            continue;
        const auto tab2 = line.find('\t', tab + 1);
        codes[std::atoi(std::string(line.substr(0, tab)).c_str())] =
            std::string(line.substr(tab + 1, tab2 - tab - 1));
    }
    return codes;
}

std::vector<Country> load_countries() {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    const std::string resource = "countries-50m.json";
    const std::string path = "/vsimem/dcmap/countries/" + resource;
    const auto bytes = resources::get(resource);
    if (bytes.empty())
        throw IoError("embedded base map '" + resource + "' is missing");
    CPLPushErrorHandler(CPLQuietErrorHandler);
    // GDAL only reads the buffer (bTakeOwnership = FALSE), so the const_cast is safe.
    VSILFILE* file = VSIFileFromMemBuffer(path.c_str(),
                                          reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                          static_cast<vsi_l_offset>(bytes.size()), FALSE);
    if (file)
        VSIFCloseL(file);
    const char* const drivers[] = {"TopoJSON", nullptr};
    GDALDatasetUniquePtr data(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    std::vector<Country> out;
    OGRLayer* layer = data ? data->GetLayerByName("countries") : nullptr;
    if (layer) {
        const auto codes = numeric_to_alpha2();
        for (const auto& feature : *layer) {
            Country c;
            const int id_index = feature->GetFieldIndex("id");
            const std::string id = id_index >= 0 && feature->IsFieldSetAndNotNull(id_index)
                                       ? feature->GetFieldAsString(id_index)
                                       : std::string{};
            const int name_index = feature->GetFieldIndex("name");
            const std::string name = name_index >= 0 && feature->IsFieldSetAndNotNull(name_index)
                                         ? feature->GetFieldAsString(name_index)
                                         : std::string{};
            if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos) {
                const auto it = codes.find(std::atoi(id.c_str()));
                if (it != codes.end())
                    c.iso2 = it->second;
            } else if (name == "Kosovo") {
                c.iso2 = "XK";
            }
            collect_rings(feature->GetGeometryRef(), c.rings);
            out.push_back(std::move(c));
        }
    }
    data.reset();
    VSIUnlink(path.c_str());
    CPLPopErrorHandler();
    if (!layer)
        throw IoError("cannot read the countries of embedded base map '" + resource + "'");
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
