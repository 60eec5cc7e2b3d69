#pragma once
// The render pipeline as one function over plain values:
// SiteFile -> geocode -> project -> base map -> layout -> render.
#include "app/dcmap.hpp"
#include "model/diagnostics.hpp"
#include "model/layout.hpp"
#include "model/place.hpp"
#include "model/site.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap::app {

/// Command-line options win over the file's `map:` settings, setting by setting; width and
/// height travel together (one given as an option replaces both from the file); `--inset none`
/// (an empty list) removes the file's insets.
MapSettings merge_settings(const MapSettings& file, const MapSettings& options);

/// One map to draw: its format, and its file name without folder or extension (which names the
/// SVG's ids; any text for a map written to standard output).
struct MapOutput {
    MapFormat format = MapFormat::png;
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
/// The same for a file not needed afterwards: a file of lat/lon sites gives its sites up to
/// the layout rather than being copied (at 100,000 sites, 46 MB less at the peak), and is left
/// without them.
EncodedMaps encode_site_file(SiteFile&& file, const RenderSettings& settings,
                             const std::vector<MapOutput>& outputs, Diagnostics& diagnostics,
                             std::vector<ResolvedSite>* resolved = nullptr);

/// Loads the fonts' configuration and the default fonts ahead of the first map
/// (render::warm_up_text): run on another thread while the input is read.
void warm_up_text();

/// Everything `render` checks before drawing, without drawing: the style, every site's place,
/// the projection, the extent, the insets and the canvas size with its limits. Throws what
/// encode_site_file would, at the setting's position in the file when the file gave it.
void check_map(const SiteFile& file, const RenderSettings& settings, Diagnostics& diagnostics);

/// The data credit printed in every map's footer, the README and --version.
extern const char* const data_attribution;

} // namespace dcmap::app
