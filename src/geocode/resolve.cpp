#include "geocode/resolve.hpp"

#include "geocode/normalize.hpp"
#include "geocode/providers.hpp"
#include "model/error.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dcmap::geocode {
namespace {

bool has_hint(const std::string& query) { return query.find(',') != std::string::npos; }

/// The region a site names: "aws:eu-central-1", or the code with `provider:`. Returns
/// {provider, code}; the provider is empty when neither says which.
std::pair<std::string, std::string> split_region(const Site& site) {
    const auto colon = site.region.find(':');
    if (colon != std::string::npos)
        return {site.region.substr(0, colon), site.region.substr(colon + 1)};
    return {site.provider, site.region};
}

/// Fills the audit fields of `r` from a match.
void record_match(ResolvedSite& r, const GeocodeMatch& m) {
    r.lat = m.place.lat;
    r.lon = m.place.lon;
    r.matched = short_description(m.place);
    r.country = m.place.country;
    r.precision = m.precision;
    r.source = m.source;
    r.query = m.query;
    r.locality = m.place.name;
    r.locality_lon = m.place.lon;
    r.locality_lat = m.place.lat;
    r.locality_population = m.place.population;
    if (!m.region.empty())
        r.region = m.region;
    r.place = m.place;
    if (!m.runners_up.empty()) {
        r.runner_up = m.runners_up.front();
        r.runner_up_km =
            great_circle_km(m.place.lat, m.place.lon, r.runner_up->lat, r.runner_up->lon);
    }
}

/// Answers of one resolve_sites call by query: a large file names the same few hundred places
/// and regions again and again, and a miss costs a closest-name search. Bounded: emptied when
/// full, so a file of distinct names never holds more than max_entries answers at once.
template <class Key> class AnswerCache {
public:
    static constexpr std::size_t max_entries = 65536;
    /// The match for `key`, from `find` on the first ask; a GeocodeError is remembered and
    /// thrown again, with the same message, on every later ask.
    template <class Find> const GeocodeMatch& get(const Key& key, Find&& find) {
        auto it = answers_.find(key);
        if (it == answers_.end()) {
            if (answers_.size() >= max_entries)
                answers_.clear();
            Answer answer;
            try {
                answer.match = find();
            } catch (const GeocodeError& e) {
                answer.error.emplace(e.query(), e.what());
            }
            it = answers_.emplace(key, std::move(answer)).first;
        }
        if (it->second.error)
            throw *it->second.error;
        return *it->second.match;
    }

private:
    struct Answer {
        std::optional<GeocodeMatch> match;
        std::optional<GeocodeError> error;
    };
    std::map<Key, Answer> answers_;
};

} // namespace

void locate_coordinates(ResolvedSite& site, const Gazetteer& gazetteer) {
    const auto town = gazetteer.nearest_town(site.lon, site.lat);
    if (!town)
        return;
    // Named after the metro it lies in; its country is the nearest town's, which the metro's
    // may not be across a border.
    const auto metro = gazetteer.metro_town(site.lon, site.lat, town);
    const NearbyTown& named = metro ? *metro : *town;
    site.locality = named.name;
    site.locality_lon = named.lon;
    site.locality_lat = named.lat;
    site.locality_population = named.population;
    // A `country:` the gazetteer does not know stays unresolved, so the caller can say so.
    if (site.country.empty() && site.site.country.empty())
        site.country = town->country;
}

bool needs_geocoding(const Site& site) {
    return !(site.lat && site.lon) || (!site.region.empty() && site.name.empty());
}

std::vector<ResolvedSite> resolve_sites(const SiteFile& file, const Gazetteer& gazetteer,
                                        Diagnostics& diagnostics) {
    return resolve_sites(file, Geocoder(gazetteer, Catalogue::embedded()), diagnostics);
}

std::vector<ResolvedSite> resolve_sites(const SiteFile& file, const Geocoder& geocoder,
                                        Diagnostics& diagnostics) {
    std::vector<ResolvedSite> resolved;
    std::vector<InputError> errors;
    resolved.reserve(file.sites.size());
    AnswerCache<std::pair<std::string, std::string>> regions;
    AnswerCache<std::string> places;
    for (const auto& site : file.sites) {
        ResolvedSite r;
        r.site = site;
        // One name per provider, however the file spells it; a region's prefix names the
        // provider of a site that gives none.
        r.site.provider =
            canonical_provider(site.provider.empty() ? split_region(site).first : site.provider);
        std::optional<GeocodeMatch> region_match;
        if (!site.region.empty()) {
            const auto [provider, code] = split_region(site);
            const SourcePos& at = site.region_pos.file.empty() ? site.pos : site.region_pos;
            if (provider.empty()) {
                errors.emplace_back(at, "region \"" + site.region + "\" needs a provider",
                                    "write region: aws:" + site.region +
                                        " or add provider: (aws, azure, gcp, alibaba, oracle)");
                continue;
            }
            if (!site.provider.empty() && site.region.find(':') != std::string::npos &&
                !provider_key(site.provider).empty() &&
                provider_key(site.provider) != provider_key(provider)) {
                errors.emplace_back(
                    at, "region \"" + site.region + "\" is not a region of " + site.provider,
                    "make provider: and the region's prefix agree");
                continue;
            }
            try {
                const std::pair<std::string, std::string> key{provider, code};
                region_match =
                    regions.get(key, [&] { return geocoder.region(key.first, key.second); });
            } catch (const GeocodeError& e) {
                errors.emplace_back(at, e.what(), "`dcmap regions` lists the catalogue");
                continue;
            }
            r.region = region_match->region;
            if (r.site.name.empty())
                if (const auto* row = geocoder.catalogue().find(
                        provider_key(provider).empty() ? provider : provider_key(provider), code))
                    r.site.name = row->display_name;
        }
        if (site.lat && site.lon) {
            r.lat = *site.lat;
            r.lon = *site.lon;
            r.precision = Precision::exact;
            r.source = PlaceSource::explicit_coordinates;
            if (!site.country.empty())
                r.country = geocoder.gazetteer().country_code(site.country);
            locate_coordinates(r, geocoder.gazetteer());
            resolved.push_back(std::move(r));
            continue;
        }
        if (site.location_query) {
            std::string query = *site.location_query;
            const bool hinted = has_hint(query) || !site.country.empty();
            if (!has_hint(query) && !site.country.empty())
                query += ", " + site.country;
            try {
                const auto& match = places.get(query, [&] { return geocoder.lookup(query); });
                for (const auto& warning : match.warnings)
                    diagnostics.warn(site.location_pos, warning);
                record_match(r, match);
                resolved.push_back(std::move(r));
            } catch (const GeocodeError& e) {
                errors.emplace_back(site.location_pos, e.what(),
                                    hinted ? "check the spelling, or give lat/lon"
                                           : "add a country, e.g. \"Hangzhou, China\", or give "
                                             "lat/lon");
            }
            continue;
        }
        if (region_match) {
            record_match(r, *region_match);
            resolved.push_back(std::move(r));
            continue;
        }
        errors.emplace_back(site.pos, "site \"" + site.key() + "\" has no location",
                            "give `location:`, `region:` or both `lat:` and `lon:`");
    }
    if (!errors.empty())
        throw InputErrors(std::move(errors));
    return resolved;
}

} // namespace dcmap::geocode
