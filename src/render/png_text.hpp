#pragma once
// Text chunks (title, description, source, credit) added to an encoded PNG.
#include <string>
#include <utility>
#include <vector>

namespace dcmap::render::detail {

/// `png` with one chunk per (keyword, text) pair of `text` whose text is not empty, just before
/// the first IDAT: tEXt when the text is ASCII, iTXt (UTF-8, uncompressed) otherwise, since tEXt
/// holds only Latin-1. Keywords are 1..79 Latin-1 characters (PNG's rule). Throws Error when `png`
/// does not start with a PNG signature and IHDR or has no IDAT.
std::string with_png_text(const std::string& png,
                          const std::vector<std::pair<std::string, std::string>>& text);

} // namespace dcmap::render::detail
