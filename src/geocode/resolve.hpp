#pragma once
// Site file -> sites with coordinates.
#include "geocode/gazetteer.hpp"
#include "geocode/geocoder.hpp"
#include "model/diagnostics.hpp"
#include "model/place.hpp"

#include <vector>

namespace dcmap::geocode {

/// Gives every site its lon/lat: explicit coordinates pass through, `location` text is looked
/// up. Collects every unknown place and throws InputErrors at each site's location_pos, naming
/// the closest gazetteer names. Ambiguities become warnings in `diagnostics`. Keeps input order.
std::vector<ResolvedSite> resolve_sites(const SiteFile& file, const Gazetteer& gazetteer,
                                        Diagnostics& diagnostics);

/// Same, with region codes: `region:` places a site that has no location or lat/lon (and its
/// display name fills an empty name), `country:` hints an unqualified location. Each result
/// records its precision, source, the place chosen and the runner-up with its distance.
/// Throws InputErrors collecting every unknown place, region or provider.
std::vector<ResolvedSite> resolve_sites(const SiteFile& file, const Geocoder& geocoder,
                                        Diagnostics& diagnostics);

/// For a site placed by explicit coordinates: sets `locality` to the nearest gazetteer town
/// (Gazetteer::nearest_town) and, when the site gave no `country:`, that town's country.
void locate_coordinates(ResolvedSite& site, const Gazetteer& gazetteer);

/// True when a site needs the gazetteer or the catalogue (it has no explicit lat/lon, or a
/// region whose name must fill an empty name).
bool needs_geocoding(const Site& site);

} // namespace dcmap::geocode
