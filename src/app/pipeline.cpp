#include "app/pipeline.hpp"

#include "app/underlays.hpp"

#include "app/change_map.hpp"
#include "app/resolution.hpp"
#include "app/site_stats.hpp"
#include "app/timeline.hpp"
#include "app/value_position.hpp"

#include "config/map_settings.hpp"

#include "basemap/basemap.hpp"
#include "basemap/countries.hpp"
#include "config/style_loader.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/providers.hpp"
#include "geocode/resolve.hpp"
#include "io/threads.hpp"
#include "layout/layout.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"
#include "model/named_areas.hpp"
#include "ogr/vector_input.hpp"
#include "project/extent.hpp"
#include "project/projection.hpp"
#include "render/render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace dcmap::app {

const char* const data_attribution =
    "Base map: Natural Earth (public domain). Places: GeoNames (geonames.org), CC BY 4.0; "
    "subset and reformatted.";

MapSettings merge_settings(const MapSettings& file, const MapSettings& o) {
    MapSettings s = file;
    const auto take = [](auto& target, const auto& option) {
        if (option)
            target = option;
    };
    take(s.projection, o.projection);
    take(s.center, o.center);
    take(s.extent, o.extent);
    take(s.style, o.style);
    take(s.insets, o.insets);
    take(s.detail, o.detail);
    take(s.markers, o.markers);
    take(s.labels, o.labels);
    take(s.key, o.key);
    // Width and height travel together: one given on the command line replaces both from the
    // file, so `--width 800` on a file that says 2400x1200 derives its height from the aspect.
    if (o.width || o.height) {
        s.width = o.width;
        s.height = o.height;
    }
    // A size preset given as an option replaces the file's sizes; the option's own width,
    // height or dpi still refine it.
    if (o.size) {
        s.size = o.size;
        s.width = o.width;
        s.height = o.height;
        s.dpi.reset();
    }
    take(s.dpi, o.dpi);
    return s;
}

