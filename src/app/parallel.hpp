#pragma once
// Internal to app/: per-site work spread over the cores for long site lists.
#include "io/threads.hpp"

#include <cstddef>

namespace dcmap::app::detail {

/// Calls `work(i)` for every i in [0, n), on up to one thread per core (at most 8) when n is at
/// least `min_parallel`, else on this thread. Each call must touch only item i and read shared
/// data that is safe to read from several threads; the result is then the same as a loop's. An
/// exception from `work` stops its part; once every part has ended, the first part's exception
/// is rethrown.
template <class Work>
void for_each_index(std::size_t n, Work&& work, std::size_t min_parallel = 4000) {
    const std::size_t parts = n >= min_parallel ? io::cores() : 1;
    io::run_in_slices(n, parts, [&](std::size_t, std::size_t first, std::size_t end) {
        for (std::size_t i = first; i < end; ++i)
            work(i);
    });
}

} // namespace dcmap::app::detail
