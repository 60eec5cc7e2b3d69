#pragma once
// Text made safe for one cell of the tables `stats` and `diff` print.
#include <string>

namespace dcmap::cli {

/// `text` for a Markdown table cell: a `|` would end the cell, so it is escaped.
inline std::string markdown_cell(const std::string& text) {
    std::string out;
    for (char c : text)
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

/// `text` as a CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote
/// or a line break.
inline std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace dcmap::cli
