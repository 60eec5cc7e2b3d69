#include "geocode/resolve.hpp"

#include "geocode/normalize.hpp"
#include "model/error.hpp"

#include <cmath>
#include <string>
#include <string_view>

namespace dcmap::geocode {
namespace {

// A runner-up at least this fraction of the winner's population makes an unhinted name
// ambiguous enough to warn about.
constexpr double ambiguity_population_ratio = 1.0 / 3.0;
// Edits that still make a differently spelled name the same name (Genève / Geneva).
constexpr int max_namesake_edits = 2;

/// "Hangzhou, Zhejiang, CN": name, admin-1 name when known, country code.
std::string describe(const Place &p) {
    std::string out = p.name;
    if (!p.admin1.empty() && p.admin1 != p.name)
        out += ", " + p.admin1;
    if (!p.country.empty() && p.country_name != p.name)
        out += ", " + p.country;
    return out;
}

/// A place in another country or another admin-1 region than the chosen one.
bool is_other_region(const Place &chosen, const Place &other) {
    return other.country != chosen.country || other.admin1 != chosen.admin1;
}

/// A place called what the query says, or nearly (Genève for "Geneva"). Places found through
/// an unrelated alternate name (João Pessoa, once "Fredericia") are not namesakes.
bool is_namesake(const Place &other, std::string_view query_key) {
    const auto key = detail::fold(other.name);
    return key == query_key ||
           detail::edit_distance(key, query_key, max_namesake_edits) <= max_namesake_edits;
}

/// The runner-up worth warning about, or nullptr: the most populous namesake in another country
/// or admin-1 region, when its population is at least a third of the winner's. Runners-up come
/// most populous first.
const Place *rival(const GeocodeMatch &m) {
    const auto query_key = detail::fold(m.query);
    for (const auto &other : m.runners_up) {
        if (!is_other_region(m.place, other) || !is_namesake(other, query_key))
            continue;
        const double ratio = m.place.population > 0 ? static_cast<double>(other.population) /
                                                          static_cast<double>(m.place.population)
                                                    : 1.0;
        return ratio >= ambiguity_population_ratio ? &other : nullptr;
    }
    return nullptr;
}

std::string ambiguity_warning(const GeocodeMatch &m, const Place &other) {
    return "\"" + m.query + "\" is ambiguous: using " + describe(m.place) + " (population " +
           std::to_string(m.place.population) + "), not " + describe(other) + " (population " +
           std::to_string(other.population) + "); write \"" + describe(m.place) +
           "\" to keep this choice or \"" + describe(other) + "\" for the other";
}

bool has_hint(const std::string &query) { return query.find(',') != std::string::npos; }

ResolvedSite explicit_site(const Site &site) {
    ResolvedSite r;
    r.site = site;
    r.lat = *site.lat;
    r.lon = *site.lon;
    return r;
}

} // namespace

std::vector<ResolvedSite> resolve_sites(const SiteFile &file, const Gazetteer &gazetteer,
                                        Diagnostics &diagnostics) {
    std::vector<ResolvedSite> resolved;
    std::vector<InputError> errors;
    resolved.reserve(file.sites.size());
    for (const auto &site : file.sites) {
        if (site.lat && site.lon) {
            resolved.push_back(explicit_site(site));
            continue;
        }
        if (!site.location_query) {
            errors.emplace_back(site.pos, "site \"" + site.key() + "\" has no location",
                                "give `location:` or both `lat:` and `lon:`");
            continue;
        }
        try {
            const auto match = gazetteer.lookup(*site.location_query);
            if (!has_hint(*site.location_query))
                if (const Place *other = rival(match))
                    diagnostics.warn(site.location_pos, ambiguity_warning(match, *other));
            ResolvedSite r;
            r.site = site;
            r.lat = match.place.lat;
            r.lon = match.place.lon;
            r.matched = describe(match.place);
            r.country = match.place.country;
            resolved.push_back(std::move(r));
        } catch (const GeocodeError &e) {
            errors.emplace_back(site.location_pos, e.what(),
                                has_hint(*site.location_query)
                                    ? "check the spelling, or give lat/lon"
                                    : "add a country, e.g. \"Hangzhou, China\", or give lat/lon");
        }
    }
    if (!errors.empty())
        throw InputErrors(std::move(errors));
    return resolved;
}

} // namespace dcmap::geocode
