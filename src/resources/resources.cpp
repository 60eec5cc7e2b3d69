#include "resources/resources.hpp"

#include <algorithm>

namespace dcmap::resources {

std::string_view get(std::string_view name) {
    for (std::size_t i = 0; i < detail::table_size; ++i) {
        const auto& e = detail::table[i];
        if (name == e.name)
            return {e.begin, static_cast<std::size_t>(e.end - e.begin)};
    }
    return {};
}

std::vector<std::string_view> names() {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < detail::table_size; ++i)
        out.emplace_back(detail::table[i].name);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace dcmap::resources
