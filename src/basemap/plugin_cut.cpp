#include "basemap/working_frame.hpp"

#include "io/plugin.hpp"

#include <mutex>

namespace dcmap::basemap::detail {

const GdalCutApi& gdal_cut() {
    // Thread-safe once; a missing plug-in throws on every call, so each caller reports it.
    static const GdalCutApi* api = nullptr;
    static std::once_flag once;
    std::call_once(once, [] {
        using TableFn = const GdalCutApi* (*)();
        api = reinterpret_cast<TableFn>(io::gdal_plugin_symbol("dcmap_gdal_cut_api"))();
    });
    return *api;
}

} // namespace dcmap::basemap::detail
