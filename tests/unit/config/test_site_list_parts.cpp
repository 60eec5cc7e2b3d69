// A long site file is read in parts on several threads (config::detail::parse_site_file_in_parts).
// These tests generate files written in many ways, cut them into 2 to 8 parts, and require
// either the exact result of reading the whole file (every field and position of every site) or
// a refusal, which makes parse_site_file read the whole file; never a different answer.
#include "config/site_loader.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>

using dcmap::SiteFile;
using dcmap::config::parse_site_file;
using dcmap::config::detail::parse_site_file_in_parts;
using dcmap::config::detail::split_site_list;

namespace {

std::string position(const dcmap::SourcePos& p) {
    return p.file.str() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

/// Everything a loaded file says, as text, so two reads compare field by field.
std::string describe(const SiteFile& f) {
    std::ostringstream out;
    out << "title=" << f.title << "|subtitle=" << f.subtitle << "|source=" << f.source
        << "|as_of=" << f.as_of << "|catalogue=" << f.catalogue << "@" << position(f.catalogue_pos)
        << "|layers=" << f.layers.size() << "|sites=" << f.sites.size() << '\n';
    for (const auto& s : f.sites) {
        out << s.id << '|' << s.name << '|' << s.label << '|' << s.provider << '|'
            << to_string(s.status) << '|' << s.location_query.value_or("-") << '|'
            << (s.lat ? std::to_string(*s.lat) : "-") << '|'
            << (s.lon ? std::to_string(*s.lon) : "-") << '|' << s.region << '|' << s.country << '|'
            << (s.zones ? std::to_string(*s.zones) : "-") << '|'
            << (s.capacity_mw ? std::to_string(*s.capacity_mw) : "-") << '|' << s.opened << '|'
            << s.announced << '|' << s.note << '|' << s.priority << '|' << position(s.pos) << '|'
            << position(s.location_pos) << '|' << position(s.region_pos) << '|'
            << position(s.country_pos) << '\n';
    }
    return out.str();
}

/// A site file written in one of many ways, chosen by `rng`: list at indent 0, 2 or 4 or as
/// the root, block or flow entries, comments and blank lines between entries, CRLF, block and
/// folded multi-line notes, quoted text continued on the next line, header keys before.
std::string generated_file(std::mt19937& rng, int sites) {
    auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const std::string eol = pick(4) == 0 ? "\r\n" : "\n";
    const bool root_list = pick(5) == 0;
    const std::string indent(root_list ? 0 : static_cast<std::size_t>(2 * pick(3)), ' ');
    const std::string inner = indent + "  ";
    std::string text;
    if (!root_list) {
        text += "# generated" + eol + "title: \"Test: " + std::to_string(sites) + " sites\"" + eol;
        if (pick(2))
            text += "map:" + eol + "  width: 1200" + eol + "  projection: robinson" + eol;
        if (pick(2))
            text += "source: Generated" + eol + "as_of: 2026-11-30" + eol;
        text += std::string("sites:") + (pick(2) ? "   # the list" : "") + eol;
    }
    const char* providers[] = {"aws", "azure", "gcp", "Alibaba Cloud", "Some Other Cloud"};
    const char* places[] = {"Frankfurt", "Paris, France", "Tokyo", "São Paulo", "Sydney"};
    for (int i = 0; i < sites; ++i) {
        if (pick(6) == 0)
            text += eol;
        if (pick(8) == 0)
            text += std::string(static_cast<std::size_t>(pick(6)), ' ') + "# about site " +
                    std::to_string(i) + eol;
        const std::string id = "s" + std::to_string(i);
        const std::string provider = providers[pick(5)];
        const double lat = -60 + pick(12000) / 100.0, lon = -180 + pick(36000) / 100.0;
        switch (pick(5)) {
        case 0: // flow mapping on one line
            text += indent + "- {id: " + id + ", name: Site " + std::to_string(i) +
                    ", provider: " + provider + ", lat: " + std::to_string(lat) +
                    ", lon: " + std::to_string(lon) + "}" + eol;
            break;
        case 1: // block mapping with a place to geocode
            text += indent + "- name: \"Site " + std::to_string(i) + "\"" + eol + inner +
                    "provider: " + provider + eol + inner + "location: " + places[pick(5)] + eol;
            break;
        case 2: // block note, then coordinates
            text += indent + "- id: " + id + eol + inner + "name: Site " + std::to_string(i) + eol +
                    inner + "note: " + (pick(2) ? "|" : ">") + eol + inner + "  first line" + eol +
                    inner + "  - not an entry" + eol + inner + "lat: " + std::to_string(lat) + eol +
                    inner + "lon: " + std::to_string(lon) + eol;
            break;
        case 3: // quoted text continued on an indented line, status and zones
            text += indent + "- id: " + id + eol + inner + "name: \"Site " + std::to_string(i) +
                    eol + inner + "  continued\"" + eol + inner + "status: announced" + eol +
                    inner + "zones: " + std::to_string(1 + pick(4)) + eol + inner +
                    "lat: " + std::to_string(lat) + eol + inner + "lon: " + std::to_string(lon) +
                    eol;
            break;
        default: // compact: the first key on the entry's line, a lone "-" otherwise
            if (pick(2))
                text += indent + "-" + eol + inner + "id: " + id + eol;
            else
                text += indent + "- id: " + id + eol;
            text += inner + "name: Site " + std::to_string(i) + eol + inner +
                    "provider: " + provider + eol + inner + "lat: " + std::to_string(lat) + eol +
                    inner + "lon: " + std::to_string(lon) + eol;
        }
    }
    if (pick(3) == 0)
        text += eol + "# the end" + eol;
    return text;
}

} // namespace

TEST_CASE("config: a site file read in parts equals the file read whole, however it is written",
          "[config]") {
    std::mt19937 rng(20261130);
    int cut = 0;
    for (int round = 0; round < 120; ++round) {
        const int sites = 1 + static_cast<int>(rng() % 60);
        const std::string text = generated_file(rng, sites);
        const std::size_t parts = 2 + rng() % 7;
        INFO("round " << round << ", " << parts << " parts:\n" << text);
        const SiteFile whole = parse_site_file(text, "gen.yaml");
        REQUIRE(static_cast<int>(whole.sites.size()) == sites);
        const auto in_parts = parse_site_file_in_parts(text, "gen.yaml", parts);
        if (sites > 1)
            CHECK(in_parts); // every way these files are written can be cut
        if (in_parts) {
            ++cut;
            CHECK(describe(*in_parts) == describe(whole));
        }
    }
    CHECK(cut > 100);
}

TEST_CASE("config: parts start at entries and cover the list to the end of the file", "[config]") {
    std::mt19937 rng(7);
    const std::string text = generated_file(rng, 50);
    const auto split = split_site_list(text, 4);
    REQUIRE(split);
    REQUIRE(split->begins.size() >= 2);
    CHECK(split->begins.front() == split->list_begin);
    for (std::size_t k = 0; k < split->begins.size(); ++k) {
        const std::size_t at = split->begins[k];
        CHECK((at == 0 || text[at - 1] == '\n'));
        CHECK(text.find_first_not_of(' ', at) != std::string::npos);
        CHECK(text[text.find_first_not_of(' ', at)] == '-');
        if (k > 0)
            CHECK(at > split->begins[k - 1]);
    }
}

TEST_CASE("config: a file that could mean something else in parts is read whole", "[config]") {
    const std::string items = "  - {name: A, lat: 1, lon: 2}\n  - {name: B, lat: 3, lon: 4}\n"
                              "  - {name: C, lat: 5, lon: 6}\n  - {name: D, lat: 7, lon: 8}\n";
    // Aliases may point into another part; keys after the list; directives and markers; tabs;
    // the list in flow style.
    CHECK_FALSE(split_site_list("sites:\n  - &a {name: A, lat: 1, lon: 2}\n  - *a\n" + items, 2));
    CHECK_FALSE(split_site_list("sites:\n" + items + "title: After\n", 2));
    CHECK_FALSE(split_site_list("%YAML 1.2\n---\nsites:\n" + items, 2));
    CHECK_FALSE(split_site_list("sites:\n" + items + "---\nsites:\n" + items, 2));
    CHECK_FALSE(split_site_list("sites:\n" + items + "\t\n", 2));
    CHECK_FALSE(
        split_site_list("sites: [{name: A, lat: 1, lon: 2}, {name: B, lat: 3, lon: 4}]\n", 2));
    // A NUL in the first two bytes: the whole read leaves the file to yaml-cpp as UTF-16, a
    // part would be read as UTF-8 (found by the fuzzer: 0 sites whole, 3 in parts).
    CHECK_FALSE(split_site_list(std::string("#\0 comment\nsites:\n", 18) + items, 2));
    CHECK(split_site_list("sites:\n" + items, 2));
}

TEST_CASE("config: a problem in any part is reported as reading the whole file reports it",
          "[config]") {
    std::string text = "title: T\nsites:\n";
    for (int i = 0; i < 40; ++i)
        text += "  - {id: s" + std::to_string(i) + ", name: S" + std::to_string(i) +
                ", lat: " + std::to_string(i == 33 ? 95 : i) + ", lon: 0}\n";
    text += "  - {id: s5, name: Again, lat: 1, lon: 1}\n"; // a duplicate id across parts
    CHECK_FALSE(parse_site_file_in_parts(text, "bad.yaml", 4));
    // Long enough to be read in parts: the same errors, at the same lines, as a short file's.
    std::string long_text = text;
    for (int i = 100; long_text.size() < 300 * 1024; ++i)
        long_text += "  - {id: s" + std::to_string(i) + ", name: S" + std::to_string(i) +
                     ", lat: 1, lon: 1}\n";
    std::string short_message, long_message;
    try {
        parse_site_file(text, "bad.yaml");
    } catch (const dcmap::Error& e) {
        short_message = e.what();
    }
    try {
        parse_site_file(long_text, "bad.yaml");
    } catch (const dcmap::Error& e) {
        long_message = e.what();
    }
    CHECK(short_message.find("bad.yaml:36:") != std::string::npos); // lat 95
    CHECK(short_message.find("bad.yaml:43:") != std::string::npos); // duplicate id
    CHECK(long_message == short_message);
}

namespace {

/// `tail` after enough plain entries that parts are cut (the first part holds `head`).
std::string with_filler(const std::string& head, const std::string& tail, int filler = 60) {
    std::string text = head;
    for (int i = 0; i < filler; ++i)
        text += "  - {id: f" + std::to_string(i) + ", name: F" + std::to_string(i) +
                ", lat: 1, lon: 1}\n";
    return text + tail;
}

/// Whatever parts give must be the whole read's result; a file the whole read rejects must be
/// refused in parts.
void check_parts_agree(const std::string& text) {
    std::string whole_text, whole_error;
    try {
        whole_text = describe(parse_site_file(text, "t.yaml"));
    } catch (const dcmap::Error& e) {
        whole_error = e.what();
    }
    for (std::size_t parts = 2; parts <= 8; ++parts) {
        INFO(parts << " parts; whole read: " << (whole_error.empty() ? "ok" : whole_error));
        const auto in_parts = parse_site_file_in_parts(text, "t.yaml", parts);
        if (!whole_error.empty())
            CHECK_FALSE(in_parts);
        else if (in_parts)
            CHECK(describe(*in_parts) == whole_text);
    }
}

} // namespace

// Found in review: each was read differently in parts before the fixes.
TEST_CASE("config: a carriage return alone in a one-line last part is not a line end", "[config]") {
    // Tails of many lengths, so that for some count of parts the last part is the tail alone.
    // The list at indent 0, where the text after the CR reads as an entry when it is a line.
    std::string filler;
    for (int i = 0; i < 60; ++i)
        filler += "- {id: f" + std::to_string(i) + ", name: F" + std::to_string(i) +
                  ", lat: 1, lon: 1}\n";
    for (std::size_t pad = 0; pad < 3000; pad += 20)
        check_parts_agree("sites:\n" + filler + "- {name: A, lat: 1, lon: 2} # old entry " +
                          std::string(pad, 'x') + ":\r- {name: B, lat: 3, lon: 4}");
    CHECK_FALSE(split_site_list(with_filler("sites:\n", "  - {name: A, lat: 1, lon: 2}\r"), 2));
}

TEST_CASE("config: brackets are counted over the whole file, not per part", "[config]") {
    // 70 notes each opening a bracket in plain text: more than limits::nesting_depth in the
    // file, fewer in any part.
    std::string head = "sites:\n";
    for (int i = 0; i < 70; ++i)
        head += "  - id: n" + std::to_string(i) + "\n    name: N" + std::to_string(i) +
                "\n    lat: 1\n    lon: 1\n    note: range [" + std::to_string(i) + "\n";
    check_parts_agree(with_filler(head, "", 600));
}

TEST_CASE("config: a `sites:` line inside a quoted title is not the list's key", "[config]") {
    check_parts_agree(with_filler("title: \"Map of\nsites: #\"\n", ""));
    check_parts_agree(with_filler("title: \"Map of\nsites: #\"\nsites:\n", ""));
}
