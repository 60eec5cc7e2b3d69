#pragma once
// Internal to basemap/: the border lines between countries, made from the projected shapes.
// Run by build_basemap and, for the maps projected at build time, by the projecting tool.
#include "model/basemap.hpp"

#include <vector>

namespace dcmap::basemap::detail {

/// The country edges that are not land edges (not coast), each once however many countries
/// list it, joined into lines where consecutive. Edges match by exact coordinates: countries and
/// land come from the same arcs, so a shared vertex has the same bits in both.
std::vector<Polyline> inner_borders(const std::vector<CountryShape>& countries,
                                    const std::vector<Polygon>& land);

} // namespace dcmap::basemap::detail
