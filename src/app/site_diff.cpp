#include "app/site_diff.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace dcmap::app {

namespace {

std::string place_of(const ResolvedSite& r) {
    if (!r.matched.empty())
        return r.matched;
    char text[64];
    std::snprintf(text, sizeof text, "%.2f, %.2f", r.lat, r.lon);
    return text;
}

SiteChange change_of(ChangeKind kind, const ResolvedSite* before, const ResolvedSite* after) {
    const ResolvedSite& latest = after ? *after : *before;
    SiteChange c;
    c.kind = kind;
    c.key = latest.site.key();
    c.name = latest.site.name;
    c.provider = latest.site.provider;
    if (before) {
        c.old_status = to_string(before->site.status);
        c.old_place = place_of(*before);
        c.old_lon = before->lon;
        c.old_lat = before->lat;
    }
    if (after) {
        c.new_status = to_string(after->site.status);
        c.new_place = place_of(*after);
        c.new_lon = after->lon;
        c.new_lat = after->lat;
    }
    if (before && after)
        c.distance_km = distance_km(c.old_lon, c.old_lat, c.new_lon, c.new_lat);
    return c;
}

} // namespace

const char* to_string(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::added:
        return "added";
    case ChangeKind::removed:
        return "removed";
    case ChangeKind::status:
        return "status";
    case ChangeKind::moved:
        return "moved";
    }
    return "added";
}

int SiteDiff::count(ChangeKind kind) const {
    return static_cast<int>(std::count_if(changes.begin(), changes.end(),
                                          [&](const SiteChange& c) { return c.kind == kind; }));
}

double distance_km(double lon1, double lat1, double lon2, double lat2) {
    constexpr double kRadians = M_PI / 180, kEarthRadiusKm = 6371.0;
    const double dlat = (lat2 - lat1) * kRadians, dlon = (lon2 - lon1) * kRadians;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) *
                         std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

SiteDiff diff_sites(const std::vector<ResolvedSite>& old_sites,
                    const std::vector<ResolvedSite>& new_sites, double moved_km) {
    std::map<std::string, const ResolvedSite*> before, after;
    for (const auto& r : old_sites)
        before.emplace(r.site.key(), &r);
    for (const auto& r : new_sites)
        after.emplace(r.site.key(), &r);
    SiteDiff diff;
    diff.old_sites = static_cast<int>(old_sites.size());
    diff.new_sites = static_cast<int>(new_sites.size());
    for (const auto& [key, r] : after)
        if (!before.count(key))
            diff.changes.push_back(change_of(ChangeKind::added, nullptr, r));
    for (const auto& [key, r] : before)
        if (!after.count(key))
            diff.changes.push_back(change_of(ChangeKind::removed, r, nullptr));
    for (const auto& [key, r] : after) {
        auto found = before.find(key);
        if (found == before.end())
            continue;
        if (found->second->site.status != r->site.status)
            diff.changes.push_back(change_of(ChangeKind::status, found->second, r));
    }
    for (const auto& [key, r] : after) {
        auto found = before.find(key);
        if (found == before.end())
            continue;
        SiteChange c = change_of(ChangeKind::moved, found->second, r);
        if (c.distance_km > moved_km)
            diff.changes.push_back(std::move(c));
    }
    return diff;
}

} // namespace dcmap::app
