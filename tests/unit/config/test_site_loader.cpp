#include "config/map_settings.hpp"
#include "config/site_loader.hpp"
#include "config_test_support.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dcmap::Site;
using dcmap::SiteFile;
using dcmap::Status;
using dcmap::config::load_site_file;
using dcmap::config::parse_site_file;

namespace {

using dcmap::config::testing::error_lines;
using dcmap::config::testing::fixture;

std::vector<std::string> error_lines_of_file(const std::string& path) {
    return error_lines([&] { load_site_file(path); });
}

std::vector<std::string> error_lines_of_text(const std::string& text) {
    return error_lines([&] { parse_site_file(text, "t.yaml"); });
}

} // namespace

TEST_CASE("config: a plain list of sites loads with the three ways of giving a place", "[config]") {
    const SiteFile file = load_site_file(fixture("config-list.yaml"));
    REQUIRE(file.sites.size() == 3);
    CHECK(file.title.empty());

    const Site& hangzhou = file.sites[0];
    CHECK(hangzhou.name == "Hangzhou");
    REQUIRE(hangzhou.location_query);
    CHECK(*hangzhou.location_query == "Hangzhou, China");
    CHECK_FALSE(hangzhou.lat);
    CHECK_FALSE(hangzhou.lon);
    CHECK(hangzhou.location_pos.line == 3);
    CHECK(hangzhou.location_pos.column == 13);

    const Site& ulanqab = file.sites[1];
    CHECK_FALSE(ulanqab.location_query);
    REQUIRE(ulanqab.lat);
    REQUIRE(ulanqab.lon);
    CHECK(*ulanqab.lat == Approx(41.03));
    CHECK(*ulanqab.lon == Approx(113.13));
    CHECK(ulanqab.location_pos.line == 5);
    CHECK(ulanqab.location_pos.column == 8);

    const Site& amsterdam = file.sites[2];
    CHECK_FALSE(amsterdam.location_query);
    REQUIRE(amsterdam.lat);
    CHECK(*amsterdam.lat == Approx(52.37));
    CHECK(*amsterdam.lon == Approx(4.89));
    CHECK(amsterdam.status == Status::announced);
    CHECK(amsterdam.location_pos.line == 8);
}

TEST_CASE("config: a site without status is live and keeps its source position", "[config]") {
    const SiteFile file = load_site_file(fixture("config-list.yaml"));
    const Site& hangzhou = file.sites[0];
    CHECK(hangzhou.status == Status::live);
    CHECK(hangzhou.pos.file == fixture("config-list.yaml"));
    CHECK(hangzhou.pos.line == 2);
    CHECK(hangzhou.pos.column == 3);
    CHECK(hangzhou.id.empty());
    CHECK(hangzhou.key() == "Hangzhou");
    CHECK(hangzhou.priority == 0);
    CHECK_FALSE(hangzhou.zones);
}

TEST_CASE("config: the mapping form carries metadata, map settings and every site key",
          "[config]") {
    const SiteFile file = load_site_file(fixture("config-mapping.yaml"));
    CHECK(file.path == fixture("config-mapping.yaml"));
    CHECK(file.title == "Example Cloud");
    CHECK(file.subtitle == "Three regions");
    CHECK(file.source == "Example Cloud documentation");
    CHECK(file.as_of == "2025-09-24");
    CHECK(file.map.projection->value == "robinson");
    CHECK(dcmap::config::to_text(file.map.center->value) == "105,35");
    CHECK(dcmap::config::to_text(file.map.extent->value) == "world");
    CHECK(file.map.style->value == "dark");
    CHECK(file.map.width->value.value == 1600);
    CHECK(file.map.width->value.unit == dcmap::LengthUnit::px);
    CHECK(file.map.height->value.value == 900);
    REQUIRE(file.sites.size() == 2);

    const Site& east = file.sites[0];
    CHECK(east.id == "ex-east-1");
    CHECK(east.label == "杭州 Hangzhou");
    CHECK(east.display_label() == "杭州 Hangzhou");
    CHECK(east.provider == "Example Cloud");
    CHECK(east.status == Status::under_construction);
    CHECK(east.location_query == "Hangzhou, Zhejiang, China");
    CHECK(east.zones == 3);
    CHECK(east.capacity_mw == Approx(120.5));
    CHECK(east.opened == "2019-09");
    CHECK(east.announced == "2018");
    CHECK(east.note == "Zone count from the 2024 docs");
    CHECK(east.priority == 5);
    CHECK(file.sites[1].name == "São Paulo");
}

