#include "cli/pipeline.hpp"

#include "cli/resolution.hpp"

#include "basemap/basemap.hpp"
#include "config/style_loader.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/resolve.hpp"
#include "layout/layout.hpp"
#include "project/extent.hpp"
#include "project/projection.hpp"
#include "render/render.hpp"

#include <algorithm>
#include <map>

namespace dcmap::cli {

const char* const data_attribution =
    "Base map: Natural Earth (public domain). Places: GeoNames (geonames.org), CC BY 4.0; "
    "subset and reformatted.";

RenderSettings merge_settings(const MapSettings& file, const RenderOverrides& o) {
    RenderSettings s;
    s.style = o.style.value_or(file.style.value_or("default"));
    s.projection = o.projection.value_or(file.projection.value_or(""));
    s.center = o.center.value_or(file.center.value_or(""));
    s.extent = o.extent.value_or(file.extent.value_or("world"));
    // Width and height travel together: one given on the command line replaces both from the
    // file, so `--width 800` on a file that says 2400x1200 derives its height from the aspect.
    if (o.width || o.height) {
        s.width = o.width.value_or(0);
        s.height = o.height.value_or(0);
    } else {
        s.width = file.width.value_or(0);
        s.height = file.height.value_or(0);
    }
    s.title = o.title.value_or("");
    return s;
}

namespace {

/// Natural Earth 1:110m is plenty for thumbnails and small maps; 1:50m otherwise.
basemap::Detail detail_for(const RenderSettings& s) {
    double px = (s.width > 0 ? s.width : 2400) * s.scale;
    return px < 1000 ? basemap::Detail::low : basemap::Detail::medium;
}

std::string describe(const SiteFile& file, const std::string& projection_name) {
    std::map<std::string, int> by_status;
    for (const auto& s : file.sites) by_status[to_string(s.status)]++;
    std::string text = "Map of " + std::to_string(file.sites.size()) + " sites";
    std::string parts;
    for (const auto& [status, n] : by_status) {
        if (!parts.empty()) parts += ", ";
        parts += std::to_string(n) + " " + status;
    }
    if (!parts.empty()) text += " (" + parts + ")";
    text += ", " + projection_name + " projection";
    if (!file.source.empty()) text += ". Source: " + file.source;
    if (!file.as_of.empty()) text += ". As of " + file.as_of;
    return text + ".";
}

} // namespace

MapLayout render_site_file(const SiteFile& file, const RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved) {
    // Check every output name before the slow work, so a typo fails fast.
    std::vector<render::Format> formats;
    for (const auto& path : outputs) formats.push_back(render::format_from_path(path));

    const Style style = config::load_style(settings.style);
    const std::vector<ResolvedSite> sites = resolve_site_file(file, settings.catalogue, diagnostics);
    if (resolved) *resolved = sites;

    const project::Projector projector(project::parse_projection(settings.projection, settings.center));
    const ProjectedBasemap basemap =
        basemap::build_basemap(projector, detail_for(settings), style.graticule_step);

    layout::LayoutRequest request;
    std::vector<Point> lonlats;
    for (const auto& site : sites) {
        layout::ProjectedSite ps{site, {}, false};
        if (auto xy = projector.forward(site.lon, site.lat)) {
            ps.projected = *xy;
            ps.visible = true;
        }
        lonlats.push_back({site.lon, site.lat});
        request.sites.push_back(std::move(ps));
    }
    request.view = project::compute_view(settings.extent, projector, basemap, lonlats);
    request.title = settings.title.empty() ? file.title : settings.title;
    request.subtitle = file.subtitle;
    request.source = file.source;
    request.as_of = file.as_of;
    request.attribution = data_attribution;
    request.width = settings.width;
    request.height = settings.height;
    request.scale = settings.scale;

    const MapLayout map = layout::make_layout(request, style, render::pango_measurer(), diagnostics);

    render::RenderOptions options;
    options.dpi = settings.dpi;
    options.title = request.title.empty() ? "dcmap map" : request.title;
    options.description = describe(file, projector.spec().name);
    for (std::size_t i = 0; i < outputs.size(); ++i)
        render::render_map(map, basemap, style, formats[i], options, outputs[i]);
    return map;
}

} // namespace dcmap::cli
