#pragma once
// How the CLI prints problems: compiler-style lines on stderr.
#include "model/diagnostics.hpp"

#include <exception>
#include <iosfwd>
#include <string>

namespace dcmap::cli {

/// Prints each warning as "file:line:col: warning: message" (position left out when unknown).
void print_warnings(const Diagnostics& diagnostics, std::ostream& err);

/// Prints a caught exception: InputError(s) already carry their position; anything else gets
/// a "dcmap: error: " prefix.
void print_error(const std::exception& e, std::ostream& err);

/// A run that failed: the warnings gathered before the failure, then the error.
void print_failure(const std::exception& e, const Diagnostics& diagnostics, std::ostream& err);

/// Prints the warnings; with `strict` and any warning, also "PATH: error: N warning(s) with
/// --strict" and returns true (the run fails).
bool warnings_fail(const std::string& path, const Diagnostics& diagnostics, bool strict,
                   std::ostream& err);

} // namespace dcmap::cli
