#pragma once
// Helpers for end-to-end tests: run the CLI in-process, temporary folders, file bytes.
#include "cli/cli.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace e2e {

struct Run {
    int code;
    std::string out;
    std::string err;
};

inline Run run_dcmap(std::vector<std::string> args) {
    std::ostringstream out, err;
    int code = dcmap::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

/// A fresh folder under the system temp dir, removed when the object goes away.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "dcmap-e2e-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string fixture(const std::string& name) {
    return std::string(DCMAP_FIXTURES) + "/" + name;
}
inline std::string source_file(const std::string& name) {
    return std::string(DCMAP_SOURCE_DIR) + "/" + name;
}

} // namespace e2e
