// Vector files read through GDAL: site tables and extra layers, from real files.
#include "model/error.hpp"
#include "ogr/resolved_output.hpp"
#include "ogr/vector_input.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <string>

using dcmap::ogr::read_feature_table;
using dcmap::ogr::read_geo_layer;

namespace {

std::string fixture(const std::string& name) { return std::string(DCMAP_FIXTURES) + "/" + name; }

} // namespace

TEST_CASE("ogr: a CSV is a table of text cells numbered by line", "[ogr]") {
    const auto t = read_feature_table(fixture("sites-table.csv"));
    CHECK(t.driver == "CSV");
    CHECK(t.rows_are_lines);
    REQUIRE(t.columns.size() == 7);
    CHECK(t.columns[2] == "Latitude");
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].row == 2);
    CHECK(t.rows[3].row == 5);
    CHECK(*t.rows[0].cells[2] == "50.1109"); // as written, not a parsed number
    CHECK(*t.rows[1].cells[4] == "Ashburn, VA");
    CHECK(*t.rows[2].cells[0] == "Sydney, \"South\"");
    CHECK_FALSE(t.rows[0].lon); // a CSV without geometry gives no points
}

TEST_CASE("ogr: GeoJSON points give each row its position; null geometry none", "[ogr]") {
    const auto t = read_feature_table(fixture("sites-points.geojson"));
    CHECK(t.driver == "GeoJSON");
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].row == 1);
    CHECK(*t.rows[0].lon == Approx(6.8357));
    CHECK(*t.rows[0].lat == Approx(53.4386));
    CHECK(t.rows[1].cells.size() == t.columns.size());
    CHECK_FALSE(t.rows[2].lon);
    CHECK(t.rows[2].geometry_problem.empty());
}

TEST_CASE("ogr: a projected GeoPackage's points come back as longitude/latitude", "[ogr]") {
    // Made here from the GeoJSON fixture, reprojected to Web Mercator on the way.
    const dcmap::test::TempDir dir("dcmap-ogr");
    const std::string path = dir / "sites-3857.gpkg";
    GDALAllRegister();
    GDALDatasetH source = GDALOpenEx(fixture("sites-points.geojson").c_str(), GDAL_OF_VECTOR,
                                     nullptr, nullptr, nullptr);
    REQUIRE(source);
    char* argv[] = {const_cast<char*>("-t_srs"), const_cast<char*>("EPSG:3857"),
                    const_cast<char*>("-f"), const_cast<char*>("GPKG"), nullptr};
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv, nullptr);
    GDALDatasetH made = GDALVectorTranslate(path.c_str(), nullptr, 1, &source, options, nullptr);
    GDALVectorTranslateOptionsFree(options);
    REQUIRE(made);
    GDALClose(made);
    GDALClose(source);
    const auto t = read_feature_table(path);
    CHECK(t.driver == "GPKG");
    REQUIRE(t.rows.size() == 3);
    CHECK(*t.rows[1].lon == Approx(22.1547).margin(1e-6));
    CHECK(*t.rows[1].lat == Approx(65.5848).margin(1e-6));
}

TEST_CASE("ogr: an unreadable table is an IoError naming the file", "[ogr]") {
    CHECK_THROWS_WITH(read_feature_table(fixture("no-such-table.csv")),
                      Catch::Contains("no-such-table.csv"));
}

TEST_CASE("ogr: a layer's lines, polygons and points are read, multi-parts split", "[ogr]") {
    dcmap::LayerRequest request;
    request.path = fixture("layer-mixed.geojson");
    request.style.width = 3;
    const auto layer = read_geo_layer(request);
    CHECK(layer.polygons.size() == 3);
    CHECK(layer.lines.size() == 1);
    CHECK(layer.points.size() == 3);
    CHECK(layer.style.width == 3);
    CHECK(layer.lines[0][1].x == -170.0);
    const auto cables = read_geo_layer(
        {std::string(DCMAP_SOURCE_DIR) + "/data/layers/submarine-cables.geojson", "", {}, {}});
    CHECK(cables.lines.size() == 6);
    CHECK(cables.polygons.empty());
}

TEST_CASE("ogr: a missing layer file or layer name is an error at the request", "[ogr]") {
    dcmap::LayerRequest request;
    request.path = fixture("no-such-layer.geojson");
    request.pos = {"map.yaml", 3, 11};
    CHECK_THROWS_WITH(read_geo_layer(request), Catch::StartsWith("map.yaml:3:11: error: cannot "
                                                                 "read the layer file"));
    request.path = fixture("layer-mixed.geojson");
    request.layer = "cables";
    CHECK_THROWS_WITH(read_geo_layer(request),
                      Catch::Contains("no layer 'cables'") && Catch::Contains("mixed"));
}

TEST_CASE("ogr: resolved sites are written as GeoPackage, CSV and FlatGeobuf", "[ogr]") {
    using dcmap::ogr::ResolvedFormat;
    std::vector<dcmap::ResolvedSite> sites(2);
    sites[0].site.name = "Hamina";
    sites[0].lat = 60.5697;
    sites[0].lon = 27.1981;
    sites[0].country = "FI";
    sites[1].site.name = "Sydney, \"South\"";
    sites[1].lat = -33.8688;
    sites[1].lon = 151.2093;
    CHECK(dcmap::ogr::resolved_format_from_path("a/b.GPKG") == ResolvedFormat::geopackage);
    CHECK(dcmap::ogr::resolved_format_from_path("x.fgb") == ResolvedFormat::flatgeobuf);
    CHECK_THROWS_WITH(dcmap::ogr::resolved_format_from_path("x.kmz"), Catch::Contains(".gpkg"));
    const std::pair<ResolvedFormat, const char*> formats[] = {{ResolvedFormat::geopackage, ".gpkg"},
                                                              {ResolvedFormat::csv, ".csv"},
                                                              {ResolvedFormat::flatgeobuf, ".fgb"}};
    for (const auto& [format, extension] : formats) {
        const std::string bytes = dcmap::ogr::resolved_bytes(sites, format);
        CHECK(bytes == dcmap::ogr::resolved_bytes(sites, format)); // reproducible
        const dcmap::test::TempDir dir("dcmap-ogr");
        const std::string path = dir / (std::string("resolved") + extension);
        {
            std::FILE* f = std::fopen(path.c_str(), "wb");
            REQUIRE(f);
            std::fwrite(bytes.data(), 1, bytes.size(), f);
            std::fclose(f);
        }
        const auto table = read_feature_table(path);
        INFO(extension);
        REQUIRE(table.rows.size() == 2);
        const auto name =
            std::find(table.columns.begin(), table.columns.end(), "name") - table.columns.begin();
        CHECK(*table.rows[1].cells[static_cast<std::size_t>(name)] == "Sydney, \"South\"");
        if (format == ResolvedFormat::csv) {
            const auto x =
                std::find(table.columns.begin(), table.columns.end(), "X") - table.columns.begin();
            CHECK(std::stod(*table.rows[0].cells[static_cast<std::size_t>(x)]) == Approx(27.1981));
        } else {
            CHECK(*table.rows[0].lon == Approx(27.1981));
            CHECK(*table.rows[1].lat == Approx(-33.8688));
        }
    }
}
