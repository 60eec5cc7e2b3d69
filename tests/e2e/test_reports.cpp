// End to end: maps for web pages and reports (SVG ids, accessibility, PNG/PDF metadata), the
// stats and diff commands, and the CI conveniences of render (-o -, -, unchanged, -q/-v).
#include "e2e_support.hpp"
#include "support/png_pixels.hpp"

#include <catch2/catch.hpp>
#include <cpl_json.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>

using e2e::fixture;
using e2e::read_bytes;
using e2e::run_dcmap;

namespace {

std::set<std::string> captures(const std::string& text, const std::string& pattern) {
    std::set<std::string> out;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it)
        out.insert((*it)[1]);
    return out;
}

std::set<std::string> svg_ids(const std::string& svg) { return captures(svg, " id=\"([^\"]+)\""); }

std::set<std::string> svg_references(const std::string& svg) {
    auto refs = captures(svg, "url\\(#([^)]+)\\)");
    for (const auto& r : captures(svg, "href=\"#([^\"]+)\""))
        refs.insert(r);
    for (const auto& labels : captures(svg, "aria-labelledby=\"([^\"]+)\"")) {
        std::istringstream words(labels);
        for (std::string w; words >> w;)
            refs.insert(w);
    }
    return refs;
}

/// Standard input replaced by `text` while the object lives.
struct StdinFrom {
    std::istringstream text;
    std::streambuf* saved;
    explicit StdinFrom(const std::string& s) : text(s), saved(std::cin.rdbuf(text.rdbuf())) {}
    ~StdinFrom() {
        std::cin.rdbuf(saved);
        std::cin.clear();
    }
};

CPLJSONObject parse_json(const std::string& text) {
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(text));
    return doc.GetRoot();
}

} // namespace

TEST_CASE("e2e: two different maps' SVGs inlined in one page share no id and resolve their own",
          "[e2e]") {
    e2e::TempDir dir;
    const std::string mode = GENERATE("text", "paths");
    INFO("--svg-text " << mode);
    REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "a.svg",
                       "--width", "500", "--svg-text", mode})
                .code == 0);
    REQUIRE(run_dcmap({"render", fixture("diff-new.yaml"), "-o", dir / "b.svg", "--width", "500",
                       "--svg-text", mode})
                .code == 0);
    const std::string a = read_bytes(dir / "a.svg"), b = read_bytes(dir / "b.svg");
    const auto ids_a = svg_ids(a), ids_b = svg_ids(b);
    REQUIRE(ids_a.size() > 5);
    REQUIRE(ids_b.size() > 5);
    for (const auto& id : ids_a)
        CHECK(ids_b.count(id) == 0);
    for (const auto& [svg, ids] : {std::pair{&a, &ids_a}, std::pair{&b, &ids_b}}) {
        const auto refs = svg_references(*svg);
        REQUIRE(refs.size() > 3);
        for (const auto& r : refs)
            CHECK(ids->count(r) == 1);
        CHECK(svg->find("role=\"img\"") != std::string::npos);
    }
    CHECK(
        std::regex_search(a, std::regex("<title id=\"a-[0-9a-f]{8}-title\">End-to-end test map")));
    CHECK(std::system(
              ("xmllint --noout '" + (dir / "a.svg") + "' '" + (dir / "b.svg") + "'").c_str()) ==
          0);

    // The same two files inlined in one HTML page: still well-formed, and no id twice.
    std::string page = "<html><body>\n";
    for (const auto* svg : {&a, &b})
        page += svg->substr(svg->find("<svg")) + "\n";
    page += "</body></html>\n";
    const auto all = captures(page, " id=\"([^\"]+)\"");
    CHECK(all.size() == ids_a.size() + ids_b.size());
    // Each map keeps its own tooltips and words.
    for (const auto* svg : {&a, &b})
        CHECK(svg->find("<g class=\"dcmap-site\"><title>") != std::string::npos);
    if (mode == "text")
        CHECK(b.find(">Diff test, after</text>") != std::string::npos);
}

TEST_CASE("e2e: --svg-id-prefix names every id of the SVG", "[e2e]") {
    e2e::TempDir dir;
    REQUIRE(run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "a.svg",
                       "--width", "400", "--svg-id-prefix", "fig1-"})
                .code == 0);
    for (const auto& id : svg_ids(read_bytes(dir / "a.svg")))
        CHECK(id.rfind("fig1-", 0) == 0);
    const auto bad = run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o",
                                dir / "b.svg", "--svg-id-prefix", "1x"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("must start with a letter") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "b.svg"));
}

