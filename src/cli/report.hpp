#pragma once
// How the CLI prints problems: compiler-style lines on stderr.
#include "model/diagnostics.hpp"

#include <exception>
#include <iosfwd>

namespace dcmap::cli {

/// Prints each warning as "file:line:col: warning: message" (position left out when unknown).
void print_warnings(const Diagnostics& diagnostics, std::ostream& err);

/// Prints a caught exception: InputError(s) already carry their position; anything else gets
/// a "dcmap: error: " prefix.
void print_error(const std::exception& e, std::ostream& err);

} // namespace dcmap::cli
