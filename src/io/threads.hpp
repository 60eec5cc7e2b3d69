#pragma once
// Tasks spread over threads: the one way dcmap runs work at once (a long site list read in
// parts, per-site lookups, `render -j`), so starting, sharing out and joining live in one place.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace dcmap::io {

/// The cores to use for one piece of work: those the system reports, 1 to `most`.
inline std::size_t cores(std::size_t most = 8) {
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, most);
}

/// Calls `task(k)` once for every k in [0, count), on up to `threads` threads (this one among
/// them), each taking the next k when it is free; returns when all are done. Tasks must touch
/// only what is theirs (results indexed by k), so the outcome does not depend on the threads.
/// When the system gives fewer threads, those there share the tasks. An exception ends its own
/// task only; the one of the lowest k is rethrown once every task has ended.
template <class Task> void run_tasks(std::size_t count, std::size_t threads, Task&& task) {
    std::vector<std::exception_ptr> failures(count);
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t k = next++; k < count; k = next++) {
            try {
                task(k);
            } catch (...) {
                failures[k] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> started;
    try {
        for (std::size_t t = 1; t < std::min(threads, count); ++t)
            started.emplace_back(work);
    } catch (...) { // fewer threads: the ones started and this one share the tasks
    }
    work();
    for (auto& thread : started)
        thread.join();
    for (const auto& failure : failures)
        if (failure)
            std::rethrow_exception(failure);
}

/// Calls `slice(k, first, end)` for `parts` contiguous slices [first, end) of [0, n), slice k
/// before slice k + 1 in order, at once through run_tasks on up to one thread per part. The
/// slices depend only on n and parts, never on the threads there are.
template <class Slice> void run_in_slices(std::size_t n, std::size_t parts, Slice&& slice) {
    run_tasks(parts, cores(parts),
              [&](std::size_t k) { slice(k, n * k / parts, n * (k + 1) / parts); });
}

} // namespace dcmap::io
