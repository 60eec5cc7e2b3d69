#include "layout/insets.hpp"
#include "layout_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace dcmap;
using namespace dcmap::layout;
using namespace dcmap::layout::testing;

namespace {

/// Twenty sites packed around (8, 50) and five spread over the other continents.
std::vector<ProjectedSite> crowded_europe() {
    std::vector<ProjectedSite> sites;
    for (int i = 0; i < 20; ++i)
        sites.push_back(make_site("eu" + std::to_string(i), 2 + (i % 5) * 2.5, 45 + (i / 5) * 2.5,
                                  i % 2 ? "AWS" : "Azure"));
    sites.push_back(make_site("virginia", -77, 39, "AWS"));
    sites.push_back(make_site("sao-paulo", -46, -23, "AWS"));
    sites.push_back(make_site("tokyo", 139, 35, "Azure"));
    sites.push_back(make_site("sydney", 151, -33, "Azure"));
    sites.push_back(make_site("cape-town", 18, -34, "AWS"));
    return sites;
}

InsetRequest europe_inset() { return {"europe", "Europe", {-5, 40, 20, 58}}; }

bool in_view(const Box& view, const ProjectedSite& s) {
    return s.projected.x >= view.min_x && s.projected.x <= view.max_x &&
           s.projected.y >= view.min_y && s.projected.y <= view.max_y;
}

LabelOutcome outcome_of(const MapLayout& l, const std::string& id) {
    for (const auto& [site, outcome] : l.outcomes)
        if (site == id)
            return outcome;
    FAIL("no outcome for " << id);
    return LabelOutcome::unlabelled;
}

} // namespace

TEST_CASE("insets: the land mask gives the share of land under a box", "[layout]") {
    // Projected square 0..50 x 0..50 lands on pixels x 0..50, y 50..100 of a 100 px frame.
    Polygon square{{{{0, 0}, {50, 0}, {50, 50}, {0, 50}}}};
    const ViewTransform to_px{0, 100, 1, 0, 0};
    const detail::LandMask mask({square}, to_px, {0, 0, 100, 100}, 2);
    CHECK(mask.share({0, 50, 50, 100}) == Approx(1));
    CHECK(mask.share({50, 0, 100, 50}) == Approx(0));
    CHECK(mask.share({0, 0, 100, 100}) == Approx(0.25));
    CHECK(mask.share({0, 50, 100, 100}) == Approx(0.5));
    CHECK(mask.share({500, 500, 600, 600}) == 0);
    // A hole (even-odd) is sea again.
    Polygon holed{{{{0, 0}, {50, 0}, {50, 50}, {0, 50}}, {{10, 10}, {40, 10}, {40, 40}, {10, 40}}}};
    const detail::LandMask with_hole({holed}, to_px, {0, 0, 100, 100}, 2);
    CHECK(with_hole.share({12, 62, 38, 88}) == Approx(0));
    CHECK(detail::LandMask().share({0, 0, 10, 10}) == 0);
}

TEST_CASE("insets: a spot is chosen clear of obstacles, on the sea rather than land", "[layout]") {
    Polygon left_half{{{{0, 0}, {50, 0}, {50, 100}, {0, 100}}}};
    const ViewTransform to_px{0, 100, 1, 0, 0};
    const Box frame{0, 0, 100, 100};
    const detail::LandMask land({left_half}, to_px, frame, 1);
    const auto spots = detail::candidate_spots(frame, 2, 20, 20);
    REQUIRE(spots.size() > 8);
    for (Point p : spots)
        CHECK(frame.contains(Box::from_xywh(p.x, p.y, 20, 20)));
    const auto spot = detail::choose_spot(spots, 20, 20, {}, land, {50, 50}, 141);
    REQUIRE(spot);
    CHECK(land.share(*spot) == 0);
    // With the whole sea side blocked it takes land; with everything blocked, nothing.
    const auto on_land =
        detail::choose_spot(spots, 20, 20, {{45, 0, 100, 100}}, land, {50, 50}, 141);
    REQUIRE(on_land);
    CHECK(on_land->max_x <= 45);
    CHECK_FALSE(detail::choose_spot(spots, 20, 20, {frame}, land, {50, 50}, 141));
}

