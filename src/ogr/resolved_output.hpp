#pragma once
// Resolved sites -> GeoJSON (RFC 7946), GeoPackage, CSV or FlatGeobuf through GDAL's drivers,
// so QGIS, kepler.gl or a spreadsheet open them and a reviewer can diff placements.
#include "model/place.hpp"

#include <string>
#include <vector>

namespace dcmap::ogr {

enum class ResolvedFormat { geojson, geopackage, csv, flatgeobuf };

/// The format for an output path's extension: .geojson/.json, .gpkg, .csv, .fgb (any case).
/// Throws Error naming the extensions otherwise.
ResolvedFormat resolved_format_from_path(const std::string& path);

/// The sites as points (lon/lat WGS84), one feature per site in input order, with properties
/// key, name, provider, status, region, query, place, admin1, country, population, precision,
/// source, runner_up, runner_up_km, locality; CSV gives the position as columns X (lon) and Y
/// (lat). Byte-identical for the same input. Throws IoError when GDAL cannot build it.
std::string resolved_bytes(const std::vector<ResolvedSite>& sites, ResolvedFormat format);

/// resolved_bytes in GeoJSON, the format the tests and reviews diff.
std::string resolved_geojson(const std::vector<ResolvedSite>& sites);

} // namespace dcmap::ogr
