// libFuzzer target: any bytes as a region catalogue (data/catalogue/regions.tsv format), checked
// as the CLI checks a --catalogue file: UTF-8 first, then the rows.
#include "config/text_check.hpp"
#include "geocode/catalogue.hpp"
#include "model/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        dcmap::config::check_text_file(text, "fuzz.tsv");
        const auto catalogue = dcmap::geocode::Catalogue::from_tsv(text, "fuzz.tsv");
        for (const auto& region : catalogue.regions())
            catalogue.find(region.provider, region.code);
    } catch (const dcmap::Error&) {
    }
    return 0;
}