TEST_CASE("config: map center is normalised from a number, text or a list", "[config]") {
    auto center_of = [](const std::string& value) {
        return dcmap::config::to_text(
            parse_site_file("map: {center: " + value + "}\nsites:\n  - {name: A, lat: 1, lon: 2}\n",
                            "t.yaml")
                .map.center->value);
    };
    CHECK(center_of("150") == "150");
    CHECK(center_of("\"150, -20.5\"") == "150,-20.5");
    CHECK(center_of("[-90, 10]") == "-90,10");
    CHECK(
        error_lines_of_text("map: {center: \"east\"}\nsites: [{name: A, lat: 1, lon: 2}]\n") ==
        std::vector<std::string>{"t.yaml:1:15: error: center must be a longitude, \"LON,LAT\" or "
                                 "[lon, lat] in degrees; e.g. center: 105 or center: \"105,35\""});
}

TEST_CASE("config: an unknown key says where and suggests the near miss", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-unknown-key.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fixture("invalid-unknown-key.yaml") +
                          ":3:3: error: unknown key 'staus' in site; did you mean 'status'?");
}

TEST_CASE("config: common synonyms of keys point to the real key", "[config]") {
    const auto lines =
        error_lines_of_text("- name: A\n  latitude: 1\n  lon: 2\n  capacity: 30\n  zzzzzz: 1\n");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "t.yaml:2:3: error: unknown key 'latitude' in site; did you mean 'lat'?");
    CHECK(lines[1] == "t.yaml:3:3: error: lon without lat in site 'A'; add lat: (degrees north) "
                      "next to lon");
    CHECK(lines[2] ==
          "t.yaml:4:3: error: unknown key 'capacity' in site; did you mean 'capacity_mw'?");
    CHECK(lines[3].rfind("t.yaml:5:3: error: unknown key 'zzzzzz' in site; use one of: name, id,",
                         0) == 0);
}

TEST_CASE("config: a coordinate that is not a number is reported at its value", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-lat-type.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fixture("invalid-lat-type.yaml") +
                          ":2:8: error: lat must be a number, not \"abc\"; write a decimal number, "
                          "e.g. lat: 30.27");
}

TEST_CASE("config: coordinates out of range are errors, never clamped", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-lat-range.yaml"));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == fixture("invalid-lat-range.yaml") +
                          ":2:8: error: lat 95 is outside -90..90; latitude is degrees north "
                          "(-90..90); are lat and lon swapped?");
    CHECK(lines[1] == fixture("invalid-lat-range.yaml") +
                          ":6:8: error: lon -181.5 is outside -180..180; longitude is degrees east "
                          "(-180..180)");
}

TEST_CASE("config: lat without lon is an error, not a zero longitude", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-lat-without-lon.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fixture("invalid-lat-without-lon.yaml") +
                          ":2:3: error: lat without lon in site 'Half a place'; add lon: (degrees "
                          "east) next to lat");
}

TEST_CASE("config: a location mapping needs both lat and lon", "[config]") {
    const auto lines = error_lines_of_text("- name: A\n  location: {lat: 10}\n- name: B\n"
                                           "  location: {lat: 1, lon: 2, height: 3}\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "t.yaml:2:14: error: lat without lon in location; add lon: (degrees east) "
                      "next to lat");
    CHECK(lines[1] == "t.yaml:4:30: error: unknown key 'height' in location; use one of: lat, lon");
}

TEST_CASE("config: location together with lat/lon is an error at the later key", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-location-and-latlon.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fixture("invalid-location-and-latlon.yaml") +
                          ":3:3: error: site 'Hangzhou' has both location and lat/lon; keep one: "
                          "location: \"City, Country\" to geocode, or lat: and lon: for exact "
                          "coordinates");
}

TEST_CASE("config: a site with no place at all is an error at the site", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-no-place.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fixture("invalid-no-place.yaml") +
                          ":1:3: error: site 'Nowhere' has no place; add location: \"City, "
                          "Country\", region: aws:eu-central-1, or lat: and lon:");
}

