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

namespace detail {

/// Work shared with the process's helper threads: each helper that joins calls `work` once.
struct SharedWork {
    void (*work)(void*) = nullptr;
    void* state = nullptr;
    std::size_t helpers_wanted = 0;
    std::size_t helpers_joined = 0;  ///< guarded by the helpers' lock
    std::size_t helpers_running = 0; ///< guarded by the helpers' lock
};

/// Offers `shared` to up to shared.helpers_wanted helper threads, started on first use and kept
/// for the life of the process, so what a thread keeps for itself (a font map: fontconfig's
/// font sorting cost ~5 ms of CPU a new thread) serves every later task. Returns at once.
void offer(SharedWork& shared);

/// Takes `shared` back from the helpers that have not joined yet and waits for those that did.
void withdraw(SharedWork& shared);

} // namespace detail

/// Calls `task(k)` once for every k in [0, count), on up to `threads` threads (this one among
/// them), each taking the next k when it is free; returns when all are done. Tasks must touch
/// only what is theirs (results indexed by k), so the outcome does not depend on the threads.
/// The other threads come from a set kept for the process; when fewer are free or can be
/// started, those there share the tasks, and a call from inside a task is safe. An exception
/// ends its own task only; the one of the lowest k is rethrown once every task has ended.
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
    const std::size_t helpers = std::min(threads, count) > 1 ? std::min(threads, count) - 1 : 0;
    if (helpers > 0) {
        using Work = decltype(work);
        detail::SharedWork shared;
        shared.work = [](void* state) { (*static_cast<const Work*>(state))(); };
        shared.state = const_cast<void*>(static_cast<const void*>(&work));
        shared.helpers_wanted = helpers;
        detail::offer(shared);
        work();
        detail::withdraw(shared);
    } else {
        work();
    }
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
