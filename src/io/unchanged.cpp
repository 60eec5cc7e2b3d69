#include "io/unchanged.hpp"

#include <filesystem>
#include <fstream>
#include <vector>

namespace dcmap::io {

bool file_holds(const std::string& path, std::string_view bytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return false;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size != bytes.size())
        return false;
    std::ifstream in(path, std::ios::binary);
    std::vector<char> chunk(1 << 16);
    std::size_t at = 0;
    while (in && at < bytes.size()) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0 || bytes.substr(at, n) != std::string_view(chunk.data(), n))
            return false;
        at += n;
    }
    return at == bytes.size();
}

} // namespace dcmap::io
