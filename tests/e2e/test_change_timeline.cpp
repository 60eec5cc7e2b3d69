// End to end: change maps (`diff -o`), --strict on unnamed sites, and timelines (--as-of,
// --facet), checked on the layout JSON they write.
#include "e2e_support.hpp"

#include <catch2/catch.hpp>
#include <cpl_json.h>

#include <filesystem>
#include <map>
#include <set>

using e2e::fixture;
using e2e::read_bytes;
using e2e::run_dcmap;
using e2e::TempDir;

namespace {

CPLJSONObject load_json(const std::string& path) {
    CPLJSONDocument doc;
    REQUIRE(doc.Load(path));
    return doc.GetRoot();
}

struct Box {
    double min_x, min_y, max_x, max_y;
    bool overlaps(const Box& o) const {
        return min_x < o.max_x && o.min_x < max_x && min_y < o.max_y && o.min_y < max_y;
    }
};

/// An {x, y, w, h} object (a label, or a box of the layout JSON); none for null.
Box box_of(const CPLJSONObject& b) {
    if (b.GetType() != CPLJSONObject::Type::Object)
        return {0, 0, 0, 0};
    const double x = b.GetDouble("x"), y = b.GetDouble("y");
    return {x, y, x + b.GetDouble("w"), y + b.GetDouble("h")};
}

bool is_box(const CPLJSONObject& b) { return b.GetType() == CPLJSONObject::Type::Object; }

/// Where a site projects, as a fraction of the map frame's width and height: comparable between
/// two maps of one extent whose title bands differ.
struct Spot {
    double u = 0, v = 0;
};
Spot spot(const CPLJSONObject& layout, double x, double y) {
    const Box frame = box_of(layout.GetObj("map_frame"));
    return {(x - frame.min_x) / (frame.max_x - frame.min_x),
            (y - frame.min_y) / (frame.max_y - frame.min_y)};
}

std::map<std::string, CPLJSONObject> markers_by_id(const CPLJSONObject& layout) {
    std::map<std::string, CPLJSONObject> out;
    for (const auto& m : layout.GetArray("markers"))
        out[m.GetString("id")] = m;
    return out;
}

} // namespace

TEST_CASE("e2e: diff -o draws each change at its site, distinct from unchanged ones", "[e2e]") {
    TempDir dir;
    const std::vector<std::string> frame = {"--extent", "-15,35,30,65", "--width", "900"};
    std::vector<std::string> args = {"diff",
                                     fixture("diff-old.yaml"),
                                     fixture("diff-new.yaml"),
                                     "-o",
                                     dir / "change.png",
                                     "-o",
                                     dir / "change.svg",
                                     "--layout-json",
                                     dir / "change.json"};
    args.insert(args.end(), frame.begin(), frame.end());
    const auto run = run_dcmap(args);
    INFO(run.err);
    REQUIRE(run.code == 0);
    // The change list still goes to standard output.
    CHECK(run.out.find("1 added, 1 removed, 1 status changed, 1 moved") != std::string::npos);
    CHECK(read_bytes(dir / "change.png").substr(1, 3) == "PNG");
    CHECK(read_bytes(dir / "change.svg").find("<svg") != std::string::npos);

    // The same sites drawn by render, as each version has them.
    for (const char* version : {"old", "new"}) {
        std::vector<std::string> plain = {"render",
                                          fixture(std::string("diff-") + version + ".yaml"),
                                          "-o",
                                          dir / (std::string(version) + ".png"),
                                          "--layout-json",
                                          dir / (std::string(version) + ".json"),
                                          "--markers",
                                          "sites"};
        plain.insert(plain.end(), frame.begin(), frame.end());
        REQUIRE(run_dcmap(plain).code == 0);
    }
    const auto change = load_json(dir / "change.json");
    const auto before = load_json(dir / "old.json");
    const auto after = load_json(dir / "new.json");
    auto drawn = markers_by_id(change);
    const auto old_markers = markers_by_id(before), new_markers = markers_by_id(after);

    const std::map<std::string, std::string> expected = {
        {"waw", "added"}, {"mad", "removed"},   {"par", "status"},
        {"osl", "moved"}, {"fra", "unchanged"}, {"dub", "unchanged"}};
    REQUIRE(drawn.size() == expected.size());
    for (const auto& [id, kind] : expected) {
        INFO(id);
        REQUIRE(drawn.count(id) == 1);
        CHECK(drawn[id].GetString("change") == kind);
        // At the site: where render puts it in the version that has it (the older one for a
        // removed site), to a tenth of a per cent of the frame.
        const auto& reference = kind == "removed" ? old_markers.at(id) : new_markers.at(id);
        const Spot want = spot(kind == "removed" ? before : after, reference.GetDouble("true_x"),
                               reference.GetDouble("true_y"));
        const Spot got = spot(change, drawn[id].GetDouble("true_x"), drawn[id].GetDouble("true_y"));
        CHECK(got.u == Approx(want.u).margin(0.001));
        CHECK(got.v == Approx(want.v).margin(0.001));
    }
    // The moved site's line starts where the older version had it.
    const Spot was = spot(before, old_markers.at("osl").GetDouble("true_x"),
                          old_markers.at("osl").GetDouble("true_y"));
    const Spot from =
        spot(change, drawn["osl"].GetDouble("from_x"), drawn["osl"].GetDouble("from_y"));
    CHECK(from.u == Approx(was.u).margin(0.001));
    CHECK(from.v == Approx(was.v).margin(0.001));
    // Unchanged sites are drawn smaller than changed ones of the same size.
    CHECK(drawn["fra"].GetDouble("r") < drawn["par"].GetDouble("r"));
    CHECK(drawn["dub"].GetDouble("r") < drawn["osl"].GetDouble("r"));
    // An ordinary map carries no change marks.
    CHECK(old_markers.at("mad").GetString("change", "none") == "none");
}

