#pragma once
// Input text is UTF-8: the check every input file (site file, style, catalogue) goes through.
#include <optional>
#include <string>
#include <string_view>

namespace dcmap::config {

/// Throws InputErrors with one error at the line and column in `path` of the first byte of
/// `text` that is not UTF-8 ("not UTF-8: byte 0xE9; save the file as UTF-8") or is a control
/// character other than tab, line feed and carriage return.
void check_text_file(std::string_view text, const std::string& path);

/// What is wrong with one text value given outside a file (a command-line --title): "longer
/// than 1000 bytes", "control character U+001B", "not UTF-8: byte 0xE9"; nullopt when fine.
std::optional<std::string> text_value_problem(std::string_view text);

} // namespace dcmap::config
