// End to end: sites from CSV, GeoJSON and GeoPackage; extra layers drawn; resolved sites out in
// every OGR format; `catalogue import` on providers' own region lists.
#include "e2e_support.hpp"

#include "geocode/catalogue.hpp"
#include "geocode/geocoder.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>
#include <cpl_json.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>
#include <proj.h>

#include <cmath>
#include <fstream>

#include <map>
#include <sys/stat.h>

using e2e::fixture;
using e2e::read_bytes;
using e2e::run_dcmap;

namespace {

/// name -> (lon, lat) of every point feature in a resolved-sites file, read back through GDAL.
std::map<std::string, std::pair<double, double>> resolved_points(const std::string& path) {
    GDALAllRegister();
    GDALDatasetUniquePtr data(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(data);
    std::map<std::string, std::pair<double, double>> out;
    for (auto& feature : *data->GetLayer(0)) {
        const OGRGeometry* g = feature->GetGeometryRef();
        if (g)
            out[feature->GetFieldAsString("name")] = {g->toPoint()->getX(), g->toPoint()->getY()};
        else // CSV: X and Y columns
            out[feature->GetFieldAsString("name")] = {feature->GetFieldAsDouble("X"),
                                                      feature->GetFieldAsDouble("Y")};
    }
    return out;
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

/// Equal Earth metres straight from PROJ, independent of dcmap's projection stage.
std::pair<double, double> equal_earth(double lon, double lat) {
    PJ* to = proj_create(PJ_DEFAULT_CTX, "+proj=eqearth +lon_0=0 +ellps=WGS84 +type=crs");
    PJ* from = proj_create(PJ_DEFAULT_CTX, "EPSG:4326");
    PJ* op = proj_create_crs_to_crs_from_pj(PJ_DEFAULT_CTX, from, to, nullptr, nullptr);
    PJ* norm = proj_normalize_for_visualization(PJ_DEFAULT_CTX, op);
    const PJ_COORD c = proj_trans(norm, PJ_FWD, proj_coord(lon, lat, 0, 0));
    proj_destroy(norm);
    proj_destroy(op);
    proj_destroy(from);
    proj_destroy(to);
    return {c.xy.x, c.xy.y};
}

struct Rgb {
    int r, g, b;
};

Rgb pixel(const std::string& png, double x, double y) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s);
    const unsigned char* row =
        cairo_image_surface_get_data(s) + static_cast<int>(y) * cairo_image_surface_get_stride(s);
    const auto px = reinterpret_cast<const uint32_t*>(row)[static_cast<int>(x)];
    cairo_surface_destroy(s);
    return {int(px >> 16 & 255), int(px >> 8 & 255), int(px & 255)};
}

} // namespace

