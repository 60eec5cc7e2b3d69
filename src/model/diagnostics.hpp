#pragma once
// Warnings (ambiguous place, label that did not fit) are collected here; only the CLI prints them.
#include "model/source_pos.hpp"

#include <string>
#include <vector>

namespace dcmap {

struct Diagnostic {
    SourcePos pos;       ///< may be empty when the warning is not tied to a file position
    std::string message; ///< without the "warning: " prefix
};

/// A sink that library code appends warnings to. Never writes anywhere itself.
struct Diagnostics {
    std::vector<Diagnostic> warnings;
    void warn(SourcePos pos, std::string message) { warnings.push_back({pos, std::move(message)}); }
    void warn(std::string message) { warnings.push_back({{}, std::move(message)}); }
    /// Information the user asked for (e.g. which inset `--inset auto` added); not a warning,
    /// so --strict ignores it.
    std::vector<Diagnostic> notes;
    void note(std::string message) { notes.push_back({{}, std::move(message)}); }
};

} // namespace dcmap
