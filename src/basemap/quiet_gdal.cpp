#include "basemap/quiet_gdal.hpp"

#include <cpl_error.h>

namespace dcmap::basemap::detail {

QuietGdal::QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }

QuietGdal::~QuietGdal() { CPLPopErrorHandler(); }

} // namespace dcmap::basemap::detail
