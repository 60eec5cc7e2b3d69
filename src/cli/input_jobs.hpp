#pragma once
// Internal to cli/: the inputs of one command (a folder of site files) handled several at once.
#include "io/threads.hpp"

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace dcmap::cli {

/// Runs `one(i, out, err)` for every input i in [0, n), up to `jobs` at once (one thread each).
/// With one job it writes straight to `out` and `err`; with more, each input's messages are
/// kept and written in input order once all are done, so what is printed is the same. `one`
/// reports its own failures; an exception escaping it is printed as a failure of input i, so
/// `one` should count an input as failed until it has succeeded.
template <class One>
void for_each_input(std::size_t n, unsigned jobs, std::ostream& out, std::ostream& err, One&& one,
                    const std::vector<std::string>& names) {
    const auto guarded = [&](std::size_t i, std::ostream& input_out, std::ostream& input_err) {
        try {
            one(i, input_out, input_err);
        } catch (...) {
            input_err << "dcmap: error: " << names[i] << ": unexpected failure\n";
        }
    };
    const std::size_t workers = std::min<std::size_t>(jobs, n);
    if (workers <= 1) {
        for (std::size_t i = 0; i < n; ++i)
            guarded(i, out, err);
        return;
    }
    std::vector<std::string> outs(n), errs(n);
    io::run_tasks(n, workers, [&](std::size_t i) {
        std::ostringstream input_out, input_err;
        guarded(i, input_out, input_err);
        outs[i] = input_out.str();
        errs[i] = input_err.str();
    });
    for (std::size_t i = 0; i < n; ++i) {
        err << errs[i];
        out << outs[i];
    }
}

} // namespace dcmap::cli
