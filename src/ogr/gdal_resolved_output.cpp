#include "ogr/gdal_api.hpp"
#include "ogr/gdal_session.hpp"

#include "model/error.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cctype>
#include <cmath>

namespace dcmap::ogr::gdal {
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

struct Driver {
    const char* name;
    const char* extension;
};

Driver driver_for(ResolvedFormat format) {
    switch (format) {
    case ResolvedFormat::geojson:
        return {"GeoJSON", ".geojson"};
    case ResolvedFormat::geopackage:
        return {"GPKG", ".gpkg"};
    case ResolvedFormat::csv:
        return {"CSV", ".csv"};
    case ResolvedFormat::flatgeobuf:
        return {"FlatGeobuf", ".fgb"};
    }
    return {"GeoJSON", ".geojson"};
}

} // namespace

std::string resolved_bytes(const std::vector<ResolvedSite>& sites, ResolvedFormat format) {
    ogr::detail::register_gdal();
    const Driver which = driver_for(format);
    const ogr::detail::MemFile mem{ogr::detail::mem_path(which.extension)};
    // Library code never prints: GDAL's messages go nowhere while `quiet` lives, and a failure
    // reaches the caller as an exception carrying last_gdal_error().
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    // GeoPackage stamps its tables with the time; a fixed one keeps the bytes reproducible.
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
    struct ResetDate {
        ~ResetDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr); }
    } reset_date;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(which.name);
    if (!driver)
        throw IoError(std::string("GDAL has no ") + which.name + " driver");
    {
        GDALDatasetUniquePtr data(driver->Create(mem.path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!data)
            throw IoError(std::string("cannot create ") + which.name +
                          " in memory: " + ogr::detail::last_gdal_error());
        CPLStringList options;
        if (format == ResolvedFormat::geojson) {
            options.SetNameValue("RFC7946", "YES");
            options.SetNameValue("COORDINATE_PRECISION", "6");
            options.SetNameValue("WRITE_NAME", "NO");
        } else if (format == ResolvedFormat::csv) {
            options.SetNameValue("GEOMETRY", "AS_XY");
        } else if (format == ResolvedFormat::flatgeobuf) {
            // The index would sort features along a curve; the file keeps the input's order.
            options.SetNameValue("SPATIAL_INDEX", "NO");
        }
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRLayer* layer = data->CreateLayer("sites", &wgs84, wkbPoint, options.List());
        if (!layer)
            throw IoError(std::string("cannot create a ") + which.name +
                          " layer: " + ogr::detail::last_gdal_error());
        for (const auto& f : fields) {
            OGRFieldDefn defn(f.name, f.type);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                throw IoError(std::string("cannot add ") + which.name + " field " + f.name);
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
                throw IoError(std::string("cannot write a ") + which.name + " feature for site " +
                              r.site.key());
        }
    }
    vsi_l_offset size = 0;
    const GByte* bytes = VSIGetMemFileBuffer(mem.path.c_str(), &size, FALSE);
    if (!bytes)
        throw IoError(std::string("GDAL wrote no ") + which.name);
    return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

} // namespace dcmap::ogr::gdal
