#pragma once
// The render pipeline as one function over plain values:
// SiteFile -> geocode -> project -> base map -> layout -> render.
#include "cli/timeline.hpp"
#include "io/atomic_file.hpp"
#include "model/change.hpp"
#include "model/diagnostics.hpp"
#include "model/layout.hpp"
#include "model/place.hpp"
#include "model/site.hpp"
#include "render/render.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap::cli {

/// Everything the pipeline needs besides the sites: the map settings after merging options
/// over the file, and the options that only the command line gives.
struct RenderSettings {
    MapSettings map;                  ///< see merge_settings; unset ones take their defaults
    std::optional<std::string> title; ///< --title; unset = the file's title
    double scale = 1;
    double dpi = 0;
    bool png_palette = false; ///< --png palette: indexed PNGs
    std::string catalogue;    ///< --catalogue FILE of extra regions; empty = none
    bool strict = false;      ///< a geocoding warning stops the run before drawing
    std::string svg_id_prefix; ///< --svg-id-prefix; empty = from the output name and content
    std::optional<long long> creation_epoch; ///< SOURCE_DATE_EPOCH, for the PDF creation date
    /// A change map's marks by site key (cli/change_map.hpp); null for an ordinary map.
    const MapChanges* changes = nullptr;
    /// --as-of / --facet (cli/timeline.hpp); unset = the file's sites as they are.
    std::optional<Timeline> timeline;
};

/// Command-line options win over the file's `map:` settings, setting by setting; width and
/// height travel together (one given as an option replaces both from the file); `--inset none`
/// (an empty list) removes the file's insets.
MapSettings merge_settings(const MapSettings& file, const MapSettings& options);

/// One map to draw: its format, and its file name without folder or extension (which names the
/// SVG's ids; any text for a map written to standard output).
struct MapOutput {
    render::Format format = render::Format::png;
    std::string name;
};

/// The layout that was drawn and the bytes of each requested map, in order.
struct EncodedMaps {
    MapLayout layout;
    std::vector<std::string> bytes;
};

/// Lays out `file` and draws it once per entry of `outputs`, writing nothing. The resolved
/// sites go to `resolved` when it is not null. Throws dcmap::Error subclasses.
EncodedMaps encode_site_file(const SiteFile& file, const RenderSettings& settings,
                             const std::vector<MapOutput>& outputs, Diagnostics& diagnostics,
                             std::vector<ResolvedSite>* resolved = nullptr);

/// Everything `render` checks before drawing, without drawing: the style, every site's place,
/// the projection, the extent, the insets and the canvas size with its limits. Throws what
/// render_site_file would, at the setting's position in the file when the file gave it.
void check_map(const SiteFile& file, const RenderSettings& settings, Diagnostics& diagnostics);

/// Lays out `file` and stages one map per path in `outputs` (format by extension) in `staged`,
/// or writes them at once, each atomically, when `staged` is null; a file that already holds
/// exactly those bytes is left untouched (its path goes to `unchanged` when that is not null).
/// Returns the layout that was drawn; the resolved sites go to `resolved` when it is not null.
/// Throws dcmap::Error subclasses.
MapLayout render_site_file(const SiteFile& file, const RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved = nullptr,
                           io::StagedOutputs* staged = nullptr,
                           std::vector<std::string>* unchanged = nullptr);

/// The data credit printed in every map's footer, the README and --version.
extern const char* const data_attribution;

} // namespace dcmap::cli
