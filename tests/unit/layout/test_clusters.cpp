#include "layout/clusters.hpp"
#include "layout/label_placer.hpp"
#include "layout_test_support.hpp"

#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace dcmap;
using namespace dcmap::layout;
using namespace dcmap::layout::testing;

namespace {

std::vector<ProjectedSite> frankfurt_three() {
    std::vector<ProjectedSite> sites = {make_site("aws:eu-central-1", 8.7, 50.1, "AWS"),
                                        make_site("azure:gwc", 8.7, 50.1, "Microsoft Azure"),
                                        make_site("gcp:europe-west3", 8.7, 50.1, "Google Cloud")};
    for (auto& s : sites)
        s.site.site.name = "Frankfurt";
    return sites;
}

} // namespace

TEST_CASE("layout: coincident markers merge into one counted aggregate at their place",
          "[layout]") {
    // Twelve markers on one point do not fit around it within one diameter: they merge.
    std::vector<ProjectedSite> sites;
    const char* providers[] = {"AWS", "Microsoft Azure", "Google Cloud"};
    for (int i = 0; i < 12; ++i)
        sites.push_back(make_site("fra" + std::to_string(10 + i), 8.7, 50.1, providers[i % 3]));
    sites.push_back(make_site("elsewhere", -70, -30, "AWS"));
    const auto l = run_layout(world_request(sites));
    REQUIRE_FALSE(l.aggregates.empty());
    std::size_t merged = 0;
    const Point truth = l.transform.to_pixels({8.7, 50.1});
    for (const AggregateLayout& a : l.aggregates) {
        merged += a.members.size();
        CHECK(a.true_x == Approx(truth.x));
        CHECK(a.true_y == Approx(truth.y));
        CHECK(std::hypot(a.x - truth.x, a.y - truth.y) <= 2 * a.r + 1e-9);
        CHECK(a.spread == Approx(0).margin(1e-9));
        int counted = 0;
        for (const auto& [colour, n] : a.segments)
            counted += n;
        CHECK(counted == static_cast<int>(a.members.size()));
    }
    CHECK(merged + l.markers.size() == 13);
    for (const auto& m : l.markers)
        CHECK(std::hypot(m.x - m.true_x, m.y - m.true_y) <= 2 * m.r + 1e-9);
}

TEST_CASE("layout: two markers on one point are nudged apart within the bound, not merged",
          "[layout]") {
    const auto l = run_layout(
        world_request({make_site("a", 10, 10, "AWS"), make_site("b", 10, 10, "Google Cloud")}));
    REQUIRE(l.aggregates.empty());
    REQUIRE(l.markers.size() == 2);
    const auto& a = l.markers[0];
    const auto& b = l.markers[1];
    CHECK(std::hypot(a.x - b.x, a.y - b.y) >= a.r + b.r);
    for (const auto& m : l.markers)
        CHECK(std::hypot(m.x - m.true_x, m.y - m.true_y) <= 2 * m.r);
}

TEST_CASE("layout: sites sharing a town get one grouped label naming the providers", "[layout]") {
    const auto sites = frankfurt_three();
    const auto l = run_layout(world_request(sites));
    require_clean_labels(l);
    REQUIRE(l.labels.size() == 1);
    CHECK(l.labels[0].text == "Frankfurt \u00b7 AWS, Azure, GCP");
    CHECK(l.labels[0].members ==
          std::vector<std::string>{"aws:eu-central-1", "azure:gwc", "gcp:europe-west3"});
    REQUIRE(l.outcomes.size() == 3);
    for (const auto& [id, outcome] : l.outcomes) {
        INFO(id);
        CHECK(outcome == LabelOutcome::grouped);
    }
    CHECK(l.dropped.empty());
}

TEST_CASE("layout: coincident sites with different names keep their own labels", "[layout]") {
    auto a = make_site("cn-hongkong", 114.17, 22.28);
    auto b = make_site("cn-shenzhen", 114.06, 22.54);
    a.site.site.name = "Hong Kong";
    b.site.site.name = "Shenzhen";
    const auto l = run_layout(world_request({a, b}));
    require_clean_labels(l);
    REQUIRE(l.labels.size() == 2);
    for (const auto& lb : l.labels)
        CHECK(lb.members.empty());
    for (const auto& [id, outcome] : l.outcomes)
        CHECK(outcome == LabelOutcome::labelled);
}

