#include "io/threads.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

TEST_CASE("io: run_in_slices covers every index once, in contiguous slices in order", "[io]") {
    for (std::size_t n : {0, 1, 7, 100, 1001}) {
        for (std::size_t parts : {1, 2, 3, 8}) {
            std::vector<std::tuple<std::size_t, std::size_t>> slices(parts);
            std::vector<int> seen(n, 0);
            dcmap::io::run_in_slices(n, parts,
                                     [&](std::size_t k, std::size_t first, std::size_t end) {
                                         slices[k] = {first, end};
                                         for (std::size_t i = first; i < end; ++i)
                                             ++seen[i];
                                     });
            INFO(n << " items in " << parts << " parts");
            std::size_t expected_first = 0;
            for (const auto& [first, end] : slices) {
                CHECK(first == expected_first);
                CHECK(end >= first);
                CHECK(end - first <= n / parts + 1); // even shares
                expected_first = end;
            }
            CHECK(expected_first == n);
            for (int count : seen)
                CHECK(count == 1);
        }
    }
}

TEST_CASE("io: run_tasks rethrows the failure of the lowest task once all have run", "[io]") {
    std::vector<int> ran(6, 0);
    try {
        dcmap::io::run_tasks(6, 3, [&](std::size_t k) {
            ran[k] = 1;
            if (k == 4 || k == 2)
                throw std::runtime_error("task " + std::to_string(k));
        });
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "task 2");
    }
    CHECK(ran == std::vector<int>(6, 1));
}

TEST_CASE("io: run_tasks called from inside its own tasks finishes every task", "[io]") {
    // Three levels deep, more tasks than threads at each: a helper that waited for helpers
    // busy above it would never return.
    std::atomic<int> leaves{0};
    dcmap::io::run_tasks(4, 4, [&](std::size_t) {
        dcmap::io::run_tasks(3, 2, [&](std::size_t) {
            dcmap::io::run_in_slices(50, 2, [&](std::size_t, std::size_t first, std::size_t end) {
                leaves += static_cast<int>(end - first);
            });
        });
    });
    CHECK(leaves == 4 * 3 * 50);
}

TEST_CASE("io: run_tasks keeps its helper threads from one call to the next", "[io]") {
    // What a thread keeps for itself (a font map) is meant to serve later calls: a helper thread
    // that ran tasks of an earlier call runs tasks of a later one. A thread started afresh for
    // each call would start each with its own thread_local count at zero.
    int most_calls_on_a_helper = 0;
    for (int call = 1; call <= 6; ++call) {
        const auto caller = std::this_thread::get_id();
        std::mutex mutex;
        dcmap::io::run_tasks(16, 2, [&](std::size_t) {
            thread_local int calls_served = 0;
            thread_local int last_call = 0;
            // Long enough that the helper joins before the caller has done every task.
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            if (std::this_thread::get_id() == caller || last_call == call)
                return;
            last_call = call;
            ++calls_served;
            std::lock_guard lock(mutex);
            most_calls_on_a_helper = std::max(most_calls_on_a_helper, calls_served);
        });
    }
    CHECK(most_calls_on_a_helper >= 2);
}

TEST_CASE("io: run_tasks from several threads at once runs each call's tasks once", "[io]") {
    std::vector<std::vector<int>> counts(4, std::vector<int>(200, 0));
    std::vector<std::thread> callers;
    for (std::size_t c = 0; c < counts.size(); ++c)
        callers.emplace_back(
            [&, c] { dcmap::io::run_tasks(200, 3, [&](std::size_t k) { ++counts[c][k]; }); });
    for (auto& t : callers)
        t.join();
    for (const auto& call : counts)
        CHECK(call == std::vector<int>(200, 1));
}
