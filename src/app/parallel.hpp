#pragma once
// Internal to app/: per-site work spread over the cores for long site lists.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace dcmap::app::detail {

/// Calls `work(i)` for every i in [0, n), on up to one thread per core (at most 8) when n is at
/// least `min_parallel`, else on this thread. Each call must touch only item i and read shared
/// data that is safe to read from several threads; the result is then the same as a loop's. An
/// exception from `work` stops its part; once every part has ended, the first part's exception
/// is rethrown.
template <class Work>
void for_each_index(std::size_t n, Work&& work, std::size_t min_parallel = 4000) {
    const std::size_t cores = std::min<std::size_t>(8, std::thread::hardware_concurrency());
    const std::size_t parts = n >= min_parallel ? std::max<std::size_t>(1, cores) : 1;
    std::vector<std::exception_ptr> failures(parts);
    const auto run = [&](std::size_t part) {
        try {
            for (std::size_t i = n * part / parts; i < n * (part + 1) / parts; ++i)
                work(i);
        } catch (...) {
            failures[part] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    try {
        for (std::size_t part = 1; part < parts; ++part)
            threads.emplace_back(run, part);
    } catch (...) { // fewer threads: the rest runs here
    }
    run(0);
    for (std::size_t part = 1 + threads.size(); part < parts; ++part)
        run(part);
    for (auto& thread : threads)
        thread.join();
    for (const auto& failure : failures)
        if (failure)
            std::rethrow_exception(failure);
}

} // namespace dcmap::app::detail
