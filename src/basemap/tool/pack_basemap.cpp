// Build-time tool: Natural Earth TopoJSON (world-atlas) -> the packed base map that dcmap
// embeds (basemap/packed.hpp). Reads with GDAL/OGR, names countries by ISO alpha-2 from
// countries.tsv, and cuts every polygon at the antimeridian for the default centre with the
// same code a render would run, so the pre-cut pieces are exactly what that render computed.
//
//     dcmap_pack_basemap COUNTRIES_TSV TOPOJSON OUTPUT
#include "basemap/gdal_cut.hpp"
#include "basemap/packed.hpp"
#include "basemap/working_frame.hpp"
#include "io/atomic_file.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

using namespace dcmap::basemap::detail;

namespace {

/// ISO numeric -> alpha-2 from countries.tsv (numeric, alpha2, alpha3, name, ...); lines that
/// do not start with a number (headers, comments) are skipped.
std::map<int, std::string> iso_numeric_to_alpha2(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::map<int, std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos || tab == 0)
            continue;
        const std::string numeric = line.substr(0, tab);
        if (numeric.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const auto tab2 = line.find('\t', tab + 1);
        std::string alpha2 =
            line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
        if (!alpha2.empty() && alpha2.back() == '\r')
            alpha2.pop_back();
        out[std::stoi(numeric)] = alpha2;
    }
    return out;
}

std::string field_text(const OGRFeature& feature, const char* field) {
    const int index = feature.GetFieldIndex(field);
    if (index < 0 || !feature.IsFieldSetAndNotNull(index))
        return {};
    return feature.GetFieldAsString(index);
}

/// ISO alpha-2 of a world-atlas feature from its numeric `id`; Kosovo (no ISO numeric code)
/// is "XK" by convention; empty when neither gives a code.
std::string alpha2_for(const std::string& id, const std::string& name,
                       const std::map<int, std::string>& codes) {
    if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos) {
        const auto it = codes.find(std::stoi(id));
        if (it != codes.end())
            return it->second;
    }
    if (name == "Kosovo")
        return "XK";
    return {};
}

std::vector<LonLatPolygon> polygons_of(const OGRFeature& feature) {
    std::vector<LonLatPolygon> out;
    collect_polygons(feature.GetGeometryRef(), 0, out);
    return out;
}

OGRLayer& layer(GDALDataset& data, const char* name) {
    OGRLayer* layer = data.GetLayerByName(name);
    if (!layer)
        throw std::runtime_error(std::string("no layer '") + name + "'");
    return *layer;
}

/// The pieces a render centred on 0 cuts `polygons` into (project_shapes.cpp, before it
/// projects them).
std::vector<LonLatPolygon> cut_for_default_centre(const std::vector<LonLatPolygon>& polygons) {
    dcmap::project::ProjectionSpec spec;
    spec.center_lon = 0;
    spec.orthographic = false;
    spec.max_abs_lat = 90;
    const Frame frame(spec);
    const std::vector<Window> cut_windows = windows(frame);
    std::vector<LonLatPolygon> out;
    for (const LonLatPolygon& p : polygons)
        for (LonLatPolygon& piece : cut_polygon(to_working_polygon(p, frame), frame, cut_windows))
            out.push_back(std::move(piece));
    return out;
}

PackedBasemap read(const std::string& tsv, const std::string& topojson) {
    const auto codes = iso_numeric_to_alpha2(tsv);
    const char* const drivers[] = {"TopoJSON", nullptr};
    GDALDatasetUniquePtr data(
        GDALDataset::Open(topojson.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!data)
        throw std::runtime_error("cannot open " + topojson);
    PackedBasemap out;
    for (const auto& feature : layer(*data, "countries")) {
        PackedCountry c;
        c.name = field_text(*feature, "name");
        c.iso2 = alpha2_for(field_text(*feature, "id"), c.name, codes);
        c.polygons = polygons_of(*feature);
        out.countries_cut.push_back(cut_for_default_centre(c.polygons));
        out.countries.push_back(std::move(c));
    }
    for (const auto& feature : layer(*data, "land"))
        for (LonLatPolygon& p : polygons_of(*feature))
            out.land.push_back(std::move(p));
    out.land_cut = cut_for_default_centre(out.land);
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: dcmap_pack_basemap COUNTRIES_TSV TOPOJSON OUTPUT\n";
        return 2;
    }
    try {
        GDALAllRegister();
        std::string bytes;
        {
            // GEOS warns about the raw stitched rings it is asked to repair; that is expected.
            const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
            bytes = pack(read(argv[1], argv[2]));
        }
        // An interrupted build leaves no half-written file for the next one to embed.
        dcmap::io::write_file_atomically(argv[3], bytes);
    } catch (const std::exception& e) {
        std::cerr << "dcmap_pack_basemap: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
