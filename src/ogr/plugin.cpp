#include "ogr/gdal_api.hpp"

namespace dcmap::ogr {

const GdalApi& gdal_api() { return io::gdal_plugin_table<GdalApi>("dcmap_gdal_ogr_api"); }

} // namespace dcmap::ogr
