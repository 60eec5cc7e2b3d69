#include "io/zeroed_pages.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>

using dcmap::io::ZeroedPages;

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
