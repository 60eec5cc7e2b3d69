// End to end: insets and the base map's level of detail, checked on the files dcmap writes.
#include "e2e_support.hpp"

#include "config/map_settings.hpp"

#include "app/pipeline.hpp"
#include "cli/write_maps.hpp"
#include "config/site_loader.hpp"
#include "config/style_loader.hpp"
#include "project/projection.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>
#include <cpl_json.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

using e2e::fixture;
using e2e::read_bytes;
using e2e::run_dcmap;

namespace {

struct Rgb {
    int r, g, b;
};

Rgb pixel(const std::string& png, double x, double y) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s);
    const unsigned char* row = cairo_image_surface_get_data(s) +
                               static_cast<int>(std::floor(y)) * cairo_image_surface_get_stride(s);
    const auto px = reinterpret_cast<const uint32_t*>(row)[static_cast<int>(std::floor(x))];
    cairo_surface_destroy(s);
    return {int(px >> 16 & 255), int(px >> 8 & 255), int(px & 255)};
}

const std::set<std::string> european{"dub", "lon", "ams", "bru", "par",
                                     "fra", "zrh", "mil", "ber", "waw"};

} // namespace

TEST_CASE("e2e: an inset from the file magnifies Europe and labels its sites inside", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", fixture("e2e-dense-europe.yaml"), "-o", dir / "map.png",
                          "--layout-json", dir / "layout.json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CHECK(run.err.empty());
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "layout.json"));
    const auto insets = doc.GetRoot().GetArray("insets");
    REQUIRE(insets.Size() == 1);
    const auto inset = insets[0];
    CHECK(inset.GetString("name") == "europe");
    CHECK(inset.GetString("caption") == "Europe");
    CHECK(inset.GetDouble("magnification") >= 1.5);
    CHECK(inset.GetArray("markers").Size() == 10);
    CHECK(inset.GetArray("labels").Size() == 10);
    for (const auto& site : doc.GetRoot().GetArray("sites")) {
        const std::string id = site.GetString("id");
        INFO(id);
        if (european.count(id)) {
            CHECK(site.GetString("outcome") == "inset");
            CHECK(site.GetString("inset") == "europe");
        } else {
            CHECK(site.GetString("outcome") == "labelled");
            CHECK(site.GetString("inset", "none") == "none");
        }
    }
    // The inset's live markers are drawn in the marker colour at their inset positions, and the
    // frame is drawn where the layout says: darker than the sea and the page around it.
    const auto box = inset.GetObj("box");
    const Rgb frame = pixel(dir / "map.png", box.GetDouble("x") + box.GetDouble("w") / 2,
                            box.GetDouble("y") + 0.5);
    CHECK(frame.r + frame.g + frame.b < 3 * 200);
    // The area it magnifies is outlined on the main map in the same colour.
    const auto area = inset.GetObj("area");
    int darkest = 3 * 255;
    for (int dx = -1; dx <= 1; ++dx) {
        const Rgb c = pixel(dir / "map.png", area.GetDouble("x") + dx,
                            area.GetDouble("y") + area.GetDouble("h") / 2);
        darkest = std::min(darkest, c.r + c.g + c.b);
    }
    CHECK(darkest < 3 * 200);
    for (const auto& m : inset.GetArray("markers")) {
        if (m.GetString("id") == "waw")
            continue; // announced: a ring, not a filled disc
        INFO(m.GetString("id"));
        const Rgb c = pixel(dir / "map.png", m.GetDouble("x"), m.GetDouble("y"));
        // The default palette's first colour, vermillion: red well above blue.
        CHECK(c.r > c.b + 80);
    }
}

