#include "io/threads.hpp"

#include <catch2/catch.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
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
