#include "ogr/gdal_api.hpp"

#include <mutex>

namespace dcmap::ogr {

const GdalApi& gdal_api() {
    // Thread-safe once; a missing plug-in throws on every call, so each caller reports it.
    static const GdalApi* api = nullptr;
    static std::once_flag once;
    std::call_once(once, [] {
        using TableFn = const GdalApi* (*)();
        api = reinterpret_cast<TableFn>(io::gdal_plugin_symbol("dcmap_gdal_ogr_api"))();
    });
    return *api;
}

} // namespace dcmap::ogr
