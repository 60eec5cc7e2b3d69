// Resolved sites written as GeoJSON through GDAL, read back through GDAL.
#include "ogr/resolved_output.hpp"

#include <catch2/catch.hpp>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>

namespace {

std::vector<dcmap::ResolvedSite> sample() {
    dcmap::ResolvedSite a;
    a.site.id = "eu-central-1";
    a.site.name = "Frankfurt";
    a.site.provider = "aws";
    a.lat = 50.1155;
    a.lon = 8.6842;
    a.country = "DE";
    a.precision = dcmap::Precision::city;
    a.source = dcmap::PlaceSource::catalogue;
    a.region = "aws:eu-central-1";
    a.query = "aws:eu-central-1";
    a.place.name = "Frankfurt am Main";
    a.place.admin1 = "Hesse";
    a.place.country = "DE";
    a.place.population = 650000;
    dcmap::Place other;
    other.name = "Frankfurt (Oder)";
    other.admin1 = "Brandenburg";
    other.country = "DE";
    a.runner_up = other;
    a.runner_up_km = 452.26;
    dcmap::ResolvedSite b;
    b.site.name = "Explicit, \"quoted\"";
    b.lat = -33.5;
    b.lon = 151.25;
    return {a, b};
}

} // namespace

TEST_CASE("export: resolved sites become GeoJSON points with their audit fields", "[export]") {
    const std::string json = dcmap::ogr::resolved_geojson(sample());
    CHECK(json == dcmap::ogr::resolved_geojson(sample())); // deterministic
    CHECK(json.find("\"crs\"") == std::string::npos);      // RFC 7946: WGS84 implied

    GDALAllRegister();
    const std::string path = "/vsimem/test_resolved.geojson";
    VSIFCloseL(VSIFileFromMemBuffer(path.c_str(),
                                    reinterpret_cast<GByte*>(const_cast<char*>(json.data())),
                                    json.size(), FALSE));
    GDALDatasetUniquePtr data(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(data);
    OGRLayer* layer = data->GetLayer(0);
    REQUIRE(layer->GetFeatureCount() == 2);
    auto first = std::unique_ptr<OGRFeature>(layer->GetNextFeature());
    CHECK(std::string(first->GetFieldAsString("region")) == "aws:eu-central-1");
    CHECK(std::string(first->GetFieldAsString("precision")) == "city");
    CHECK(std::string(first->GetFieldAsString("source")) == "catalogue");
    CHECK(std::string(first->GetFieldAsString("runner_up")) == "Frankfurt (Oder), Brandenburg, DE");
    CHECK(first->GetFieldAsDouble("runner_up_km") == Approx(452.3));
    CHECK(first->GetFieldAsInteger64("population") == 650000);
    const auto* point = first->GetGeometryRef()->toPoint();
    CHECK(point->getX() == Approx(8.6842));
    CHECK(point->getY() == Approx(50.1155));
    auto second = std::unique_ptr<OGRFeature>(layer->GetNextFeature());
    CHECK(std::string(second->GetFieldAsString("name")) == "Explicit, \"quoted\"");
    CHECK(std::string(second->GetFieldAsString("source")) == "explicit");
    CHECK(second->GetFieldAsDouble("runner_up_km") == 0.0);
    data.reset();
    VSIUnlink(path.c_str());
}
