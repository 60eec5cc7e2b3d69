// GDAL is loaded only when the base map must be cut at run time: the default centre uses the
// pieces cut at build time. ctest runs each test case in its own process, so what is mapped
// after a test case is what that case loaded.
#include "basemap/basemap.hpp"
#include "project/projection.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

using dcmap::basemap::build_basemap;
using dcmap::basemap::Detail;
using dcmap::project::parse_projection;
using dcmap::project::Projector;

namespace {

bool plugin_loaded() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line))
        if (line.find("libdcmap-gdal.so") != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("basemap: world projections at centre 0 draw without loading the GDAL plug-in",
          "[basemap]") {
    // Run with the other cases in one process, an earlier case may have loaded it already.
    const bool loaded_before = plugin_loaded();
    for (const char* name : {"equal-earth", "robinson", "natural-earth", "plate-carree"}) {
        INFO(name);
        for (const Detail detail : {Detail::low, Detail::medium})
            for (const double step : {10.0, 15.0, 30.0, 45.0}) {
                const auto map = build_basemap(Projector(parse_projection(name)), detail, step);
                CHECK(map.countries.size() > 150);
                CHECK_FALSE(map.graticule.empty());
            }
    }
    if (loaded_before)
        WARN("the GDAL plug-in was loaded before this case; run it alone (ctest does) to check");
    else
        CHECK_FALSE(plugin_loaded());
}

TEST_CASE("basemap: another centre cuts at run time through the GDAL plug-in", "[basemap]") {
    const auto map = build_basemap(Projector(parse_projection("robinson", "150")), Detail::low, 30);
    CHECK(map.countries.size() > 150);
    CHECK(plugin_loaded());
}
