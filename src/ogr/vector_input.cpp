#include "ogr/vector_input.hpp"

#include "ogr/gdal_session.hpp"
#include "model/error.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

namespace dcmap::ogr {
namespace {

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

GDALDatasetUniquePtr open_vector(const std::string& path) {
    detail::register_gdal();
    char** options = nullptr;
    // Cells stay text as written; lat/lon columns are read by dcmap's own checks, not GDAL's
    // guesses (which would turn "48.1x" into a silent null).
    options = CSLSetNameValue(options, "AUTODETECT_TYPE", "NO");
    options = CSLSetNameValue(options, "KEEP_GEOM_COLUMNS", "YES");
    GDALDatasetUniquePtr data(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options));
    CSLDestroy(options);
    return data;
}

/// Turns the layer's coordinates into WGS84 longitude/latitude; null when the layer has no
/// CRS or is already geographic WGS84 (then coordinates are taken as lon/lat).
std::unique_ptr<OGRCoordinateTransformation> to_wgs84(OGRLayer* layer, bool& failed) {
    failed = false;
    const OGRSpatialReference* source = layer->GetSpatialRef();
    if (!source)
        return nullptr;
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference from(*source);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (from.IsSame(&wgs84))
        return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> t(
        OGRCreateCoordinateTransformation(&from, &wgs84));
    failed = !t;
    return t;
}

const char* kind_of(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbLineString: return "a line";
    case wkbMultiLineString: return "a multi-line";
    case wkbPolygon: return "a polygon";
    case wkbMultiPolygon: return "a multi-polygon";
    case wkbMultiPoint: return "a multi-point";
    case wkbGeometryCollection: return "a geometry collection";
    default: return "not a point";
    }
}

void add_ring(const OGRLinearRing* ring, Polygon& polygon) {
    Ring out;
    for (int i = 0; i < ring->getNumPoints(); ++i)
        out.push_back({ring->getX(i), ring->getY(i)});
    if (out.size() >= 4)
        polygon.rings.push_back(std::move(out));
}

void add_geometry(const OGRGeometry* g, GeoLayer& out) {
    if (!g || g->IsEmpty())
        return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        const auto* p = g->toPoint();
        out.points.push_back({p->getX(), p->getY()});
        break;
    }
    case wkbLineString: {
        const auto* line = g->toLineString();
        Polyline points;
        for (int i = 0; i < line->getNumPoints(); ++i)
            points.push_back({line->getX(i), line->getY(i)});
        if (points.size() >= 2)
            out.lines.push_back(std::move(points));
        break;
    }
    case wkbPolygon: {
        const auto* polygon = g->toPolygon();
        Polygon p;
        add_ring(polygon->getExteriorRing(), p);
        for (int i = 0; !p.rings.empty() && i < polygon->getNumInteriorRings(); ++i)
            add_ring(polygon->getInteriorRing(i), p);
        if (!p.rings.empty())
            out.polygons.push_back(std::move(p));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g->toGeometryCollection())
            add_geometry(part, out);
        break;
    default:
        if (g->hasCurveGeometry()) {
            std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
            add_geometry(linear.get(), out);
        }
        break;
    }
}

} // namespace

bool is_vector_file(const std::string& path) {
    static const char* const extensions[] = {".csv", ".tsv", ".geojson", ".gpkg", ".shp",
                                             ".fgb", ".kml", ".gml",     ".xlsx", ".ods"};
    const std::string ext = lower_extension(path);
    return std::any_of(std::begin(extensions), std::end(extensions),
                       [&](const char* e) { return ext == e; });
}

FeatureTable read_feature_table(const std::string& path) {
    const detail::QuietGdal quiet;
    GDALDatasetUniquePtr data = open_vector(path);
    if (!data)
        throw IoError("cannot read " + path + ": " + detail::last_gdal_error());
    if (data->GetLayerCount() < 1)
        throw IoError("cannot read " + path + ": it holds no table of features");
    OGRLayer* layer = data->GetLayer(0);
    FeatureTable table;
    table.path = path;
    table.driver = data->GetDriverName();
    table.rows_are_lines = table.driver == "CSV";
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        table.columns.push_back(defn->GetFieldDefn(i)->GetNameRef());
    bool no_transform = false;
    const auto transform = to_wgs84(layer, no_transform);
    layer->ResetReading();
    int number = 0;
    for (auto& feature : *layer) {
        ++number;
        FeatureRow row;
        // A CSV's first data row is line 2 (after the header); GDAL numbers CSV features from 1.
        row.row = table.rows_are_lines ? static_cast<int>(feature->GetFID()) + 1 : number;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (!feature->IsFieldSetAndNotNull(i))
                row.cells.emplace_back(std::nullopt);
            else
                row.cells.emplace_back(feature->GetFieldAsString(i));
        }
        const OGRGeometry* g = feature->GetGeometryRef();
        if (g && !g->IsEmpty()) {
            if (wkbFlatten(g->getGeometryType()) != wkbPoint) {
                row.geometry_problem = std::string("the feature's geometry is ") +
                                       kind_of(g->getGeometryType()) +
                                       "; a site needs a point";
            } else if (no_transform) {
                row.geometry_problem = "the layer's coordinate system cannot be turned into "
                                       "longitude and latitude";
            } else {
                double x = g->toPoint()->getX(), y = g->toPoint()->getY();
                if (transform && !transform->Transform(1, &x, &y))
                    row.geometry_problem = "the point cannot be turned into longitude/latitude";
                else {
                    row.lon = x;
                    row.lat = y;
                }
            }
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

GeoLayer read_geo_layer(const LayerRequest& request) {
    const detail::QuietGdal quiet;
    GDALDatasetUniquePtr data = open_vector(request.path);
    if (!data)
        throw InputError(request.pos, "cannot read the layer file " + request.path + ": " +
                                          detail::last_gdal_error(),
                         "give a GeoJSON, GeoPackage, Shapefile or other OGR vector file");
    OGRLayer* layer = request.layer.empty() ? (data->GetLayerCount() > 0 ? data->GetLayer(0)
                                                                         : nullptr)
                                            : data->GetLayerByName(request.layer.c_str());
    if (!layer) {
        std::string names;
        for (int i = 0; i < data->GetLayerCount(); ++i)
            names += std::string(names.empty() ? "" : ", ") + data->GetLayer(i)->GetName();
        throw InputError(request.pos,
                         request.layer.empty() ? request.path + " holds no layer"
                                               : "no layer '" + request.layer + "' in " +
                                                     request.path,
                         names.empty() ? "" : "its layers: " + names);
    }
    bool failed = false;
    const auto transform = to_wgs84(layer, failed);
    if (failed)
        throw InputError(request.pos,
                         "the layer's coordinate system cannot be turned into longitude and "
                         "latitude",
                         "reproject it to WGS84 (EPSG:4326), e.g. with ogr2ogr -t_srs EPSG:4326");
    GeoLayer out;
    out.name = layer->GetName();
    out.style = request.style;
    layer->ResetReading();
    for (auto& feature : *layer) {
        OGRGeometry* g = feature->GetGeometryRef();
        if (!g)
            continue;
        if (transform && g->transform(transform.get()) != OGRERR_NONE)
            continue; // a feature outside the CRS's domain cannot be drawn
        add_geometry(g, out);
    }
    return out;
}

} // namespace dcmap::ogr
