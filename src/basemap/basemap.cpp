#include "basemap/basemap.hpp"

#include "basemap/borders.hpp"
#include "basemap/projected_pack.hpp"
#include "basemap/working_frame.hpp"
#include "io/threads.hpp"

#include <utility>

namespace dcmap::basemap {

ProjectedBasemap build_basemap(const project::Projector& projector, Detail detail,
                               double graticule_step) {
    const detail::Frame frame(projector.spec());
    const detail::Projection proj{projector, frame, detail::windows(frame)};
    const bool medium = detail == Detail::medium;
    // A named world projection at centre 0 was projected at build time, by the code below.
    const detail::ProjectedPack* projected = detail::embedded_projected(projector.spec(), medium);
    const detail::PackedBasemap* data = projected ? nullptr : &detail::embedded_basemap(medium);

    ProjectedBasemap out;
    // Countries on one thread, the rest on another: PROJ's per-point pipeline is most of the
    // work, and a PROJ object serves one thread at a time, so the second has its own.
    io::run_tasks(2, io::cores(2), [&](std::size_t task) {
        if (task == 0) {
            out.countries = projected ? projected->countries : detail::read_countries(*data, proj);
            return;
        }
        const project::Projector own(projector.spec());
        const detail::Projection own_proj{own, frame, proj.cut_windows};
        out.land = projected ? projected->land : detail::read_land(*data, own_proj);
        out.graticule = detail::graticule(graticule_step, own_proj, own.spec());
        out.outline = detail::outline(own_proj);
    });
    out.borders = projected ? projected->borders : detail::inner_borders(out.countries, out.land);
    for (const Point& p : out.outline)
        out.bounds.expand(p);
    return out;
}

ProjectedLayer project_layer(const GeoLayer& layer, const project::Projector& projector) {
    const detail::Frame frame(projector.spec());
    const detail::Projection proj{projector, frame, detail::windows(frame)};
    const auto lonlat = [](const std::vector<Point>& points) {
        std::vector<detail::LonLat> out;
        out.reserve(points.size());
        for (const Point& p : points)
            out.push_back({p.x, p.y});
        return out;
    };
    ProjectedLayer out;
    out.name = layer.name;
    out.style = layer.style;
    // A cable across the Pacific goes from 170 to -170 the short way: longitudes made
    // continuous before densifying, so the added points do not run round the world.
    const auto continuous = [](std::vector<detail::LonLat> line) {
        for (std::size_t i = 1; i < line.size(); ++i) {
            while (line[i].x - line[i - 1].x > 180)
                line[i].x -= 360;
            while (line[i].x - line[i - 1].x < -180)
                line[i].x += 360;
        }
        return line;
    };
    for (const Polyline& line : layer.lines)
        for (Polyline& piece :
             detail::project_polyline(detail::densify(continuous(lonlat(line))), proj))
            out.lines.push_back(std::move(piece));
    for (const Polygon& polygon : layer.polygons) {
        detail::LonLatPolygon rings;
        for (const Ring& ring : polygon.rings) {
            rings.push_back(lonlat(ring));
            // Working rings are closed: last equals first.
            if (rings.back().front().x != rings.back().back().x ||
                rings.back().front().y != rings.back().back().y)
                rings.back().push_back(rings.back().front());
        }
        for (Polygon& piece : detail::project_polygon(rings, proj))
            out.polygons.push_back(std::move(piece));
    }
    for (const Point& p : layer.points)
        if (const auto xy = projector.forward(p.x, p.y))
            out.points.push_back(*xy);
    return out;
}

Ring projection_outline(const project::Projector& projector) {
    const detail::Frame frame(projector.spec());
    const detail::Projection proj{projector, frame, detail::windows(frame)};
    return detail::outline(proj);
}

} // namespace dcmap::basemap