TEST_CASE("e2e: diff -o refuses what is not a map file", "[e2e]") {
    TempDir dir;
    const auto bad = run_dcmap(
        {"diff", fixture("diff-old.yaml"), fixture("diff-new.yaml"), "-o", dir / "change.jpg"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("change.jpg") != std::string::npos);
    const auto json_only = run_dcmap({"diff", fixture("diff-old.yaml"), fixture("diff-new.yaml"),
                                      "--layout-json", dir / "x.json"});
    CHECK(json_only.code == 2);
}

TEST_CASE("e2e: render --strict fails when a site is left unnamed", "[e2e]") {
    TempDir dir;
    // Dense Europe on a small canvas without a key: some sites find no room for a label.
    const std::vector<std::string> base = {
        "render", fixture("e2e-dense-europe.yaml"), "--width", "360", "--key", "never", "--markers",
        "sites"};
    auto plain = base;
    plain.insert(plain.end(), {"-o", dir / "plain.png", "--layout-json", dir / "plain.json"});
    const auto ok = run_dcmap(plain);
    INFO(ok.err);
    REQUIRE(ok.code == 0);
    const auto layout = load_json(dir / "plain.json");
    const auto dropped = layout.GetArray("dropped");
    REQUIRE(dropped.Size() > 0);

    auto strict = base;
    strict.insert(strict.end(), {"-o", dir / "strict.png", "--strict"});
    const auto failed = run_dcmap(strict);
    CHECK(failed.code == 1);
    CHECK(failed.err.find("left unnamed") != std::string::npos);
    CHECK(failed.err.find(dropped[0].ToString()) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "strict.png"));

    // A map that names every site passes --strict.
    const auto fine = run_dcmap({"render", fixture("diff-new.yaml"), "-o", dir / "fine.png",
                                 "--strict", "--width", "1200"});
    INFO(fine.err);
    CHECK(fine.code == 0);
}

