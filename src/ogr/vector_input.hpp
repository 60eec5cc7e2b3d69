#pragma once
// Vector files in through GDAL/OGR: site tables (CSV, GeoJSON, GeoPackage, Shapefile,
// FlatGeobuf...) and extra layers to draw. GDAL types stay inside ogr/.
#include "model/feature_table.hpp"
#include "model/vector_layer.hpp"

#include <string>

namespace dcmap::ogr {

/// True when `path`'s extension is a vector format read through OGR rather than a YAML site
/// file: .csv, .tsv, .geojson, .gpkg, .shp, .fgb, .kml, .gml, .xlsx, .ods (any case).
bool is_vector_file(const std::string& path);

/// The first layer of `path` as a table of text cells; every cell as written (CSV cells are
/// never guessed into numbers), and each feature's point in WGS84 degrees (reprojected from
/// the layer's own CRS). Throws IoError when GDAL cannot open the file or it has no layer.
FeatureTable read_feature_table(const std::string& path);

/// The features of `request.path` (its layer `request.layer`, or the first) in WGS84 degrees:
/// lines, polygons and points, multi-geometries split, curves linearised; other geometry types
/// are skipped. Throws InputError at request.pos when the file cannot be opened, the layer does
/// not exist, or its CRS cannot be turned into WGS84.
GeoLayer read_geo_layer(const LayerRequest& request);

} // namespace dcmap::ogr
