#pragma once
// How the CLI prints problems: one format for every message on stderr,
// "dcmap: FILE:LINE:COL: error: ..." or "dcmap: error: ...", never a raw control byte.
#include "model/diagnostics.hpp"

#include <exception>
#include <iosfwd>
#include <string>
#include <string_view>

namespace dcmap::cli {

/// `text` safe for a terminal: control characters (C0, DEL, C1) and bytes that are not UTF-8
/// become visible escapes (\x1b, \u009b, \xe9); valid UTF-8 text passes unchanged.
std::string printable(std::string_view text);

/// Prints "dcmap: error: MESSAGE" (the message made printable).
void print_error_message(const std::string& message, std::ostream& err);

/// Prints each warning as "dcmap: file:line:col: warning: message" (position left out when
/// unknown), and each note as "dcmap: note: message".
void print_warnings(const Diagnostics& diagnostics, std::ostream& err);

/// Prints a caught exception: InputError(s) one line each at their position; anything else as
/// "dcmap: error: what".
void print_error(const std::exception& e, std::ostream& err);

/// A run that failed: the warnings gathered before the failure, then the error.
void print_failure(const std::exception& e, const Diagnostics& diagnostics, std::ostream& err);

/// Prints the warnings; with `strict` and any warning, also "dcmap: PATH: error: N warning(s)
/// with --strict" and returns true (the run fails).
bool warnings_fail(const std::string& path, const Diagnostics& diagnostics, bool strict,
                   std::ostream& err);

} // namespace dcmap::cli
