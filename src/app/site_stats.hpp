#pragma once
// Counts over resolved sites for `dcmap stats`: by provider, status, country and continent,
// with availability zones and megawatts. No I/O: compute_stats is pure; stats_of_sites also
// reads the embedded base map and gazetteer for countries.
#include "model/place.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dcmap::app {

/// Sites, zones and megawatts of one group. Zones and MW add up what the sites give; sites
/// that give none add nothing.
struct Tally {
    int sites = 0;
    long long zones = 0;
    double mw = 0;
    int with_zones = 0; ///< sites that give `zones:`
    int with_mw = 0;    ///< sites that give `capacity_mw:`
};

/// One row of a breakdown: the group's key (a provider, a status, an ISO country code, a
/// continent), a display name, and its tally.
struct StatsRow {
    std::string key;
    std::string name;
    Tally tally;
};

struct SiteStats {
    Tally total;
    std::vector<StatsRow> by_provider;           ///< most sites first, then by key
    std::vector<StatsRow> by_status;             ///< in the order live, announced, planned, ...
    std::vector<StatsRow> by_country;            ///< most sites first; key "" = not known
    std::vector<StatsRow> by_continent;          ///< most sites first; key "" = not known
    std::string first_opened, last_opened;       ///< ISO dates; empty when none given
    std::string first_announced, last_announced; ///< ISO dates; empty when none given
};

/// The continent of an ISO alpha-2 code ("DE" -> "Europe", "BR" -> "South America"), from
/// tzdata's zone areas; empty when unknown.
std::string continent_of(const std::string& alpha2);

/// Counts `sites`. `country_name` turns an ISO code into a display name (empty when unknown).
/// A site without a provider counts under "" ("no provider").
SiteStats compute_stats(const std::vector<ResolvedSite>& sites,
                        const std::map<std::string, std::string>& country_names);

/// Counts `sites` as `dcmap stats` does: a site given by coordinates alone counts in the
/// country it lies in (the base map's countries), and countries are named as the gazetteer
/// names them.
SiteStats stats_of_sites(std::vector<ResolvedSite> sites);

/// `text` with each `{name}` placeholder replaced by a count of `stats`: `{sites}`, `{zones}`,
/// `{mw}`, `{providers}`, `{countries}`, `{continents}`, a status (`{live}`, `{announced}`,
/// `{planned}`, `{under-construction}`, `{retired}`), `{first_opened}`, `{last_opened}`,
/// `{first_announced}`, `{last_announced}`. `{{` and `}}` stand for braces. An unknown name is
/// left as written and goes to `unknown`.
std::string expand_placeholders(const std::string& text, const SiteStats& stats,
                                std::vector<std::string>& unknown);

/// True when `text` may hold a placeholder (it has a '{'); text without one is used as written.
bool has_placeholders(const std::string& text);

} // namespace dcmap::app
