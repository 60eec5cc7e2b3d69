#pragma once
// A table of features (CSV, GeoJSON, GeoPackage... read by ogr/) -> SiteFile, through the same
// checks a YAML site file gets, with errors at file:row:column of the table.
#include "model/feature_table.hpp"
#include "model/site.hpp"

#include <string>
#include <utility>
#include <vector>

namespace dcmap::config {

/// Site keys a table column can fill: name, id, label, provider, status, location, lat, lon,
/// region, country, zones, capacity_mw, opened, announced, note, priority.
const std::vector<std::string>& site_table_keys();

/// Parses `--columns name=Site,lat=Latitude` into (key, column) pairs. Throws InputError (no
/// position) naming the unknown key or the malformed pair.
std::vector<std::pair<std::string, std::string>> parse_column_mapping(const std::string& text);

/// The sites of `table`, one per row. Columns are found by the explicit `mapping` (key ->
/// column name, matched ignoring case) and otherwise by their names (Name, Latitude, lng,
/// city, Provider...). A row without lat/lon, location or region takes its feature's point.
/// Every row goes through the YAML site file's checks; throws InputErrors at
/// table.path:row:column (the row a CSV line, else the feature number; the column the
/// field's number) sorted by position, or InputError for a mapping naming no column.
SiteFile sites_from_table(const FeatureTable& table,
                          const std::vector<std::pair<std::string, std::string>>& mapping);

} // namespace dcmap::config