TEST_CASE("config: a site without a name is an error naming its id", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-missing-name.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fixture("invalid-missing-name.yaml") +
                          ":1:3: error: site 'cn-hangzhou' has no name; add name: (the text shown "
                          "on the map)");
}

TEST_CASE("config: a duplicate id points at the second and names the first's line", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-duplicate-id.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fixture("invalid-duplicate-id.yaml") +
                          ":7:7: error: duplicate id 'cn-hangzhou'; first used on line 1; ids must "
                          "be unique within a file");
}

TEST_CASE("config: two sites without ids may not share a name", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-duplicate-name-without-id.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fixture("invalid-duplicate-name-without-id.yaml") +
                          ":6:3: error: two sites are both known as 'Frankfurt' (the other is on "
                          "line 2); give each site an id: (e.g. id: eu-central-1) so labels and "
                          "--layout-json can tell them apart");
}

TEST_CASE("config: unknown status values get did-you-mean or the list of statuses", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-status.yaml"));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == fixture("invalid-status.yaml") +
                          ":3:11: error: unknown status 'anounced'; did you mean 'announced'?");
    CHECK(lines[1] == fixture("invalid-status.yaml") +
                          ":6:11: error: unknown status 'open'; use one of: live, announced, "
                          "planned, under-construction, retired");
}

TEST_CASE("config: bad dates are reported, including impossible days", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-date.yaml"));
    const std::string f = fixture("invalid-date.yaml");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == f + ":2:8: error: as_of must be a date YYYY-MM-DD, not \"2025-09\"; e.g. "
                          "as_of: 2025-09-24");
    CHECK(lines[1] == f + ":6:13: error: opened must be a date YYYY, YYYY-MM or YYYY-MM-DD, not "
                          "\"2025-13\"; e.g. opened: 2019-09");
    CHECK(lines[2].rfind(f + ":7:16: error: announced must be a date", 0) == 0);
}

TEST_CASE("config: zones must be a positive whole number and capacity positive", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-zones.yaml"));
    const std::string f = fixture("invalid-zones.yaml");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == f + ":3:10: error: zones must be a positive whole number, not 0; give the "
                          "number of availability zones, or leave zones out");
    CHECK(lines[1] == f + ":6:10: error: zones must be a whole number, not \"2.5\"; e.g. zones: 3");
    CHECK(lines[2] == f + ":9:16: error: capacity_mw must be positive, not -3; give the power "
                          "capacity in megawatts, or leave capacity_mw out");
}

TEST_CASE("config: a YAML syntax error is reported at yaml-cpp's mark, 1-based", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-syntax.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind(fixture("invalid-syntax.yaml") +
                             ":3:1: error: YAML syntax error: illegal block entry; ",
                         0) == 0);
}

TEST_CASE("config: a file without sites loads with none (a base map alone)", "[config]") {
    // Nothing but a comment, an empty list, no sites: key, an empty sites: key or sites: [].
    CHECK(dcmap::config::load_site_file(fixture("empty-file.yaml")).sites.empty());
    for (const char* text :
         {"[]\n", "title: Nothing\n", "title: Nothing\nsites:\n", "title: Nothing\nsites: []\n",
          "title: Base\nmap: {projection: robinson}\n"}) {
        INFO(text);
        CHECK(error_lines_of_text(text).empty());
        const auto file = parse_site_file(text, "t.yaml");
        CHECK(file.sites.empty());
    }
    CHECK(parse_site_file("title: Base\nsites: []\n", "t.yaml").title == "Base");
}

