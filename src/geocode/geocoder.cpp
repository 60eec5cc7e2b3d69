#include "geocode/geocoder.hpp"

#include "geocode/normalize.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace dcmap::geocode {
namespace {

// A catalogue row's town, found in the gazetteer, must be this close to the row's coordinates
// for its name and population to be shown; otherwise the gazetteer found a namesake.
constexpr double same_town_km = 50;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string_view first_part(std::string_view place) {
    return trim(place.substr(0, place.find(',')));
}

// A runner-up at least this fraction of the winner's population makes an unhinted name
// ambiguous enough to warn about.
constexpr double ambiguity_population_ratio = 1.0 / 3.0;
// Edits that still make a differently spelled name the same name (Genève / Geneva).
constexpr int max_namesake_edits = 2;

/// A place in another country or another admin-1 region than the chosen one.
bool is_other_region(const Place& chosen, const Place& other) {
    return other.country != chosen.country || other.admin1 != chosen.admin1;
}

/// A place called what the query says, or nearly (Genève for "Geneva"). Places found through
/// an unrelated alternate name (João Pessoa, once "Fredericia") are not namesakes.
bool is_namesake(const Place& other, std::string_view query_key) {
    const auto key = detail::fold(other.name);
    return key == query_key ||
           detail::edit_distance(key, query_key, max_namesake_edits) <= max_namesake_edits;
}

/// The runner-up worth warning about, or nullptr: the most populous namesake in another country
/// or admin-1 region, when its population is at least a third of the winner's. Runners-up come
/// most populous first.
const Place* rival(const GeocodeMatch& m) {
    const auto query_key = detail::fold(m.query);
    for (const auto& other : m.runners_up) {
        if (!is_other_region(m.place, other) || !is_namesake(other, query_key))
            continue;
        const double ratio = m.place.population > 0 ? static_cast<double>(other.population) /
                                                          static_cast<double>(m.place.population)
                                                    : 1.0;
        return ratio >= ambiguity_population_ratio ? &other : nullptr;
    }
    return nullptr;
}

/// "Springfield, Illinois, US (population 114394)", or without the population when unknown
/// (a state or province stands at its seat).
std::string described(const Place& p) {
    auto text = short_description(p);
    if (p.population > 0)
        text.append(" (population ").append(std::to_string(p.population)).append(")");
    return text;
}

std::string ambiguity_warning(const GeocodeMatch& m, const Place& other) {
    return "\"" + m.query + "\" is ambiguous: using " + described(m.place) + ", not " +
           described(other) + "; write \"" + short_description(m.place) +
           "\" to keep this choice or \"" + short_description(other) + "\" for the other";
}

/// A catalogue name ("Netherlands", "US East") that several regions at different places share.
std::string region_ambiguity_warning(const GeocodeMatch& m) {
    return "\"" + m.query + "\" names regions in several places: using " + m.region + " (" +
           short_description(m.place) + "), not " + short_description(m.runners_up.front()) +
           "; write the region id (e.g. region: " + m.region + ") to be sure";
}

} // namespace

double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double rad = M_PI / 180;
    const double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    const double a =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

GeocodeMatch Geocoder::region_match(const Region& r, std::string_view query) const {
    GeocodeMatch m;
    m.query = query;
    m.source = PlaceSource::catalogue;
    m.precision = Precision::city;
    m.region = r.id();
    Place& p = m.place;
    p.name = std::string(first_part(r.place));
    p.country = r.country;
    p.country_name = gazetteer_.country_name(r.country);
    std::optional<GeocodeMatch> town;
    if (!r.place.empty()) {
        // find, not lookup: a place the gazetteer lacks (Eemshaven, NEOM) needs no closest
        // names, so this never builds the closest-name index; the row's coordinates stand alone.
        try {
            town = gazetteer_.find(r.place);
        } catch (const GeocodeError&) {
            // an unknown country or region after the comma: the coordinates stand alone too
        }
    }
    if (r.lat && r.lon) {
        p.lat = *r.lat;
        p.lon = *r.lon;
        m.precision = r.precision;
        if (town &&
            great_circle_km(p.lat, p.lon, town->place.lat, town->place.lon) <= same_town_km) {
            // The gazetteer's spelling of the same name ("Zürich" for "Zurich") with its
            // population, but not a different name it knows the place by ("Jining" for
            // Ulanqab's seat).
            const auto town_key = detail::fold(town->place.name);
            const auto row_key = detail::fold(p.name);
            if (town_key.starts_with(row_key) || row_key.starts_with(town_key) ||
                detail::edit_distance(town_key, row_key, max_namesake_edits) <=
                    max_namesake_edits) {
                p.name = town->place.name;
                p.population = town->place.population;
            }
            p.admin1 = town->place.admin1;
        }
    } else if (town) {
        // A user's row without coordinates: its place column decides.
        p = town->place;
        m.precision = town->precision;
    } else {
        throw GeocodeError(std::string(query), "catalogue row " + r.id() +
                                                   " has no lat/lon and its place \"" + r.place +
                                                   "\" is not in the gazetteer");
    }
    if (p.country.empty())
        p.country = town ? town->place.country : std::string{};
    if (p.country_name.empty())
        p.country_name = gazetteer_.country_name(p.country);
    return m;
}

