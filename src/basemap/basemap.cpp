#include "basemap/basemap.hpp"

#include "basemap/gdal_reading.hpp"
#include "basemap/working_frame.hpp"

#include <string>

namespace dcmap::basemap {

ProjectedBasemap build_basemap(const project::Projector& projector, Detail detail,
                               double graticule_step) {
    const detail::QuietGdal quiet;
    const detail::Frame frame(projector.spec());
    const detail::Projection proj{projector, frame, detail::windows(frame)};
    const std::string scale = detail == Detail::medium ? "50m" : "110m";

    ProjectedBasemap out;
    // world-atlas's countries file also holds the "land" object (the same one as land-*.json),
    // and parsing JSON is most of the cost, so both layers come from one file.
    const std::string resource = "countries-" + scale + ".json";
    detail::MemoryDataset data(resource, "/vsimem/dcmap/basemap/");
    out.countries = detail::read_countries(data, proj);
    out.land = detail::read_land(data, proj);
    out.graticule = detail::graticule(graticule_step, proj, projector.spec());
    out.outline = detail::outline(proj);
    for (const Point& p : out.outline)
        out.bounds.expand(p);
    return out;
}

Ring projection_outline(const project::Projector& projector) {
    const detail::Frame frame(projector.spec());
    const detail::Projection proj{projector, frame, detail::windows(frame)};
    return detail::outline(proj);
}

} // namespace dcmap::basemap
