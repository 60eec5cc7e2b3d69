#pragma once
// dcmap as a library: site file -> resolved sites -> layout -> map bytes, the same steps and the
// same bytes as `dcmap render`. Nothing here writes a file or a stream: maps come back as bytes,
// warnings as Diagnostics values; errors are thrown as dcmap::Error (model/error.hpp), an
// InputError with the file, line and column it is about. docs/library.md has an example.
#include "model/change.hpp"
#include "model/diagnostics.hpp"
#include "model/error.hpp"
#include "model/layout.hpp"
#include "model/map_settings.hpp"
#include "model/place.hpp"
#include "model/site.hpp"
#include "model/timeline.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::app {

/// Everything the pipeline needs besides the sites: the map settings after merging options
/// over the file, and the options that only the command line gives.
struct RenderSettings {
    MapSettings map;                  ///< see merge_settings; unset ones take their defaults
    std::optional<std::string> title; ///< --title; unset = the file's title
    double scale = 1;
    bool png_palette = false;    ///< --png palette: indexed PNGs
    std::string catalogue;       ///< --catalogue FILE of extra regions; empty = none
    bool strict = false;         ///< a geocoding warning stops the run before drawing
    std::string svg_id_prefix;   ///< --svg-id-prefix; empty = from the output name and content
    bool svg_text_paths = false; ///< --svg-text paths: text as glyph outlines, not <text>
    /// A change map's marks by site key (app/change_map.hpp); null for an ordinary map.
    const MapChanges* changes = nullptr;
    /// --as-of / --facet (app/timeline.hpp); unset = the file's sites as they are.
    std::optional<Timeline> timeline;
    std::optional<long long> creation_epoch; ///< SOURCE_DATE_EPOCH, for the PDF creation date
    int png_bands = 2; ///< render::RenderOptions::png_bands; 1 only to compare with one pass
};

/// The site file at `path`, read and validated. Throws IoError / InputError.
SiteFile load_sites(const std::string& path);

/// A site file's YAML text, validated; `name` stands for its path in messages and relative
/// paths (a `style:` or `catalogue:` file) are taken from the current folder.
SiteFile load_sites_from_bytes(std::string_view yaml, const std::string& name = "<bytes>");

/// The settings `dcmap render FILE` uses with no options: the file's own `map:` settings.
RenderSettings settings_of(const SiteFile& file);

/// Every site with its position (catalogue, gazetteer or its own lat/lon). Throws InputError
/// for a place that cannot be found.
std::vector<ResolvedSite> resolve(const SiteFile& file, const RenderSettings& settings,
                                  Diagnostics& diagnostics);

/// Where every marker, label, legend entry and inset goes, in pixels, without drawing.
MapLayout make_layout(const SiteFile& file, const RenderSettings& settings,
                      Diagnostics& diagnostics);

/// Throws InputError (without a position) when PROJ does not accept `projection`: one of the
/// built-in names or a PROJ string. `--projection` is checked with it before anything is read.
void check_projection(const std::string& projection);

enum class MapFormat { png, svg, pdf };

/// The format an output path's extension names (.png, .svg, .pdf, any case). Throws Error for
/// any other, saying which extensions dcmap writes.
MapFormat format_from_path(const std::string& path);

/// The map as the bytes of a PNG, SVG or PDF file. `name` names the SVG's element ids, as the
/// output file's name does for `dcmap render`.
std::string render_to_bytes(const SiteFile& file, const RenderSettings& settings, MapFormat format,
                            Diagnostics& diagnostics, const std::string& name = "map");

} // namespace dcmap::app