TEST_CASE("e2e: --as-of draws the sites as they stood at the date", "[e2e]") {
    TempDir dir;
    const auto statuses = [&](const std::string& date) {
        const auto run = run_dcmap({"render", fixture("timeline-dated.yaml"), "--as-of", date, "-o",
                                    dir / "t.png", "--layout-json", dir / "t.json", "--markers",
                                    "sites", "--width", "1200"});
        INFO(run.err);
        REQUIRE(run.code == 0);
        std::map<std::string, std::string> out;
        for (const auto& m : load_json(dir / "t.json").GetArray("markers"))
            out[m.GetString("id")] = m.GetString("status");
        return out;
    };
    using States = std::map<std::string, std::string>;
    CHECK(statuses("2016") == States{{"fra", "live"}, {"dub", "retired"}});
    CHECK(statuses("2017") == States{{"fra", "live"}, {"dub", "retired"}, {"tyo", "announced"}});
    CHECK(statuses("2020-12") == States{{"fra", "live"},
                                        {"dub", "retired"},
                                        {"tyo", "live"},
                                        {"bom", "announced"},
                                        {"gru", "announced"},
                                        {"iad", "live"}});
    const States now = statuses("2022");
    CHECK(now.at("syd") == "live");
    CHECK(now.at("bom") == "under-construction");

    const auto early = run_dcmap(
        {"render", fixture("timeline-dated.yaml"), "--as-of", "2001", "-o", dir / "e.png"});
    CHECK(early.code == 1);
    CHECK(early.err.find("no site had been announced or opened by 2001") != std::string::npos);
    const auto bad = run_dcmap(
        {"render", fixture("timeline-dated.yaml"), "--as-of", "2020-13", "-o", dir / "b.png"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--as-of") != std::string::npos);
}

TEST_CASE("e2e: --facet draws panels in a grid with one legend that hides nothing", "[e2e]") {
    TempDir dir;
    for (const char* facet : {"year", "provider", "status"}) {
        for (int width : {1280, 2400}) {
            INFO(facet << " at " << width);
            const auto run = run_dcmap({"render", fixture("timeline-dated.yaml"), "--facet", facet,
                                        "--width", std::to_string(width), "-o", dir / "f.png",
                                        "--layout-json", dir / "f.json"});
            INFO(run.err);
            REQUIRE(run.code == 0);
            const auto layout = load_json(dir / "f.json");
            CHECK(layout.GetDouble("width") == width);
            const auto panels = layout.GetArray("panels");
            REQUIRE(panels.Size() >= 2);
            const Box legend = box_of(layout.GetObj("legend"));
            const Box title = box_of(layout.GetObj("title"));
            std::vector<Box> frames;
            std::set<std::string> captions;
            for (const auto& panel : panels) {
                const auto map = panel.GetObj("layout");
                const double x = panel.GetDouble("x"), y = panel.GetDouble("y");
                const Box frame{x, y, x + map.GetDouble("width"), y + map.GetDouble("height")};
                CHECK(frame.max_x <= width + 0.5);
                CHECK(frame.max_y <= layout.GetDouble("height") + 0.5);
                CHECK_FALSE(frame.overlaps(legend));
                CHECK_FALSE(frame.overlaps(title));
                for (const auto& other : frames)
                    CHECK_FALSE(frame.overlaps(other));
                frames.push_back(frame);
                captions.insert(panel.GetString("caption"));
                // Each panel keeps the invariants of a map: labels inside its canvas, apart.
                std::vector<Box> labels;
                for (const auto& label : map.GetArray("labels")) {
                    const Box b = box_of(label);
                    CHECK(b.min_x >= 0);
                    CHECK(b.min_y >= 0);
                    CHECK(b.max_x <= map.GetDouble("width") + 0.5);
                    CHECK(b.max_y <= map.GetDouble("height") + 0.5);
                    for (const auto& o : labels)
                        CHECK_FALSE(b.overlaps(o));
                    labels.push_back(b);
                }
                // No panel has a legend of its own: the canvas's is shared.
                CHECK_FALSE(is_box(map.GetObj("legend")));
            }
            CHECK(captions.size() == static_cast<std::size_t>(panels.Size()));
            CHECK(legend.max_x > legend.min_x); // there is one, and it overlaps no panel
        }
    }
    const auto year = run_dcmap({"render", fixture("timeline-dated.yaml"), "--facet", "year", "-o",
                                 dir / "y.png", "--layout-json", dir / "y.json"});
    std::vector<std::string> captions;
    for (const auto& panel : load_json(dir / "y.json").GetArray("panels"))
        captions.push_back(panel.GetString("caption"));
    CHECK(captions ==
          std::vector<std::string>{"2012", "2015", "2017", "2018", "2019", "2020", "2021"});
    CHECK(year.err.find("1 site has no opened: or announced: date") != std::string::npos);
    CHECK(run_dcmap(
              {"render", fixture("timeline-dated.yaml"), "--facet", "month", "-o", dir / "m.png"})
              .code == 2);
}
