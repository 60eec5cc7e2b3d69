// The shared GDAL reading guards: a failed read leaves no error handler pushed and no /vsimem
// file behind, so the next read works.
#include "basemap/countries.hpp"
#include "basemap/gdal_reading.hpp"

#include <catch2/catch.hpp>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include <string>

using namespace dcmap::basemap::detail;

namespace {

int messages_seen = 0;

void CPL_STDCALL count_message(CPLErr, CPLErrorNum, const char*) { ++messages_seen; }

bool vsimem_exists(const std::string& path) {
    VSIStatBufL stat;
    return VSIStatL(path.c_str(), &stat) == 0;
}

const std::string dir = "/vsimem/dcmap/test-gdal-reading/";

} // namespace

TEST_CASE("basemap: a failed read pops its error handler and unlinks its memory file",
          "[basemap]") {
    CPLPushErrorHandler(count_message);
    messages_seen = 0;
    // countries.tsv is embedded but is not TopoJSON, so GDAL cannot open it.
    const auto fail_to_open = [] {
        const QuietGdal quiet;
        const MemoryDataset data("countries.tsv", dir);
    };
    CHECK_THROWS_AS(fail_to_open(), GdalOpenError);
    CHECK_THROWS_WITH(fail_to_open(), "cannot read embedded base map 'countries.tsv'");
    CHECK_FALSE(vsimem_exists(dir + "countries.tsv"));

    const auto missing_layer = [] {
        const QuietGdal quiet;
        MemoryDataset data("countries-110m.json", dir);
        CHECK(vsimem_exists(data.path()));
        data.layer("no-such-layer");
    };
    CHECK_THROWS_WITH(missing_layer(),
                      "base map 'countries-110m.json' has no layer 'no-such-layer'");
    CHECK_FALSE(vsimem_exists(dir + "countries-110m.json"));

    CHECK_THROWS_WITH((MemoryDataset("no-such-resource.json", dir)),
                      "embedded base map 'no-such-resource.json' is missing");

    // Our handler is on top again: the quiet handlers were all popped.
    CPLError(CE_Warning, CPLE_AppDefined, "probe");
    CPLPopErrorHandler();
    CHECK(messages_seen == 1);
}

TEST_CASE("basemap: after a failed read the next read works", "[basemap]") {
    const QuietGdal quiet;
    CHECK_THROWS_AS((MemoryDataset("countries.tsv", dir)), GdalOpenError);
    MemoryDataset data("countries-110m.json", dir);
    CHECK(data.layer("land").GetFeatureCount() > 0);
    CHECK(data.find_layer("countries") != nullptr);
    CHECK(dcmap::basemap::country_at(2.35, 48.86) == "FR");
}

TEST_CASE("basemap: ISO numeric ids map to alpha-2, Kosovo to XK", "[basemap]") {
    const auto codes = iso_numeric_to_alpha2();
    CHECK(alpha2_for("250", "France", codes) == "FR");
    CHECK(alpha2_for("036", "Australia", codes) == "AU");
    CHECK(alpha2_for("", "Kosovo", codes) == "XK");
    CHECK(alpha2_for("", "Somaliland", codes).empty());
}
