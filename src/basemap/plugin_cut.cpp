#include "basemap/working_frame.hpp"

#include "io/plugin.hpp"

namespace dcmap::basemap::detail {

const GdalCutApi& gdal_cut() { return io::gdal_plugin_table<GdalCutApi>("dcmap_gdal_cut_api"); }

} // namespace dcmap::basemap::detail