TEST_CASE("layout: group text names each provider once, with a count when repeated", "[layout]") {
    using detail::group_text;
    CHECK(group_text("Canberra", {"Microsoft Azure", "Microsoft Azure"}, true) ==
          "Canberra \u00b7 Azure \u00d72");
    CHECK(group_text("Tokyo", {"Google Cloud", "AWS", "Acme DC"}, true) ==
          "Tokyo \u00b7 AWS, Acme DC, GCP");
    CHECK(group_text("Hangzhou", {"Alibaba Cloud", "Alibaba Cloud"}, false) == "Hangzhou \u00d72");
    CHECK(detail::short_provider("Oracle Cloud Infrastructure") == "OCI");
    CHECK(detail::short_provider("Equinix") == "Equinix");
}

TEST_CASE("layout: the repair pass moves a placed label to make room for a left-out one",
          "[layout]") {
    // A strip 28 px high: labels fit only left or right of a marker. "first" takes its right
    // spot, the only spot "second" has (its right side is off the frame); the repair pass moves
    // "first" to its left.
    using namespace detail;
    const std::vector<MarkerDisc> markers = {{{50, 50}, 5}, {{106, 50}, 5}};
    PlacerSettings settings;
    settings.canvas = {0, 0, 200, 100};
    settings.frame = {0, 36, 110, 64};
    settings.avoid_ambiguity = false;
    const std::vector<LabelRequest> requests = {{"first", "first", {40, 14}, 0},
                                                {"second", "second", {40, 14}, 1}};
    settings.repair = false;
    const auto greedy = place_labels(requests, markers, settings);
    REQUIRE(greedy[0].has_value());
    CHECK(greedy[0]->box.min_x == Approx(58));
    CHECK_FALSE(greedy[1].has_value());

    settings.repair = true;
    const auto repaired = place_labels(requests, markers, settings);
    REQUIRE(repaired[0].has_value());
    REQUIRE(repaired[1].has_value());
    CHECK(repaired[0]->box.max_x == Approx(42));
    CHECK(repaired[1]->box.min_x == Approx(58));
    CHECK_FALSE(repaired[1]->has_leader);
}

namespace {

/// Placer settings for a 300 x 100 px canvas that is all frame: room on every side of a marker
/// at (100, 50).
dcmap::layout::detail::PlacerSettings open_strip() {
    dcmap::layout::detail::PlacerSettings settings;
    settings.canvas = {0, 0, 300, 100};
    settings.frame = {0, 0, 300, 100};
    return settings;
}

} // namespace

TEST_CASE("layout: a label does not end beside another marker on its line", "[layout]") {
    // "b" is level with the end of "a"'s right-hand spot, 7 px past it: further than a gap
    // beyond a's own 3 px, but on the label's line, where "a ● b" reads as b's name.
    using namespace detail;
    for (const double past : {4.0, 7.0, 10.0}) {
        CAPTURE(past);
        const std::vector<MarkerDisc> markers = {{{100, 50}, 5}, {{148 + past + 5, 50}, 5}};
        const std::vector<LabelRequest> requests = {{"a", "a", {40, 14}, 0}};
        const auto placed = place_labels(requests, markers, open_strip());
        REQUIRE(placed[0].has_value());
        CHECK_FALSE(placed[0]->has_leader);
        const Box& b = placed[0]->box;
        const MarkerDisc& other = markers[1];
        const bool level = other.centre.y >= b.min_y && other.centre.y <= b.max_y;
        if (level)
            CHECK(other.centre.x - other.r - b.max_x >= 2 * (3 + 3));
    }
}

