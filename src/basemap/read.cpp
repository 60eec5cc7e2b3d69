#include "basemap/gdal_reading.hpp"
#include "basemap/working_frame.hpp"

#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <string>
#include <vector>

namespace dcmap::basemap::detail {

// ---- reading the embedded data ---------------------------------------------------------

/// Geographic polygons of a geometry (polygon or multipolygon); other types give none.
std::vector<LonLatPolygon> geographic_polygons(const OGRGeometry* geometry) {
    std::vector<LonLatPolygon> out;
    collect_polygons(geometry, 0, out);
    return out;
}

std::vector<CountryShape> read_countries(MemoryDataset& data, const Projection& proj) {
    const auto codes = iso_numeric_to_alpha2();
    OGRLayer& layer = data.layer("countries");
    layer.ResetReading();
    std::vector<CountryShape> out;
    for (const auto& feature : layer) {
        CountryShape country;
        country.name = field_text(*feature, "name");
        country.iso2 = alpha2_for(field_text(*feature, "id"), country.name, codes);
        for (const LonLatPolygon& p : geographic_polygons(feature->GetGeometryRef()))
            for (Polygon& piece : project_polygon(p, proj))
                country.polygons.push_back(std::move(piece));
        out.push_back(std::move(country));
    }
    return out;
}

std::vector<Polygon> read_land(MemoryDataset& data, const Projection& proj) {
    OGRLayer& layer = data.layer("land");
    layer.ResetReading();
    std::vector<Polygon> out;
    for (const auto& feature : layer)
        for (const LonLatPolygon& p : geographic_polygons(feature->GetGeometryRef()))
            for (Polygon& piece : project_polygon(p, proj))
                out.push_back(std::move(piece));
    return out;
}

} // namespace dcmap::basemap::detail
