#include "ogr/vector_input.hpp"

#include "model/error.hpp"
#include "ogr/gdal_api.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>

namespace dcmap::ogr {

bool is_vector_file(const std::string& path) {
    static const char* const extensions[] = {".csv", ".tsv", ".geojson", ".gpkg", ".shp",
                                             ".fgb", ".kml", ".gml",     ".xlsx", ".ods"};
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::any_of(std::begin(extensions), std::end(extensions),
                       [&](const char* e) { return ext == e; });
}

FeatureTable read_feature_table(const std::string& path) {
    return gdal_api().read_feature_table(path);
}

GeoLayer read_geo_layer(const LayerRequest& request) {
    const GdalApi* api = nullptr;
    try {
        api = &gdal_api();
    } catch (const IoError& e) {
        // Said where the layer is asked for, like any other reason it cannot be read.
        throw InputError(request.pos, std::string("cannot read the layer file: ") + e.what());
    }
    return api->read_geo_layer(request);
}

} // namespace dcmap::ogr
