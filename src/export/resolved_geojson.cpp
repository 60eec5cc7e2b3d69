#include "export/resolved_geojson.hpp"

#include "io/atomic_file.hpp"
#include "model/error.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <cmath>
#include <mutex>

namespace dcmap::exporter {
namespace {

struct Field {
    const char* name;
    OGRFieldType type;
};

constexpr Field fields[] = {
    {"key", OFTString},           {"name", OFTString},       {"provider", OFTString},
    {"status", OFTString},        {"region", OFTString},     {"query", OFTString},
    {"place", OFTString},         {"admin1", OFTString},     {"country", OFTString},
    {"population", OFTInteger64}, {"precision", OFTString},  {"source", OFTString},
    {"runner_up", OFTString},     {"runner_up_km", OFTReal}, {"locality", OFTString},
};

/// Removes a /vsimem file when the scope ends, whatever happens.
struct MemFile {
    std::string path;
    ~MemFile() { VSIUnlink(path.c_str()); }
};

} // namespace

std::string resolved_geojson(const std::vector<ResolvedSite>& sites) {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    static std::atomic<unsigned> counter{0};
    const MemFile mem{"/vsimem/dcmap/export/resolved-" + std::to_string(counter++) + ".geojson"};

    // Library code never prints: GDAL's warnings are silenced while this runs.
    struct Quiet {
        Quiet() { CPLPushErrorHandler(CPLQuietErrorHandler); }
        ~Quiet() { CPLPopErrorHandler(); }
    } quiet;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (!driver)
        throw IoError("GDAL has no GeoJSON driver");
    {
        GDALDatasetUniquePtr data(driver->Create(mem.path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!data)
            throw IoError("cannot create GeoJSON in memory: " + std::string(CPLGetLastErrorMsg()));
        char** options = nullptr;
        options = CSLSetNameValue(options, "RFC7946", "YES");
        options = CSLSetNameValue(options, "COORDINATE_PRECISION", "6");
        options = CSLSetNameValue(options, "WRITE_NAME", "NO");
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRLayer* layer = data->CreateLayer("sites", &wgs84, wkbPoint, options);
        CSLDestroy(options);
        if (!layer)
            throw IoError("cannot create a GeoJSON layer: " + std::string(CPLGetLastErrorMsg()));
        for (const auto& f : fields) {
            OGRFieldDefn defn(f.name, f.type);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                throw IoError(std::string("cannot add GeoJSON field ") + f.name);
        }
        for (const auto& r : sites) {
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("key", r.site.key().c_str());
            feature.SetField("name", r.site.name.c_str());
            feature.SetField("provider", r.site.provider.c_str());
            feature.SetField("status", to_string(r.site.status));
            feature.SetField("region", r.region.c_str());
            feature.SetField("query", r.query.c_str());
            feature.SetField("place", r.place.name.c_str());
            feature.SetField("admin1", r.place.admin1.c_str());
            feature.SetField("country", r.country.c_str());
            if (!r.place.name.empty())
                feature.SetField("population", static_cast<GIntBig>(r.place.population));
            feature.SetField("precision", to_string(r.precision));
            feature.SetField("source", to_string(r.source));
            if (r.runner_up) {
                feature.SetField("runner_up", short_description(*r.runner_up).c_str());
                feature.SetField("runner_up_km", std::round(r.runner_up_km * 10) / 10);
            }
            feature.SetField("locality", r.locality.c_str());
            OGRPoint point(r.lon, r.lat);
            feature.SetGeometry(&point);
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                throw IoError("cannot write GeoJSON feature for site " + r.site.key());
        }
    }
    vsi_l_offset size = 0;
    const GByte* bytes = VSIGetMemFileBuffer(mem.path.c_str(), &size, FALSE);
    if (!bytes)
        throw IoError("GDAL wrote no GeoJSON");
    return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

void write_resolved_geojson(const std::string& path, const std::vector<ResolvedSite>& sites) {
    io::write_file_atomically(path, resolved_geojson(sites));
}

} // namespace dcmap::exporter
