#pragma once
// The render pipeline as one function over plain values:
// SiteFile -> geocode -> project -> base map -> layout -> render.
#include "model/diagnostics.hpp"
#include "model/layout.hpp"
#include "model/place.hpp"
#include "model/site.hpp"

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
    /// Positions of the settings that came from the file's `map:`; empty when an option gave them.
    SourcePos projection_pos, center_pos, extent_pos, style_pos, insets_pos;
};

/// Command-line options win over the file's `map:` settings, which win over defaults.
RenderSettings merge_settings(const MapSettings& file, const RenderOverrides& overrides);

/// Lays out `file` and writes one map per path in `outputs` (format by extension), each
/// atomically. Returns the layout that was drawn; the resolved sites go to `resolved` when it
/// is not null. Throws dcmap::Error subclasses.
MapLayout render_site_file(const SiteFile& file, const RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved = nullptr);

/// The data credit printed in every map's footer, the README and --version.
extern const char* const data_attribution;

} // namespace dcmap::cli
