#pragma once
// Reading input files (site files, styles, catalogues) without trusting what the path names.
#include <cstddef>
#include <string>

namespace dcmap::io {

/// The bytes of the regular file `path`; `what` ("site file", "style") names it in the size
/// limit message.
/// Throws IoError when it cannot be opened, is not a regular file (a folder, a device such as
/// /dev/zero, a pipe) or holds more than `max_bytes`. Never blocks on a FIFO.
std::string read_input_file(const std::string& path, std::size_t max_bytes,
                            const std::string& what);

} // namespace dcmap::io
