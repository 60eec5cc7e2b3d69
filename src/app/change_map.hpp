#pragma once
// `dcmap diff OLD NEW -o change.png`: the site file and marks a change map is drawn from, so the
// normal render pipeline draws it (markers, labels, legend, page) with change symbols.
#include "app/site_diff.hpp"
#include "layout/layout.hpp"
#include "model/change.hpp"
#include "model/place.hpp"
#include "model/site.hpp"

#include <string>
#include <vector>

namespace dcmap::project {
class Projector;
}

namespace dcmap::app {

/// What a change map draws: both versions' sites in one file, and each site's change.
struct ChangeMap {
    SiteFile file;      ///< the newer file's sites and settings, plus the removed sites
    MapChanges changes; ///< every site of `file`, by key
};

/// The newer file with the older file's removed sites added (at their resolved positions, so
/// they need no geocoding), titled "Changes: old.yaml → new.yaml" (file names) unless `title` is
/// given, subtitled with the change counts. A site that moved and changed status is drawn as moved.
/// Changed sites are labelled before unchanged ones.
ChangeMap make_change_map(const SiteFile& newer, const std::vector<ResolvedSite>& older,
                          const SiteDiff& diff, const std::string& old_name,
                          const std::string& new_name);

/// Gives a projected site its change from `changes` and, when it moved, its older position in
/// projected units (left out when the projection cannot show it).
void mark_site(layout::ProjectedSite& site, const MapChanges& changes,
               const project::Projector& projector);

} // namespace dcmap::app
