#pragma once
// A table of features as an OGR source gives it (CSV, GeoJSON, GeoPackage, Shapefile...):
// text cells by column and a point per row when the source has geometry. Sites are built from
// it by config::sites_from_table.
#include <optional>
#include <string>
#include <vector>

namespace dcmap {

struct FeatureRow {
    /// Position for messages: the line in a CSV (the header is line 1), else the feature number.
    int row = 0;
    std::vector<std::optional<std::string>> cells; ///< by column; nullopt for a null field
    std::optional<double> lon, lat; ///< the feature's point, WGS84 degrees, when it has one
    std::string geometry_problem;   ///< why the geometry is not a usable point; empty when fine
};

struct FeatureTable {
    std::string path;
    std::string driver;               ///< GDAL's driver name: "CSV", "GeoJSON", "GPKG"
    bool rows_are_lines = false;      ///< FeatureRow::row is a line number (CSV)
    std::vector<std::string> columns; ///< field names, in order (column N+1 in messages)
    std::vector<FeatureRow> rows;
};

} // namespace dcmap