namespace {

// Natural Earth's scales on screen: at 1:110,000,000 a 0.28 mm pixel spans 31 km, about 3.6
// pixels per degree; 1:50m holds detail to about 8. Below this many pixels per degree 1:110m
// already shows all the pixels can.
constexpr double low_detail_max_px_per_degree = 4.0;

// Up to this many sites, a PNG's base map is painted while the layout runs (UnderlayBoard).
constexpr std::size_t kMostSitesToPaintAhead = 20000;

SourcePos pos_of(const auto& setting) { return setting ? setting->pos : SourcePos{}; }

/// Pixels per degree of the map at its canvas size (title and footer ignored: they change it
/// by a few per cent), for choosing the base map's level of detail.
double pixels_per_degree(const config::PageSize& page, const Style& style, const Box& view,
                         const project::Projector& projector) {
    const double width = page.width, height = page.height, scale = page.scale;
    const double frame_w = (width > 0 ? width : style.default_width) - 2 * style.margin;
    const double frame_h = height - 2 * style.margin;
    double k = frame_w / view.width(); // pixels per projected unit at scale 1
    if (height > 0 && width > 0)
        k = std::min(k, frame_h / view.height());
    else if (height > 0)
        k = frame_h / view.height();
    return std::max(k, 0.0) * scale * project::units_per_degree(projector);
}

/// `--center`, or with no centre given, the middle of a named extent or of a box across the
/// antimeridian (and its latitude, for orthographic), so a regional map is neither skewed by a
/// far-off central meridian nor cut through the area it frames.
std::string centre_for(const MapSettings& s) {
    if (s.center)
        return config::to_text(s.center->value);
    if (s.projection && s.projection->value.rfind("+", 0) == 0)
        return "";
    if (!s.extent)
        return "";
    const auto centre = project::default_centre(config::to_text(s.extent->value));
    if (!centre)
        return "";
    return std::to_string(centre->x) + "," + std::to_string(centre->y);
}

/// The canvas at scale 1 as the layout will derive it (title and footer bands aside, which
/// change the derived side by a few per cent), checked against model/limits.hpp before any
/// drawing: a transverse projection's whole world is thousands of times taller than wide.
struct Canvas {
    double width = 0, height = 0;
};
Canvas check_canvas(const MapSettings& s, const config::PageSize& page, const Style& style,
                    const Box& view) {
    const double aspect = layout::derived_aspect(view);
    const double scale = page.scale;
    Canvas c;
    c.width = page.width > 0 ? page.width : (page.height > 0 ? 0.0 : style.default_width);
    c.height = page.height;
    if (page.height <= 0)
        c.height = c.width * aspect;
    else if (page.width <= 0)
        c.width = c.height / aspect;
    const auto side_ok = [](double v) {
        return std::isfinite(v) && v >= limits::canvas_side_min &&
               v <= limits::canvas_side_max * 1.05;
    };
    if (!side_ok(c.width) || !side_ok(c.height)) {
        // Blame the setting that made the aspect: the extent, else the projection.
        const SourcePos at = s.extent ? s.extent->pos : pos_of(s.projection);
        char size[96];
        std::snprintf(size, sizeof size, "%.0f x %.0f px", c.width, c.height);
        throw InputError(at,
                         std::string("this projection and extent give a map ") + size +
                             ", outside " + std::to_string(limits::canvas_side_min) + ".." +
                             std::to_string(limits::canvas_side_max) + " px a side",
                         "give both width and height, or choose a smaller extent (W,S,E,N) or "
                         "another projection");
    }
    if (std::max(c.width, c.height) * scale > limits::canvas_side_scaled_max) {
        const SourcePos at = s.width ? s.width->pos : pos_of(s.height);
        char text[160];
        std::snprintf(text, sizeof text,
                      "a %.0f x %.0f px canvas at scale %g is %.0f px on its long side; the "
                      "limit is %.0f",
                      c.width, c.height, scale, std::max(c.width, c.height) * scale,
                      limits::canvas_side_scaled_max);
        throw InputError(at, text, "lower the width, the height or --scale");
    }
    const double pixels = c.width * c.height * scale * scale;
    if (pixels > limits::canvas_pixels_max) {
        const SourcePos at = s.width ? s.width->pos : pos_of(s.height);
        char text[160];
        std::snprintf(text, sizeof text,
                      "a %.0f x %.0f px canvas at scale %g is %.0f megapixels; the limit is %.0f",
                      c.width, c.height, scale, pixels / 1e6, limits::canvas_pixels_max / 1e6);
        throw InputError(at, text, "lower the width, the height or --scale");
    }
    return c;
}

/// A title or subtitle with its `{sites}`, `{zones}`, `{live}`... placeholders filled in from
/// the sites (see expand_placeholders), so "29 regions, 91 zones" never goes stale.
std::string with_counts(const std::string& text, const std::string& path,
                        const std::vector<layout::ProjectedSite>& sites, Diagnostics& diagnostics) {
    if (!has_placeholders(text))
        return text;
    std::vector<ResolvedSite> located;
    located.reserve(sites.size());
    for (const auto& s : sites) {
        located.push_back(s.site);
        if (located.back().country.empty())
            located.back().country = basemap::country_at(s.site.lon, s.site.lat);
    }
    std::vector<std::string> unknown;
    std::string out = expand_placeholders(text, compute_stats(located, {}), unknown);
    for (const auto& name : unknown)
        diagnostics.warn(SourcePos{path, 0, 0},
                         "unknown placeholder {" + name + "} in \"" + text +
                             "\" (known: {sites}, {zones}, {mw}, {providers}, {countries}, "
                             "{continents}, {live}, {announced}, ...; write {{ for a brace)");
    return out;
}

/// What every command that checks or draws a map needs before drawing.
struct MapPlan {
    Style style;
    std::unique_ptr<project::Projector> projector;
    layout::LayoutRequest request;
    basemap::Detail detail = basemap::Detail::low;
    config::PageSize page;
};

/// `for_drawing`: false when only checking (validate), which needs no per-site copies for the
/// layout; a file of half a million sites would hold each site three times over. `take`: the
/// file's own sites, which a drawing may take rather than copy (see resolve_for_layout).
MapPlan plan_map(const SiteFile& file, const RenderSettings& settings, Diagnostics& diagnostics,
                 bool for_drawing = true, std::vector<Site>* take = nullptr) {
    const MapSettings& s = settings.map;
    MapPlan plan;
    plan.style = at_value(pos_of(s.style), [&] {
        return config::load_style(s.style ? s.style->value : std::string("default"));
    });
    layout::LayoutRequest& request = plan.request;
    // Drawing resolves each site straight into the layout's request; checking keeps only
    // each site's position.
    std::vector<std::string*> providers;
    if (for_drawing) {
        request.sites = resolve_for_layout(file, settings.catalogue, diagnostics, take);
        providers.reserve(request.sites.size());
        for (auto& site : request.sites)
            providers.push_back(&site.site.site.provider);
    }
    std::vector<Point> lonlats = for_drawing
                                     ? std::vector<Point>{}
                                     : check_site_places(file, settings.catalogue, diagnostics);
    geocode::apply_provider_styles(plan.style.providers, providers);
    if (settings.strict && !diagnostics.warnings.empty())
        throw Error(file.path + ": " + std::to_string(diagnostics.warnings.size()) +
                    " geocoding warning(s) with --strict; nothing written");
    if (request.sites.empty() && lonlats.empty())
        diagnostics.warn(SourcePos{file.path, 0, 0},
                         "no sites in the file; the map shows the base map alone (list sites "
                         "under sites: as \"- name: ...\" entries)");

    const SourcePos projection_pos = s.projection ? s.projection->pos : pos_of(s.center);
    plan.projector = at_value(projection_pos, [&] {
        return std::make_unique<project::Projector>(project::parse_projection(
            s.projection ? s.projection->value : std::string(), centre_for(s)));
    });
    const project::Projector& projector = *plan.projector;
    lonlats.reserve(lonlats.size() + request.sites.size());
    for (auto& ps : request.sites) {
        lonlats.push_back({ps.site.lon, ps.site.lat});
        ps.locality = ps.site.locality; // labels name places by it
        ps.continent = continent_of(ps.site.country);
        if (settings.changes)
            mark_site(ps, *settings.changes, projector);
        if (auto xy = projector.forward(ps.site.lon, ps.site.lat)) {
            ps.projected = *xy;
            ps.visible = true;
        }
    }
    // The view needs only the projection's outline, so it is framed before the base map is
    // read at the level of detail the view's scale calls for.
    ProjectedBasemap outline_only;
    outline_only.outline = basemap::projection_outline(projector);
    for (const Point& p : outline_only.outline)
        outline_only.bounds.expand(p);
    const std::string extent = s.extent ? config::to_text(s.extent->value) : "world";
    request.view = at_value(pos_of(s.extent), [&] {
        return project::compute_view(extent, projector, outline_only, lonlats);
    });
    request.world = outline_only.bounds;
    request.content = project::view_content(extent, projector, request.view, outline_only, lonlats);
    const std::vector<MapInset> none;
    for (const auto& inset : s.insets ? s.insets->value : none) {
        if (inset.kind == MapInset::Kind::automatic) {
            request.auto_inset = true;
            continue;
        }
        const project::InsetArea area = at_value(pos_of(s.insets), [&] {
            return project::inset_area(config::to_text(inset), projector);
        });
        request.insets.push_back({area.name, area.caption, area.view});
    }
    plan.page = config::page_size(s, settings.scale);
    check_canvas(s, plan.page, plan.style, request.view);
    request.width = plan.page.width;
    request.height = plan.page.height;
    request.scale = plan.page.scale;
    const auto text_of = [](const auto& setting) {
        return setting ? setting->value : std::string("auto");
    };
    const std::string markers = text_of(s.markers), labels = text_of(s.labels),
                      key = text_of(s.key);
    request.markers = markers == "sites"      ? layout::MarkerMode::sites
                      : markers == "clusters" ? layout::MarkerMode::clusters
                      : markers == "density"  ? layout::MarkerMode::density
                                              : layout::MarkerMode::automatic;
    request.labels = labels == "name"    ? layout::LabelText::name
                     : labels == "place" ? layout::LabelText::place
                                         : layout::LabelText::automatic;
    request.key = key == "always"  ? layout::KeyMode::always
                  : key == "never" ? layout::KeyMode::never
                                   : layout::KeyMode::automatic;

    // `detail: low|medium`, or by scale: 1:110m for small world maps and thumbnails, 1:50m
    // otherwise. An inset magnifies part of the map, so a map with insets takes 1:50m.
    const MapDetail detail = s.detail ? s.detail->value : MapDetail::by_scale;
    if (detail == MapDetail::low)
        plan.detail = basemap::Detail::low;
    else if (detail == MapDetail::medium || !request.insets.empty() || request.auto_inset)
        plan.detail = basemap::Detail::medium;
    else
        plan.detail = pixels_per_degree(plan.page, plan.style, request.view, projector) <
                              low_detail_max_px_per_degree
                          ? basemap::Detail::low
                          : basemap::Detail::medium;
    return plan;
}

/// Where a site is, for its SVG tooltip: the place it was matched to, else the town it is near
/// and its coordinates.
std::string place_of(const ResolvedSite& r) {
    if (!r.matched.empty())
        return r.matched;
    char coordinates[64];
    std::snprintf(coordinates, sizeof coordinates, "%.2f\u00b0%c %.2f\u00b0%c", std::abs(r.lat),
                  r.lat < 0 ? 'S' : 'N', std::abs(r.lon), r.lon < 0 ? 'W' : 'E');
    return r.locality.empty() ? coordinates : "near " + r.locality + " (" + coordinates + ")";
}

/// The renderer's name for a map format.
render::Format render_format(MapFormat format) {
    switch (format) {
    case MapFormat::svg:
        return render::Format::svg;
    case MapFormat::pdf:
        return render::Format::pdf;
    case MapFormat::png:
        break;
    }
    return render::Format::png;
}

/// Every site's SVG tooltip, by the id the layout names it by.
std::map<std::string, render::SiteSummary>
site_summaries(const std::vector<layout::ProjectedSite>& sites) {
    std::map<std::string, render::SiteSummary> out;
    for (const auto& projected : sites) {
        const ResolvedSite& r = projected.site;
        out.emplace(r.site.key(),
                    render::SiteSummary{r.site.name, r.site.provider, r.site.status, place_of(r)});
    }
    return out;
}

std::string describe(const SiteFile& file, const std::vector<layout::ProjectedSite>& sites,
                     const std::string& projection_name) {
    std::map<std::string, int> by_status;
    for (const auto& s : sites)
        by_status[to_string(s.site.site.status)]++;
    std::string text =
        "Map of " + std::to_string(sites.size()) + (sites.size() == 1 ? " site" : " sites");
    std::string parts;
    for (const auto& [status, n] : by_status) {
        if (!parts.empty())
            parts += ", ";
        parts += std::to_string(n) + " " + status;
    }
    if (!parts.empty())
        text += " (" + parts + ")";
    text += ", " + projection_name + " projection";
    if (!file.source.empty())
        text += ". Source: " + file.source;
    if (!file.as_of.empty())
        text += ". As of " + file.as_of;
    return text + ".";
}

} // namespace

