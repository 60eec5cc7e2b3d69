#pragma once
// Site file -> sites with coordinates.
#include "geocode/gazetteer.hpp"
#include "model/diagnostics.hpp"
#include "model/place.hpp"

#include <vector>

namespace dcmap::geocode {

/// Gives every site its lon/lat: explicit coordinates pass through, `location` text is looked
/// up. Collects every unknown place and throws InputErrors at each site's location_pos, naming
/// the closest gazetteer names. Ambiguities become warnings in `diagnostics`. Keeps input order.
std::vector<ResolvedSite> resolve_sites(const SiteFile& file, const Gazetteer& gazetteer,
                                        Diagnostics& diagnostics);

} // namespace dcmap::geocode
