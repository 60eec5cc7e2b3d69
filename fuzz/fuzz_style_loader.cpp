// libFuzzer target: any bytes as a style file over the built-in default style.
#include "config/style_loader.hpp"
#include "model/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const dcmap::Style base = dcmap::config::load_style("default");
    try {
        dcmap::config::parse_style(std::string_view(reinterpret_cast<const char*>(data), size),
                                   "fuzz.yaml", base);
    } catch (const dcmap::Error&) {
    }
    return 0;
}
