#include "cli/pipeline.hpp"

#include "cli/resolution.hpp"
#include "cli/site_stats.hpp"
#include "cli/value_position.hpp"

#include "basemap/basemap.hpp"
#include "basemap/countries.hpp"
#include "config/style_loader.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/resolve.hpp"
#include "io/atomic_file.hpp"
#include "io/unchanged.hpp"
#include "layout/layout.hpp"
#include "project/extent.hpp"
#include "project/projection.hpp"
#include "render/render.hpp"

#include <algorithm>
#include <filesystem>
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
    // Insets on the command line replace the file's list; `--inset none` removes them all.
    s.insets = o.insets.value_or(file.insets.value_or(std::vector<std::string>{}));
    if (std::find(s.insets.begin(), s.insets.end(), "none") != s.insets.end()) s.insets.clear();
    s.detail = o.detail.value_or(file.detail.value_or("auto"));
    s.markers = o.markers.value_or(file.markers.value_or("auto"));
    s.labels = o.labels.value_or(file.labels.value_or("auto"));
    s.key = o.key.value_or(file.key.value_or("auto"));
    if (!o.projection) s.projection_pos = file.projection_pos;
    if (!o.center) s.center_pos = file.center_pos;
    if (!o.extent) s.extent_pos = file.extent_pos;
    if (!o.style) s.style_pos = file.style_pos;
    if (!o.insets) s.insets_pos = file.insets_pos;
    return s;
}

