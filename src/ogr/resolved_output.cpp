#include "ogr/resolved_output.hpp"

#include "model/error.hpp"
#include "ogr/gdal_api.hpp"

#include <cctype>

namespace dcmap::ogr {

ResolvedFormat resolved_format_from_path(const std::string& path) {
    const auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot);
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".geojson" || ext == ".json")
        return ResolvedFormat::geojson;
    if (ext == ".gpkg")
        return ResolvedFormat::geopackage;
    if (ext == ".csv")
        return ResolvedFormat::csv;
    if (ext == ".fgb")
        return ResolvedFormat::flatgeobuf;
    throw Error("--resolved " + path +
                ": unknown extension; use .geojson, .gpkg (GeoPackage), .csv or .fgb (FlatGeobuf)");
}

std::string resolved_geojson(const std::vector<ResolvedSite>& sites) {
    return resolved_bytes(sites, ResolvedFormat::geojson);
}

std::string resolved_bytes(const std::vector<ResolvedSite>& sites, ResolvedFormat format) {
    return gdal_api().resolved_bytes(sites, format);
}

} // namespace dcmap::ogr