TEST_CASE("e2e: a CSV of sites renders, and its resolved sites keep the table's positions",
          "[e2e]") {
    e2e::TempDir dir;
    const auto run = run_dcmap({"render", fixture("sites-table.csv"), "-o", dir / "map.png",
                                "--width", "800", "--resolved", dir / "resolved.geojson"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    const auto points = resolved_points(dir / "resolved.geojson");
    REQUIRE(points.size() == 4);
    CHECK(points.at("Frankfurt campus").first == Approx(8.6821));
    CHECK(points.at("Sydney, \"South\"").second == Approx(-33.8688));
    // Rows with a City column are geocoded like `location:`.
    CHECK(points.at("Ashburn").first == Approx(-77.49).margin(0.2));
    CHECK(points.at("Hamina").second == Approx(60.57).margin(0.2));
}

TEST_CASE("e2e: a bad CSV row is reported at its line and column, and nothing is written",
          "[e2e]") {
    e2e::TempDir dir;
    const auto run =
        run_dcmap({"render", fixture("sites-table-invalid.csv"), "-o", dir / "map.png"});
    CHECK(run.code == 1);
    const std::string file = fixture("sites-table-invalid.csv");
    CHECK(run.err.find(file + ":3:3: error: ") != std::string::npos); // lat 91.5
    CHECK(run.err.find(file + ":4:6: error: ") != std::string::npos); // status lve
    CHECK(run.err.find(file + ":5:4: error: ") != std::string::npos); // lon "151.2 E"
    CHECK_FALSE(std::filesystem::exists(dir / "map.png"));
    const auto validate = run_dcmap({"validate", fixture("sites-table-invalid.csv")});
    CHECK(validate.code == 1);
    CHECK(validate.err.find(file + ":3:3: error: ") != std::string::npos);
}

TEST_CASE("e2e: GeoJSON points and a GeoPackage made from them give the same sites", "[e2e]") {
    e2e::TempDir dir;
    GDALAllRegister();
    GDALDatasetH source = GDALOpenEx(fixture("sites-points.geojson").c_str(), GDAL_OF_VECTOR,
                                     nullptr, nullptr, nullptr);
    REQUIRE(source);
    char* argv[] = {const_cast<char*>("-f"), const_cast<char*>("GPKG"), nullptr};
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv, nullptr);
    GDALDatasetH made =
        GDALVectorTranslate((dir / "sites.gpkg").c_str(), nullptr, 1, &source, options, nullptr);
    GDALVectorTranslateOptionsFree(options);
    REQUIRE(made);
    GDALClose(made);
    GDALClose(source);

    for (const char* input : {"geojson", "gpkg"}) {
        INFO(input);
        const std::string in =
            std::string(input) == "gpkg" ? dir / "sites.gpkg" : fixture("sites-points.geojson");
        for (const char* out : {"geojson", "gpkg", "csv", "fgb"}) {
            INFO(out);
            const std::string resolved = dir / (std::string("resolved.") + out);
            const auto run =
                run_dcmap({"render", in, "-o", dir / "map.svg", "--resolved", resolved});
            INFO(run.err);
            REQUIRE(run.code == 0);
            const auto points = resolved_points(resolved);
            REQUIRE(points.size() == 3);
            CHECK(points.at("Eemshaven").first == Approx(6.8357));
            CHECK(points.at("Luleå").second == Approx(65.5848));
            // No geometry, but a location column: geocoded.
            CHECK(points.at("Querétaro").second == Approx(20.59).margin(0.2));
        }
    }
    // The same sites give the same GeoPackage bytes: nothing in it depends on the clock.
    const std::string first = read_bytes(dir / "resolved.gpkg");
    REQUIRE(run_dcmap({"render", fixture("sites-points.geojson"), "-o", dir / "map.svg",
                       "--resolved", dir / "resolved.gpkg"})
                .code == 0);
    CHECK(read_bytes(dir / "resolved.gpkg") == first);
}

TEST_CASE("e2e: --columns maps a table's own headers; a wrong one is named", "[e2e]") {
    e2e::TempDir dir;
    write_text(dir / "odd.csv", "Region Label;Where;Kind\nEdge one;\"Hamina, Finland\";live\n");
    // GDAL's CSV driver detects the semicolon.
    auto run = run_dcmap({"render", dir / "odd.csv", "-o", dir / "map.png", "--columns",
                          "name=Region Label,location=Where,status=Kind", "--resolved",
                          dir / "out.geojson"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CHECK(resolved_points(dir / "out.geojson").count("Edge one") == 1);
    run = run_dcmap({"render", dir / "odd.csv", "-o", dir / "map.png", "--columns", "name=Label"});
    CHECK(run.code == 1);
    CHECK(run.err.find("no column 'Label'") != std::string::npos);
    run = run_dcmap(
        {"render", dir / "odd.csv", "-o", dir / "map.png", "--resolved", dir / "out.kmz"});
    CHECK(run.code == 2);
    CHECK(run.err.find(".fgb") != std::string::npos);
}

TEST_CASE("e2e: a layer is drawn where its features are, under or over the sites", "[e2e]") {
    e2e::TempDir dir;
    write_text(dir / "sites.yaml", "sites:\n"
                                   "  - {id: a, name: A, lat: 50, lon: 8}\n"
                                   "  - {id: b, name: B, lat: -30, lon: 150}\n");
    write_text(dir / "box.geojson",
               "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
               "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
               "[[[-40,-10],[-30,-10],[-30,0],[-40,0],[-40,-10]]]}}]}");
    write_text(dir / "with-layer.yaml", "layers:\n"
                                        "  - file: box.geojson\n"
                                        "    fill: \"#ff00ff\"\n"
                                        "    color: \"#ff00ff\"\n"
                                        "sites:\n"
                                        "  - {id: a, name: A, lat: 50, lon: 8}\n"
                                        "  - {id: b, name: B, lat: -30, lon: 150}\n");
    for (const int width : {600, 1600}) {
        INFO(width);
        const std::string w = std::to_string(width);
        REQUIRE(run_dcmap({"render", dir / "with-layer.yaml", "-o", dir / "layer.png", "--width", w,
                           "--layout-json", dir / "layout.json"})
                    .code == 0);
        REQUIRE(
            run_dcmap({"render", dir / "sites.yaml", "-o", dir / "plain.png", "--width", w}).code ==
            0);
        // Where (-35, -5) is: the two markers give the map's scale and offset over PROJ's own
        // Equal Earth coordinates (x right, y down on the page).
        CPLJSONDocument doc;
        REQUIRE(doc.Load(dir / "layout.json"));
        std::map<std::string, std::pair<double, double>> px;
        for (const auto& m : doc.GetRoot().GetArray("markers"))
            px[m.GetString("id")] = {m.GetDouble("x"), m.GetDouble("y")};
        REQUIRE(px.size() == 2);
        const auto [ax, ay] = equal_earth(8, 50);
        const auto [bx, by] = equal_earth(150, -30);
        const auto [tx, ty] = equal_earth(-35, -5);
        const double k = (px["b"].first - px["a"].first) / (bx - ax);
        const double x = px["a"].first + k * (tx - ax);
        const double y = px["a"].second - k * (ty - ay);
        const Rgb with = pixel(dir / "layer.png", x, y);
        const Rgb without = pixel(dir / "plain.png", x, y);
        CHECK(with.r > 200);
        CHECK(with.g < 60);
        CHECK(with.b > 200);
        CHECK_FALSE((without.r > 200 && without.g < 60 && without.b > 200));
    }
    // --layer adds the same layer from the command line (default style: a blue outline).
    REQUIRE(run_dcmap({"render", dir / "sites.yaml", "-o", dir / "option.png", "--layer",
                       dir / "box.geojson"})
                .code == 0);
    CHECK(read_bytes(dir / "option.png") != read_bytes(dir / "plain.png"));
}

TEST_CASE("e2e: the shipped cable layer draws under a site file's sites", "[e2e]") {
    e2e::TempDir dir;
    const auto run = run_dcmap({"render", fixture("layers-sites.yaml"), "-o", dir / "map.png", "-o",
                                dir / "map.svg", "--width", "900"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CHECK(read_bytes(dir / "map.svg").size() > 1000);
}

TEST_CASE("e2e: layer mistakes are errors at the layers: entry", "[e2e]") {
    e2e::TempDir dir;
    const std::string file = fixture("invalid-layer.yaml");
    auto run = run_dcmap({"render", file, "-o", dir / "map.png"});
    CHECK(run.code == 1);
    CHECK(run.err.find(file + ":4:11: error: unknown draw 'above'") != std::string::npos);
    CHECK(run.err.find(file + ":5:12: error: width must be more than 0") != std::string::npos);
    write_text(dir / "missing.yaml", "layers:\n  - file: nowhere.geojson\nsites:\n"
                                     "  - {name: A, lat: 1, lon: 2}\n");
    run = run_dcmap({"render", dir / "missing.yaml", "-o", dir / "map.png"});
    CHECK(run.code == 1);
    CHECK(run.err.find(dir / "missing.yaml" + ":2:11: error: cannot read the layer file") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "map.png"));
    // A crowded map's layout adds a note; a layer's error stops the map before it, so only the
    // error is said.
    std::string sites = "sites:\n";
    for (int i = 0; i < 3000; ++i)
        sites += "  - {name: S" + std::to_string(i) +
                 ", lat: " + std::to_string(-55 + (i * 37 % 1300) / 10.0) +
                 ", lon: " + std::to_string(-179 + (i * 97 % 3580) / 10.0) + "}\n";
    write_text(dir / "crowded.yaml", sites);
    run = run_dcmap({"render", dir / "crowded.yaml", "-o", dir / "map.png", "--width", "600"});
    REQUIRE(run.code == 0);
    REQUIRE(run.err.find("note:") != std::string::npos);
    std::filesystem::remove(dir / "map.png");
    write_text(dir / "crowded-layer.yaml", "layers:\n  - file: nowhere.geojson\n" + sites);
    run =
        run_dcmap({"render", dir / "crowded-layer.yaml", "-o", dir / "map.png", "--width", "600"});
    CHECK(run.code == 1);
    CHECK(run.err.find("cannot read the layer file") != std::string::npos);
    CHECK(run.err.find("note:") == std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "map.png"));
}

TEST_CASE("e2e: catalogue import places providers' region lists and --catalogue reads the "
          "result",
          "[e2e]") {
    e2e::TempDir dir;
    const std::string folder = fixture("catalogue-import/");
    const auto run =
        run_dcmap({"catalogue", "import", folder + "aws-endpoints.json",
                   folder + "azure-list-locations.json", folder + "oci-regions-config.json",
                   folder + "oci-iam-region-list.json", folder + "gcloud-regions.json",
                   folder + "aliyun-describe-regions.json", "-o", dir / "imported.tsv"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    // gcloud lists africa-north1 with no place and dcmap's catalogue has no such row.
    CHECK(run.err.find("gcloud-regions.json:") != std::string::npos);
    CHECK(run.err.find("gcp:africa-north1: no place found") != std::string::npos);
    const auto imported =
        dcmap::geocode::Catalogue::from_file(dir / "imported.tsv"); // the --catalogue format
    const auto& built_in = dcmap::geocode::Catalogue::embedded();
    int compared = 0;
    for (const auto& r : imported.regions()) {
        INFO(r.id() << " " << r.place);
        CHECK_FALSE(r.source.empty());
        REQUIRE(r.lat);
        if (const auto* known = built_in.find(r.provider, r.code)) {
            // Each place agrees with the curated row, to within a state's width: the import's
            // precision says how much the provider's own text names.
            const double km =
                dcmap::geocode::great_circle_km(*r.lat, *r.lon, *known->lat, *known->lon);
            CHECK(km < 500);
            CHECK(r.country == known->country);
            ++compared;
        }
    }
    CHECK(compared >= 30);
    const auto* casablanca = imported.find("oracle", "af-casablanca-1");
    REQUIRE(casablanca);
    CHECK(casablanca->place.find("Casablanca") != std::string::npos);
    CHECK(casablanca->precision == dcmap::Precision::city);
    const auto* jovanovac = imported.find("oracle", "eu-jovanovac-1");
    REQUIRE(jovanovac);
    CHECK(jovanovac->note.find("realm oc20") != std::string::npos);
    const auto* netherlands = imported.find("azure", "westeurope");
    REQUIRE(netherlands);
    CHECK(netherlands->precision == dcmap::Precision::country); // Azure names the country only
    CHECK(*netherlands->lat == Approx(52.3667));                // at Azure's own coordinates
    // The gazetteer knows Ulanqab's seat as Jining; the row keeps the provider's name.
    const auto* ulanqab = imported.find("alibaba", "cn-wulanchabu");
    REQUIRE(ulanqab);
    CHECK(ulanqab->place.rfind("Ulanqab, ", 0) == 0);
    // "N. Virginia" is part of a state: its town stands for a metro.
    const auto* virginia = imported.find("aws", "us-east-1");
    REQUIRE(virginia);
    CHECK(virginia->precision == dcmap::Precision::metro);
    const auto* johor = imported.find("alibaba", "ap-southeast-8");
    REQUIRE(johor);
    CHECK(johor->country == "MY");
    // --catalogue merges it.
    const auto regions =
        run_dcmap({"regions", "--provider", "oracle", "--catalogue", dir / "imported.tsv"});
    CHECK(regions.code == 0);
    CHECK(regions.out.find("af-casablanca-1") != std::string::npos);
    // A file in no known format: an error at its start, nothing written.
    const auto bad = run_dcmap(
        {"catalogue", "import", folder + "not-a-region-list.json", "-o", dir / "bad.tsv"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("not-a-region-list.json:1:1: error:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "bad.tsv"));
}

TEST_CASE("e2e: hostile tables: a FIFO, control and non-UTF-8 bytes fail at their cell", "[e2e]") {
    e2e::TempDir dir;
    // A FIFO named .csv would block a reader that opened it: it is refused as not a file.
    REQUIRE(::mkfifo((dir / "pipe.csv").c_str(), 0600) == 0);
    auto run = run_dcmap({"render", dir / "pipe.csv", "-o", dir / "map.png"});
    CHECK(run.code == 1);
    CHECK(run.err.find("pipe.csv") != std::string::npos);
    write_text(dir / "escape.csv", "name,lat,lon\nok,1,2\n\"bad\x1b[31m\",3,4\n");
    run = run_dcmap({"render", dir / "escape.csv", "-o", dir / "map.png"});
    CHECK(run.code == 1);
    CHECK(run.err.find(dir / "escape.csv" + ":3:1: error: ") != std::string::npos);
    CHECK(run.err.find('\x1b') == std::string::npos); // never echoed raw
    write_text(dir / "latin1.csv", "name,lat,lon\nS\xe9tif,36.19,5.41\n");
    run = run_dcmap({"render", dir / "latin1.csv", "-o", dir / "map.png"});
    CHECK(run.code == 1);
    CHECK(run.err.find(dir / "latin1.csv" + ":2:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "map.png"));
}
