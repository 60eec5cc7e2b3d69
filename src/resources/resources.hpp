#pragma once
// Data files compiled into the binary (base map, gazetteer, the dark and print styles; the
// default style is compiled in as code, model/style.hpp).
#include <cstddef>
#include <string_view>
#include <vector>

namespace dcmap::resources {

/// The bytes of an embedded file by name ("basemap-50m.bin", "gazetteer.tsv",
/// "style/dark.yaml", ...). Empty view when there is no such resource.
std::string_view get(std::string_view name);

/// Names of all embedded resources, sorted.
std::vector<std::string_view> names();

namespace detail {
struct Entry {
    const char* name;
    const char* begin;
    const char* end;
};
extern const Entry table[];
extern const std::size_t table_size;
} // namespace detail

} // namespace dcmap::resources