TEST_CASE("insets: an inset hides no marker, legend or area and labels its sites inside",
          "[layout]") {
    auto request = world_request(crowded_europe());
    request.insets = {europe_inset()};
    Diagnostics diagnostics;
    const MapLayout l = make_layout(request, Style{}, fixed_measure, diagnostics);
    REQUIRE(l.insets.size() == 1);
    const InsetLayout& inset = l.insets[0];
    CHECK(inset.name == "europe");
    CHECK(inset.caption.text == "Europe");
    CHECK(l.map_frame.contains(inset.box));
    CHECK(inset.magnification >= 1.5);
    CHECK(inset.magnification == Approx(inset.box.width() / inset.area.width()));
    CHECK_FALSE(inset.box.intersects(inset.area));
    CHECK_FALSE(inset.box.intersects(l.legend.box));
    for (const auto& m : l.markers) {
        INFO(m.id);
        CHECK_FALSE(inset.box.intersects(marker_box(m)));
    }
    // Every European site is in the inset, labelled there, and recorded as grouped.
    std::size_t members = 0;
    for (const auto& s : request.sites) {
        const std::string& id = s.site.site.key();
        INFO(id);
        if (!in_view(europe_inset().view, s)) {
            CHECK(outcome_of(l, id) != LabelOutcome::grouped);
            continue;
        }
        ++members;
        CHECK(outcome_of(l, id) == LabelOutcome::inset);
        for (const auto& label : l.labels)
            CHECK(label.id != id);
    }
    CHECK(inset.markers.size() == members);
    CHECK(inset.labels.size() == members);
    for (const auto& label : inset.labels) {
        INFO(label.id);
        CHECK(inset.box.contains(label.box));
        CHECK_FALSE(label.box.intersects(inset.caption.box));
        for (const auto& m : inset.markers)
            CHECK_FALSE(label.box.intersects(marker_box(m)));
        for (const auto& other : inset.labels)
            if (&other != &label)
                CHECK_FALSE(label.box.intersects(other.box));
    }
    for (const auto& m : inset.markers)
        CHECK(inset.box.contains(marker_box(m)));
    // The main map's labels keep out of the inset.
    for (const auto& label : l.labels)
        CHECK_FALSE(label.box.intersects(inset.box));
    require_clean_labels(l);
    CHECK(diagnostics.warnings.empty());
}

TEST_CASE("insets: the same request gives the same insets", "[layout]") {
    auto request = world_request(crowded_europe());
    request.insets = {europe_inset()};
    const MapLayout a = run_layout(request), b = run_layout(request);
    REQUIRE(a.insets.size() == 1);
    REQUIRE(b.insets.size() == 1);
    CHECK(dump(a) == dump(b));
    CHECK(a.insets[0].box.min_x == b.insets[0].box.min_x);
    CHECK(a.insets[0].box.min_y == b.insets[0].box.min_y);
    REQUIRE(a.insets[0].labels.size() == b.insets[0].labels.size());
    for (std::size_t i = 0; i < a.insets[0].labels.size(); ++i) {
        CHECK(a.insets[0].labels[i].id == b.insets[0].labels[i].id);
        CHECK(a.insets[0].labels[i].box.min_x == b.insets[0].labels[i].box.min_x);
    }
}

TEST_CASE("insets: an inset that would not magnify is left out with a warning", "[layout]") {
    auto request = world_request(crowded_europe());
    request.view = {-5, 40, 20, 58}; // the map already shows only Europe
    request.insets = {europe_inset()};
    Diagnostics diagnostics;
    const MapLayout l = make_layout(request, Style{}, fixed_measure, diagnostics);
    CHECK(l.insets.empty());
    REQUIRE_FALSE(diagnostics.warnings.empty());
    CHECK(diagnostics.warnings[0].message.find("inset europe would not magnify") == 0);
}