namespace {

// Natural Earth's scales on screen: at 1:110,000,000 a 0.28 mm pixel spans 31 km, about 3.6
// pixels per degree; 1:50m holds detail to about 8. Below this many pixels per degree 1:110m
// already shows all the pixels can.
constexpr double low_detail_max_px_per_degree = 4.0;

/// Pixels per degree of the map at its canvas size (title and footer ignored: they change it
/// by a few per cent), for choosing the base map's level of detail.
double pixels_per_degree(const RenderSettings& s, const Style& style, const Box& view,
                         const project::Projector& projector) {
    const double frame_w = (s.width > 0 ? s.width : style.default_width) - 2 * style.margin;
    const double frame_h = s.height - 2 * style.margin;
    double k = frame_w / view.width();  // pixels per projected unit at scale 1
    if (s.height > 0 && s.width > 0) k = std::min(k, frame_h / view.height());
    else if (s.height > 0) k = frame_h / view.height();
    return std::max(k, 0.0) * s.scale * project::units_per_degree(projector);
}

/// `--detail low|medium`, or by scale: 1:110m for small world maps and thumbnails, 1:50m
/// otherwise. An inset magnifies part of the map, so a map with insets takes 1:50m.
basemap::Detail detail_for(const RenderSettings& s, const Style& style, const Box& view,
                           const project::Projector& projector) {
    if (s.detail == "low") return basemap::Detail::low;
    if (s.detail == "medium" || !s.insets.empty()) return basemap::Detail::medium;
    return pixels_per_degree(s, style, view, projector) < low_detail_max_px_per_degree
               ? basemap::Detail::low
               : basemap::Detail::medium;
}

/// `--center`, or with no centre given, the middle of a named extent or of a box across the
/// antimeridian (and its latitude, for orthographic), so a regional map is neither skewed by a
/// far-off central meridian nor cut through the area it frames.
std::string centre_for(const RenderSettings& s) {
    if (!s.center.empty() || s.projection.rfind("+", 0) == 0) return s.center;
    const auto centre = project::default_centre(s.extent);
    if (!centre) return s.center;
    return std::to_string(centre->x) + "," + std::to_string(centre->y);
}

std::string describe(const SiteFile& file, const std::string& projection_name) {
    std::map<std::string, int> by_status;
    for (const auto& s : file.sites) by_status[to_string(s.status)]++;
    std::string text = "Map of " + std::to_string(file.sites.size()) +
                       (file.sites.size() == 1 ? " site" : " sites");
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

/// A title or subtitle with its `{sites}`, `{zones}`, `{live}`... placeholders filled in from
/// the sites (see expand_placeholders), so "29 regions, 91 zones" never goes stale.
std::string with_counts(const std::string& text, const std::string& path,
                        const std::vector<ResolvedSite>& sites, Diagnostics& diagnostics) {
    if (!has_placeholders(text)) return text;
    std::vector<ResolvedSite> located = sites;
    for (auto& r : located)
        if (r.country.empty()) r.country = basemap::country_at(r.lon, r.lat);
    std::vector<std::string> unknown;
    std::string out = expand_placeholders(text, compute_stats(located, {}), unknown);
    for (const auto& name : unknown)
        diagnostics.warn(SourcePos{path, 0, 0},
                         "unknown placeholder {" + name + "} in \"" + text +
                             "\" (known: {sites}, {zones}, {mw}, {providers}, {countries}, "
                             "{continents}, {live}, {announced}, ...; write {{ for a brace)");
    return out;
}

} // namespace

EncodedMaps encode_site_file(const SiteFile& file, const RenderSettings& settings,
                             const std::vector<MapOutput>& outputs, Diagnostics& diagnostics,
                             std::vector<ResolvedSite>* resolved) {
    const Style style =
        at_value(settings.style_pos, [&] { return config::load_style(settings.style); });
    const std::vector<ResolvedSite> sites = resolve_site_file(file, settings.catalogue, diagnostics);
    if (settings.strict && !diagnostics.warnings.empty())
        throw Error(file.path + ": " + std::to_string(diagnostics.warnings.size()) +
                    " geocoding warning(s) with --strict; nothing written");
    if (resolved) *resolved = sites;

    const SourcePos& projection_pos =
        settings.projection_pos.file.empty() ? settings.center_pos : settings.projection_pos;
    const project::Projector projector(at_value(projection_pos, [&] {
        return project::parse_projection(settings.projection, centre_for(settings));
    }));
    layout::LayoutRequest request;
    std::vector<Point> lonlats;
    for (const auto& site : sites) {
        layout::ProjectedSite ps{site, {}, false, {}};
        ps.locality = site.locality;  // labels name places by it
        if (auto xy = projector.forward(site.lon, site.lat)) {
            ps.projected = *xy;
            ps.visible = true;
        }
        lonlats.push_back({site.lon, site.lat});
        request.sites.push_back(std::move(ps));
    }
    // The view needs only the projection's outline, so it is framed before the base map is
    // read at the level of detail the view's scale calls for.
    ProjectedBasemap outline_only;
    outline_only.outline = basemap::projection_outline(projector);
    for (const Point& p : outline_only.outline) outline_only.bounds.expand(p);
    request.view = at_value(settings.extent_pos, [&] {
        return project::compute_view(settings.extent, projector, outline_only, lonlats);
    });
    for (const auto& inset : settings.insets) {
        if (inset == "auto") {
            request.auto_inset = true;
            continue;
        }
        const project::InsetArea area =
            at_value(settings.insets_pos, [&] { return project::inset_area(inset, projector); });
        request.insets.push_back({area.name, area.caption, area.view});
    }
    const ProjectedBasemap basemap = basemap::build_basemap(
        projector, detail_for(settings, style, request.view, projector), style.graticule_step);
    request.land = &basemap.land;
    request.title = with_counts(settings.title.empty() ? file.title : settings.title, file.path,
                                sites, diagnostics);
    request.subtitle = with_counts(file.subtitle, file.path, sites, diagnostics);
    request.source = file.source;
    request.as_of = file.as_of;
    request.attribution = data_attribution;
    request.width = settings.width;
    request.height = settings.height;
    request.scale = settings.scale;
    request.markers = settings.markers == "sites"      ? layout::MarkerMode::sites
                      : settings.markers == "clusters" ? layout::MarkerMode::clusters
                      : settings.markers == "density"  ? layout::MarkerMode::density
                                                       : layout::MarkerMode::automatic;
    request.labels = settings.labels == "name"    ? layout::LabelText::name
                     : settings.labels == "place" ? layout::LabelText::place
                                                  : layout::LabelText::automatic;
    request.key = settings.key == "always"  ? layout::KeyMode::always
                  : settings.key == "never" ? layout::KeyMode::never
                                            : layout::KeyMode::automatic;

    const MapLayout map = layout::make_layout(request, style, render::pango_measurer(), diagnostics);

    render::RenderOptions options;
    options.dpi = settings.dpi;
    options.png_colors =
        settings.png_palette ? render::PngColors::palette : render::PngColors::truecolor;
    options.title = request.title.empty() ? "dcmap map" : request.title;
    options.description = describe(file, projector.spec().name);
    options.source = file.source;
    options.attribution = data_attribution;
    options.svg_id_prefix = settings.svg_id_prefix;
    options.creation_epoch = settings.creation_epoch;
    EncodedMaps encoded{map, {}};
    for (const auto& output : outputs) {
        options.svg_name = output.name;
        encoded.bytes.push_back(render::encode_map(map, basemap, style, output.format, options));
    }
    return encoded;
}

MapLayout render_site_file(const SiteFile& file, const RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved,
                           std::vector<std::string>* unchanged) {
    // Check every output name before the slow work, so a typo fails fast.
    std::vector<MapOutput> maps;
    for (const auto& path : outputs)
        maps.push_back({render::format_from_path(path), std::filesystem::path(path).stem().string()});
    // Draw every format before writing any, so a failure in one leaves none behind.
    const EncodedMaps encoded = encode_site_file(file, settings, maps, diagnostics, resolved);
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        // A map whose bytes would not change is left alone, so its modification time still
        // says when the map last changed (make, rsync and CI caches go by it).
        if (io::file_holds(outputs[i], encoded.bytes[i])) {
            if (unchanged) unchanged->push_back(outputs[i]);
            continue;
        }
        io::write_file_atomically(outputs[i], encoded.bytes[i]);
    }
    return encoded.layout;
}

} // namespace dcmap::cli
