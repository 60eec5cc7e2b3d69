#pragma once
// Writing a whole file so that readers see either the old file or the complete new one.
#include <string>

namespace dcmap::render::detail {

/// Writes `bytes` to "<path>.tmp-XXXXXX" in the same folder, syncs it, and renames it over
/// `path` (mode 0644). On failure removes the temporary file and throws IoError
/// ("cannot write PATH: reason"); an existing file at `path` is then left untouched.
void write_file_atomically(const std::string& path, const std::string& bytes);

} // namespace dcmap::render::detail
