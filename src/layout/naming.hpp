#pragma once
// Naming decluttered symbols: one label per place, a key number where no label fits. One path
// for the main map and for every inset, so both keep the same promises.
#include "layout/declutter.hpp"
#include "layout/label_placer.hpp"
#include "layout/layout.hpp"
#include "layout/markers.hpp"
#include "layout/page.hpp"

#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace dcmap::layout::detail {

/// Everything that stays the same while the cluster radius changes: the sites of one frame
/// (the main map or an inset), their markers at their true positions, and how they are named.
struct Scene {
    const LayoutRequest& request;
    const Style& style;
    const MeasureText& measure;
    double scale = 1;
    const Page& page;
    std::vector<const ProjectedSite*> shown; ///< in key order
    std::vector<MarkerLayout> markers;       ///< per shown site, at its true position
    std::vector<int> rank;                   ///< per shown site: its place in label order
    ProviderColors colors;
    bool name_providers = false; ///< more than one provider on the map
    FontSpec font, pending_font;
};

/// The outcome of naming one set of symbols.
struct Naming {
    std::vector<LabelLayout> labels;      ///< placed labels, number labels included
    std::vector<std::string> key_entries; ///< text of key entry k + 1
    std::vector<int> symbol_key;          ///< per symbol: its key number, 0 = none
    std::vector<LabelOutcome> outcome;    ///< per shown site
    int unnamed = 0;                      ///< shown sites not named elsewhere, named nowhere
    std::vector<int> unnamed_symbols;     ///< symbols of the groups named nowhere
};

/// The town a site is in, as far as it is known: empty when neither the geocoder nor the
/// gazetteer said.
const std::string& locality_of(const ProjectedSite& s);

/// Label placement settings for `scene` with labels kept inside `frame` (pixels) and off the
/// title, the footer and `blocked`.
PlacerSettings placer_settings(const Scene& scene, const Box& frame,
                               const std::vector<Box>& blocked);

/// Names the symbols: one label per place group, and when `use_key`, a number for each group
/// whose label found no room. `named_elsewhere[i]` marks shown sites an inset names instead.
/// Key numbers continue after `earlier_key_entries`, which start the returned key entries.
Naming name_symbols(const Scene& scene, const std::vector<Symbol>& symbols,
                    const PlacerSettings& settings, const std::vector<bool>& named_elsewhere,
                    bool use_key, const std::vector<std::string>& earlier_key_entries = {});

/// The same, with labels kept inside the page's map frame.
Naming name_symbols(const Scene& scene, const std::vector<Symbol>& symbols,
                    const std::vector<Box>& blocked, const std::vector<bool>& named_elsewhere,
                    bool use_key, const std::vector<std::string>& earlier_key_entries = {});

/// Pixels kept free between neighbouring markers, at scale 1.
constexpr double marker_gap = 1.0;

/// Declutter settings for markers kept inside `frame` (pixels): the style's shift bound, a
/// pixel of gap, aggregates sized by `aggregate_radius`.
DeclutterSettings declutter_settings(const Style& style, double scale, const MeasureText& measure,
                                     const Box& frame);

/// Radius of an aggregate of `count` sites: grows with the logarithm of the count, and always
/// holds the count in its bold font.
std::function<double(int)> aggregate_radius(const Style& style, double scale,
                                            const MeasureText& measure, const FontSpec& count_font);

/// The bold font an aggregate's count is drawn in.
FontSpec count_font(const Style& style, double scale);

/// For each of the `stuck` symbols, the members of it and of the symbol drawn nearest to it;
/// none for a stuck symbol whose join would hold a site farther than `max_spread` pixels from
/// the joined symbol's position (an aggregate must stay where its sites are).
std::vector<std::vector<int>>
nearest_neighbours(const std::vector<Symbol>& symbols, const std::vector<int>& stuck,
                   double max_spread = std::numeric_limits<double>::infinity());

/// The markers and aggregates of `symbols` (members index `scene.markers`), with their key
/// numbers, added to `out`.
void emit_symbols(const Scene& scene, const std::vector<Symbol>& symbols,
                  const std::vector<int>& keys, const FontSpec& count_font, MapLayout& out);

} // namespace dcmap::layout::detail