TEST_CASE("config: sites that are not a list, or a file of plain text, are errors", "[config]") {
    const auto scalar = error_lines_of_text("title: Nothing\nsites: 5\n");
    REQUIRE(scalar.size() == 1);
    CHECK(scalar[0].rfind("t.yaml:2:8: error: sites must be a list of sites", 0) == 0);
    const auto mapping = error_lines_of_text("sites: {name: A, lat: 1, lon: 2}\n");
    REQUIRE(mapping.size() == 1);
    CHECK(mapping[0].rfind("t.yaml:1:8: error: sites must be a list of sites", 0) == 0);
    const auto text = error_lines_of_text("just some words\n");
    REQUIRE(text.size() == 1);
    CHECK(text[0].find("error: expected a list of sites or a mapping with sites:") !=
          std::string::npos);
    // A misspelt sites: key is still an unknown key, not a file without sites.
    const auto misspelt = error_lines_of_text("title: T\nsite:\n  - {name: A, lat: 1, lon: 2}\n");
    REQUIRE(misspelt.size() == 1);
    CHECK(misspelt[0].find("unknown key 'site'") != std::string::npos);
}

TEST_CASE("config: every error in a file is reported at once, in file order", "[config]") {
    const auto lines = error_lines_of_file(fixture("invalid-many-errors.yaml"));
    const std::string f = fixture("invalid-many-errors.yaml");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].rfind(f + ":7:5: error: unknown key 'staus'", 0) == 0);
    CHECK(lines[1].rfind(f + ":9:10: error: lat 123 is outside -90..90", 0) == 0);
    CHECK(lines[2].rfind(f + ":11:5: error: site has no name", 0) == 0);
}

TEST_CASE("config: wrong value types and repeated keys are errors", "[config]") {
    const auto lines = error_lines_of_text("- name: [A, B]\n  lat: 1\n  lon: 2\n  lat: 3\n"
                                           "  note:\n  priority: high\n");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "t.yaml:1:9: error: name must be text, not a list; quote the text if it "
                      "contains ':' or starts with '[' or '{'");
    CHECK(lines[1] == "t.yaml:4:3: error: key 'lat' appears twice in site; the first is on line 2; "
                      "keep one of them");
    CHECK(lines[2] == "t.yaml:5:3: error: note has no value; give it a value or remove the key");
    CHECK(lines[3].rfind("t.yaml:6:13: error: priority must be a number, not \"high\"", 0) == 0);
}

TEST_CASE("config: a missing file is an IoError naming the file", "[config]") {
    const std::string path = fixture("does-not-exist.yaml");
    try {
        load_site_file(path);
        FAIL("expected an IoError");
    } catch (const dcmap::IoError& e) {
        CHECK(std::string(e.what()) == "cannot read " + path + ": No such file or directory");
    }
}

TEST_CASE("config: a style path in the file is taken relative to the file", "[config]") {
    CHECK(load_site_file(fixture("config-mapping.yaml")).map.style->value == "dark");
    CHECK(load_site_file(fixture("config-style-path.yaml")).map.style->value ==
          fixture("style-custom.yaml"));
    const SiteFile parsed = parse_site_file(
        "map: {style: my.yaml}\nsites: [{name: A, lat: 1, lon: 2}]\n", "dir/x.yaml");
    CHECK(parsed.map.style->value == "my.yaml");
}

TEST_CASE("config: the bundled Alibaba Cloud region file loads without errors", "[config]") {
    const SiteFile file =
        load_site_file(std::string(DCMAP_SOURCE_DIR) + "/regions/alibaba-cloud.yaml");
    CHECK_FALSE(file.title.empty());
    CHECK_FALSE(file.source.empty());
    CHECK(file.as_of.size() == 10);
    CHECK(file.sites.size() >= 30);
    int live = 0, announced = 0, retired = 0;
    for (const auto& site : file.sites) {
        CHECK(site.provider == "Alibaba Cloud");
        CHECK_FALSE(site.id.empty());
        if (site.status == Status::live)
            ++live;
        if (site.status == Status::announced)
            ++announced;
        if (site.status == Status::retired)
            ++retired;
    }
    CHECK(live == 29);
    CHECK(announced == 3);
    CHECK(retired == 0);
}

