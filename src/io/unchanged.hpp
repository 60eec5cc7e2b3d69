#pragma once
// Leaving a file alone when a run would write the same bytes again.
#include <string>
#include <string_view>

namespace dcmap::io {

/// True when `path` is a regular file whose contents are exactly `bytes`; false when it differs,
/// is missing or cannot be read. Compares the size first, so a changed map costs one stat().
bool file_holds(const std::string& path, std::string_view bytes);

} // namespace dcmap::io
