#pragma once
// The whole command line as a function, so tests run commands in-process.
#include <iosfwd>
#include <string>
#include <vector>

namespace dcmap::cli {

/// Exit codes, documented in docs/dcmap.md.
enum ExitCode : int { exit_ok = 0, exit_failure = 1, exit_usage = 2 };

/// Runs `dcmap ARGS...` (args exclude the program name). Normal output goes to out, errors and
/// warnings to err. Returns the process exit code. Never throws.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace dcmap::cli
