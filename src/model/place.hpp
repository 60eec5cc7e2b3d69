#pragma once
// Geocoding results: a gazetteer place and a site with its resolved coordinates.
#include "model/site.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dcmap {

/// A place from the gazetteer (or a country's label point).
struct Place {
    std::string name;          ///< as GeoNames writes it, UTF-8 ("São Paulo")
    std::string admin1;        ///< admin-1 name ("California"); may be empty
    std::string country;       ///< ISO 3166-1 alpha-2 ("BR")
    std::string country_name;  ///< "Brazil"
    double lat = 0;
    double lon = 0;
    std::int64_t population = 0;
};

/// The answer to one query: the chosen place and the next-best candidates, best first.
struct GeocodeMatch {
    std::string query;
    Place place;
    std::vector<Place> runners_up;
};

/// A site whose position is known. lon/lat are always set from a real source, never defaulted.
struct ResolvedSite {
    Site site;
    double lon = 0;
    double lat = 0;
    std::string matched;   ///< e.g. "Hangzhou, Zhejiang, CN"; empty for explicit coordinates
    std::string country;   ///< ISO alpha-2 when known
};

} // namespace dcmap
