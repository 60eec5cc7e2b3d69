#include "app/site_stats.hpp"

#include "basemap/countries.hpp"
#include "geocode/gazetteer.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

namespace dcmap::app {

namespace {

constexpr std::pair<std::string_view, std::string_view> kContinents[] = {
#include "app/continent_table.inc"
};

constexpr Status kStatusOrder[] = {Status::live, Status::announced, Status::planned,
                                   Status::under_construction, Status::retired};

void add(Tally& t, const Site& s) {
    ++t.sites;
    if (s.zones) {
        t.zones += *s.zones;
        ++t.with_zones;
    }
    if (s.capacity_mw) {
        t.mw += *s.capacity_mw;
        ++t.with_mw;
    }
}

/// Groups largest first; ties and equal counts by key, so the output never depends on input
/// order.
std::vector<StatsRow> by_size(const std::map<std::string, Tally>& groups,
                              const std::map<std::string, std::string>& names = {}) {
    std::vector<StatsRow> rows;
    rows.reserve(groups.size());
    for (const auto& [key, tally] : groups) {
        auto name = names.find(key);
        rows.push_back({key, name == names.end() ? key : name->second, tally});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const StatsRow& a, const StatsRow& b) {
        return a.tally.sites > b.tally.sites;
    });
    return rows;
}

void widen(std::string& first, std::string& last, const std::string& date) {
    if (date.empty())
        return;
    if (first.empty() || date < first)
        first = date;
    if (last.empty() || date > last)
        last = date;
}

} // namespace

std::string continent_of(const std::string& alpha2) {
    auto found =
        std::lower_bound(std::begin(kContinents), std::end(kContinents), alpha2,
                         [](const auto& row, const std::string& code) { return row.first < code; });
    if (found == std::end(kContinents) || found->first != alpha2)
        return {};
    return std::string(found->second);
}

SiteStats compute_stats(const std::vector<ResolvedSite>& sites,
                        const std::map<std::string, std::string>& country_names) {
    SiteStats stats;
    std::map<std::string, Tally> providers, statuses, countries, continents;
    for (const auto& r : sites) {
        add(stats.total, r.site);
        add(providers[r.site.provider], r.site);
        add(statuses[to_string(r.site.status)], r.site);
        add(countries[r.country], r.site);
        add(continents[continent_of(r.country)], r.site);
        widen(stats.first_opened, stats.last_opened, r.site.opened);
        widen(stats.first_announced, stats.last_announced, r.site.announced);
    }
    stats.by_provider = by_size(providers);
    stats.by_country = by_size(countries, country_names);
    stats.by_continent = by_size(continents);
    for (Status s : kStatusOrder) {
        auto found = statuses.find(to_string(s));
        if (found != statuses.end())
            stats.by_status.push_back({found->first, found->first, found->second});
    }
    return stats;
}

namespace {

std::string number(double v) {
    std::ostringstream s;
    s.precision(10);
    s << std::round(v * 100) / 100;
    return s.str();
}

/// Groups that count, leaving out the "not known" one.
std::string known_groups(const std::vector<StatsRow>& rows) {
    return std::to_string(
        std::count_if(rows.begin(), rows.end(), [](const StatsRow& r) { return !r.key.empty(); }));
}

std::optional<std::string> placeholder_value(const std::string& name, const SiteStats& s) {
    if (name == "sites")
        return std::to_string(s.total.sites);
    if (name == "zones")
        return std::to_string(s.total.zones);
    if (name == "mw")
        return number(s.total.mw);
    if (name == "providers")
        return known_groups(s.by_provider);
    if (name == "countries")
        return known_groups(s.by_country);
    if (name == "continents")
        return known_groups(s.by_continent);
    if (name == "first_opened")
        return s.first_opened;
    if (name == "last_opened")
        return s.last_opened;
    if (name == "first_announced")
        return s.first_announced;
    if (name == "last_announced")
        return s.last_announced;
    for (Status status : kStatusOrder) {
        if (name != to_string(status))
            continue;
        for (const auto& row : s.by_status)
            if (row.key == name)
                return std::to_string(row.tally.sites);
        return "0";
    }
    return std::nullopt;
}

} // namespace

bool has_placeholders(const std::string& text) { return text.find('{') != std::string::npos; }

std::string expand_placeholders(const std::string& text, const SiteStats& stats,
                                std::vector<std::string>& unknown) {
    std::string out;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text.compare(at, 2, "{{") == 0 || text.compare(at, 2, "}}") == 0) {
            out += text[at++];
            continue;
        }
        const std::size_t close = text[at] == '{' ? text.find('}', at) : std::string::npos;
        if (close == std::string::npos) {
            out += text[at];
            continue;
        }
        const std::string name = text.substr(at + 1, close - at - 1);
        if (auto value = placeholder_value(name, stats)) {
            out += *value;
        } else {
            unknown.push_back(name);
            out.append(text, at, close - at + 1);
        }
        at = close;
    }
    return out;
}

SiteStats stats_of_sites(std::vector<ResolvedSite> sites) {
    std::map<std::string, std::string> names;
    for (auto& site : sites) {
        if (site.country.empty())
            site.country = basemap::country_at(site.lon, site.lat);
        if (!site.country.empty() && !names.count(site.country))
            if (auto name = geocode::Gazetteer::embedded().country_name(site.country);
                !name.empty())
                names[site.country] = name;
    }
    return compute_stats(sites, names);
}

} // namespace dcmap::app
