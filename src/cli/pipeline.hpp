#pragma once
// The render pipeline as one function over plain values:
// SiteFile -> geocode -> project -> base map -> layout -> render.
#include "model/diagnostics.hpp"
#include "model/layout.hpp"
#include "model/place.hpp"
#include "model/site.hpp"
#include "render/render.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap::cli {

/// Options given on the command line; unset ones fall back to the file's `map:` settings.
struct RenderOverrides {
    std::optional<std::string> style, projection, center, extent, title;
    std::optional<int> width, height;
    std::optional<std::vector<std::string>> insets;  ///< --inset, repeatable
    std::optional<std::string> detail;               ///< --detail auto|low|medium
    std::optional<std::string> markers, labels, key; ///< --markers, --labels, --key
};

/// Everything the pipeline needs besides the sites, after merging options over the file.
struct RenderSettings {
    std::string style = "default";
    std::string projection;        ///< empty = equal-earth
    std::string center;
    std::string extent = "world";
    int width = 0;                 ///< 0 = derive
    int height = 0;
    double scale = 1;
    double dpi = 0;
    bool png_palette = false;      ///< --png palette: indexed PNGs
    std::string title;             ///< empty = the file's title
    std::vector<std::string> insets;  ///< inset names, "W,S,E,N" boxes, "auto"; none when empty
    std::string detail = "auto";   ///< base map: auto (by scale), low (1:110m), medium (1:50m)
    std::string markers = "auto";  ///< auto | sites | clusters | density
    std::string labels = "auto";   ///< auto | name | place
    std::string key = "auto";      ///< auto | always | never
    std::string catalogue;         ///< --catalogue FILE of extra regions; empty = none
    bool strict = false;           ///< a geocoding warning stops the run before drawing
    std::string svg_id_prefix;     ///< --svg-id-prefix; empty = from the output name and content
    std::optional<long long> creation_epoch;  ///< SOURCE_DATE_EPOCH, for the PDF creation date
    /// Positions of the settings that came from the file's `map:`; empty when an option gave them.
    SourcePos projection_pos, center_pos, extent_pos, style_pos, insets_pos;
};

/// Command-line options win over the file's `map:` settings, which win over defaults.
RenderSettings merge_settings(const MapSettings& file, const RenderOverrides& overrides);

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

/// Lays out `file` and writes one map per path in `outputs` (format by extension), each
/// atomically; a file that already holds exactly those bytes is left untouched (its path goes
/// to `unchanged` when that is not null). Returns the layout that was drawn; the resolved sites
/// go to `resolved` when it is not null. Throws dcmap::Error subclasses.
MapLayout render_site_file(const SiteFile& file, const RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved = nullptr,
                           std::vector<std::string>* unchanged = nullptr);

/// The data credit printed in every map's footer, the README and --version.
extern const char* const data_attribution;

} // namespace dcmap::cli
