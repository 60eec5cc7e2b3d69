#pragma once
// Place names and region codes -> positions: the gazetteer and the region catalogue together.
#include "geocode/catalogue.hpp"
#include "geocode/gazetteer.hpp"
#include "model/place.hpp"

#include <string_view>

namespace dcmap::geocode {

/// Great-circle distance in kilometres between two WGS84 points (spherical Earth, R = 6371 km).
double great_circle_km(double lat1, double lon1, double lat2, double lon2);

/// Answers queries from the gazetteer and the catalogue. Holds references: both must outlive it.
class Geocoder {
public:
    Geocoder(const Gazetteer& gazetteer, const Catalogue& catalogue)
        : gazetteer_(gazetteer), catalogue_(catalogue) {}

    /// Resolves, in this order: a region id ("aws:eu-central-1", "Alibaba Cloud:cn-hangzhou");
    /// a provider's region name when the query has parentheses ("Europe (Frankfurt)"); a
    /// gazetteer place (see Gazetteer::lookup); failing that, a region name without parentheses
    /// ("East US 2") or a catalogue site that is not a town ("Eemshaven"). The match records
    /// its precision and source, and in `ambiguous` and `warnings` any other place an
    /// unhinted name may well mean. Throws GeocodeError naming the closest candidates (or,
    /// for a bare region code like "eu-central-1", the region ids it could be).
    GeocodeMatch lookup(std::string_view query) const;

    /// The region `code` of `provider` (a provider key or name, see provider_key). Throws
    /// GeocodeError naming the closest codes when the catalogue has no such region.
    GeocodeMatch region(std::string_view provider, std::string_view code) const;

    /// A catalogue row as a match: the row's coordinates, with the name, admin-1 and population
    /// of its attributed town when the gazetteer knows it there.
    GeocodeMatch region_match(const Region& region, std::string_view query) const;

    const Gazetteer& gazetteer() const { return gazetteer_; }
    const Catalogue& catalogue() const { return catalogue_; }

private:
    GeocodeMatch lookup_as_written(std::string_view query) const;
    GeocodeMatch from_regions(std::string_view query,
                              const std::vector<const Region*>& found) const;
    const Gazetteer& gazetteer_;
    const Catalogue& catalogue_;
};

} // namespace dcmap::geocode
