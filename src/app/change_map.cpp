#include "app/change_map.hpp"

#include "project/projection.hpp"

#include <cmath>

namespace dcmap::app {

namespace {

MapChange map_change(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::added:
        return MapChange::added;
    case ChangeKind::removed:
        return MapChange::removed;
    case ChangeKind::status:
        return MapChange::status;
    case ChangeKind::moved:
        return MapChange::moved;
    }
    return MapChange::unchanged;
}

/// "3 added, 1 removed, 2 status changed, 1 moved; 27 → 29 sites".
std::string subtitle_of(const SiteDiff& d) {
    return std::to_string(d.count(ChangeKind::added)) + " added, " +
           std::to_string(d.count(ChangeKind::removed)) + " removed, " +
           std::to_string(d.count(ChangeKind::status)) + " status changed, " +
           std::to_string(d.count(ChangeKind::moved)) + " moved; " + std::to_string(d.old_sites) +
           " → " + std::to_string(d.new_sites) + " sites";
}

/// How the title names a version: a file by its name, git:REV:PATH as REV:NAME, - as stdin.
std::string version_name(const std::string& spec) {
    if (spec == "-")
        return "stdin";
    const auto name = [](const std::string& path) {
        const std::size_t slash = path.rfind('/');
        return slash == std::string::npos ? path : path.substr(slash + 1);
    };
    if (spec.rfind("git:", 0) == 0) {
        const std::size_t colon = spec.find(':', 4);
        if (colon != std::string::npos)
            return spec.substr(4, colon - 4) + ":" + name(spec.substr(colon + 1));
    }
    return name(spec);
}

} // namespace

ChangeMap make_change_map(const SiteFile& newer, const std::vector<ResolvedSite>& older,
                          const SiteDiff& diff, const std::string& old_name,
                          const std::string& new_name) {
    ChangeMap map;
    map.file = newer;
    map.file.title = "Changes: " + version_name(old_name) + " → " + version_name(new_name);
    map.file.subtitle = subtitle_of(diff);
    for (const auto& c : diff.changes) {
        SiteMark& mark = map.changes[c.key];
        // Moved wins over a status change: its path is the larger news on a map.
        if (mark.change == MapChange::moved)
            continue;
        mark.change = map_change(c.kind);
        mark.old_lon = c.old_lon;
        mark.old_lat = c.old_lat;
        if (c.kind != ChangeKind::removed)
            continue;
        for (const auto& r : older) {
            if (r.site.key() != c.key)
                continue;
            Site gone = r.site;
            // At the position it had: the older file's catalogue or gazetteer is not asked again.
            gone.location_query.reset();
            gone.region.clear();
            gone.country.clear();
            gone.lat = r.lat;
            gone.lon = r.lon;
            map.file.sites.push_back(std::move(gone));
            break;
        }
    }
    for (auto& site : map.file.sites) {
        const auto it = map.changes.find(site.key());
        if (it == map.changes.end()) {
            map.changes[site.key()] = SiteMark{};
            site.priority = 0;
        } else {
            // Changed sites are named first; unchanged ones only where room is left.
            site.priority = 1 + std::max(site.priority, 0);
        }
    }
    return map;
}

void mark_site(layout::ProjectedSite& site, const MapChanges& changes,
               const project::Projector& projector) {
    const auto it = changes.find(site.site.site.key());
    site.change = it == changes.end() ? MapChange::unchanged : it->second.change;
    if (site.change != MapChange::moved)
        return;
    if (const auto xy = projector.forward(it->second.old_lon, it->second.old_lat)) {
        if (std::isfinite(xy->x) && std::isfinite(xy->y)) {
            site.from = *xy;
            site.has_from = true;
        }
    }
}

} // namespace dcmap::app