TEST_CASE("layout: a label avoids a free spot that sits closer to another marker", "[layout]") {
    // "b" is just right of "a"'s right-hand spot: a label there would read as b's.
    using namespace detail;
    const std::vector<MarkerDisc> markers = {{{100, 50}, 5}, {{155, 50}, 5}};
    PlacerSettings settings = open_strip();
    const std::vector<LabelRequest> requests = {{"a", "a", {40, 14}, 0}};
    const auto clear = place_labels(requests, markers, settings);
    REQUIRE(clear[0].has_value());
    CHECK_FALSE(clear[0]->has_leader);
    // Not the right-hand spot, nor upper or lower right: there the corner is 3 px from a's edge
    // and 5.9 px from b's, near enough to read as either's. The left-hand spot reads as a's.
    CHECK(clear[0]->box.max_x == Approx(100 - 5 - 3));
    CHECK(clear[0]->box.max_y == Approx(57));
    const auto edge_distance = [&](const MarkerDisc& m) {
        const Box& b = clear[0]->box;
        const double dx = std::max({b.min_x - m.centre.x, 0.0, m.centre.x - b.max_x});
        const double dy = std::max({b.min_y - m.centre.y, 0.0, m.centre.y - b.max_y});
        return std::hypot(dx, dy) - m.r;
    };
    CHECK(edge_distance(markers[0]) < edge_distance(markers[1]));

    settings.avoid_ambiguity = false;
    const auto plain = place_labels(requests, markers, settings);
    REQUIRE(plain[0].has_value());
    CHECK(plain[0]->box.min_x == Approx(100 + 5 + 3)); // the first spot, right of it
}

TEST_CASE("layout: sites on one ring left without labels share a fallback label", "[layout]") {
    // Each name alone is too wide for the frame; the fallback built for both fits.
    using namespace detail;
    const std::vector<MarkerDisc> markers = {{{100, 45}, 5}, {{100, 55}, 5}};
    PlacerSettings settings;
    settings.canvas = {0, 0, 200, 100};
    settings.frame = {0, 0, 200, 100};
    const std::vector<LabelRequest> requests = {{"hk", "Hong Kong", {300, 14}, 0},
                                                {"sz", "Shenzhen", {300, 14}, 1}};
    std::vector<std::vector<int>> asked;
    const auto placed =
        place_labels(requests, markers, settings, {{0, 1}}, [&](const std::vector<int>& left) {
            asked.push_back(left);
            LabelRequest r{"hk", "HK / SZ", {50, 14}, 0};
            r.members = {0, 1};
            r.member_ids = {"hk", "sz"};
            r.anchor = MarkerDisc{{100, 50}, 11};
            return std::optional{r};
        });
    CHECK_FALSE(placed.labels[0].has_value());
    CHECK_FALSE(placed.labels[1].has_value());
    CHECK(asked == std::vector<std::vector<int>>{{0, 1}});
    REQUIRE(placed.fallbacks.size() == 1);
    CHECK(placed.fallbacks[0].first == 0);
    CHECK(placed.fallbacks[0].second.text == "HK / SZ");
    CHECK(placed.fallbacks[0].second.members == std::vector<std::string>{"hk", "sz"});
    CHECK(placed.fallbacks[0].second.box.min_x == Approx(100 + 11 + 3));
}

TEST_CASE("layout: a fallback label lists the names, best-ranked first, around all markers",
          "[layout]") {
    using namespace detail;
    std::vector<MarkerLayout> markers(3);
    markers[0].x = 100, markers[0].y = 40, markers[0].r = 5;
    markers[1].x = 100, markers[1].y = 60, markers[1].r = 5;
    markers[2].x = 300, markers[2].y = 300, markers[2].r = 5;
    LabelRequest shenzhen{"cn-shenzhen", "Shenzhen", {56, 14}, 1};
    LabelRequest hong_kong{"cn-hongkong", "Hong Kong", {63, 14}, 0};
    const std::vector<LabelRequest> requests = {shenzhen, hong_kong, {"far", "Far", {21, 14}, 2}};
    CHECK(fallback_groups(requests, {{0, 1}}, 3) == std::vector<std::vector<int>>{{0, 1}});
    const auto r = fallback_request(requests, {0, 1}, markers, [](const std::string& t, int) {
        return TextSize{7.0 * static_cast<double>(t.size()), 14};
    });
    CHECK(r.text == "Shenzhen / Hong Kong");
    CHECK(r.short_text == "Shenzhen +1");
    CHECK(r.marker == 1);
    CHECK(r.member_ids == std::vector<std::string>{"cn-hongkong", "cn-shenzhen"});
    REQUIRE(r.anchor.has_value());
    CHECK(r.anchor->centre.y == Approx(50));
    CHECK(r.anchor->r == Approx(15));
    CHECK(r.size.width == Approx(7.0 * 20));
}

#include "layout/naming.hpp"

#include <random>

