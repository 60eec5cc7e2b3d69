// The packing tool links GDAL itself, so it cuts through gdal_cut.cpp directly instead of
// loading the plug-in (which may not be built yet when the base map is packed).
#include "basemap/gdal_cut.hpp"

namespace dcmap::basemap::detail {

const GdalCutApi& gdal_cut() { return *gdal_cut_direct(); }

} // namespace dcmap::basemap::detail
