#pragma once
// Internal to ogr/: GDAL started only when a vector file is read or written, so a plain render
// never registers GDAL's drivers, and GDAL's messages kept to itself.
#include <cpl_vsi.h>

#include <memory>
#include <string>

namespace dcmap::ogr::detail {

/// Registers GDAL's drivers once (thread-safe); later calls cost an atomic load.
void register_gdal();

/// CPLGetLastErrorMsg() as a string; "unknown GDAL error" when empty.
std::string last_gdal_error();

/// Removes a /vsimem file (and a FlatGeobuf's index temp file) when the scope ends.
struct MemFile {
    std::string path;
    ~MemFile();
};

/// A VSI file handle, closed when the scope ends (also when an exception passes).
struct CloseVsiFile {
    void operator()(VSILFILE* file) const { VSIFCloseL(file); }
};
using VsiFilePtr = std::unique_ptr<VSILFILE, CloseVsiFile>;

/// A fresh /vsimem path ending in `extension` (".gpkg").
std::string mem_path(const std::string& extension);

} // namespace dcmap::ogr::detail
