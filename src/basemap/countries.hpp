#pragma once
// Which country a geographic point lies in, from the embedded Natural Earth 1:50m countries
// (unprojected). Used to sanity-check sites that give coordinates and a country.
#include <cstddef>
#include <optional>
#include <string>

namespace dcmap::basemap {

/// ISO alpha-2 of the country whose 1:50m polygon contains (lon, lat) in degrees; empty at sea,
/// in Antarctica's open interior gaps, or where Natural Earth has no ISO code (N. Cyprus,
/// Somaliland). The polygons are read once per process; the first few hundred points are
/// tested ring by ring, the rest through an index of every edge built then. Thread-safe.
/// Throws IoError when the data are missing.
std::string country_at(double lon, double lat);

/// Loads what country_at needs for `points` lookups now (the country rings; their edge index
/// too when it will pay for itself), so that it can be done beside other work.
void prepare_country_lookups(std::size_t points);

/// Distance in kilometres from (lon, lat) to the nearest 1:50m polygon of the country `iso2`
/// (0 inside it); nullopt when the base map has no polygon with that code (small islands, XK
/// is there). Accurate to a few per cent within a few hundred kilometres (local equirectangular
/// distance to each edge). Throws IoError when the data are missing.
std::optional<double> distance_to_country_km(const std::string& iso2, double lon, double lat);

namespace detail {
/// country_at by testing every edge of every country (no index): the reference the tests
/// compare country_at with.
std::string country_at_scanning_all(double lon, double lat);
/// country_at's two ways: rings that reach the point's column and latitude, and the edge
/// index.
std::string country_at_by_rings(double lon, double lat);
std::string country_at_by_index(double lon, double lat);
} // namespace detail

} // namespace dcmap::basemap