TEST_CASE("e2e: PNG text chunks and the PDF date follow the file and SOURCE_DATE_EPOCH", "[e2e]") {
    e2e::TempDir dir;
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    const auto run = run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o",
                                dir / "a.png", "-o", dir / "a.pdf", "--width", "400"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    REQUIRE(run.code == 0);
    const std::string png = read_bytes(dir / "a.png");
    CHECK(png.find(std::string("tEXtTitle\0End-to-end test map", 29)) != std::string::npos);
    CHECK(png.find(std::string("tEXtSource\0dcmap test fixture", 29)) != std::string::npos);
    CHECK(png.find("Natural Earth") != std::string::npos);
    CHECK(read_bytes(dir / "a.pdf").find("/CreationDate (D:202311142213Z)") != std::string::npos);

    ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    const auto bad =
        run_dcmap({"render", fixture("e2e-explicit-coordinates.yaml"), "-o", dir / "b.pdf"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("SOURCE_DATE_EPOCH") != std::string::npos);
}

TEST_CASE("e2e: a one-site map says '1 site' in its description", "[e2e]") {
    e2e::TempDir dir;
    StdinFrom in("title: One\nsites:\n  - {name: Oslo, lat: 59.91, lon: 10.75}\n");
    REQUIRE(run_dcmap({"render", "-", "-o", dir / "one.svg", "--width", "300"}).code == 0);
    CHECK(read_bytes(dir / "one.svg").find("Map of 1 site (1 live)") != std::string::npos);
}

TEST_CASE("e2e: render -o - writes the same bytes as the file, and - reads standard input",
          "[e2e]") {
    e2e::TempDir dir;
    const std::string input = fixture("e2e-explicit-coordinates.yaml");
    for (std::string format : {"png", "svg", "pdf"}) {
        const std::string file = dir / ("e2e-explicit-coordinates." + format);
        REQUIRE(run_dcmap({"render", input, "-o", file, "--width", "400"}).code == 0);
        const auto piped =
            run_dcmap({"render", input, "-o", "-", "--format", format, "--width", "400"});
        INFO(format << ": " << piped.err);
        CHECK(piped.code == 0);
        CHECK(piped.err.empty());
        CHECK(piped.out == read_bytes(file));
    }
    {
        StdinFrom in(read_bytes(input));
        const auto from_stdin =
            run_dcmap({"render", "-", "-o", "-", "--format", "png", "--width", "400"});
        CHECK(from_stdin.code == 0);
        CHECK(from_stdin.out == read_bytes(dir / "e2e-explicit-coordinates.png"));
    }
    const auto two = run_dcmap({"render", input, "-o", "-", "--format", "png,svg"});
    CHECK(two.code == 2);
    CHECK(two.out.empty());
    CHECK(!std::filesystem::exists("-"));
}

TEST_CASE("e2e: an unchanged re-render leaves the map's file and mtime alone", "[e2e]") {
    e2e::TempDir dir;
    const std::string input = fixture("e2e-explicit-coordinates.yaml");
    const std::string map = dir / "map.png";
    REQUIRE(run_dcmap({"render", input, "-o", map, "--width", "400"}).code == 0);
    const auto old_time = std::filesystem::last_write_time(map) - std::chrono::hours(24);
    std::filesystem::last_write_time(map, old_time);
    const auto again = run_dcmap({"render", input, "-o", map, "--width", "400"});
    CHECK(again.code == 0);
    CHECK(again.out == "unchanged " + map + "\n");
    CHECK(std::filesystem::last_write_time(map) == old_time);
    const auto changed = run_dcmap({"render", input, "-o", map, "--width", "420"});
    CHECK(changed.out == "wrote " + map + "\n");
    CHECK(std::filesystem::last_write_time(map) != old_time);
}

TEST_CASE("e2e: -q prints nothing on success, -v a summary line per map", "[e2e]") {
    e2e::TempDir dir;
    const std::string input = fixture("e2e-explicit-coordinates.yaml");
    const auto quiet = run_dcmap({"render", input, "-o", dir / "q.png", "--width", "400", "-q"});
    CHECK(quiet.code == 0);
    CHECK(quiet.out.empty());
    CHECK(quiet.err.empty());
    const auto verbose = run_dcmap({"render", input, "-o", dir / "v.png", "--width", "400", "-v"});
    CHECK(verbose.code == 0);
    CHECK(verbose.out.find(input + ": 3 sites (sites), 3 named") != std::string::npos);
    CHECK(run_dcmap({"render", input, "-o", dir / "x.png", "-q", "-v"}).code == 2);
    // At 300 dpi a 16 cm page is 1889.76 layout pixels: the line gives the PNG's own size.
    const auto report = run_dcmap({"render", input, "-o", dir / "r.png", "--size", "report", "-v"});
    CHECK(report.code == 0);
    const auto png = dcmap::test::decode_png(e2e::read_bytes(dir / "r.png"));
    CHECK(report.out.find("; " + std::to_string(png.width) + " x " + std::to_string(png.height) +
                          " px") != std::string::npos);
    // A density surface names no site: its sites are counted apart, not as named.
    const auto density = run_dcmap(
        {"render", input, "-o", dir / "d.png", "--markers", "density", "--width", "400", "-v"});
    CHECK(density.code == 0);
    CHECK(density.out.find("0 named, 0 in the key, 0 unnamed, 3 in the density surface") !=
          std::string::npos);
}

TEST_CASE("e2e: in folder mode a warning that has no line names its file", "[e2e]") {
    e2e::TempDir in, out;
    std::filesystem::copy_file(fixture("e2e-explicit-coordinates.yaml"), in / "world.yaml");
    std::filesystem::copy_file(fixture("diff-old.yaml"), in / "europe.yaml");
    const auto run = run_dcmap({"render", in.path.string(), "-o", out.path.string(), "--extent",
                                "europe", "--width", "400"});
    CHECK(run.code == 0);
    CHECK(run.err.find(in / "world.yaml" + ": warning: 2 sites lie outside the visible map") !=
          std::string::npos);
    CHECK(run.err.find("europe.yaml") == std::string::npos);
}

TEST_CASE("e2e: stats totals equal the file's sites, zones and megawatts", "[e2e]") {
    const auto run = run_dcmap({"stats", fixture("diff-new.yaml"), "--format", "json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    const auto json = parse_json(run.out);
    CHECK(json.GetInteger("sites") == 5);
    CHECK(json.GetInteger("zones") == 3);
    CHECK(json.GetDouble("mw") == 12.5);
    CHECK(json.GetObj("announced").GetString("first") == "2026-03-01");
    const auto status = json.GetArray("by_status");
    REQUIRE(status.Size() == 2);
    CHECK(status[0].GetString("key") == "live");
    CHECK(status[0].GetInteger("sites") == 4);
    CHECK(status[1].GetString("key") == "announced");
    const auto continents = json.GetArray("by_continent");
    REQUIRE(continents.Size() == 1);
    CHECK(continents[0].GetString("key") == "Europe");
    int countries = 0;
    for (const auto& c : json.GetArray("by_country"))
        countries += c.GetInteger("sites");
    CHECK(countries == 5);
    const auto providers = json.GetArray("by_provider");
    REQUIRE(providers.Size() == 2);
    CHECK(providers[0].GetString("key") == "Example Cloud");
    CHECK(providers[0].GetInteger("sites") == 3);

    const auto md = run_dcmap({"stats", fixture("diff-new.yaml")});
    CHECK(md.out.find("| total | 5 | 3 (1 of 5) | 12.5 (1 of 5) |") != std::string::npos);
    CHECK(md.out.find("| Norway (NO) | 1 |") != std::string::npos);
    const auto csv =
        run_dcmap({"stats", fixture("diff-new.yaml"), fixture("diff-old.yaml"), "--format", "csv"});
    CHECK(csv.out.rfind("group,key,name,sites,zones,mw\ntotal,,,10,6,12.5\n", 0) == 0);
}

TEST_CASE("e2e: diff lists added, removed, status-changed and moved sites", "[e2e]") {
    const auto run =
        run_dcmap({"diff", fixture("diff-old.yaml"), fixture("diff-new.yaml"), "--format", "json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    const auto json = parse_json(run.out);
    std::vector<std::string> changes;
    for (const auto& c : json.GetArray("changes"))
        changes.push_back(c.GetString("change") + " " + c.GetString("site"));
    CHECK(changes ==
          std::vector<std::string>{"added waw", "removed mad", "status par", "moved osl"});
    const auto moved = json.GetArray("changes")[3];
    CHECK(moved.GetDouble("distance_km") == Approx(305).margin(5));
    CHECK(json.GetArray("changes")[2].GetObj("before").GetString("status") == "announced");

    const auto md = run_dcmap({"diff", fixture("diff-old.yaml"), fixture("diff-new.yaml")});
    CHECK(md.out.find("1 added, 1 removed, 1 status changed, 1 moved (5 → 5 sites)") !=
          std::string::npos);
    CHECK(md.out.find("| status | par | Paris | Example Cloud | announced → live |") !=
          std::string::npos);
    const auto csv =
        run_dcmap({"diff", fixture("diff-old.yaml"), fixture("diff-new.yaml"), "--format", "csv"});
    CHECK(csv.out.find("\nmoved,osl,Oslo,Other Cloud,live,live,") != std::string::npos);
    // A larger threshold turns the move into no change.
    const auto far = run_dcmap({"diff", fixture("diff-old.yaml"), fixture("diff-new.yaml"),
                                "--format", "csv", "--moved-km", "400"});
    CHECK(far.out.find("\nmoved,") == std::string::npos);
}

TEST_CASE("e2e: diff --exit-code exits 1 on changes and 0 on none", "[e2e]") {
    CHECK(run_dcmap({"diff", fixture("diff-old.yaml"), fixture("diff-new.yaml"), "--exit-code"})
              .code == 1);
    const auto same =
        run_dcmap({"diff", fixture("diff-old.yaml"), fixture("diff-old.yaml"), "--exit-code"});
    CHECK(same.code == 0);
    CHECK(same.out.find("0 added, 0 removed, 0 status changed, 0 moved") != std::string::npos);
}

TEST_CASE("e2e: diff reads the older version from git or standard input", "[e2e]") {
    StdinFrom in(read_bytes(fixture("diff-old.yaml")));
    const auto piped = run_dcmap({"diff", "-", fixture("diff-new.yaml"), "--format", "csv"});
    CHECK(piped.code == 0);
    CHECK(piped.out.find("removed,mad") != std::string::npos);

    const std::string repo = DCMAP_SOURCE_DIR;
    if (std::system(("git -C '" + repo + "' rev-parse HEAD >/dev/null 2>&1").c_str()) != 0)
        return;
    const auto cwd = std::filesystem::current_path();
    std::filesystem::current_path(repo);
    const auto git = run_dcmap({"diff", "git:HEAD:regions/alibaba-cloud.yaml",
                                "regions/alibaba-cloud.yaml", "--format", "json"});
    const auto missing = run_dcmap(
        {"diff", "git:no-such-rev:regions/alibaba-cloud.yaml", "regions/alibaba-cloud.yaml"});
    std::filesystem::current_path(cwd);
    INFO(git.err);
    CHECK(git.code == 0);
    CHECK(parse_json(git.out).GetInteger("old_sites") > 20);
    CHECK(missing.code == 1);
    CHECK(missing.err.find("cannot read no-such-rev:regions/alibaba-cloud.yaml from git") !=
          std::string::npos);
}

TEST_CASE("e2e: {sites}, {zones} and status placeholders in the subtitle are filled in", "[e2e]") {
    e2e::TempDir dir;
    std::string text = read_bytes(fixture("diff-new.yaml"));
    text.replace(text.find("title: Diff test, after"), 23,
                 "title: \"{sites} sites\"\nsubtitle: \"{zones} zones, {announced} announced, "
                 "{countries} countries, {{x}}, {nope}\"");
    StdinFrom in(text);
    const auto run = run_dcmap({"render", "-", "-o", dir / "map.svg", "--width", "400"});
    REQUIRE(run.code == 0);
    CHECK(run.err.find("unknown placeholder {nope}") != std::string::npos);
    const std::string svg = read_bytes(dir / "map.svg");
    CHECK(svg.find("title\">5 sites</title>") != std::string::npos);
    // The subtitle is drawn as glyphs; the layout JSON is not needed: the title proves the
    // substitution, the unit test the rest.
}
