#pragma once
// Internal to basemap/: reading the embedded TopoJSON through GDAL without leaking GDAL state.
// Every guard here undoes what it did when it goes out of scope, also when an exception passes.
#include "model/error.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <string>

namespace dcmap::basemap::detail {

/// Routes GDAL's messages to nowhere while alive (pushes a quiet error handler, pops it in the
/// destructor): library code never prints, and the validity warnings GEOS gives for raw
/// stitched rings are expected and repaired.
class QuietGdal {
public:
    QuietGdal();
    ~QuietGdal();
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

/// GDAL could not register or open an embedded data file that is there.
class GdalOpenError : public IoError {
public:
    using IoError::IoError;
};

/// An embedded TopoJSON resource opened read-only from memory as `<vsimem_dir><resource>`;
/// the dataset is closed and the /vsimem file removed again in the destructor, and on every
/// failure of the constructor.
class MemoryDataset {
public:
    /// Throws IoError when the resource is not embedded, GdalOpenError when GDAL cannot
    /// register or open it. `vsimem_dir` ends with '/' (e.g. "/vsimem/dcmap/basemap/").
    MemoryDataset(const std::string& resource, const std::string& vsimem_dir);
    ~MemoryDataset();
    MemoryDataset(const MemoryDataset&) = delete;
    MemoryDataset& operator=(const MemoryDataset&) = delete;

    /// The layer `name`, or nullptr when the dataset has none.
    OGRLayer* find_layer(const char* name);
    /// The layer `name`; throws IoError when the dataset has none.
    OGRLayer& layer(const char* name);
    /// The /vsimem path the resource is registered under while this object lives.
    const std::string& path() const { return path_; }

private:
    std::string resource_;
    std::string path_;
    GDALDatasetUniquePtr dataset_;
};

/// ISO numeric -> alpha-2 from the embedded countries.tsv (numeric, alpha2, alpha3, name, ...).
/// Lines that do not start with a number (headers, comments) are skipped; an empty file gives
/// no codes.
std::map<int, std::string> iso_numeric_to_alpha2();

/// ISO alpha-2 of a world-atlas feature from its numeric `id`, looked up in `codes`; Kosovo
/// (no ISO numeric code) is "XK" by convention; empty when neither gives a code.
std::string alpha2_for(const std::string& id, const std::string& name,
                       const std::map<int, std::string>& codes);

/// The text of a feature's field, empty when the field is absent or null.
std::string field_text(const OGRFeature& feature, const char* field);

} // namespace dcmap::basemap::detail
