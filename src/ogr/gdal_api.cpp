// Built into the GDAL plug-in only (files named gdal_*.cpp): its exported entry points.
#include "ogr/gdal_api.hpp"

#ifndef DCMAP_VERSION
#define DCMAP_VERSION "unknown"
#endif

extern "C" DCMAP_PLUGIN_EXPORT const char* dcmap_gdal_plugin_version() { return DCMAP_VERSION; }

extern "C" DCMAP_PLUGIN_EXPORT const dcmap::ogr::GdalApi* dcmap_gdal_ogr_api() {
    static const dcmap::ogr::GdalApi api{dcmap::ogr::gdal::read_feature_table,
                                         dcmap::ogr::gdal::read_geo_layer,
                                         dcmap::ogr::gdal::resolved_bytes};
    return &api;
}