TEST_CASE("e2e: --inset replaces the file's insets, none removes them", "[e2e]") {
    e2e::TempDir dir;
    auto none = run_dcmap({"render", fixture("e2e-dense-europe.yaml"), "-o", dir / "none.png",
                           "--inset", "none", "--layout-json", dir / "none.json"});
    REQUIRE(none.code == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "none.json"));
    CHECK(doc.GetRoot().GetArray("insets").Size() == 0);

    auto box = run_dcmap({"render", fixture("e2e-dense-europe.yaml"), "-o", dir / "box.png",
                          "--inset", "-12,44,16,56", "--inset", "north-america-east",
                          "--layout-json", dir / "box.json"});
    INFO(box.err);
    REQUIRE(box.code == 0);
    REQUIRE(doc.Load(dir / "box.json"));
    const auto insets = doc.GetRoot().GetArray("insets");
    REQUIRE(insets.Size() == 2);
    CHECK(insets[0].GetString("name") == "-12,44,16,56");
    CHECK(insets[0].GetString("caption") == "44\u201356\u00b0N, 12\u00b0W\u201316\u00b0E");
    CHECK(insets[1].GetString("name") == "north-america-east");
    CHECK(insets[1].GetArray("markers").Size() == 1);
}

TEST_CASE("e2e: an unknown inset is a usage error naming the choices", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap(
        {"render", fixture("e2e-dense-europe.yaml"), "-o", dir / "map.png", "--inset", "atlantis"});
    CHECK(run.code == 2);
    CHECK(run.err.find("dcmap: error: --inset atlantis: inset must be auto, a name") !=
          std::string::npos);
    CHECK(run.err.find("east-asia") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "map.png"));
}

TEST_CASE("e2e: --inset auto says on stderr which inset it added", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", e2e::source_file("regions/aws-azure-gcp.yaml"), "-o",
                          dir / "map.png", "--inset", "auto", "--layout-json", dir / "l.json"});
    REQUIRE(run.code == 0);
    CHECK(run.err.find("note: --inset auto: added an inset of ") != std::string::npos);
    CHECK(run.err.find("to keep it, write --inset ") != std::string::npos);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "l.json"));
    REQUIRE(doc.GetRoot().GetArray("insets").Size() == 1);
    CHECK(doc.GetRoot().GetArray("insets")[0].GetString("name") == "auto");
}

TEST_CASE("e2e: named extents frame the map on their region", "[e2e]") {
    e2e::TempDir dir;
    auto run =
        run_dcmap({"render", fixture("e2e-dense-europe.yaml"), "-o", dir / "eu.png", "--extent",
                   "europe", "--inset", "none", "--layout-json", dir / "eu.json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "eu.json"));
    std::set<std::string> drawn;
    for (const auto& m : doc.GetRoot().GetArray("markers"))
        drawn.insert(m.GetString("id"));
    CHECK(drawn == european);
    CHECK(run.err.find("3 sites lie outside the visible map") != std::string::npos);
}

TEST_CASE("e2e: the base map's detail follows the map's scale unless --detail says", "[e2e]") {
    e2e::TempDir dir;
    auto size_of = [&](const std::string& name, std::vector<std::string> extra) {
        std::vector<std::string> args{"render", fixture("e2e-explicit-coordinates.yaml"), "-o",
                                      dir / name};
        args.insert(args.end(), extra.begin(), extra.end());
        auto run = run_dcmap(args);
        INFO(run.err);
        REQUIRE(run.code == 0);
        return read_bytes(dir / name).size();
    };
    // A small world map gets 1:110m: the same file as --detail low, fewer coastline vertices
    // than 1:50m (not many fewer: both are simplified to the pixels).
    // One file name throughout, so that the SVGs' id prefixes have the same length.
    const auto small_auto = size_of("map.svg", {"--width", "800"});
    const auto small_low = size_of("map.svg", {"--width", "800", "--detail", "low"});
    const auto small_medium = size_of("map.svg", {"--width", "800", "--detail", "medium"});
    CHECK(small_auto == small_low);
    CHECK(small_auto < small_medium);
    // A Europe map of the same width has many pixels per degree: 1:50m.
    const auto europe_auto = size_of("eu.svg", {"--width", "800", "--extent", "europe"});
    const auto europe_medium =
        size_of("eu.svg", {"--width", "800", "--extent", "europe", "--detail", "medium"});
    CHECK(europe_auto == europe_medium);
    CHECK(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "x.png",
                     "--detail", "high"})
              .code == 2);
}