GeocodeMatch Geocoder::region(std::string_view provider, std::string_view code) const {
    const std::string key =
        provider_key(provider).empty() ? std::string(provider) : provider_key(provider);
    const std::string id = key + ":" + std::string(code);
    if (const Region* r = catalogue_.find(key, code))
        return region_match(*r, id);
    std::string message = "unknown region \"" + std::string(code) + "\" of provider " + key;
    const auto& keys = provider_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        message = "unknown provider \"" + std::string(provider) +
                  "\"; use aws, azure, gcp, alibaba or oracle";
    } else if (const auto close = catalogue_.closest_codes(key, code); !close.empty()) {
        message += "; closest:";
        for (std::size_t i = 0; i < close.size(); ++i)
            message += (i ? ", " : " ") + close[i];
    } else {
        message += "; `dcmap regions --provider " + key + "` lists them";
    }
    throw GeocodeError(id, message);
}

GeocodeMatch Geocoder::from_regions(std::string_view query,
                                    const std::vector<const Region*>& found) const {
    GeocodeMatch m = region_match(*found.front(), query);
    for (std::size_t i = 1; i < found.size(); ++i) {
        const auto other = region_match(*found[i], query).place;
        // The same town under several providers ("China (Beijing)") is one place.
        if (great_circle_km(m.place.lat, m.place.lon, other.lat, other.lon) > same_town_km)
            m.runners_up.push_back(other);
    }
    return m;
}

GeocodeMatch Geocoder::lookup(std::string_view query) const {
    auto m = lookup_as_written(trim(query));
    const bool hinted = m.query.find(',') != std::string::npos;
    if (m.source == PlaceSource::gazetteer && !hinted && m.ambiguous.empty())
        if (const Place* other = rival(m))
            m.ambiguous.push_back(*other);
    if (m.source == PlaceSource::catalogue && !m.runners_up.empty()) {
        m.ambiguous.push_back(m.runners_up.front());
        m.warnings.push_back(region_ambiguity_warning(m));
    }
    if (m.warnings.empty() && !m.ambiguous.empty())
        m.warnings.push_back(ambiguity_warning(m, m.ambiguous.front()));
    return m;
}

GeocodeMatch Geocoder::lookup_as_written(std::string_view query) const {
    if (const auto colon = query.find(':'); colon != std::string_view::npos) {
        const auto provider = provider_key(trim(query.substr(0, colon)));
        if (!provider.empty())
            return region(provider, trim(query.substr(colon + 1)));
    }
    const bool region_style = query.find('(') != std::string_view::npos;
    if (region_style)
        if (const auto found = catalogue_.with_display_name(query); !found.empty())
            return from_regions(query, found);
    std::optional<GeocodeMatch> town;
    std::optional<GeocodeError> hint_error;
    try {
        town = gazetteer_.find(query);
    } catch (const GeocodeError& e) {
        hint_error = e; // "Eemshaven, NL" may still be a catalogue site
    }
    if (town)
        return std::move(*town);
    if (auto found = catalogue_.with_display_name(query); !found.empty())
        return from_regions(query, found);
    // "Eemshaven", "Jurong West, SG": sites that are not towns but that the catalogue places;
    // a country after the name must agree.
    const auto comma = query.find(',');
    auto found = catalogue_.at_place(query.substr(0, comma));
    if (comma != std::string_view::npos) {
        const auto country = gazetteer_.country_code(trim(query.substr(query.rfind(',') + 1)));
        std::erase_if(found, [&](const Region* r) { return r->country != country; });
    }
    if (!found.empty())
        return from_regions(query, found);
    if (hint_error)
        throw *hint_error;
    // "eu-central-1": a region code without its provider.
    std::vector<std::string> ids;
    for (const auto& provider : provider_keys())
        if (const Region* r = catalogue_.find(provider, query))
            ids.push_back(r->id());
    if (!ids.empty()) {
        std::string message = "unknown place \"" + std::string(query) +
                              "\"; it is a region code: write " + ids.front();
        for (std::size_t i = 1; i < ids.size(); ++i)
            message += (i + 1 == ids.size() ? " or " : ", ") + ids[i];
        throw GeocodeError(std::string(query), message + " (as location: or region:)");
    }
    try {
        return gazetteer_.lookup(query); // throws, naming the closest places
    } catch (const GeocodeError& e) {
        if (!region_style)
            throw;
        throw GeocodeError(std::string(query),
                           std::string(e.what()) +
                               "; no provider region has this name either (`dcmap regions` "
                               "lists them)");
    }
}

} // namespace dcmap::geocode
