#include "layout_test_support.hpp"

using namespace dcmap;
using namespace dcmap::layout;
using namespace dcmap::layout::testing;

namespace {

std::vector<std::string> texts(const std::vector<LegendRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows)
        out.push_back(r.label.text);
    return out;
}

std::vector<std::string> texts(const std::vector<TextBlock>& blocks) {
    std::vector<std::string> out;
    for (const auto& b : blocks)
        out.push_back(b.text);
    return out;
}

int markers_under(const MapLayout& l) {
    int n = 0;
    for (const auto& m : l.markers)
        if (l.legend.box.intersects(marker_box(m)))
            ++n;
    return n;
}

} // namespace

TEST_CASE("layout: legend rows count the statuses and providers used", "[layout]") {
    const auto l = run_layout(world_request(
        {make_site("a", 0, 0, "AWS"), make_site("b", 20, 0, "AWS", Status::announced),
         make_site("c", 40, 0, "Azure"), make_site("d", 60, 0, "Azure", Status::retired),
         make_site("e", 80, 0, "AWS")}));
    CHECK(texts(l.legend.headings) == std::vector<std::string>{"Status", "Provider"});
    CHECK(texts(l.legend.rows) == std::vector<std::string>{"Live (3)", "Announced (1)",
                                                           "Retired (1)", "AWS (3)", "Azure (2)"});
    CHECK(l.legend.rows[1].status == Status::announced);
    CHECK(l.legend.rows[3].kind == LegendRow::Kind::provider);
    for (const auto& row : l.legend.rows) {
        CHECK(l.legend.box.contains(row.label.box));
        CHECK(l.map_frame.contains(l.legend.box));
    }
}

TEST_CASE("layout: a single named provider still gets its row with the count", "[layout]") {
    const auto l =
        run_layout(world_request({make_site("a", 0, 0, "Alibaba Cloud"),
                                  make_site("b", 20, 0, "Alibaba Cloud", Status::announced)}));
    CHECK(texts(l.legend.headings) == std::vector<std::string>{"Status", "Provider"});
    CHECK(texts(l.legend.rows) ==
          std::vector<std::string>{"Live (1)", "Announced (1)", "Alibaba Cloud (2)"});
}

TEST_CASE("layout: unnamed provider gives only status rows; size_by adds size rows", "[layout]") {
    Style style;
    style.size_by = SizeBy::capacity_mw;
    auto sites =
        std::vector{make_site("a", 0, 0, ""), make_site("b", 30, 0, ""), make_site("c", 60, 0, "")};
    sites[0].site.site.capacity_mw = 10;
    sites[1].site.site.capacity_mw = 250;
    const auto l = run_layout(world_request(sites), style);
    CHECK(texts(l.legend.headings) == std::vector<std::string>{"Status", "Capacity"});
    // c has no capacity: it is drawn at the smallest radius, and the legend says so.
    CHECK(texts(l.legend.rows) ==
          std::vector<std::string>{"Live (3)", "10 MW", "90 MW", "250 MW", "Not given (1)"});
    CHECK(l.legend.rows[3].r == Approx(style.marker_radius_max));
    CHECK(l.legend.rows[1].r == Approx(style.marker_radius_min));
    CHECK(l.legend.rows[4].r == Approx(style.marker_radius_min));
    sites[2].site.site.capacity_mw = 40;
    const auto all_given = run_layout(world_request(sites), style);
    CHECK(texts(all_given.legend.rows).back() == "250 MW");
}

TEST_CASE("layout: legend sits bottom-left by default and moves to a corner without markers",
          "[layout]") {
    auto request = world_request({make_site("centre", 0, 0)});
    const auto plain = run_layout(request);
    CHECK(plain.legend.box.min_x < plain.map_frame.min_x + 20);
    CHECK(plain.legend.box.max_y > plain.map_frame.max_y - 20);

    // Fill the bottom-left and bottom-right corners with markers.
    std::vector<ProjectedSite> sites;
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 4; ++j) {
            sites.push_back(
                make_site("sw" + std::to_string(i) + std::to_string(j), -175 + 8 * i, -85 + 8 * j));
            sites.push_back(
                make_site("se" + std::to_string(i) + std::to_string(j), 175 - 8 * i, -85 + 8 * j));
        }
    const auto moved = run_layout(world_request(sites));
    CHECK(markers_under(moved) == 0);
    CHECK(moved.legend.box.max_y < moved.map_frame.min_y + moved.map_frame.height() / 2);
    CHECK(moved.legend.box.min_x < moved.map_frame.min_x + 20); // top-left is next in order
    require_clean_labels(moved);
}

TEST_CASE("layout: no markers means no legend", "[layout]") {
    const auto l = run_layout(world_request({}));
    CHECK(l.legend.box.empty());
    CHECK(l.legend.rows.empty());
}

