#include "io/zeroed_pages.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

using dcmap::io::ZeroedPages;
namespace io = dcmap::io;

TEST_CASE("io: zeroed pages start zeroed, are writable and move with their owner", "[io]") {
    // Larger than a huge page, so the hint to use them applies.
    const std::size_t size = (std::size_t(5) << 20) + 123;
    ZeroedPages pages(size);
    REQUIRE(pages);
    CHECK(pages.size() == size);
    CHECK(std::all_of(pages.data(), pages.data() + size, [](unsigned char b) { return b == 0; }));
    pages.data()[0] = 1;
    pages.data()[size - 1] = 2;

    ZeroedPages moved(std::move(pages));
    CHECK_FALSE(pages);
    CHECK(pages.size() == 0);
    REQUIRE(moved.size() == size);
    CHECK(moved.data()[0] == 1);
    CHECK(moved.data()[size - 1] == 2);

    ZeroedPages other(4096);
    other = std::move(moved); // frees other's own pages
    CHECK(other.size() == size);
    CHECK(other.data()[size - 1] == 2);

    const ZeroedPages none(0);
    CHECK_FALSE(none);
    CHECK(none.data() == nullptr);
}

TEST_CASE("io: huge-page advice keeps a vector's contents, whatever range it is given", "[io]") {
    // Only whole 2 MiB pages inside the range may be advised: the vector's neighbours on the
    // heap, and ranges too small to hold one, must be left as they are.
    std::vector<std::uint32_t> before(1000, 7);
    std::vector<std::uint32_t> list;
    io::reserve_on_huge_pages(list, 3'000'000); // ~11 MiB, from fresh pages
    io::advise_huge_pages(before.data() + 1, 10);
    io::advise_huge_pages(nullptr, 1 << 22);
    for (std::uint32_t i = 0; i < 3'000'000; ++i)
        list.push_back(i * 2654435761u);
    std::uint64_t mismatches = 0;
    for (std::uint32_t i = 0; i < 3'000'000; ++i)
        mismatches += list[i] != i * 2654435761u;
    CHECK(mismatches == 0);
    CHECK(std::count(before.begin(), before.end(), 7u) == 1000);
}
