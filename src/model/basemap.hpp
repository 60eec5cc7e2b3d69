#pragma once
// The base map after projection: everything in projected map units (x east, y north).
#include "model/geometry.hpp"
#include "model/vector_layer.hpp"

#include <string>
#include <vector>

namespace dcmap {

struct CountryShape {
    std::string iso2; ///< ISO alpha-2 when known, else empty
    std::string name;
    std::vector<Polygon> polygons;
};

struct ProjectedBasemap {
    std::vector<CountryShape> countries; ///< fills and borders
    std::vector<Polygon> land;           ///< coastline (stroke) and land fill
    /// The edges two countries share, each once, as lines: the border stroke. Coasts are not
    /// in it (the coastline stroke draws them), so a render strokes each border edge once.
    std::vector<Polyline> borders;
    std::vector<Polyline> graticule;    ///< meridians and parallels, clipped to the sphere
    Ring outline;                       ///< the projection's edge (the sphere), the map frame
    Box bounds;                         ///< bounding box of the outline
    std::vector<ProjectedLayer> layers; ///< extra vector layers, in drawing order
};

} // namespace dcmap