TEST_CASE("e2e: AWS, Azure and GCP with a Europe inset leave no site unlabelled", "[e2e]") {
    e2e::TempDir dir;
    auto run = run_dcmap({"render", e2e::source_file("regions/aws-azure-gcp.yaml"), "-o",
                          dir / "map.png", "--inset", "europe", "--layout-json", dir / "l.json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "l.json"));
    const auto root = doc.GetRoot();
    std::size_t sites = 0, unlabelled = 0, in_inset = 0;
    for (const auto& site : root.GetArray("sites")) {
        ++sites;
        if (site.GetString("outcome") == "unlabelled")
            ++unlabelled;
        if (site.GetString("inset", "") == "europe")
            ++in_inset;
    }
    std::printf(
        "aws-azure-gcp with --inset europe: %zu of %zu sites unlabelled, %zu in the inset\n",
        unlabelled, sites, in_inset);
    CHECK(sites == 153);
    CHECK(unlabelled == 0);
    CHECK(in_inset >= 40);
    // Inside the inset the same promises hold: labels inside its frame, clear of each other and
    // of its markers; every site it shows is named by a label.
    const auto inset = root.GetArray("insets")[0];
    const auto box = inset.GetObj("box");
    const double bx = box.GetDouble("x"), by = box.GetDouble("y");
    const double bw = box.GetDouble("w"), bh = box.GetDouble("h");
    struct B {
        double x0, y0, x1, y1;
    };
    auto overlaps = [](const B& a, const B& b) {
        return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    };
    std::vector<B> labels, markers;
    std::set<std::string> named;
    for (const auto& l : inset.GetArray("labels")) {
        const double x = l.GetDouble("x"), y = l.GetDouble("y");
        labels.push_back({x, y, x + l.GetDouble("w"), y + l.GetDouble("h")});
        CHECK(x >= bx);
        CHECK(y >= by);
        CHECK(x + l.GetDouble("w") <= bx + bw);
        CHECK(y + l.GetDouble("h") <= by + bh);
        const auto members = l.GetArray("members");
        if (members.IsValid() && members.Size() > 0)
            for (const auto& id : members)
                named.insert(id.ToString());
        else
            named.insert(l.GetString("id"));
    }
    for (const auto& m : inset.GetArray("markers")) {
        const double x = m.GetDouble("x"), y = m.GetDouble("y"), r = m.GetDouble("r");
        markers.push_back({x - r, y - r, x + r, y + r});
        CHECK(named.count(m.GetString("id")) == 1);
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            CHECK_FALSE(overlaps(labels[i], labels[j]));
        for (const auto& m : markers)
            CHECK_FALSE(overlaps(labels[i], m));
    }
}

TEST_CASE("e2e: countries hosting a live site are tinted, a retired site's are not", "[e2e]") {
    e2e::TempDir dir;
    const dcmap::SiteFile file = dcmap::config::load_site_file(fixture("e2e-host-tint.yaml"));
    dcmap::Diagnostics diagnostics;
    dcmap::app::RenderSettings settings;
    settings.map.width =
        dcmap::Setting<dcmap::Length>{{static_cast<double>(1600), dcmap::LengthUnit::px}, {}};
    const auto layout =
        dcmap::cli::render_site_file(file, settings, {dir / "map.png"}, diagnostics);
    CHECK(layout.host_countries == std::vector<std::string>{"FR"});
    const dcmap::Style style = dcmap::config::load_style("default");
    const dcmap::project::Projector projector(dcmap::project::parse_projection(""));
    auto colour_at = [&](double lon, double lat) {
        const auto p = layout.transform.to_pixels(*projector.forward(lon, lat));
        return pixel(dir / "map.png", p.x, p.y);
    };
    auto near = [](Rgb c, dcmap::Color want) {
        return std::abs(c.r - want.r * 255) < 4 && std::abs(c.g - want.g * 255) < 4 &&
               std::abs(c.b - want.b * 255) < 4;
    };
    CHECK(near(colour_at(2.0, 45.0), style.host_country)); // central France
    CHECK(near(colour_at(8.0, 51.5), style.land));         // western Germany, clear of labels
}

namespace {

/// The inset promises on a real render: every inset marker within its shift bound of where PROJ
/// puts its site through the inset's transform, inside the inset, apart from the others; every
/// site there named by a label, a key number or nowhere, never as grouped.
void check_real_insets(const dcmap::MapLayout& layout, const dcmap::Style& style,
                       const dcmap::project::Projector& projector) {
    std::map<std::string, dcmap::LabelOutcome> outcome(layout.outcomes.begin(),
                                                       layout.outcomes.end());
    for (const auto& inset : layout.insets) {
        INFO("inset " << inset.name);
        CHECK_FALSE(inset.caption.text.empty());
        struct Disc {
            double x, y, r;
        };
        std::vector<Disc> discs;
        for (const auto& m : inset.markers) {
            INFO(m.id);
            const auto truth = inset.transform.to_pixels(*projector.forward(m.lon, m.lat));
            CHECK(std::abs(m.true_x - truth.x) < 1e-6);
            CHECK(std::abs(m.true_y - truth.y) < 1e-6);
            CHECK(std::hypot(m.x - truth.x, m.y - truth.y) <=
                  2 * m.r * style.marker_max_shift + 1e-6);
            CHECK(outcome.at(m.id) != dcmap::LabelOutcome::grouped);
            discs.push_back({m.x, m.y, m.r});
        }
        for (const auto& a : inset.aggregates) {
            CHECK(std::hypot(a.x - a.true_x, a.y - a.true_y) <=
                  2 * a.r * style.marker_max_shift + 1e-6);
            for (const auto& id : a.members)
                CHECK(outcome.at(id) != dcmap::LabelOutcome::grouped);
            discs.push_back({a.x, a.y, a.r});
        }
        for (std::size_t i = 0; i < discs.size(); ++i) {
            const auto& a = discs[i];
            CHECK(inset.box.contains({a.x - a.r, a.y - a.r, a.x + a.r, a.y + a.r}));
            for (std::size_t j = i + 1; j < discs.size(); ++j)
                CHECK(std::hypot(a.x - discs[j].x, a.y - discs[j].y) >= a.r + discs[j].r - 1e-3);
        }
        for (const auto& l : inset.labels) {
            CHECK(inset.box.contains(l.box));
            for (const auto& d : discs) {
                // The disc, not its bounding square: diagonal labels hug a disc's curve.
                const double dx = std::max({l.box.min_x - d.x, 0.0, d.x - l.box.max_x});
                const double dy = std::max({l.box.min_y - d.y, 0.0, d.y - l.box.max_y});
                CHECK(std::hypot(dx, dy) >= d.r - 1e-6);
            }
        }
    }
}

} // namespace

TEST_CASE("e2e: the README map takes both the Europe and the East Asia inset at every size",
          "[e2e]") {
    e2e::TempDir dir;
    const dcmap::SiteFile file =
        dcmap::config::load_site_file(e2e::source_file("regions/aws-azure-gcp.yaml"));
    const dcmap::Style style = dcmap::config::load_style("default");
    const dcmap::project::Projector projector(dcmap::project::parse_projection(""));
    for (auto [width, height] : {std::pair{1200, 0}, {2400, 0}, {3840, 2160}}) {
        INFO(width << "x" << height);
        dcmap::Diagnostics diagnostics;
        dcmap::app::RenderSettings settings;
        settings.map.width =
            dcmap::Setting<dcmap::Length>{{static_cast<double>(width), dcmap::LengthUnit::px}, {}};
        if (height > 0)
            settings.map.height = dcmap::Setting<dcmap::Length>{
                {static_cast<double>(height), dcmap::LengthUnit::px}, {}};
        settings.map.insets = dcmap::Setting<std::vector<dcmap::MapInset>>{
            {dcmap::config::parse_inset("europe"), dcmap::config::parse_inset("east-asia")}, {}};
        const auto layout =
            dcmap::cli::render_site_file(file, settings, {dir / "map.png"}, diagnostics);
        for (const auto& w : diagnostics.warnings)
            CHECK(w.message.find("inset") != 0);
        REQUIRE(layout.insets.size() == 2);
        CHECK(layout.insets[0].caption.text == "Europe");
        CHECK(layout.insets[1].caption.text == "East Asia");
        CHECK_FALSE(layout.insets[0].box.intersects(layout.insets[1].box));
        check_real_insets(layout, style, projector);
    }
}

TEST_CASE("e2e: a refused inset names a canvas width that fits it, and that width does", "[e2e]") {
    e2e::TempDir dir;
    auto small = run_dcmap({"render", e2e::source_file("regions/aws-azure-gcp.yaml"), "-o",
                            dir / "small.png", "--width", "600", "--inset", "europe", "--inset",
                            "east-asia"});
    REQUIRE(small.code == 0);
    const auto at = small.err.find("would fit it (--width ");
    INFO(small.err);
    REQUIRE(at != std::string::npos);
    CHECK(small.err.find("finds no place on the map that hides no site") != std::string::npos);
    const std::string width = small.err.substr(at + 22, small.err.find(')', at) - (at + 22));
    auto fitted = run_dcmap({"render", e2e::source_file("regions/aws-azure-gcp.yaml"), "-o",
                             dir / "fitted.png", "--width", width, "--inset", "europe", "--inset",
                             "east-asia", "--layout-json", dir / "fitted.json"});
    INFO(fitted.err);
    REQUIRE(fitted.code == 0);
    CHECK(fitted.err.find("warning: inset") == std::string::npos);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "fitted.json"));
    CHECK(doc.GetRoot().GetArray("insets").Size() == 2);
}

