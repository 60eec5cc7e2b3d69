#pragma once
// How a site differs between two versions of a site file, as a change map draws it.
#include <map>
#include <string>

namespace dcmap {

/// A site's part on a change map (`dcmap diff OLD NEW -o map.png`). `none`: an ordinary map.
enum class MapChange { none, unchanged, added, removed, status, moved };

/// "", "unchanged", "added", "removed", "status", "moved".
inline const char* to_string(MapChange c) {
    switch (c) {
    case MapChange::none:
        return "";
    case MapChange::unchanged:
        return "unchanged";
    case MapChange::added:
        return "added";
    case MapChange::removed:
        return "removed";
    case MapChange::status:
        return "status";
    case MapChange::moved:
        return "moved";
    }
    return "";
}

/// One site's change, keyed by Site::key() in MapChanges.
struct SiteMark {
    MapChange change = MapChange::unchanged;
    double old_lon = 0, old_lat = 0; ///< the older position, for `moved`
};

/// The changes of a change map, by site key; sites not listed are unchanged.
using MapChanges = std::map<std::string, SiteMark>;

} // namespace dcmap
