#pragma once
// Internal to ogr/: GDAL started only when a vector file is read or written, so a plain render
// never registers GDAL's drivers, and GDAL's messages kept to itself.
#include <string>

namespace dcmap::ogr::detail {

/// Registers GDAL's drivers once (thread-safe); later calls cost an atomic load.
void register_gdal();

/// Routes GDAL's messages to nowhere while alive: library code never prints; failures are
/// reported through exceptions carrying last_gdal_error().
class QuietGdal {
public:
    QuietGdal();
    ~QuietGdal();
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

/// CPLGetLastErrorMsg() as a string; "unknown GDAL error" when empty.
std::string last_gdal_error();

/// Removes a /vsimem file (and a FlatGeobuf's index temp file) when the scope ends.
struct MemFile {
    std::string path;
    ~MemFile();
};

/// A fresh /vsimem path ending in `extension` (".gpkg").
std::string mem_path(const std::string& extension);

} // namespace dcmap::ogr::detail
