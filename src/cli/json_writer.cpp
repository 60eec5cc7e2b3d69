#include "cli/json_writer.hpp"

#include <cmath>
#include <cstdio>

namespace dcmap::cli {

namespace {

/// Length of the valid UTF-8 sequence starting at s[i] (1 for ASCII), or 0 when it is not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
        return 1;
    std::size_t n = c >= 0xC2 && c <= 0xDF   ? 2
                    : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4
                                             : 0;
    if (n == 0 || i + n > s.size())
        return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    const unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (c1 < lo || c1 > hi)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
            return 0;
    return n;
}

} // namespace

std::string json_quote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else if (const std::size_t n = utf8_length(s, i); n > 1) {
                out.append(s.substr(i, n));
                i += n;
                continue;
            } else if (n == 0) {
                // Bytes that are not UTF-8 (a query typed in Latin-1) would make the JSON invalid.
                out += "\\ufffd";
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    return out + "\"";
}

void JsonWriter::break_line() {
    const std::size_t depth = first_in_scope_.size();
    if (one_item_per_line_ && (depth == 1 || depth == 2)) {
        // Appended piecewise: GCC 12 warns (-Wrestrict, falsely) on "\n" + std::string(...).
        out_ += '\n';
        out_.append(depth, ' ');
    }
}

void JsonWriter::break_before_close() {
    const std::size_t depth = first_in_scope_.size();
    // Only scopes whose items went on lines of their own, and that had any.
    if (one_item_per_line_ && (depth == 1 || depth == 2) && !first_in_scope_.back()) {
        out_ += '\n';
        out_.append(depth - 1, ' ');
    }
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_in_scope_.empty()) {
        if (!first_in_scope_.back())
            out_ += ',';
        first_in_scope_.back() = false;
        break_line();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    first_in_scope_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    break_before_close();
    out_ += '}';
    first_in_scope_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    first_in_scope_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    break_before_close();
    out_ += ']';
    first_in_scope_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    out_ += json_quote(k);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    out_ += json_quote(s);
    return *this;
}

JsonWriter& JsonWriter::value(double d, int decimals) {
    before_value();
    if (!std::isfinite(d)) {
        out_ += "null";
        return *this;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, d);
    std::string text = buf;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    out_ += text;
    return *this;
}

JsonWriter& JsonWriter::value(long long n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

} // namespace dcmap::cli
