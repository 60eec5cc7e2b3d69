// libFuzzer target: any bytes as a site file. Input errors are expected; a crash, a hang, a
// sanitizer report or any other exception is a finding.
#include "config/site_loader.hpp"
#include "model/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        dcmap::config::parse_site_file(std::string_view(reinterpret_cast<const char*>(data), size),
                                       "fuzz.yaml");
    } catch (const dcmap::Error&) {
    }
    return 0;
}
