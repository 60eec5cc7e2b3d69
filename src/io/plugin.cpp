#include "io/plugin.hpp"

#include "model/error.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#ifndef DCMAP_VERSION
#define DCMAP_VERSION "unknown"
#endif
#ifndef DCMAP_PLUGIN_LIBDIR
#define DCMAP_PLUGIN_LIBDIR "lib"
#endif
#ifndef DCMAP_PLUGIN_FULL_LIBDIR
#define DCMAP_PLUGIN_FULL_LIBDIR "/usr/local/lib"
#endif

namespace dcmap::io {
namespace {

constexpr const char* plugin_file = "libdcmap-gdal.so";

std::string program_folder() {
    std::vector<char> buffer(4096);
    const ssize_t n = readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
    if (n <= 0)
        return ".";
    const std::string path(buffer.data(), static_cast<std::size_t>(n));
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

/// dlclose on scope exit unless released: a plug-in refused for its version is unloaded.
struct CloseLibrary {
    void operator()(void* handle) const { dlclose(handle); }
};
using LibraryHandle = std::unique_ptr<void, CloseLibrary>;

struct Plugin {
    void* handle = nullptr; // never closed: GDAL's drivers live until the process ends
    std::string problem;    // why it could not be loaded; empty once loaded
};

Plugin load() {
    const std::string folder = program_folder();
    const std::string inside = std::string("/dcmap/") + plugin_file;
    const std::vector<std::string> candidates{
        folder + "/" + plugin_file, folder + "/../" DCMAP_PLUGIN_LIBDIR + inside,
        DCMAP_PLUGIN_FULL_LIBDIR + inside, folder + "/../" + plugin_file};
    Plugin out;
    std::string tried;
    for (const std::string& path : candidates) {
        if (access(path.c_str(), R_OK) != 0) {
            tried += (tried.empty() ? "" : ", ") + path;
            continue;
        }
        // RTLD_LOCAL: GDAL's symbols stay out of the program's global scope.
        LibraryHandle handle(dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL));
        if (!handle) {
            out.problem = "cannot load " + path + ": " + dlerror();
            return out;
        }
        // The tables pass C++ types (std::string, std::vector) and exceptions, so the plug-in
        // must come from the same build: another version could lay them out differently.
        using VersionFn = const char* (*)();
        const auto version =
            reinterpret_cast<VersionFn>(dlsym(handle.get(), "dcmap_gdal_plugin_version"));
        if (!version || std::strcmp(version(), DCMAP_VERSION) != 0) {
            out.problem = path + " is from another version of dcmap (" +
                          (version ? version() : "no version") + "; this is " DCMAP_VERSION ")";
            return out;
        }
        out.handle = handle.release();
        return out;
    }
    out.problem = std::string(plugin_file) + " not found (looked for " + tried + ")";
    return out;
}

} // namespace

void* gdal_plugin_symbol(const char* symbol) {
    static std::once_flag once;
    static Plugin plugin;
    std::call_once(once, [] { plugin = load(); });
    const std::string hint = "reading or writing vector files and cutting the base map at run "
                             "time need it; install it next to the program or in "
                             "<prefix>/" DCMAP_PLUGIN_LIBDIR "/dcmap (cmake --install does)";
    if (!plugin.handle)
        throw IoError("dcmap's GDAL plug-in is missing: " + plugin.problem + "; " + hint);
    void* address = dlsym(plugin.handle, symbol);
    if (!address)
        throw IoError(std::string("dcmap's GDAL plug-in has no ") + symbol + "; " + hint);
    return address;
}

} // namespace dcmap::io