namespace {

/// The nearest symbol to each stuck one by a plain scan: the smallest gap between discs, the
/// lowest index among equals.
std::vector<std::vector<int>> nearest_by_plain_scan(const std::vector<layout::detail::Symbol>& all,
                                                    const std::vector<int>& stuck) {
    std::vector<std::vector<int>> out;
    for (int s : stuck) {
        const auto& a = all[static_cast<std::size_t>(s)];
        int nearest = -1;
        double best = 0;
        for (std::size_t k = 0; k < all.size(); ++k) {
            if (static_cast<int>(k) == s)
                continue;
            const double dx = all[k].drawn.x - a.drawn.x, dy = all[k].drawn.y - a.drawn.y;
            const double d = std::sqrt(dx * dx + dy * dy) - all[k].r - a.r;
            if (nearest < 0 || d < best) {
                nearest = static_cast<int>(k);
                best = d;
            }
        }
        if (nearest < 0)
            continue;
        std::vector<int> group = a.members;
        for (int m : all[static_cast<std::size_t>(nearest)].members)
            group.push_back(m);
        out.push_back(group);
    }
    return out;
}

} // namespace

TEST_CASE("layout: nearest_neighbours finds what a scan of every symbol finds", "[layout]") {
    // Random discs, some on one point and on one column (ties), big and small radii, so the
    // search's early stop is tried where a wide disc far off in x is still the nearest.
    std::mt19937 random(20261130);
    for (int n : {1, 2, 3, 10, 200, 1500}) {
        std::uniform_real_distribution<double> x(0, 2000), y(0, 1000), r(2, 40);
        std::vector<layout::detail::Symbol> symbols(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            auto& s = symbols[static_cast<std::size_t>(i)];
            s.drawn = {std::round(x(random) / 7) * 7, y(random)};
            if (i % 11 == 5)
                s.drawn = symbols[static_cast<std::size_t>(i / 2)].drawn;
            s.r = i % 17 == 0 ? 150 : r(random);
            s.members = {i};
        }
        std::vector<int> stuck;
        for (int i = 0; i < n; i += 3)
            stuck.push_back(i);
        INFO(n << " symbols");
        CHECK(layout::detail::nearest_neighbours(symbols, stuck) ==
              nearest_by_plain_scan(symbols, stuck));
    }
}

TEST_CASE("layout: nearest_neighbours leaves out a join that would reach too far", "[layout]") {
    // Two sites 100 px apart: joined, their aggregate sits halfway, 50 px from each; a symbol
    // whose own sites reach 30 px from it counts that reach too.
    std::vector<layout::detail::Symbol> symbols(3);
    symbols[0].truth = symbols[0].drawn = {0, 0};
    symbols[1].truth = symbols[1].drawn = {100, 0};
    symbols[2].truth = symbols[2].drawn = {100, 300};
    symbols[2].spread = 30;
    for (int i = 0; i < 3; ++i) {
        symbols[static_cast<std::size_t>(i)].r = 5;
        symbols[static_cast<std::size_t>(i)].members = {i};
    }
    CHECK(layout::detail::nearest_neighbours(symbols, {0}, 50).size() == 1);
    CHECK(layout::detail::nearest_neighbours(symbols, {0}, 49.9).empty());
    CHECK(layout::detail::nearest_neighbours(symbols, {2}, 179.9).empty());
    CHECK(layout::detail::nearest_neighbours(symbols, {2}, 180).size() == 1);
}

TEST_CASE("layout: nearest_neighbours weighs an aggregate by its sites and bounds joins together",
          "[layout]") {
    // An aggregate of three sites at 0 (all on one point) and a site at 100: their mean is at
    // 25, so the lone site is 75 away; a midpoint would say 50.
    std::vector<layout::detail::Symbol> symbols(2);
    symbols[0].truth = symbols[0].drawn = {0, 0};
    symbols[0].members = {0, 1, 2};
    symbols[1].truth = symbols[1].drawn = {100, 0};
    symbols[1].members = {3};
    for (auto& s : symbols)
        s.r = 5;
    CHECK(layout::detail::nearest_neighbours(symbols, {1}, 74.9).empty());
    CHECK(layout::detail::nearest_neighbours(symbols, {1}, 75).size() == 1);

    // Sites at 0, 10 and 20, the outer two stuck: each join alone reaches 5, but both joins
    // make one aggregate reaching 10, so within 6 only the first is made.
    std::vector<layout::detail::Symbol> row(3);
    for (int i = 0; i < 3; ++i) {
        auto& s = row[static_cast<std::size_t>(i)];
        s.truth = s.drawn = {10.0 * i, 0};
        s.r = 2;
        s.members = {i};
    }
    CHECK(layout::detail::nearest_neighbours(row, {0, 2}, 6).size() == 1);
    CHECK(layout::detail::nearest_neighbours(row, {0, 2}, 10).size() == 2);
}

