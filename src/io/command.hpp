#pragma once
// Running a helper program (git) and reading what it prints.
#include <string>

namespace dcmap::io {

/// What a finished command printed and how it ended.
struct CommandResult {
    int exit_code = -1; ///< its exit status; -1 when it did not exit normally (a signal)
    std::string output; ///< standard output and standard error, interleaved
};

/// Runs `command` through /bin/sh and waits for it. Throws IoError when the shell cannot be
/// started. The caller quotes arguments (see shell_quote).
CommandResult run_command(const std::string& command);

/// `text` as one shell word: in single quotes, with embedded single quotes escaped.
std::string shell_quote(const std::string& text);

} // namespace dcmap::io
