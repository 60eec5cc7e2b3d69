#pragma once
// Internal to ogr/: the functions that need GDAL, built into dcmap's GDAL plug-in
// (libdcmap-gdal.so, io/plugin.hpp) and reached through one table of function pointers, so a
// process that reads and writes no vector file never loads GDAL. vector_input.hpp and
// resolved_output.hpp are the module's interface; they forward here.
#include "io/plugin.hpp"
#include "model/feature_table.hpp"
#include "model/vector_layer.hpp"
#include "ogr/resolved_output.hpp"

#include <string>
#include <vector>

namespace dcmap::ogr {

/// The plug-in's entry points. Plain C++ types and exceptions pass through them: the plug-in
/// is refused unless it comes from the same version of dcmap (io/plugin.cpp).
struct GdalApi {
    FeatureTable (*read_feature_table)(const std::string& path);
    GeoLayer (*read_geo_layer)(const LayerRequest& request);
    std::string (*resolved_bytes)(const std::vector<ResolvedSite>& sites, ResolvedFormat format);
};

/// The plug-in's table, loaded on first use. Throws IoError when the plug-in is missing.
const GdalApi& gdal_api();

/// The implementations in the plug-in (gdal_*.cpp), as documented in the public headers.
namespace gdal {
FeatureTable read_feature_table(const std::string& path);
GeoLayer read_geo_layer(const LayerRequest& request);
std::string resolved_bytes(const std::vector<ResolvedSite>& sites, ResolvedFormat format);
} // namespace gdal

} // namespace dcmap::ogr

/// The table as the plug-in exports it (gdal_api.cpp).
extern "C" DCMAP_PLUGIN_EXPORT const dcmap::ogr::GdalApi* dcmap_gdal_ogr_api();
