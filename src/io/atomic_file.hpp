#pragma once
// Writing output files so that a failed run never leaves a partial file behind.
#include <string>
#include <string_view>

namespace dcmap::io {

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over
/// `path`. On failure removes the temporary file, leaves any earlier `path` untouched, and
/// throws IoError naming the path and the reason.
void write_file_atomically(const std::string& path, std::string_view bytes);

} // namespace dcmap::io
