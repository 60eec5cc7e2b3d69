#pragma once
// What changed between two versions of a site file, for `dcmap diff`. Pure: no I/O.
#include "model/place.hpp"

#include <string>
#include <vector>

namespace dcmap::app {

enum class ChangeKind { added, removed, status, moved };

/// "added", "removed", "status", "moved".
const char* to_string(ChangeKind kind);

/// One change of one site. A site whose status changed and that moved gives two changes.
struct SiteChange {
    ChangeKind kind = ChangeKind::added;
    std::string key;      ///< the site's id, or its name when the file gives no id
    std::string name;     ///< display name in the newer version (the older one when removed)
    std::string provider; ///< as in the newer version (the older one when removed)
    std::string old_status, new_status; ///< empty where the site does not exist
    std::string old_place, new_place;   ///< "Frankfurt, Hesse, DE" or "50.11, 8.68"
    double old_lon = 0, old_lat = 0, new_lon = 0, new_lat = 0;
    double distance_km = 0; ///< between the two positions; 0 for added and removed
};

struct SiteDiff {
    int old_sites = 0;
    int new_sites = 0;
    std::vector<SiteChange> changes; ///< added, removed, status, moved; each by key
    /// Number of changes of `kind`.
    int count(ChangeKind kind) const;
};

/// Great-circle distance in kilometres (spherical Earth, radius 6371 km).
double distance_km(double lon1, double lat1, double lon2, double lat2);

/// Matches sites by key. A site is `moved` when its two positions lie more than `moved_km`
/// apart, so a re-geocoded town or rounded coordinates do not count as a move.
SiteDiff diff_sites(const std::vector<ResolvedSite>& old_sites,
                    const std::vector<ResolvedSite>& new_sites, double moved_km);

} // namespace dcmap::app
