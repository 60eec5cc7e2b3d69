#include "basemap/gdal_reading.hpp"

#include "resources/resources.hpp"

#include <cpl_error.h>
#include <cpl_vsi.h>

#include <mutex>
#include <sstream>
#include <string_view>

namespace dcmap::basemap::detail {

QuietGdal::QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }

QuietGdal::~QuietGdal() { CPLPopErrorHandler(); }

MemoryDataset::MemoryDataset(const std::string& resource, const std::string& vsimem_dir)
    : resource_(resource), path_(vsimem_dir + resource) {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    const std::string_view bytes = resources::get(resource);
    if (bytes.empty())
        throw IoError("embedded base map '" + resource + "' is missing");
    // GDAL only reads the buffer (bTakeOwnership = FALSE), so the const_cast is safe.
    VSILFILE* file = VSIFileFromMemBuffer(path_.c_str(),
                                          reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                          static_cast<vsi_l_offset>(bytes.size()), FALSE);
    if (!file)
        throw GdalOpenError("cannot register base map '" + resource + "' in memory");
    VSIFCloseL(file);
    const char* const drivers[] = {"TopoJSON", nullptr};
    dataset_.reset(GDALDataset::Open(path_.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!dataset_) {
        // The destructor does not run for a throwing constructor.
        VSIUnlink(path_.c_str());
        throw GdalOpenError("cannot read embedded base map '" + resource + "'");
    }
}

MemoryDataset::~MemoryDataset() {
    // Close before unlinking: the dataset still reads the file.
    dataset_.reset();
    VSIUnlink(path_.c_str());
}

OGRLayer* MemoryDataset::find_layer(const char* name) { return dataset_->GetLayerByName(name); }

OGRLayer& MemoryDataset::layer(const char* name) {
    OGRLayer* layer = find_layer(name);
    if (!layer)
        throw IoError("base map '" + resource_ + "' has no layer '" + name + "'");
    return *layer;
}

std::map<int, std::string> iso_numeric_to_alpha2() {
    std::map<int, std::string> out;
    std::istringstream in{std::string(resources::get("countries.tsv"))};
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

std::string alpha2_for(const std::string& id, const std::string& name,
                       const std::map<int, std::string>& codes) {
    if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos) {
        const auto it = codes.find(std::stoi(id));
        if (it != codes.end())
            return it->second;
    }
    if (name == "Kosovo")
        return "XK"; // no ISO numeric code; XK by convention
    return {};
}

std::string field_text(const OGRFeature& feature, const char* field) {
    const int index = feature.GetFieldIndex(field);
    if (index < 0 || !feature.IsFieldSetAndNotNull(index))
        return {};
    return feature.GetFieldAsString(index);
}

} // namespace dcmap::basemap::detail
