#pragma once
// Internal to basemap/: keeping GDAL's messages to itself while OGR cuts polygons.

namespace dcmap::basemap::detail {

/// Routes GDAL's messages to nowhere while alive (pushes a quiet error handler, pops it in the
/// destructor, also when an exception passes): library code never prints, and the validity
/// warnings GEOS gives for raw stitched rings are expected and repaired.
class QuietGdal {
public:
    QuietGdal();
    ~QuietGdal();
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

} // namespace dcmap::basemap::detail
