#pragma once
// dcmap's GDAL plug-in (libdcmap-gdal.so), loaded on first use. GDAL and the ~65 libraries it
// brings are most of a process's start-up, yet only some runs need them (vector files in,
// --resolved out, a base map cut at run time), so the program does not link GDAL: the files
// src/ogr/gdal_*.cpp and src/basemap/gdal_*.cpp are built into the plug-in (CMakeLists.txt),
// and ogr/ and basemap/ reach them through a table of function pointers each.

#include <mutex>

/// Marks a plug-in entry point: the plug-in hides every other symbol.
#define DCMAP_PLUGIN_EXPORT __attribute__((visibility("default")))

namespace dcmap::io {

/// The address of the C function `symbol` in the GDAL plug-in, which is loaded once per
/// process (thread-safe). Looked for next to the program, in <program>/../lib*/dcmap (an
/// installed tree, wherever it was moved), in the configured <libdir>/dcmap (programs built
/// on the installed library) and in the program's parent folder (the build tree's tests).
/// Throws IoError naming the places looked in, or the loader's message, when it cannot be
/// loaded, is from another dcmap version, or lacks `symbol`.
void* gdal_plugin_symbol(const char* symbol);

/// The function table `Table` that the plug-in's C function `symbol` returns, looked up once per
/// process (thread-safe). A missing plug-in throws on every call, so each caller reports it.
template <class Table> const Table& gdal_plugin_table(const char* symbol) {
    static const Table* table = nullptr;
    static std::once_flag once;
    std::call_once(once, [symbol] {
        using TableFunction = const Table* (*)();
        table = reinterpret_cast<TableFunction>(gdal_plugin_symbol(symbol))();
    });
    return *table;
}

} // namespace dcmap::io
