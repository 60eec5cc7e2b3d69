#include "render/png_text.hpp"

#include "model/error.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace dcmap::render::detail {
namespace {

constexpr std::size_t kSignature = 8;
constexpr std::size_t kIhdrChunk = 4 + 4 + 13 + 4; // length, type, data, CRC

std::uint32_t crc32(const std::string& bytes) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes)
        c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put_u32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xFF);
}

/// One chunk: length, type and data, and the CRC of type and data.
std::string chunk(const std::string& type, const std::string& data) {
    std::string out;
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::string body = type + data;
    out += body;
    put_u32(out, crc32(body));
    return out;
}

} // namespace

std::string with_png_text(const std::string& png,
                          const std::vector<std::pair<std::string, std::string>>& text) {
    if (png.size() < kSignature + kIhdrChunk || png.compare(1, 3, "PNG") != 0 ||
        png.compare(kSignature + 4, 4, "IHDR") != 0)
        throw Error("cannot add text to the PNG: no PNG signature and IHDR");
    std::string chunks;
    for (const auto& [keyword, value] : text) {
        if (value.empty())
            continue;
        const bool ascii = std::all_of(value.begin(), value.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        // iTXt: keyword, 0, compression flag 0, method 0, empty language tag and translated
        // keyword (each ended by 0), then the UTF-8 text.
        chunks += ascii ? chunk("tEXt", keyword + '\0' + value)
                        : chunk("iTXt", keyword + std::string("\0\0\0\0\0", 5) + value);
    }
    // Before the first IDAT, so the chunks a reader wants early (pHYs, PLTE) keep their place.
    std::size_t at = kSignature;
    while (at + 8 <= png.size() && png.compare(at + 4, 4, "IDAT") != 0) {
        const auto* p = reinterpret_cast<const unsigned char*>(png.data() + at);
        const std::size_t length = (std::size_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
        at += 12 + length;
    }
    if (at + 8 > png.size())
        throw Error("cannot add text to the PNG: it has no IDAT chunk");
    std::string out = png;
    out.insert(at, chunks);
    return out;
}

} // namespace dcmap::render::detail
