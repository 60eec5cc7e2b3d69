#pragma once
// Helpers shared by the config tests: fixture paths and the error lines a load throws.
#include "model/error.hpp"

#include <string>
#include <vector>

namespace dcmap::config::testing {

inline std::string fixture(const std::string& name) {
    return std::string(DCMAP_FIXTURES) + "/" + name;
}

/// The formatted lines of the InputErrors that `load()` throws; empty when it does not throw.
template <typename Load> std::vector<std::string> error_lines(Load&& load) {
    try {
        load();
    } catch (const InputErrors& e) {
        std::vector<std::string> lines;
        for (const auto& error : e.errors())
            lines.push_back(error.what());
        return lines;
    }
    return {};
}

} // namespace dcmap::config::testing