TEST_CASE("layout: with markers in every corner the legend slides along an edge", "[layout]") {
    std::vector<ProjectedSite> sites;
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j)
            for (const auto& [name, lon, lat] :
                 std::vector<std::tuple<std::string, double, double>>{
                     {"sw", -175, -85}, {"se", 135, -85}, {"nw", -175, 45}, {"ne", 135, 45}}) {
                sites.push_back(make_site(name + std::to_string(i) + std::to_string(j),
                                          lon + 10 * i, lat + 10 * j));
            }
    const auto l = run_layout(world_request(sites));
    REQUIRE_FALSE(l.legend.box.empty());
    CHECK(markers_under(l) == 0);
    CHECK(l.map_frame.contains(l.legend.box));
    require_clean_labels(l);
}

TEST_CASE("layout: a legend too tall for a small map puts its sections side by side", "[layout]") {
    // On a 400 px canvas the stacked legend is taller than half the map and covers some of the
    // sites along the equator wherever it goes; its Status and Provider sections side by side
    // fit below them.
    std::vector<ProjectedSite> sites;
    for (int lon = -160; lon <= 160; lon += 20)
        sites.push_back(make_site("s" + std::to_string(lon + 200), lon, 0,
                                  lon % 40 == 0 ? "Alpha" : "Beta",
                                  lon == 0 ? Status::planned : Status::live));
    auto request = world_request(sites);
    request.width = 400;
    const auto l = run_layout(request);
    REQUIRE(l.legend.headings.size() == 2);
    CHECK(markers_under(l) == 0);
    CHECK(l.legend.headings[1].box.min_y == Approx(l.legend.headings[0].box.min_y));
    CHECK(l.legend.headings[1].box.min_x > l.legend.headings[0].box.max_x);
    for (const auto& row : l.legend.rows)
        CHECK(l.legend.box.contains(row.label.box));
    CHECK(l.legend.box.width() > l.legend.box.height());

    // With room, the sections stay stacked.
    request.width = 1200;
    const auto roomy = run_layout(request);
    CHECK(roomy.legend.headings[1].box.min_y > roomy.legend.headings[0].box.max_y);
}

TEST_CASE("layout: a legend that would hide sites moves below the map", "[layout]") {
    // Sites everywhere: inside the frame the legend would cover some of them on a small map.
    std::vector<ProjectedSite> sites;
    for (int lon = -160; lon <= 160; lon += 40)
        for (int lat = -80; lat <= 80; lat += 40)
            sites.push_back(make_site(
                "s" + std::to_string(lon + 200) + "-" + std::to_string(lat + 100), lon, lat));
    auto request = world_request(sites);
    request.width = 500;
    Diagnostics diagnostics;
    const auto l = make_layout(request, {}, fixed_measure, diagnostics);
    REQUIRE_FALSE(l.legend.box.empty());
    CHECK(markers_under(l) == 0);
    CHECK(l.legend.box.min_y >= l.map_frame.max_y);
    CHECK(l.legend.box.max_y <= l.height);
    for (const auto& f : l.footer)
        CHECK_FALSE(f.box.intersects(l.legend.box));
    CHECK(diagnostics.warnings.empty());

    // A map with room for the legend says nothing of it.
    Diagnostics quiet;
    make_layout(world_request({make_site("centre", 0, 0)}), {}, fixed_measure, quiet);
    CHECK(quiet.warnings.empty());
}

TEST_CASE("layout: a legend with long provider names stays on the canvas at every width",
          "[layout]") {
    // A 45-character provider name made the legend 355 px wide on a 300 px canvas.
    const std::string long_name = "Teraco Data Environments Proprietary Limited";
    std::vector<ProjectedSite> sites = {make_site("a", 10, 10, long_name),
                                        make_site("b", -60, -20, long_name),
                                        make_site("c", 100, 30, "AWS")};
    for (double width : {300.0, 400.0, 600.0, 1280.0, 2400.0}) {
        INFO("width " << width);
        auto request = world_request(sites);
        request.width = width;
        const auto l = run_layout(request);
        REQUIRE_FALSE(l.legend.box.empty());
        CHECK(l.legend.box.min_x >= 0);
        CHECK(l.legend.box.max_x <= l.width + 1e-9);
        for (const auto& row : l.legend.rows) {
            INFO("row '" << row.label.text << "'");
            CHECK(row.label.box.max_x <= l.legend.box.max_x + 1e-9);
            // Shortened or not, a provider's row keeps its count.
            if (row.kind == LegendRow::Kind::provider)
                CHECK(row.label.text.substr(row.label.text.size() - 4) ==
                      (row.label.text.find("AWS") == 0 ? " (1)" : " (2)"));
        }
    }
}