TEST_CASE("e2e: --extent W,S,E,N with W > E shows the box across 180 degrees, centred on it",
          "[e2e]") {
    e2e::TempDir dir;
    auto run =
        run_dcmap({"render", fixture("antimeridian-pacific.yaml"), "-o", dir / "m.png", "--extent",
                   "150,-50,-150,10", "--width", "800", "--layout-json", dir / "m.json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CHECK(run.err.find("2 sites lie outside the visible map") != std::string::npos);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "m.json"));
    std::map<std::string, double> x;
    for (const auto& m : doc.GetRoot().GetArray("markers"))
        x[m.GetString("id")] = m.GetDouble("x");
    CHECK(x.size() == 5); // Sydney to Papeete; not Lima or London
    // West to east across 180: Sydney, Auckland, Suva, Apia, Papeete in that order.
    CHECK(x.at("syd") < x.at("akl"));
    CHECK(x.at("akl") < x.at("suv"));
    CHECK(x.at("suv") < x.at("apw"));
    CHECK(x.at("apw") < x.at("ppt"));
    // The map is centred on 180: Suva and Apia sit either side of the frame's middle.
    const auto frame = doc.GetRoot().GetObj("map_frame");
    const double middle = frame.GetDouble("x") + frame.GetDouble("w") / 2;
    CHECK(x.at("suv") < middle);
    CHECK(x.at("apw") > middle);

    // With a centre that puts the map's edge inside the box: an error, no map.
    auto cut = run_dcmap({"render", fixture("antimeridian-pacific.yaml"), "-o", dir / "c.png",
                          "--extent", "150,-50,-150,10", "--center", "0"});
    CHECK(cut.code == 1);
    CHECK(cut.err.find("is cut in two by the map's edge at 180") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "c.png"));
}

TEST_CASE("e2e: an inset box across the antimeridian magnifies the area across 180", "[e2e]") {
    e2e::TempDir dir;
    auto run =
        run_dcmap({"render", fixture("antimeridian-pacific.yaml"), "-o", dir / "m.png", "--center",
                   "180", "--inset", "165,-40,-165,-10", "--layout-json", dir / "m.json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.Load(dir / "m.json"));
    const auto insets = doc.GetRoot().GetArray("insets");
    REQUIRE(insets.Size() == 1);
    CHECK(insets[0].GetString("caption") == "10\u201340\u00b0S, 165\u00b0E\u2013165\u00b0W");
    std::set<std::string> shown;
    for (const auto& m : insets[0].GetArray("markers"))
        shown.insert(m.GetString("id"));
    for (const auto& a : insets[0].GetArray("aggregates"))
        for (const auto& id : a.GetArray("members"))
            shown.insert(id.ToString());
    CHECK(shown == std::set<std::string>{"akl", "apw", "suv"});
}