TEST_CASE("config: an empty list entry or a blank location is an error, not a skipped site",
          "[config]") {
    const auto lines =
        error_lines_of_text("- name: A\n  location: \"  \"\n-\n- name: C\n  lat: 1\n  lon: 2\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "t.yaml:2:13: error: location must be text (\"City, Country\") or a mapping "
                      "{lat:, lon:}; e.g. location: \"Hangzhou, China\"");
    CHECK(lines[1] == "t.yaml:4:1: error: an empty '-' entry in the sites list ends just before "
                      "here; remove the lone '-' or give the site's keys after it");
}

TEST_CASE("config: sites read while parsing keep their positions, wherever sites: stands",
          "[config]") {
    // sites: before map:, a flow and a block site, and a second sites: key that is an error and
    // whose items are not read.
    const std::string text = "sites:\n"
                             "  - {name: A, lat: 1, lon: 2}\n"
                             "  - name: B\n"
                             "    lat: 95\n"
                             "    lon: 3\n"
                             "map:\n"
                             "  projection: robinson\n"
                             "sites:\n"
                             "  - {name: C, lat: 1, lon: 2}\n";
    const auto lines = error_lines_of_text(text);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("t.yaml:4:10: error: lat 95 is outside -90..90", 0) == 0);
    CHECK(lines[1].rfind("t.yaml:8:1: error: key 'sites' appears twice in the file", 0) == 0);

    const SiteFile file = parse_site_file("title: T\nsites:\n  - {name: A, lat: 1, lon: 2}\n"
                                          "  - {name: B, lat: -1, lon: -2}\nmap: {width: 800}\n",
                                          "t.yaml");
    REQUIRE(file.sites.size() == 2);
    CHECK(file.sites[1].name == "B");
    CHECK(file.sites[1].pos.line == 4);
    CHECK(file.sites[1].pos.column == 5);
    REQUIRE(file.map.width);
    CHECK(file.map.width->value.value == 800);
}

TEST_CASE("config: aliases repeat a value, and an alias bomb is an error, not a hang", "[config]") {
    const SiteFile file = parse_site_file("- {name: Nice, location: &city \"Nice, France\"}\n"
                                          "- {name: Nice 2, location: *city}\n",
                                          "t.yaml");
    REQUIRE(file.sites.size() == 2);
    CHECK(file.sites[1].location_query == std::string("Nice, France"));
    CHECK(file.sites[1].location_pos.line == 1); // where the value is written

    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'h'; ++c)
        bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" +
                char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
                ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
                char(c - 1) + "]\n";
    const auto lines = error_lines_of_text(bomb + "sites:\n  - {name: A, lat: 1, lon: 2}\n");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("error: aliases (*name) repeat more than 100000 values in all") !=
          std::string::npos);
}

TEST_CASE("config: every position in a long list names the file once, at the exact line and "
          "column",
          "[config]") {
    // Block and flow items mixed, a path longer than a short string holds, errors late in the
    // list: positions are shared pointers into one table of paths, not copies of the path.
    const std::string path = "some/folder/with-a-long-name/sites-written-by-hand.yaml";
    std::string text = "sites:\n";
    for (int i = 0; i < 400; ++i) {
        if (i % 2 == 0)
            text += "  - {id: s" + std::to_string(i) + ", name: Site " + std::to_string(i) +
                    ", lat: 10.5, lon: " + std::to_string(i % 170) + "}\n";
        else
            text += "  -   name: Site " + std::to_string(i) + "\n      region: aws:eu-west-1\n";
    }
    const SiteFile file = parse_site_file(text, path);
    REQUIRE(file.sites.size() == 400);
    CHECK(file.sites[0].pos.file == path);
    CHECK(file.sites[399].region_pos.file == path);
    CHECK(&file.sites[0].pos.file.str() == &file.sites[399].region_pos.file.str());
    CHECK(file.sites[399].pos.line == 600);
    CHECK(file.sites[399].pos.column == 7);
    CHECK(file.sites[399].region_pos.line == 601);
    CHECK(file.sites[399].region_pos.column == 15);
    CHECK(file.sites[398].location_pos.line == 599);
    CHECK(file.sites[398].location_pos.column == 37);

    // The same file with one bad latitude and one unknown key near its end.
    std::string bad = text;
    bad.replace(bad.rfind("lat: 10.5"), 9, "lat: 100.5");
    bad += "  - {name: Last, lat: 1, lon: 2, colour: red}\n";
    const auto errors = error_lines([&] { parse_site_file(bad, path); });
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].rfind(path + ":599:37: error: lat 100.5 is outside -90..90", 0) == 0);
    CHECK(errors[1].rfind(path + ":602:34: error: unknown key 'colour' in site", 0) == 0);
}
