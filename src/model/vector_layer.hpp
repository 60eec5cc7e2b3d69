#pragma once
// Extra vector layers drawn with the sites (submarine cables, power lines, regions): how the
// site file asks for one, its features in degrees as read, and after projection.
#include "model/geometry.hpp"
#include "model/source_pos.hpp"
#include "model/style.hpp"

#include <string>
#include <vector>

namespace dcmap {

/// How a layer is drawn; widths in pixels at scale 1.
struct LayerStyle {
    Color stroke{0.16, 0.38, 0.62, 0.85}; ///< lines and outlines
    Color fill{0, 0, 0, 0};               ///< polygons and points; transparent = none
    double width = 1.2;                   ///< line width
    double point_radius = 2.5;            ///< point features
    bool over_sites = false;              ///< drawn over the markers rather than under them
};

/// One `layers:` entry or `--layer FILE`: an OGR vector file and its style.
struct LayerRequest {
    std::string path;  ///< relative to the site file's folder after loading
    std::string layer; ///< layer name inside the file; empty = the first
    LayerStyle style;
    SourcePos pos; ///< the entry, for errors about the file
};

/// A layer's features in degrees (x = longitude, y = latitude, WGS84).
struct GeoLayer {
    std::string name;
    std::vector<Polyline> lines;
    std::vector<Polygon> polygons;
    std::vector<Point> points;
    LayerStyle style;
};

/// A layer after projection, in projected map units, ready to draw.
struct ProjectedLayer {
    std::string name;
    std::vector<Polyline> lines;
    std::vector<Polygon> polygons;
    std::vector<Point> points;
    LayerStyle style;
};

} // namespace dcmap
