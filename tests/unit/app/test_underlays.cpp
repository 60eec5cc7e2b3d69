// The board that paints a PNG's underlay while the layout works (app/underlays.hpp): whatever
// order the two threads arrive in, it must end, and hand over the final page's underlay with
// the pixels of one painted after the layout.
#include "app/underlays.hpp"
#include "unit/render/scene.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

using namespace dcmap;

namespace {

struct Fixture {
    Style style;
    ProjectedBasemap basemap = test::test_basemap();
    MeasureText measure = render::pango_measurer();

    /// A page of the hand-made scene, its frame moved down by `shift` rows.
    MapLayout page(double shift) const {
        MapLayout layout = test::test_layout(style, measure);
        layout.map_frame = Box{12.5, 40.25 + shift, 390, 250.75};
        layout.transform.oy += shift;
        return layout;
    }

    /// The underlay painted after the layout, part by part on this thread.
    bool matches(const render::Underlay* got, const MapLayout& page) const {
        if (!got || !render::underlay_fits(*got, page))
            return false;
        render::Underlay want = render::plan_underlay(page, basemap);
        for (std::size_t k = 0; k < want.part_starts.size(); ++k)
            render::paint_underlay_part(want, k, basemap, style);
        return got->first_row == want.first_row && got->end_row == want.end_row &&
               got->pixels.size() == want.pixels.size() &&
               std::equal(want.pixels.data(), want.pixels.data() + want.pixels.size(),
                          got->pixels.data());
    }
};

} // namespace

TEST_CASE("app: the underlay board paints the pages offered while the layout runs", "[app]") {
    const Fixture f;
    for (int final_page : {0, 1, 2}) {
        INFO("final page " << final_page);
        app::UnderlayBoard board(f.basemap, f.style);
        board.layout_begins();
        std::thread base_map([&] { board.base_map_built(); });
        board.offer(f.page(0));
        board.offer(f.page(7));
        board.offer(f.page(0)); // a band search back at its first page
        // Page 2 was never offered: it is painted once both threads are done.
        const MapLayout last = f.page(final_page == 0 ? 0 : final_page == 1 ? 7 : 11);
        board.layout_ends(&last);
        base_map.join();
        CHECK(f.matches(board.final_underlay(), last));
    }
}

TEST_CASE("app: the underlay board ends whatever order its threads come in", "[app]") {
    const Fixture f;
    const MapLayout page = f.page(3);
    SECTION("the base map's task runs first on the only thread") {
        app::UnderlayBoard board(f.basemap, f.style);
        board.base_map_built(); // must not wait for a layout that runs after it
        board.layout_begins();
        board.offer(page);
        board.layout_ends(&page);
        CHECK(f.matches(board.final_underlay(), page));
    }
    SECTION("the layout ends before the base map is built") {
        app::UnderlayBoard board(f.basemap, f.style);
        board.layout_begins();
        board.offer(page);
        board.layout_ends(&page);
        board.base_map_built();
        CHECK(f.matches(board.final_underlay(), page));
    }
    SECTION("the layout fails while the base map's thread waits for pages") {
        app::UnderlayBoard board(f.basemap, f.style);
        board.layout_begins();
        std::thread base_map([&] { board.base_map_built(); });
        board.layout_ends(nullptr);
        base_map.join();
        CHECK(board.final_underlay() == nullptr);
    }
    SECTION("the base map fails: nothing is painted and nothing waits") {
        app::UnderlayBoard board(f.basemap, f.style);
        board.layout_begins();
        board.offer(page);
        board.layout_ends(&page);
        CHECK(board.final_underlay() == nullptr);
    }
    SECTION("small multiples take no underlay") {
        app::UnderlayBoard board(f.basemap, f.style);
        MapLayout panels = page;
        panels.panels.push_back({});
        board.layout_begins();
        board.offer(panels);
        board.layout_ends(&panels);
        board.base_map_built();
        CHECK(board.final_underlay() == nullptr);
    }
}