void check_map(const SiteFile& file, const RenderSettings& settings, Diagnostics& diagnostics) {
    plan_map(file, settings, diagnostics, false);
}

namespace {

/// encode_site_file; with `take`, the file's own sites, given up to the layout (see
/// resolve_for_layout) once nothing else reads them.
EncodedMaps encode(const SiteFile& file, const RenderSettings& settings,
                   const std::vector<MapOutput>& outputs, Diagnostics& diagnostics,
                   std::vector<ResolvedSite>* resolved, std::vector<Site>* take) {
    // A timeline reads the file's sites again while laying out.
    MapPlan plan = plan_map(file, settings, diagnostics, true, settings.timeline ? nullptr : take);
    const project::Projector& projector = *plan.projector;
    layout::LayoutRequest& request = plan.request;
    if (resolved) {
        resolved->clear();
        resolved->reserve(request.sites.size());
        for (const auto& s : request.sites)
            resolved->push_back(s.site);
    }
    // The layers' files are read first: a file that cannot be read stops the map before any
    // layout is made.
    std::vector<GeoLayer> layers;
    for (const auto& layer : file.layers)
        layers.push_back(ogr::read_geo_layer(layer));
    ProjectedBasemap basemap;
    const auto build_map_basemap = [&] {
        basemap = basemap::build_basemap(projector, plan.detail, plan.style.graticule_step);
        for (const auto& layer : layers)
            basemap.layers.push_back(basemap::project_layer(layer, projector));
    };
    request.title =
        with_counts(settings.title.value_or(file.title), file.path, request.sites, diagnostics);
    request.subtitle = with_counts(file.subtitle, file.path, request.sites, diagnostics);
    request.source = file.source;
    request.as_of = file.as_of;
    request.attribution = data_attribution;

    MapLayout map;
    std::optional<UnderlayBoard> board;
    const auto lay_out = [&](Diagnostics& notes) {
        map = settings.timeline
                  ? lay_out_timeline(request, file, *settings.timeline, plan.style,
                                     render::pango_measurer(), notes)
                  : layout::make_layout(request, plan.style, render::pango_measurer(), notes);
    };
    // Only insets read the land. Without them the layout and the base map need nothing of each
    // other, and the base map is built on the other core while the layout (one thread) runs.
    // The layout's messages are kept apart until both have worked, so a failed base map
    // reports only its error, as when it came first.
    if (!request.insets.empty() || request.auto_inset || settings.timeline) {
        build_map_basemap();
        request.land = &basemap.land;
        lay_out(diagnostics);
    } else {
        Diagnostics layout_notes;
        // A PNG's base map is painted meanwhile too, for the page the layout is working on.
        const bool png = std::any_of(outputs.begin(), outputs.end(),
                                     [](const MapOutput& o) { return o.format == MapFormat::png; });
        // Not for the longest lists: their sites (~0.9 KB each) are held while the layout runs,
        // and an underlay painted then adds to the peak (100,000 sites: 178 -> 200 MiB), where
        // one painted once they are freed does not; their layouts are short anyway.
        if (png && io::cores(2) > 1 && request.sites.size() <= kMostSitesToPaintAhead) {
            board.emplace(basemap, plan.style);
            request.on_page = [&](const MapLayout& page) { board->offer(page); };
        }
        io::run_tasks(2, io::cores(2), [&](std::size_t k) {
            if (k == 0) {
                build_map_basemap();
                if (board)
                    board->base_map_built();
                return;
            }
            if (!board) {
                lay_out(layout_notes);
                return;
            }
            board->layout_begins();
            try {
                lay_out(layout_notes);
            } catch (...) {
                board->layout_ends(nullptr);
                throw;
            }
            board->layout_ends(&map);
        });
        request.on_page = nullptr;
        for (auto& w : layout_notes.warnings)
            diagnostics.warnings.push_back(std::move(w));
        for (auto& n : layout_notes.notes)
            diagnostics.notes.push_back(std::move(n));
    }
    map.dpi = plan.page.pixels_per_inch;
    // The title and footer bands add to the derived side; the pixel cap holds for the real page.
    if (!(map.width * map.height <= limits::canvas_pixels_max * 1.1))
        throw Error("the map's page would be " + std::to_string(static_cast<long>(map.width)) +
                    " x " + std::to_string(static_cast<long>(map.height)) +
                    " px, over the canvas limit; lower the width, the height or --scale");

    render::RenderOptions options;
    options.pixels_per_inch = plan.page.pixels_per_inch;
    options.unit = plan.page.unit;
    options.png_colors =
        settings.png_palette ? render::PngColors::palette : render::PngColors::truecolor;
    options.png_bands = settings.png_bands;
    options.title = request.title.empty() ? "dcmap map" : request.title;
    options.description = describe(file, request.sites, projector.spec().name);
    options.source = file.source;
    options.attribution = data_attribution;
    options.svg_id_prefix = settings.svg_id_prefix;
    options.svg_text = settings.svg_text_paths ? render::SvgText::paths : render::SvgText::text;
    // Tooltips are for SVGs only; 100,000 of them would slow a PNG for nothing.
    if (std::any_of(outputs.begin(), outputs.end(),
                    [](const MapOutput& o) { return o.format == MapFormat::svg; }))
        options.sites = site_summaries(request.sites);
    options.creation_epoch = settings.creation_epoch;
    // The layout is plain data; the sites it was made from (90 MB at 100,000) go before the
    // canvases are allocated.
    std::vector<layout::ProjectedSite>().swap(request.sites);
    render::Underlay* underlay = board ? board->final_underlay() : nullptr;
    EncodedMaps encoded{map, {}};
    for (const auto& output : outputs) {
        options.svg_name = output.name;
        encoded.bytes.push_back(render::encode_map(
            map, basemap, plan.style, render_format(output.format), options, underlay));
    }
    return encoded;
}

} // namespace

void warm_up_text() { render::warm_up_text(); }

EncodedMaps encode_site_file(const SiteFile& file, const RenderSettings& settings,
                             const std::vector<MapOutput>& outputs, Diagnostics& diagnostics,
                             std::vector<ResolvedSite>* resolved) {
    return encode(file, settings, outputs, diagnostics, resolved, nullptr);
}

EncodedMaps encode_site_file(SiteFile&& file, const RenderSettings& settings,
                             const std::vector<MapOutput>& outputs, Diagnostics& diagnostics,
                             std::vector<ResolvedSite>* resolved) {
    return encode(file, settings, outputs, diagnostics, resolved, &file.sites);
}

} // namespace dcmap::app
