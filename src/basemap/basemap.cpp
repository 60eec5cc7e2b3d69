#include "basemap/basemap.hpp"

#include "basemap/quiet_gdal.hpp"
#include "basemap/working_frame.hpp"

namespace dcmap::basemap {

ProjectedBasemap build_basemap(const project::Projector& projector, Detail detail,
                               double graticule_step) {
    const detail::QuietGdal quiet;
    const detail::Frame frame(projector.spec());
    const detail::Projection proj{projector, frame, detail::windows(frame)};
    const detail::PackedBasemap& data = detail::embedded_basemap(detail == Detail::medium);

    ProjectedBasemap out;
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
