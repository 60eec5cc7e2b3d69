#include "layout_test_support.hpp"

#include <map>

using namespace dcmap;
using namespace dcmap::layout;
using namespace dcmap::layout::testing;

namespace {

const MarkerLayout& marker(const MapLayout& l, const std::string& id) {
    const auto it = std::find_if(l.markers.begin(), l.markers.end(),
                                 [&](const MarkerLayout& m) { return m.id == id; });
    REQUIRE(it != l.markers.end());
    return *it;
}

bool same_color(const Color& a, const Color& b) {
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

} // namespace

TEST_CASE("layout: marker centres are the transform of the projected points", "[layout]") {
    const auto l = run_layout(
        world_request({make_site("hangzhou", 120.2, 30.3), make_site("sao-paulo", -46.6, -23.5),
                       make_site("null-island", 0, 0)}));
    REQUIRE(l.markers.size() == 3);
    for (const auto& [id, lon, lat] : std::vector<std::tuple<std::string, double, double>>{
             {"hangzhou", 120.2, 30.3}, {"sao-paulo", -46.6, -23.5}, {"null-island", 0, 0}}) {
        const Point expected = l.transform.to_pixels({lon, lat});
        CHECK(marker(l, id).x == Approx(expected.x));
        CHECK(marker(l, id).y == Approx(expected.y));
        CHECK(marker(l, id).lon == lon);
    }
    // The view's centre is the frame's centre.
    CHECK(marker(l, "null-island").x == Approx((l.map_frame.min_x + l.map_frame.max_x) / 2));
    CHECK(marker(l, "null-island").y == Approx((l.map_frame.min_y + l.map_frame.max_y) / 2));
    CHECK(marker(l, "hangzhou").r == Approx(Style{}.marker_radius));
}

TEST_CASE("layout: sized markers follow a square-root scale and draw large ones first",
          "[layout]") {
    Style style;
    style.size_by = SizeBy::zones;
    auto sites = std::vector{make_site("one", 0, 0), make_site("four", 40, 0),
                             make_site("nine", 80, 0), make_site("unknown", 120, 0)};
    sites[0].site.site.zones = 1;
    sites[1].site.site.zones = 4;
    sites[2].site.site.zones = 9;
    const auto l = run_layout(world_request(sites), style);
    CHECK(marker(l, "one").r == Approx(style.marker_radius_min));
    CHECK(marker(l, "nine").r == Approx(style.marker_radius_max));
    // sqrt(4) = 2 lies halfway between sqrt(1) and sqrt(9).
    CHECK(marker(l, "four").r == Approx((style.marker_radius_min + style.marker_radius_max) / 2));
    CHECK(marker(l, "unknown").r == Approx(style.marker_radius_min));
    std::vector<std::string> order;
    for (const auto& m : l.markers)
        order.push_back(m.id);
    CHECK(order == std::vector<std::string>{"nine", "four", "one", "unknown"});
}

TEST_CASE("layout: providers take palette colours in alphabetical order", "[layout]") {
    Style style;
    style.palette = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}};
    const auto l =
        run_layout(world_request({make_site("z1", 0, 0, "Tencent"), make_site("a1", 40, 0, "AWS"),
                                  make_site("b1", 80, 0, "Azure"), make_site("n1", -40, 0, "")}),
                   style);
    CHECK(same_color(marker(l, "a1").color, style.palette[0]));
    CHECK(same_color(marker(l, "b1").color, style.palette[1]));
    CHECK(same_color(marker(l, "z1").color, style.palette[2]));
    const Color unknown = marker(l, "n1").color;
    for (const auto& c : style.palette)
        CHECK_FALSE(same_color(unknown, c));

    const auto single = run_layout(world_request({make_site("x", 0, 0, "")}), style);
    CHECK(same_color(single.markers.at(0).color, style.palette[0]));
}

TEST_CASE("layout: a provider with a style colour keeps it; others take the free colours",
          "[layout]") {
    Style style;
    const Color red{1, 0, 0, 1}, green{0, 1, 0, 1}, blue{0, 0, 1, 1}, black{0, 0, 0, 1};
    style.palette = {red, green, blue};
    style.providers = {{"AWS", {}, green}, {"Microsoft Azure", {}, red}, {"Unused", {}, blue}};
    // Whatever else is on the map, AWS is green and Azure red.
    for (const auto& others : std::vector<std::vector<std::string>>{
             {}, {"Microsoft Azure"}, {"Equinix"}, {"Equinix", "Microsoft Azure", "Alpha"}}) {
        std::vector<ProjectedSite> sites = {make_site("aws", 0, 0, "AWS")};
        for (std::size_t i = 0; i < others.size(); ++i)
            sites.push_back(make_site("o" + std::to_string(i), 30.0 * (i + 1), 0, others[i]));
        const auto l = run_layout(world_request(sites), style);
        INFO(others.size() << " other providers");
        CHECK(same_color(marker(l, "aws").color, green));
        for (std::size_t i = 0; i < others.size(); ++i)
            if (others[i] == "Microsoft Azure")
                CHECK(same_color(marker(l, "o" + std::to_string(i)).color, red));
    }
    // Providers without a style colour take, by name, the palette colours the fixed ones on
    // this map leave free: with AWS (green) on the map, Alpha red, Equinix blue.
    const auto l =
        run_layout(world_request({make_site("aws", 0, 0, "AWS"), make_site("e", 40, 0, "Equinix"),
                                  make_site("a", 80, 0, "Alpha")}),
                   style);
    CHECK(same_color(marker(l, "a").color, red));
    CHECK(same_color(marker(l, "e").color, blue));
    // More providers than free colours: they share the free ones in turn.
    style.palette = {red, green, black};
    const auto crowded =
        run_layout(world_request({make_site("aws", 0, 0, "AWS"), make_site("b", 40, 0, "B"),
                                  make_site("c", 80, 0, "C"), make_site("d", 120, 0, "D")}),
                   style);
    CHECK(same_color(marker(crowded, "b").color, red));
    CHECK(same_color(marker(crowded, "c").color, black));
    CHECK(same_color(marker(crowded, "d").color, red));
}

