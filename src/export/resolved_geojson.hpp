#pragma once
// Resolved sites -> GeoJSON (RFC 7946) through GDAL's GeoJSON driver, so QGIS and kepler.gl
// open it and a reviewer can diff placements. The only module besides basemap/ that includes GDAL.
#include "model/place.hpp"

#include <string>
#include <vector>

namespace dcmap::exporter {

/// The sites as a GeoJSON FeatureCollection of points (lon/lat, 6 decimals), one feature per
/// site in input order, with properties key, name, provider, status, region, query, place,
/// admin1, country, population, precision, source, runner_up, runner_up_km. Byte-identical for
/// the same input. Throws IoError when GDAL cannot build it.
std::string resolved_geojson(const std::vector<ResolvedSite>& sites);

/// Writes resolved_geojson(sites) to `path` atomically. Throws IoError.
void write_resolved_geojson(const std::string& path, const std::vector<ResolvedSite>& sites);

} // namespace dcmap::exporter
