#include "ogr/gdal_session.hpp"

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>

#include <atomic>
#include <mutex>

namespace dcmap::ogr::detail {

void register_gdal() {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
}

std::string last_gdal_error() {
    const char* message = CPLGetLastErrorMsg();
    return message && *message ? message : "unknown GDAL error";
}

MemFile::~MemFile() {
    // A GPKG or FlatGeobuf may leave side files (journal, index) next to it in memory.
    const CPLStringList names(VSIReadDir("/vsimem/dcmap")); // owns the list
    const std::string base = path.substr(std::string("/vsimem/dcmap/").size());
    for (int i = 0; i < names.size(); ++i)
        if (std::string(names[i]).rfind(base, 0) == 0)
            VSIUnlink(("/vsimem/dcmap/" + std::string(names[i])).c_str());
    VSIUnlink(path.c_str());
}

std::string mem_path(const std::string& extension) {
    // GDAL's CSV driver writes into a folder it must find by VSIStat; /vsimem folders exist
    // only once made.
    static std::once_flag folder_made;
    std::call_once(folder_made, [] { VSIMkdir("/vsimem/dcmap", 0755); });
    static std::atomic<unsigned> counter{0};
    // "-file" ends the number, so no name is the start of another's (ogr-1 of ogr-10.csv): the
    // cleanup by prefix of ~MemFile removes only its own side files, also with threads.
    return "/vsimem/dcmap/ogr-" + std::to_string(counter++) + "-file" + extension;
}

} // namespace dcmap::ogr::detail