TEST_CASE("layout: sites on the far side or outside the view get no marker and are reported",
          "[layout]") {
    auto far = make_site("far-side", 10, 10);
    far.visible = false;
    auto request = world_request({make_site("seen", 0, 0), far, make_site("outside", 170, 0)});
    request.view = {-60, -40, 60, 40};
    Diagnostics diagnostics;
    const auto l = make_layout(request, {}, fixed_measure, diagnostics);
    REQUIRE(l.markers.size() == 1);
    CHECK(l.markers[0].id == "seen");
    CHECK(l.dropped == std::vector<std::string>{"far-side", "outside"});
    const std::vector<std::pair<std::string, LabelOutcome>> expected{
        {"far-side", LabelOutcome::unlabelled},
        {"outside", LabelOutcome::unlabelled},
        {"seen", LabelOutcome::labelled}};
    CHECK(l.outcomes == expected);
    REQUIRE(diagnostics.warnings.size() == 1);
    CHECK(diagnostics.warnings[0].message ==
          "2 sites lie outside the visible map and are not drawn: far-side, outside (widen "
          "--extent or change --center to show them)");
}

TEST_CASE("layout: host countries are the sorted unique countries of the sites", "[layout]") {
    auto sites = std::vector{make_site("a", 0, 0), make_site("b", 10, 0), make_site("c", 20, 0),
                             make_site("d", 30, 0)};
    sites[0].site.country = "SG";
    sites[1].site.country = "CN";
    sites[2].site.country = "SG";
    const auto l = run_layout(world_request(sites));
    CHECK(l.host_countries == std::vector<std::string>{"CN", "SG"});
}

TEST_CASE("layout: two sites sharing a key both get a marker and an outcome", "[layout]") {
    auto a = make_site("", 8.7, 50.1);
    auto b = make_site("", 100, 10);
    a.site.site.name = b.site.site.name = "Frankfurt";
    const auto l = run_layout(world_request({b, a}));
    REQUIRE(l.markers.size() == 2);
    CHECK(l.markers[0].id == "Frankfurt");
    CHECK(l.markers[0].lon == 8.7); // equal keys fall back to position for a stable order
    CHECK(l.outcomes.size() == 2);
    CHECK(l.labels.size() == 2);
    CHECK(dump(l) == dump(run_layout(world_request({a, b}))));
}

TEST_CASE("layout: not-yet-live sites get larger markers and labels in the pending weight",
          "[layout]") {
    Style style;
    style.pending_marker_scale = 1.3;
    style.pending_label_weight = 700;
    const auto l = run_layout(
        world_request({make_site("live", 0, 0),
                       make_site("new", 60, 0, "Alibaba Cloud", Status::announced),
                       make_site("soon", 120, 0, "Alibaba Cloud", Status::planned),
                       make_site("building", -60, 0, "Alibaba Cloud", Status::under_construction),
                       make_site("gone", -120, 0, "Alibaba Cloud", Status::retired)}),
        style);
    CHECK(marker(l, "live").r == Approx(style.marker_radius));
    CHECK(marker(l, "gone").r == Approx(style.marker_radius));
    for (const char* id : {"new", "soon", "building"})
        CHECK(marker(l, id).r == Approx(1.3 * style.marker_radius));
    std::map<std::string, int> weights;
    for (const auto& label : l.labels)
        weights[label.id] = label.weight;
    REQUIRE(weights.size() == 5);
    CHECK(weights["live"] == 0);
    CHECK(weights["gone"] == 0);
    CHECK(weights["new"] == 700);
    CHECK(weights["building"] == 700);
    // The legend's status symbols have the sizes of the map's.
    for (const auto& row : l.legend.rows)
        if (row.kind == LegendRow::Kind::status)
            CHECK(row.r ==
                  Approx(row.status == Status::announced || row.status == Status::planned ||
                                 row.status == Status::under_construction
                             ? 1.3 * style.marker_radius
                             : style.marker_radius));
}

TEST_CASE("layout: text never shrinks below the legible minimum at a small scale", "[layout]") {
    auto request = world_request({make_site("live", 0, 0)});
    request.scale = 0.5;
    const auto l = run_layout(request);
    CHECK(l.title.font.size == Approx(Style{}.title_font.size * 0.5));
    for (const auto& f : l.footer)
        CHECK(f.font.size >= kMinTextPx);
    for (const auto& row : l.legend.rows)
        CHECK(row.label.font.size >= kMinTextPx);
}
