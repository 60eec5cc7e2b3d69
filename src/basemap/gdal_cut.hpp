#pragma once
// Internal to basemap/: cutting polygons and lines at the projection's seam with OGR (GEOS),
// the one part of the base map that needs GDAL. Built into dcmap's GDAL plug-in
// (libdcmap-gdal.so, io/plugin.hpp) and reached through GdalCutApi, so a render at the default
// centre, whose pieces were cut at build time, never loads GDAL.
#include "basemap/working_frame.hpp"
#include "io/plugin.hpp"

#include <ogr_geometry.h>

#include <vector>

namespace dcmap::basemap::detail {

/// Appends every polygon in `geometry` (polygon, multipolygon or collection), shifted in x.
void collect_polygons(const OGRGeometry* geometry, double shift, std::vector<LonLatPolygon>& out);

/// The OGR halves of cut_polygon and cut_line (working_frame.hpp), as the plug-in exports them.
const GdalCutApi* gdal_cut_direct();

} // namespace dcmap::basemap::detail

extern "C" DCMAP_PLUGIN_EXPORT const dcmap::basemap::detail::GdalCutApi* dcmap_gdal_cut_api();
