#include "layout/label_order.hpp"
#include "layout/markers.hpp"
#include "layout/union_find.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace dcmap;
using namespace dcmap::layout::detail;

namespace {

Site named(const std::string& id) {
    Site s;
    s.id = id;
    s.name = id;
    return s;
}

MarkerLayout marker(std::string id, double r) {
    MarkerLayout m;
    m.id = std::move(id);
    m.r = r;
    return m;
}

} // namespace

TEST_CASE("layout: label order ranks priority, status, zones, capacity, then key", "[layout]") {
    Site plain = named("a-plain");
    Site capacity = named("b-capacity");
    capacity.capacity_mw = 50;
    Site zones = named("c-zones");
    zones.zones = 3;
    Site announced = named("d-announced");
    announced.status = Status::announced;
    announced.zones = 6;
    Site urgent = named("e-urgent");
    urgent.priority = 1;
    urgent.status = Status::retired;
    Site also_plain = named("0-plain");

    const std::vector<const Site*> sites = {&plain,     &capacity, &zones,
                                            &announced, &urgent,   &also_plain};
    CHECK(label_order(sites) == std::vector<int>{4, 2, 1, 5, 0, 3});
    CHECK(labels_first(urgent, plain));
    CHECK_FALSE(labels_first(plain, plain));
}

TEST_CASE("layout: label order keeps the given order of sites that rank equal", "[layout]") {
    // Same key, so labels_first ranks them equal both ways.
    Site first = named("same");
    first.label = "first";
    Site second = named("same");
    second.label = "second";
    CHECK(label_order({&second, &first}) == std::vector<int>{0, 1});
    CHECK(label_order({}).empty());
}

TEST_CASE("layout: markers draw largest first, then by id", "[layout]") {
    std::vector<MarkerLayout> markers = {marker("b", 4), marker("c", 8), marker("a", 4)};
    sort_for_drawing(markers);
    CHECK(markers[0].id == "c");
    CHECK(markers[1].id == "a");
    CHECK(markers[2].id == "b");
}

TEST_CASE("layout: union-find roots each joined set at its smallest index", "[layout]") {
    UnionFind sets(6);
    sets.join(4, 5);
    sets.join(5, 2);
    sets.join(3, 3);
    CHECK(sets.root(4) == 2);
    CHECK(sets.root(5) == 2);
    CHECK(sets.root(2) == 2);
    CHECK(sets.root(3) == 3);
    CHECK(sets.root(0) == 0);
    sets.join(1, 0);
    sets.join(0, 4);
    for (int i : {0, 1, 2, 4, 5})
        CHECK(sets.root(i) == 0);
    CHECK(sets.root(3) == 3);
}
