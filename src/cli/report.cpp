#include "cli/report.hpp"

#include "model/error.hpp"

#include <cstdio>
#include <ostream>
#include <string>

namespace dcmap::cli {

namespace {

std::string escaped(const char* format, unsigned value) {
    char text[16];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::string position(const SourcePos& pos) {
    if (pos.file.empty())
        return {};
    std::string out = pos.file;
    if (pos.line > 0) {
        out += ':' + std::to_string(pos.line);
        if (pos.column > 0)
            out += ':' + std::to_string(pos.column);
    }
    return out + ": ";
}

} // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned c = s[i];
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F)
                out += escaped("\\x%02x", c);
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        int length = c >= 0xC2 && c <= 0xDF   ? 2
                     : c >= 0xE0 && c <= 0xEF ? 3
                     : c >= 0xF0 && c <= 0xF4 ? 4
                                              : 0;
        unsigned code = length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; length && k < length; ++k) {
            if (i + k >= n || (s[i + k] & 0xC0) != 0x80) {
                length = 0;
                break;
            }
            code = (code << 6) | (s[i + k] & 0x3F);
        }
        const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
        if (length == 0 || overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            out += escaped("\\x%02x", c);
            ++i;
        } else if (code <= 0x9F) {
            out += escaped("\\u%04x", code);
            i += static_cast<std::size_t>(length);
        } else {
            out.append(text.substr(i, static_cast<std::size_t>(length)));
            i += static_cast<std::size_t>(length);
        }
    }
    return out;
}

void print_error_message(const std::string& message, std::ostream& err) {
    err << "dcmap: error: " << printable(message) << '\n';
}

void print_warnings(const Diagnostics& diagnostics, std::ostream& err) {
    for (const auto& w : diagnostics.warnings)
        err << "dcmap: " << printable(position(w.pos) + "warning: " + w.message) << '\n';
    for (const auto& n : diagnostics.notes)
        err << "dcmap: note: " << printable(n.message) << '\n';
}

void print_error(const std::exception& e, std::ostream& err) {
    if (const auto* errors = dynamic_cast<const InputErrors*>(&e)) {
        for (const auto& one : errors->errors())
            err << "dcmap: " << printable(one.what()) << '\n';
        return;
    }
    if (const auto* one = dynamic_cast<const InputError*>(&e)) {
        err << "dcmap: " << printable(one->what()) << '\n';
        return;
    }
    const std::string what = e.what();
    // Errors tied to a file position start with it ("file:line:col: error: ..."); the rest
    // are the program's own.
    if (what.find(": error: ") != std::string::npos)
        err << "dcmap: " << printable(what) << '\n';
    else
        print_error_message(what, err);
}

void print_failure(const std::exception& e, const Diagnostics& diagnostics, std::ostream& err) {
    print_warnings(diagnostics, err);
    print_error(e, err);
}

bool warnings_fail(const std::string& path, const Diagnostics& diagnostics, bool strict,
                   std::ostream& err) {
    print_warnings(diagnostics, err);
    if (!strict || diagnostics.warnings.empty())
        return false;
    err << "dcmap: " << printable(path) << ": error: " << diagnostics.warnings.size()
        << " warning(s) with --strict\n";
    return true;
}

} // namespace dcmap::cli