TEST_CASE("insets: an inset of an area off the map is left out with a warning", "[layout]") {
    auto request = world_request(crowded_europe());
    request.view = {-100, -40, -30, 40}; // the Americas
    request.insets = {europe_inset()};
    Diagnostics diagnostics;
    const MapLayout l = make_layout(request, Style{}, fixed_measure, diagnostics);
    CHECK(l.insets.empty());
    bool warned = false;
    for (const auto& w : diagnostics.warnings)
        warned = warned || w.message.find("inset europe lies outside the map's extent") == 0;
    CHECK(warned);
}

TEST_CASE("insets: auto adds one around the crowded cluster and notes which", "[layout]") {
    auto request = world_request(crowded_europe());
    request.auto_inset = true;
    Diagnostics diagnostics;
    const MapLayout l = make_layout(request, Style{}, fixed_measure, diagnostics);
    REQUIRE(l.insets.size() == 1);
    CHECK(l.insets[0].name == "auto");
    CHECK(l.insets[0].markers.size() == 20);
    for (const auto& m : l.insets[0].markers)
        CHECK(m.id.rfind("eu", 0) == 0);
    REQUIRE(diagnostics.notes.size() == 1);
    const std::string& note = diagnostics.notes[0].message;
    CHECK(note.find("--inset auto: added an inset of 20 crowded sites around") == 0);
    CHECK(note.find("--inset 1,44,13,54") != std::string::npos);
}

TEST_CASE("insets: auto on a map with room adds nothing and says so", "[layout]") {
    auto request = world_request({make_site("a", -77, 39), make_site("b", 8, 50),
                                  make_site("c", 139, 35), make_site("d", 151, -33)});
    request.auto_inset = true;
    Diagnostics diagnostics;
    const MapLayout l = make_layout(request, Style{}, fixed_measure, diagnostics);
    CHECK(l.insets.empty());
    REQUIRE(std::count_if(diagnostics.notes.begin(), diagnostics.notes.end(), [](const auto& n) {
                return n.message.find("no small area is crowded enough") != std::string::npos;
            }) >= 1);
}

TEST_CASE("insets: auto adds nothing when the crowd covers most of the map", "[layout]") {
    std::vector<ProjectedSite> sites;
    for (int i = 0; i < 40; ++i)
        for (int j = 0; j < 12; ++j)
            sites.push_back(make_site("s" + std::to_string(i) + "-" + std::to_string(j),
                                      -170 + i * 8.5, -55 + j * 10));
    auto request = world_request(sites);
    request.auto_inset = true;
    Diagnostics diagnostics;
    const MapLayout l = make_layout(request, Style{}, fixed_measure, diagnostics);
    CHECK(l.insets.empty());
    REQUIRE(std::count_if(diagnostics.notes.begin(), diagnostics.notes.end(), [](const auto& n) {
                return n.message.find("no small area is crowded enough") != std::string::npos;
            }) >= 1);
}

TEST_CASE("insets: with land given, the inset sits on the sea", "[layout]") {
    auto request = world_request(crowded_europe());
    request.insets = {europe_inset()};
    // Land everywhere west of 60 E except a sea box in the south Atlantic.
    const std::vector<Polygon> land{{{{{-180, -90}, {60, -90}, {60, 90}, {-180, 90}},
                                      {{-40, -60}, {10, -60}, {10, -5}, {-40, -5}}}}};
    request.land = &land;
    const MapLayout l = run_layout(request);
    REQUIRE(l.insets.size() == 1);
    const detail::LandMask mask(land, l.transform, l.map_frame, 4);
    CHECK(mask.share(l.insets[0].box) < 0.5);
}

TEST_CASE("layout: retired sites do not tint their country", "[layout]") {
    auto sites = std::vector{make_site("a", 0, 0), make_site("b", 10, 0, "X", Status::retired),
                             make_site("c", 20, 0, "X", Status::announced)};
    sites[0].site.country = "SG";
    sites[1].site.country = "CN";
    sites[2].site.country = "FR";
    CHECK(run_layout(world_request(sites)).host_countries == std::vector<std::string>{"FR", "SG"});
}
