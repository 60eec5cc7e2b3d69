#include "app/dcmap.hpp"

#include "app/pipeline.hpp"
#include "app/resolution.hpp"
#include "config/site_loader.hpp"
#include "project/projection.hpp"
#include "render/render.hpp"

#include <utility>

namespace dcmap::app {

SiteFile load_sites(const std::string& path) { return config::load_site_file(path); }

SiteFile load_sites_from_bytes(std::string_view yaml, const std::string& name) {
    return config::parse_site_file(yaml, name);
}

RenderSettings settings_of(const SiteFile& file) {
    RenderSettings settings;
    settings.map = file.map;
    return settings;
}

std::vector<ResolvedSite> resolve(const SiteFile& file, const RenderSettings& settings,
                                  Diagnostics& diagnostics) {
    return resolve_site_file(file, settings.catalogue, diagnostics);
}

MapLayout make_layout(const SiteFile& file, const RenderSettings& settings,
                      Diagnostics& diagnostics) {
    return encode_site_file(file, settings, {}, diagnostics).layout;
}

std::string render_to_bytes(const SiteFile& file, const RenderSettings& settings, MapFormat format,
                            Diagnostics& diagnostics, const std::string& name) {
    return std::move(encode_site_file(file, settings, {{format, name}}, diagnostics).bytes.front());
}

MapFormat format_from_path(const std::string& path) {
    switch (render::format_from_path(path)) {
    case render::Format::svg:
        return MapFormat::svg;
    case render::Format::pdf:
        return MapFormat::pdf;
    case render::Format::png:
        break;
    }
    return MapFormat::png;
}

void check_projection(const std::string& projection) {
    try {
        const project::Projector check(project::parse_projection(projection));
    } catch (const ProjectionError& e) {
        throw InputError({}, e.what());
    }
}

} // namespace dcmap::app
