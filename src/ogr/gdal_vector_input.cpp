#include "ogr/gdal_api.hpp"

#include "io/input_file.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"
#include "ogr/gdal_session.hpp"

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

namespace dcmap::ogr::gdal {
namespace {

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

/// An open vector file, and the in-memory copy GDAL reads it from (when there is one).
struct OpenVector {
    std::unique_ptr<ogr::detail::MemFile> copy; ///< declared first: outlives the dataset
    GDALDatasetUniquePtr data;
};

/// Opens `path` for reading. A one-file format is read through io::read_input_file (size
/// limit, no FIFOs or devices) and handed to GDAL from memory; a Shapefile, whose .dbf/.shx/.prj
/// lie beside it, is opened in place once it is known to be a regular file. Throws IoError.
OpenVector open_vector(const std::string& path, const char* what) {
    ogr::detail::register_gdal();
    OpenVector out;
    std::string gdal_path = path;
    const std::string ext = lower_extension(path);
    if (ext == ".shp") {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw IoError("cannot read " + path + ": not a regular file");
    } else {
        const std::string bytes = io::read_input_file(path, limits::site_file_bytes, what);
        out.copy = std::make_unique<ogr::detail::MemFile>();
        out.copy->path = ogr::detail::mem_path(ext);
        gdal_path = out.copy->path;
        ogr::detail::VsiFilePtr file(VSIFOpenL(gdal_path.c_str(), "wb"));
        const bool written =
            file && VSIFWriteL(bytes.data(), 1, bytes.size(), file.get()) == bytes.size();
        file.reset(); // closed before GDAL opens it
        if (!written)
            throw IoError("cannot read " + path + ": out of memory");
    }
    CPLStringList options;
    // Cells stay text as written; lat/lon columns are read by dcmap's own checks, not GDAL's
    // guesses (which would turn "48.1x" into a silent null).
    options.SetNameValue("AUTODETECT_TYPE", "NO");
    options.SetNameValue("KEEP_GEOM_COLUMNS", "YES");
    CPLErrorReset();
    out.data.reset(GDALDataset::FromHandle(GDALOpenEx(
        gdal_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.List(), nullptr)));
    if (!out.data) {
        std::string why = CPLGetLastErrorMsg();
        // GDAL names its in-memory copy; the user knows the file by its own name.
        for (auto at = why.find(gdal_path); at != std::string::npos; at = why.find(gdal_path))
            why.replace(at, gdal_path.size(), path);
        throw IoError("cannot read " + path + ": " +
                      (why.empty() ? std::string("not a vector format GDAL reads") : why));
    }
    return out;
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
    case wkbLineString:
        return "a line";
    case wkbMultiLineString:
        return "a multi-line";
    case wkbPolygon:
        return "a polygon";
    case wkbMultiPolygon:
        return "a multi-polygon";
    case wkbMultiPoint:
        return "a multi-point";
    case wkbGeometryCollection:
        return "a geometry collection";
    default:
        return "not a point";
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

FeatureTable read_feature_table(const std::string& path) {
    // Library code never prints: GDAL's messages go nowhere while `quiet` lives, and a failure
    // reaches the caller as an exception carrying last_gdal_error().
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    const OpenVector file = open_vector(path, "site table");
    GDALDataset* data = file.data.get();
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
                                       kind_of(g->getGeometryType()) + "; a site needs a point";
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
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    OpenVector file;
    try {
        file = open_vector(request.path, "layer file");
    } catch (const IoError& e) {
        throw InputError(request.pos, std::string("cannot read the layer file: ") + e.what(),
                         "give a GeoJSON, GeoPackage, Shapefile or other OGR vector file");
    }
    GDALDataset* data = file.data.get();
    OGRLayer* layer = request.layer.empty()
                          ? (data->GetLayerCount() > 0 ? data->GetLayer(0) : nullptr)
                          : data->GetLayerByName(request.layer.c_str());
    if (!layer) {
        std::string names;
        for (int i = 0; i < data->GetLayerCount(); ++i)
            names += std::string(names.empty() ? "" : ", ") + data->GetLayer(i)->GetName();
        throw InputError(request.pos,
                         request.layer.empty()
                             ? request.path + " holds no layer"
                             : "no layer '" + request.layer + "' in " + request.path,
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

} // namespace dcmap::ogr::gdal
