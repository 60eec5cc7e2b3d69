#include "layout/insets.hpp"
#include "layout_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
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

LabelOutcome outcome_of(const MapLayout& l, const std::string& id);

/// Ids of the sites an inset shows: its single markers and its aggregates' members.
std::vector<std::string> inset_sites(const InsetLayout& inset) {
    std::vector<std::string> ids;
    for (const auto& m : inset.markers)
        ids.push_back(m.id);
    for (const auto& a : inset.aggregates)
        ids.insert(ids.end(), a.members.begin(), a.members.end());
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// The inset's promises for sites whose projected point is (lon, lat): every marker and
/// aggregate within its shift bound of its true inset position, wholly inside the inset box,
/// apart from every other; labels inside the box, clear of markers, each other and the caption;
/// every site it shows named by a label (outcome inset), a key number (keyed) or nowhere
/// (unlabelled), never grouped.
void check_inset_promises(const MapLayout& l, const std::vector<ProjectedSite>& sites,
                          const Style& style) {
    for (const auto& inset : l.insets) {
        INFO("inset " << inset.name);
        CHECK_FALSE(inset.caption.text.empty());
        CHECK(inset.box.contains(inset.caption.box));
        struct Disc {
            std::string id;
            double x, y, r;
        };
        std::vector<Disc> discs;
        for (const auto& m : inset.markers) {
            INFO("marker " << m.id);
            const ProjectedSite* site = nullptr;
            for (const auto& s : sites)
                if (s.site.site.key() == m.id)
                    site = &s;
            REQUIRE(site);
            const Point truth = inset.transform.to_pixels(site->projected);
            CHECK(m.true_x == Approx(truth.x).margin(1e-6));
            CHECK(m.true_y == Approx(truth.y).margin(1e-6));
            CHECK(std::hypot(m.x - m.true_x, m.y - m.true_y) <=
                  2 * m.r * style.marker_max_shift + 1e-6);
            discs.push_back({m.id, m.x, m.y, m.r});
        }
        for (const auto& a : inset.aggregates) {
            INFO("aggregate " << a.id);
            CHECK(a.members.size() >= 2);
            CHECK(std::hypot(a.x - a.true_x, a.y - a.true_y) <=
                  2 * a.r * style.marker_max_shift + 1e-6);
            discs.push_back({a.id, a.x, a.y, a.r});
        }
        for (std::size_t i = 0; i < discs.size(); ++i) {
            const Disc& a = discs[i];
            INFO("disc " << a.id);
            CHECK(inset.box.contains({a.x - a.r, a.y - a.r, a.x + a.r, a.y + a.r}));
            for (std::size_t j = i + 1; j < discs.size(); ++j) {
                const Disc& b = discs[j];
                INFO("other " << b.id);
                CHECK(std::hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 1e-3);
            }
        }
        std::set<std::string> named;
        for (const auto& label : inset.labels) {
            INFO("label " << label.id << " " << label.text);
            CHECK(inset.box.contains(label.box));
            CHECK_FALSE(label.box.intersects(inset.caption.box));
            for (const auto& d : discs) {
                // The disc, not its bounding square: diagonal labels hug a disc's curve.
                const double dx = std::max({label.box.min_x - d.x, 0.0, d.x - label.box.max_x});
                const double dy = std::max({label.box.min_y - d.y, 0.0, d.y - label.box.max_y});
                CHECK(std::hypot(dx, dy) >= d.r - 1e-6);
            }
            for (const auto& other : inset.labels)
                if (&other != &label)
                    CHECK_FALSE(label.box.intersects(other.box));
            if (label.key > 0)
                continue;
            auto& into = named;
            if (!label.members.empty())
                into.insert(label.members.begin(), label.members.end());
            else if (label.id.rfind('+', 0) == 0) {
                for (const auto& a : inset.aggregates)
                    if (a.id == label.id)
                        into.insert(a.members.begin(), a.members.end());
            } else
                into.insert(label.id);
        }
        for (const auto& id : inset_sites(inset)) {
            INFO("site " << id);
            const LabelOutcome o = outcome_of(l, id);
            CHECK(o != LabelOutcome::grouped);
            CHECK(o != LabelOutcome::labelled);
            CHECK(o != LabelOutcome::leader);
            // The number of the symbol that draws the site, if any.
            int key = 0;
            for (const auto& m : inset.markers)
                if (m.id == id)
                    key = m.key;
            for (const auto& a : inset.aggregates)
                if (std::find(a.members.begin(), a.members.end(), id) != a.members.end())
                    key = a.key;
            if (o == LabelOutcome::inset) {
                CHECK(named.count(id) == 1);
            } else if (o == LabelOutcome::keyed) {
                CHECK(key > 0);
                CHECK(static_cast<std::size_t>(key) <= l.key.entries.size());
                CHECK(std::any_of(inset.labels.begin(), inset.labels.end(),
                                  [&](const LabelLayout& n) { return n.key == key; }));
            } else {
                CHECK(o == LabelOutcome::unlabelled);
                CHECK(key == 0);
            }
            // Not named on the main map as well.
            for (const auto& label : l.labels) {
                CHECK(label.id != id);
                CHECK(std::find(label.members.begin(), label.members.end(), id) ==
                      label.members.end());
            }
        }
    }
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
    // Every European site is in the inset and named there: by a label, or where a label would
    // sit nearer another marker, by a key number beside its own.
    std::size_t members = 0;
    for (const auto& s : request.sites) {
        const std::string& id = s.site.site.key();
        INFO(id);
        if (!in_view(europe_inset().view, s)) {
            CHECK(outcome_of(l, id) != LabelOutcome::grouped);
            continue;
        }
        ++members;
        const LabelOutcome outcome = outcome_of(l, id);
        CHECK((outcome == LabelOutcome::inset || outcome == LabelOutcome::keyed));
        if (outcome == LabelOutcome::keyed)
            CHECK(std::any_of(inset.labels.begin(), inset.labels.end(), [&](const LabelLayout& n) {
                return n.key > 0 && (n.id == id || std::find(n.members.begin(), n.members.end(),
                                                             id) != n.members.end());
            }));
        for (const auto& label : l.labels)
            CHECK(label.id != id);
    }
    CHECK(inset_sites(inset).size() == members);
    check_inset_promises(l, request.sites, Style{});
    for (const auto& label : inset.labels) {
        INFO(label.id);
        CHECK(inset.box.contains(label.box));
        CHECK_FALSE(label.box.intersects(inset.caption.box));
        for (const auto& m : inset.markers)
            CHECK_FALSE(overlaps_disc(label.box, m));
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
    const auto ids = inset_sites(l.insets[0]);
    CHECK(ids.size() == 20);
    for (const auto& id : ids)
        CHECK(id.rfind("eu", 0) == 0);
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

namespace {

/// `n` sites in a tight crowd around (lon, lat): many on the same point, the rest a few
/// hundredths of a degree apart, as data centres of one metro are.
void add_crowd(std::vector<ProjectedSite>& sites, const std::string& name, double lon, double lat,
               int n, std::mt19937& rng) {
    std::uniform_real_distribution<double> jitter(-0.4, 0.4);
    const char* providers[] = {"AWS", "Azure", "GCP", "Oracle Cloud"};
    for (int i = 0; i < n; ++i) {
        const bool same_point = i % 3 == 0;
        auto s = make_site(name + "-" + std::to_string(i), lon + (same_point ? 0 : jitter(rng)),
                           lat + (same_point ? 0 : jitter(rng)), providers[i % 4]);
        s.site.site.name = name + " " + std::to_string(i);
        s.locality = name;
        sites.push_back(s);
    }
}

} // namespace

TEST_CASE("insets: markers inside an inset stay within their shift bound, inside it, apart, and "
          "every site there has one honest outcome, at every size",
          "[layout]") {
    std::mt19937 rng(7);
    std::vector<ProjectedSite> sites = crowded_europe();
    add_crowd(sites, "Frankfurt", 8.68, 50.11, 14, rng);
    add_crowd(sites, "London", -0.13, 51.51, 10, rng);
    add_crowd(sites, "Tokyo", 139.7, 35.7, 9, rng);
    add_crowd(sites, "Osaka", 135.5, 34.7, 5, rng);
    for (int width : {600, 800, 1200, 2400}) {
        for (KeyMode key : {KeyMode::automatic, KeyMode::never}) {
            INFO("width " << width << " key " << static_cast<int>(key));
            auto request = world_request(sites);
            request.width = width;
            request.key = key;
            request.insets = {europe_inset(), {"east-asia", "East Asia", {100, 18, 146, 46}}};
            Diagnostics diagnostics;
            const MapLayout l = make_layout(request, Style{}, fixed_measure, diagnostics);
            check_inset_promises(l, request.sites, Style{});
            require_clean_labels(l);
            for (const auto& inset : l.insets)
                for (const auto& other : l.insets)
                    if (&inset != &other)
                        CHECK_FALSE(inset.box.intersects(other.box));
            // Every outcome "inset" belongs to a site an inset shows.
            std::set<std::string> in_insets;
            for (const auto& inset : l.insets)
                for (const auto& id : inset_sites(inset))
                    in_insets.insert(id);
            for (const auto& [id, o] : l.outcomes)
                if (o == LabelOutcome::inset)
                    CHECK(in_insets.count(id) == 1);
            // Key numbers in insets refer to entries the key lists.
            for (const auto& inset : l.insets)
                for (const auto& label : inset.labels)
                    if (label.key > 0)
                        CHECK(static_cast<std::size_t>(label.key) <= l.key.entries.size());
        }
    }
}

TEST_CASE("insets: coincident sites in an inset merge into one counted aggregate, not a ring",
          "[layout]") {
    std::vector<ProjectedSite> sites = crowded_europe();
    for (const char* provider : {"AWS", "Azure", "GCP", "Oracle Cloud", "IBM Cloud"}) {
        auto s = make_site(std::string("fra-") + provider, 8.68, 50.11, provider);
        s.site.site.name = "Frankfurt";
        s.locality = "Frankfurt";
        sites.push_back(s);
    }
    auto request = world_request(sites);
    request.insets = {europe_inset()};
    const MapLayout l = run_layout(request);
    REQUIRE(l.insets.size() == 1);
    const auto& inset = l.insets[0];
    bool merged = false;
    for (const auto& a : inset.aggregates)
        merged = merged || std::count_if(a.members.begin(), a.members.end(), [](const auto& id) {
                               return id.rfind("fra-", 0) == 0;
                           }) >= 2;
    CHECK(merged);
    check_inset_promises(l, request.sites, Style{});
}

TEST_CASE("insets: the auto inset takes a size at which its sites are named by labels",
          "[layout]") {
    auto request = world_request(crowded_europe());
    request.auto_inset = true;
    for (int width : {1200, 1600}) {
        INFO("width " << width);
        request.width = width;
        const MapLayout l = run_layout(request);
        REQUIRE(l.insets.size() == 1);
        CHECK_FALSE(l.insets[0].caption.text.empty());
        for (const auto& id : inset_sites(l.insets[0])) {
            INFO(id);
            CHECK(outcome_of(l, id) == LabelOutcome::inset);
        }
        check_inset_promises(l, request.sites, Style{});
    }
}

TEST_CASE("insets: an inset site whose label finds no room is keyed or unlabelled, never grouped",
          "[layout]") {
    // Long names in a small inset: not all fit. Each site is its own long-named town too, or a
    // group of them would be named by its short position ("47°N 7°E area").
    std::vector<ProjectedSite> sites = crowded_europe();
    for (auto& s : sites)
        if (s.site.site.id.rfind("eu", 0) == 0) {
            s.site.site.name = "A very long region display name " + s.site.site.id;
            s.locality = s.site.site.name;
        }
    for (KeyMode key : {KeyMode::automatic, KeyMode::never}) {
        auto request = world_request(sites);
        request.width = 700;
        request.key = key;
        request.labels = LabelText::name;
        request.insets = {europe_inset()};
        Diagnostics diagnostics;
        const MapLayout l = make_layout(request, Style{}, fixed_measure, diagnostics);
        REQUIRE(l.insets.size() == 1);
        int keyed = 0, unlabelled = 0;
        for (const auto& id : inset_sites(l.insets[0])) {
            const LabelOutcome o = outcome_of(l, id);
            keyed += o == LabelOutcome::keyed;
            unlabelled += o == LabelOutcome::unlabelled;
        }
        INFO("key " << static_cast<int>(key) << ": keyed " << keyed << ", unlabelled "
                    << unlabelled);
        CHECK(keyed + unlabelled > 0);
        if (key == KeyMode::never) {
            CHECK(keyed == 0);
            bool warned = false;
            for (const auto& w : diagnostics.warnings)
                warned = warned || w.message.find("named nowhere") != std::string::npos;
            CHECK(warned);
        } else {
            CHECK(keyed > 0);
        }
        check_inset_promises(l, request.sites, Style{});
    }
}
