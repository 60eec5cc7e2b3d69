#pragma once
// The root exception type and its few subclasses. Each carries structured fields and builds
// its own compiler-style message: "file:line:col: error: what. hint".
#include "model/source_pos.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace dcmap {

/// Root of every error dcmap throws on purpose. what() is the full, printable message.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// Bad input data at a known place in a file (YAML syntax, schema, unknown place, ...).
class InputError : public Error {
public:
    InputError(SourcePos pos, std::string message, std::string hint = {})
        : Error(format(pos, message, hint)), pos_(pos), message_(std::move(message)),
          hint_(std::move(hint)) {}
    const SourcePos& pos() const { return pos_; }
    const std::string& message() const { return message_; }
    const std::string& hint() const { return hint_; }

    /// "file:line:col: error: message (hint)"; line/col are left out when unknown.
    static std::string format(const SourcePos& pos, const std::string& message,
                              const std::string& hint) {
        std::string out;
        if (!pos.file.empty()) {
            out += pos.file;
            if (pos.line > 0) {
                out += ':' + std::to_string(pos.line);
                if (pos.column > 0)
                    out += ':' + std::to_string(pos.column);
            }
            out += ": ";
        }
        out += "error: " + message;
        if (!hint.empty())
            out += "; " + hint;
        return out;
    }

private:
    SourcePos pos_;
    std::string message_;
    std::string hint_;
};

/// Several input errors found in one pass (validate reports them all at once). what() holds one
/// formatted line per error.
class InputErrors : public Error {
public:
    explicit InputErrors(std::vector<InputError> errors)
        : Error(join(errors)), errors_(std::move(errors)) {}
    const std::vector<InputError>& errors() const { return errors_; }

private:
    static std::string join(const std::vector<InputError>& errors) {
        std::string out;
        for (const auto& e : errors) {
            if (!out.empty())
                out += '\n';
            out += e.what();
        }
        return out;
    }
    std::vector<InputError> errors_;
};

/// A place name that the gazetteer cannot resolve.
class GeocodeError : public Error {
public:
    GeocodeError(std::string query, const std::string& message)
        : Error(message), query_(std::move(query)) {}
    const std::string& query() const { return query_; }

private:
    std::string query_;
};

/// A projection string PROJ rejects, or a point that cannot be projected when it must be.
class ProjectionError : public Error {
public:
    using Error::Error;
};

/// A failure to read base-map data or to write an output file.
class IoError : public Error {
public:
    using Error::Error;
};

} // namespace dcmap
