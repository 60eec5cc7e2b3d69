#pragma once
// Writing output files so that a failed or interrupted run never leaves a partial file behind,
// and a run's outputs appear together or not at all.
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::io {

/// The outputs of one run, each first written to a temporary file beside its path. Nothing is
/// replaced until commit(); files staged but not committed are removed when the object goes
/// away, or by the handler of remove_temp_files_on_signals() when the process is interrupted.
class StagedOutputs {
public:
    StagedOutputs() = default;
    StagedOutputs(const StagedOutputs&) = delete;
    StagedOutputs& operator=(const StagedOutputs&) = delete;
    ~StagedOutputs();

    /// Writes `bytes` to a temporary file beside `path` and flushes it to disk. Throws IoError
    /// naming `path` and the reason (the temporary file is removed).
    void stage(const std::string& path, std::string_view bytes);

    /// Renames every staged file over its path, in the order staged. Throws IoError when a
    /// rename fails; the files not yet renamed are removed.
    void commit();

    /// Takes over `other`'s staged files, after this one's: the outputs of several inputs
    /// rendered apart (render -j) are committed together, in input order.
    void append(StagedOutputs&& other);

    /// The paths staged so far, in order.
    std::vector<std::string> paths() const;

private:
    struct Staged {
        std::string path;
        std::string temp;
        int slot; ///< entry in the signal handler's list; -1 when the list was full
    };
    void discard();
    std::vector<Staged> staged_;
};

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over
/// `path`. On failure removes the temporary file, leaves any earlier `path` untouched, and
/// throws IoError naming the path and the reason.
void write_file_atomically(const std::string& path, std::string_view bytes);

/// For main(): on SIGINT, SIGTERM or SIGHUP removes the temporary files of outputs not yet
/// committed, then ends the process as the signal would have. Also ignores SIGXFSZ, so a write
/// past `ulimit -f` fails (and is cleaned up) instead of killing the process.
void remove_temp_files_on_signals();

} // namespace dcmap::io