TEST_CASE("layout: a large marker's label may take the diagonal spot hugging its disc",
          "[layout]") {
    // An aggregate of radius 18 with its right-hand spot blocked: upper right comes next, its
    // corner 3 px from the disc and so inside the disc's bounding square, which is no obstacle.
    using namespace detail;
    const std::vector<MarkerDisc> markers = {{{100, 100}, 18}};
    PlacerSettings settings;
    settings.canvas = {0, 0, 300, 200};
    settings.frame = {0, 0, 300, 200};
    settings.blocked = {{118, 90, 300, 110}};
    const std::vector<LabelRequest> requests = {{"a", "a", {40, 14}, 0}};
    const auto placed = place_labels(requests, markers, settings);
    REQUIRE(placed[0].has_value());
    CHECK_FALSE(placed[0]->has_leader);
    const double hug = (18 + 3) * std::sqrt(0.5);
    CHECK(placed[0]->box.min_x == Approx(100 + hug));
    CHECK(placed[0]->box.max_y == Approx(100 - hug));
}

TEST_CASE("layout: sites on one point are never split between an aggregate and other markers",
          "[layout]") {
    // Towns holding one to eight sites each, crowded into two regions of the world and a few
    // towns elsewhere, like a provider footprint. Four Frankfurt sites were once drawn as two
    // "2" discs, one of them merged with two Munich sites.
    std::mt19937 rng(23);
    std::uniform_real_distribution<double> europe_lon(-5, 25), europe_lat(40, 58);
    std::uniform_real_distribution<double> asia_lon(120, 145), asia_lat(25, 42);
    std::uniform_real_distribution<double> any_lon(-170, 170), any_lat(-50, 65);
    std::uniform_int_distribution<int> how_many(1, 8);
    const char* providers[] = {"AWS", "Microsoft Azure", "Google Cloud", "Oracle Cloud"};
    std::vector<ProjectedSite> sites;
    std::map<std::string, std::string> town_of; // site id -> its point
    for (int town = 0; town < 60; ++town) {
        double lon = 0, lat = 0;
        if (town % 3 == 0) {
            lon = europe_lon(rng);
            lat = europe_lat(rng);
        } else if (town % 3 == 1) {
            lon = asia_lon(rng);
            lat = asia_lat(rng);
        } else {
            lon = any_lon(rng);
            lat = any_lat(rng);
        }
        const int n = how_many(rng);
        for (int i = 0; i < n; ++i) {
            const std::string id = "t" + std::to_string(town) + "-" + std::to_string(i);
            sites.push_back(make_site(id, lon, lat, providers[(town + i) % 4]));
            town_of[id] = std::to_string(town);
        }
    }
    int aggregates = 0;
    for (const MarkerMode mode : {MarkerMode::automatic, MarkerMode::sites, MarkerMode::clusters})
        for (double width : {300.0, 600.0, 900.0, 1280.0, 2400.0, 4000.0}) {
            INFO("width " << width << ", mode " << static_cast<int>(mode));
            const auto l = run_world(sites, width, mode);
            // Where each town's sites are drawn: "" as single markers, else the aggregate.
            std::map<std::string, std::set<std::string>> drawn_in;
            std::size_t accounted = l.markers.size();
            for (const auto& m : l.markers)
                drawn_in[town_of.at(m.id)].insert("");
            for (const auto& a : l.aggregates) {
                ++aggregates;
                accounted += a.members.size();
                for (const auto& id : a.members)
                    drawn_in[town_of.at(id)].insert(a.id);
            }
            CHECK(accounted == sites.size());
            for (const auto& [town, where] : drawn_in) {
                INFO("town " << town);
                CHECK(where.size() == 1);
            }
        }
    CHECK(aggregates > 0); // crowded enough to merge somewhere, or this tests nothing
}
