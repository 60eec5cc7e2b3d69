#include "layout/changes.hpp"

#include <algorithm>

namespace dcmap::layout::detail {

bool is_change_map(const LayoutRequest& request) {
    return std::any_of(request.sites.begin(), request.sites.end(),
                       [](const ProjectedSite& s) { return s.change != MapChange::none; });
}

Color change_color(MapChange change) {
    switch (change) {
    case MapChange::added:
        return {0.0, 0.447, 0.698, 1}; // #0072B2
    case MapChange::removed:
        return {0.835, 0.369, 0.0, 1}; // #D55E00
    case MapChange::status:
        return {0.902, 0.624, 0.0, 1}; // #E69F00
    case MapChange::moved:
        return {0.800, 0.475, 0.655, 1}; // #CC79A7
    case MapChange::unchanged:
    case MapChange::none:
        break;
    }
    return {0.62, 0.64, 0.67, 0.85};
}

void mark_change(MarkerLayout& marker, const ProjectedSite& site, const ViewTransform& transform) {
    marker.change = site.change;
    if (site.change == MapChange::none)
        return;
    marker.color = change_color(site.change);
    // Unchanged sites are context: smaller, so the changed ones read first.
    if (site.change == MapChange::unchanged)
        marker.r *= 0.7;
    if (site.change == MapChange::moved && site.has_from) {
        const Point from = transform.to_pixels(site.from);
        marker.has_from = true;
        marker.from_x = from.x;
        marker.from_y = from.y;
    }
}

const char* change_title(MapChange change) {
    switch (change) {
    case MapChange::added:
        return "Added";
    case MapChange::removed:
        return "Removed";
    case MapChange::status:
        return "Status changed";
    case MapChange::moved:
        return "Moved";
    case MapChange::unchanged:
    case MapChange::none:
        break;
    }
    return "Unchanged";
}

std::vector<std::pair<MapChange, int>> change_counts(const std::vector<ProjectedSite>& sites) {
    std::vector<std::pair<MapChange, int>> counts{{MapChange::added, 0},
                                                  {MapChange::removed, 0},
                                                  {MapChange::status, 0},
                                                  {MapChange::moved, 0},
                                                  {MapChange::unchanged, 0}};
    for (const auto& s : sites)
        for (auto& [change, n] : counts)
            if (s.change == change)
                ++n;
    if (counts.back().second == 0)
        counts.pop_back();
    return counts;
}

} // namespace dcmap::layout::detail
