#pragma once
// Slicing tab-separated text without copying (internal to geocode/).
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace dcmap::geocode::detail {

/// Splits off the text up to the next tab (or the end) and advances `rest` past it.
inline std::string_view next_field(std::string_view& rest) {
    const auto tab = rest.find('\t');
    const auto field = rest.substr(0, tab);
    rest = tab == std::string_view::npos ? std::string_view{} : rest.substr(tab + 1);
    return field;
}

/// Offsets of the start of every non-empty line in text.
inline std::vector<std::uint32_t> line_starts(std::string_view text, std::size_t expected) {
    std::vector<std::uint32_t> starts;
    starts.reserve(expected);
    const char* base = text.data();
    const char* end = base + text.size();
    for (const char* p = base; p < end;) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
        if (!nl)
            nl = end;
        if (nl > p)
            starts.push_back(static_cast<std::uint32_t>(p - base));
        p = nl + 1;
    }
    return starts;
}

/// The line of text that starts at offset, without its newline.
inline std::string_view line_at(std::string_view text, std::size_t offset) {
    const auto rest = text.substr(offset);
    return rest.substr(0, rest.find('\n'));
}

/// Parses a decimal integer or floating-point field; fallback when the field is malformed or
/// has anything after the number ("50,1" or "50.1x" are not 50).
template <typename T> T parse_number(std::string_view field, T fallback) {
    T value = fallback;
    const char* end = field.data() + field.size();
    const auto result = std::from_chars(field.data(), end, value);
    return result.ec == std::errc{} && result.ptr == end ? value : fallback;
}

} // namespace dcmap::geocode::detail
