#pragma once
// Change maps: the colour, size and legend of markers that show what changed between two
// versions of a site file, instead of each site's provider and status.
#include "layout/layout.hpp"

#include <utility>
#include <vector>

namespace dcmap::layout::detail {

/// Whether the request is a change map (some site carries a MapChange other than none).
bool is_change_map(const LayoutRequest& request);

/// Okabe-Ito colours, told apart by the common colour-vision deficiencies: blue (added),
/// vermillion (removed), orange (status changed), reddish purple (moved); unchanged sites are
/// a pale grey so the changes stand out.
Color change_color(MapChange change);

/// Gives a marker its change: colour, a smaller radius when unchanged, and the older position
/// of a moved site in pixels.
void mark_change(MarkerLayout& marker, const ProjectedSite& site, const ViewTransform& transform);

/// "Added", "Removed", "Status changed", "Moved", "Unchanged".
const char* change_title(MapChange change);

/// The changes a change map's legend lists, in order, with how many of the sites have each
/// (shown or not: the legend counts the change, as the subtitle does): added, removed, status
/// and moved always (a 0 says nothing of that kind changed), unchanged when there are any.
std::vector<std::pair<MapChange, int>> change_counts(const std::vector<ProjectedSite>& sites);

} // namespace dcmap::layout::detail
