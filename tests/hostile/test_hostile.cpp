// Hostile and mistaken input (issue 11): one small file per case under tests/hostile/cases/,
// each run as a whole command. Every case checks the exit code, where the message points, and
// that no output changed: the output folder holds exactly the files it held before, with the
// same bytes.
#include "cli/cli.hpp"
#include "io/atomic_file.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <streambuf>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string case_file(const std::string& name) {
    return std::string(DCMAP_HOSTILE_CASES) + "/" + name;
}

struct Run {
    int code;
    std::string out, err;
};

Run dcmap_run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = dcmap::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

/// A fresh output folder holding an earlier map.png, map.svg and layout.json, so a case can
/// check that a failed run left them untouched and added nothing.
struct OutputFolder {
    fs::path path;
    OutputFolder() {
        std::string tmpl = (fs::temp_directory_path() / "dcmap-hostile-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
        for (const char* name : {"map.png", "map.svg", "layout.json"})
            write_bytes(path / name, std::string("earlier ") + name);
    }
    ~OutputFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    std::map<std::string, std::string> contents() const {
        std::map<std::string, std::string> files;
        for (const auto& entry : fs::directory_iterator(path))
            files[entry.path().filename().string()] =
                entry.is_regular_file() ? read_bytes(entry.path()) : "<folder>";
        return files;
    }
};

/// A case: the arguments ({out} is the output folder), the exit code, and the text the first
/// message line must contain (its position first).
struct Case {
    std::vector<std::string> args;
    int code;
    std::string message;
};

void check_case(const Case& c) {
    OutputFolder out;
    const auto before = out.contents();
    std::vector<std::string> args;
    for (auto arg : c.args) {
        if (const auto at = arg.find("{out}"); at != std::string::npos)
            arg.replace(at, 5, out.path.string());
        if (const auto at = arg.find("{case}"); at != std::string::npos)
            arg.replace(at, 6, DCMAP_HOSTILE_CASES);
        args.push_back(arg);
    }
    const Run run = dcmap_run(args);
    INFO(run.err);
    CHECK(run.code == c.code);
    CHECK(run.err.find(c.message) != std::string::npos);
    CHECK(run.err.rfind("dcmap: ", 0) == 0);
    // No raw control byte reaches the terminal.
    for (char ch : run.err)
        CHECK((static_cast<unsigned char>(ch) >= 0x20 || ch == '\n'));
    CHECK(out.contents() == before);
}

} // namespace

TEST_CASE("hostile: a style, catalogue or input that is a device is refused, not read",
          "[hostile]") {
    check_case({{"validate", "{case}/style-dev-zero.yaml"},
                1,
                "style-dev-zero.yaml:1:14: error: cannot read /dev/zero: not a regular file"});
    check_case({{"render", "{case}/style-dev-zero.yaml", "-o", "{out}/map.png"},
                1,
                "style-dev-zero.yaml:1:14: error: cannot read /dev/zero: not a regular file"});
    check_case({{"validate", "{case}/catalogue-dev-zero.yaml"},
                1,
                "catalogue-dev-zero.yaml:1:12: error: cannot read /dev/zero: not a regular file"});
    check_case({{"render", "/dev/zero", "-o", "{out}/map.png"},
                1,
                "dcmap: error: cannot read /dev/zero: not a regular file"});
}

TEST_CASE("hostile: a site file over the size limit is refused before it is parsed", "[hostile]") {
    OutputFolder out;
    {
        // A sparse file: 65 MB long, no disk used.
        std::ofstream big(out / "big.yaml", std::ios::binary);
        big.seekp((65 << 20) - 1);
        big.put('\n');
    }
    const Run run = dcmap_run({"validate", out / "big.yaml"});
    CHECK(run.code == 1);
    CHECK(run.err.find("larger than the 64 MB limit for a site file") != std::string::npos);
}

TEST_CASE("hostile: text that is not UTF-8 is an error at its byte, never echoed raw",
          "[hostile]") {
    check_case({{"validate", "{case}/latin1-name.yaml"},
                1,
                "latin1-name.yaml:2:15: error: not UTF-8: byte 0xE9; save the file as UTF-8"});
    check_case({{"render", "{case}/latin1-name.yaml", "-o", "{out}/map.pdf"},
                1,
                "latin1-name.yaml:2:15: error: not UTF-8: byte 0xE9"});
    check_case({{"geocode", "{case}/latin1-name.yaml", "--format", "json"},
                1,
                "latin1-name.yaml:2:15: error: not UTF-8"});
}

TEST_CASE("hostile: a failing later output leaves every earlier output untouched", "[hostile]") {
    // The layout file's temporary name (NAME.tmp-XXXXXX) is too long for the file system, so
    // it fails after the map has been drawn and staged.
    const std::string long_name = std::string(248, 'l') + ".json";
    check_case({{"render", "{case}/good.yaml", "-o", "{out}/map.png", "-o", "{out}/map.svg",
                 "--width", "400", "--layout-json", "{out}/" + long_name},
                1,
                "dcmap: error: cannot write"});
    check_case({{"render", "{case}/good.yaml", "-o", "{out}/map.png", "--width", "400",
                 "--resolved", "{out}/" + long_name},
                1,
                "dcmap: error: cannot write"});
}

TEST_CASE("hostile: an output that is a folder fails before anything is written", "[hostile]") {
    OutputFolder out;
    fs::create_directory(out / "layout");
    const auto before = out.contents();
    const Run run = dcmap_run(
        {"render", case_file("good.yaml"), "-o", out / "map.png", "--layout-json", out / "layout"});
    CHECK(run.code == 1);
    CHECK(run.err.find("dcmap: error: cannot write " + (out / "layout") + ": it is a folder") !=
          std::string::npos);
    CHECK(out.contents() == before);
}

TEST_CASE("hostile: an output may not be an input or another output", "[hostile]") {
    OutputFolder out;
    fs::copy_file(case_file("good.yaml"), out / "in.yaml");
    const std::string input = read_bytes(out / "in.yaml");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"render", out / "in.yaml", "-o", out / "map.png", "--layout-json", out / "in.yaml"},
             {"render", out / "in.yaml", "-o", out / "map.png", "--resolved", out / "in.yaml"},
             {"render", out / "in.yaml", "-o", out / "map.png", "--resolved", out / "map.png"},
             {"render", out / "in.yaml", "-o", out / "map.png", "--layout-json",
              out.path.string() + "/./map.png"}}) {
        const auto before = out.contents();
        const Run run = dcmap_run(args);
        INFO(run.err);
        CHECK(run.code == 2);
        CHECK(run.err.rfind("dcmap: error: --", 0) == 0);
        CHECK(out.contents() == before);
    }
    CHECK(read_bytes(out / "in.yaml") == input);
}

TEST_CASE("hostile: a write past the file size limit fails cleanly and leaves no temp file",
          "[hostile]") {
    OutputFolder out;
    const auto before = out.contents();
    // `ulimit -f` as a user would set it: the binary, not the test process, hits the limit.
    const std::string command = "ulimit -f 20 && '" + std::string(DCMAP_BINARY) + "' render '" +
                                case_file("good.yaml") + "' -o '" + (out / "map.svg") +
                                "' 2>/dev/null >/dev/null";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(out.contents() == before);
}

TEST_CASE("hostile: validate reports what render would reject, at its line", "[hostile]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"projection-misspelt.yaml", ":1:19: error: unknown projection 'robinsn'"},
        {"style-missing.yaml", ":1:14: error: cannot read"},
        {"width-too-large.yaml",
         ":1:14: error: width must be a whole number of pixels from 16 to 20000"},
        {"width-one.yaml", ":1:14: error: width must be a whole number of pixels from 16 to 20000"},
        {"tmerc-world.yaml", ":1:19: error: this projection and extent give a map 2400 x "},
        {"center-out-of-range.yaml", ":1:15: error: center must be a longitude"},
        {"canvas-too-many-pixels.yaml",
         ":1:14: error: a 20000 x 20000 px canvas at scale 1 is 400 megapixels"},
    };
    for (const auto& [file, message] : cases) {
        INFO(file);
        check_case({{"validate", "{case}/" + file}, 1, file + message});
        check_case({{"render", "{case}/" + file, "-o", "{out}/map.png"}, 1, file + message});
    }
}

TEST_CASE("hostile: options follow the file's rules and bad values are usage errors", "[hostile]") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--projection", "foo"}, "dcmap: error: --projection foo: unknown projection 'foo'"},
        {{"--extent", "10,20"}, "dcmap: error: --extent 10,20: extent must be"},
        {{"--inset", "mars"}, "dcmap: error: --inset mars: inset must be"},
        {{"--center", "500"}, "dcmap: error: --center 500: center must be a longitude"},
        {{"--center", "200"}, "dcmap: error: --center 200: center must be a longitude"},
        {{"--style", "nostyle"}, "dcmap: error: --style nostyle: cannot read nostyle"},
        {{"--scale", "nan"}, "dcmap: error: --scale must be a number from 0.25 to 8"},
        {{"--dpi", "nan"}, "dcmap: error: --dpi nan: dpi must be a number from 10 to 2400"},
        {{"--width", "1"}, "dcmap: error: --width"},
        {{"--title", "a\x1b[2Jb"}, "dcmap: error: --title: control character U+001B"},
        {{"--format", "gif"}, "dcmap: error: unknown format 'gif'"},
        {{"--no-such-option"}, "dcmap: error: "},
    };
    for (const auto& [options, message] : cases) {
        std::vector<std::string> args = {"render", "{case}/good.yaml", "-o", "{out}/map.png"};
        args.insert(args.end(), options.begin(), options.end());
        INFO(options.front());
        check_case({args, 2, message});
    }
}

TEST_CASE("hostile: a canvas over the pixel limit is refused before drawing", "[hostile]") {
    check_case({{"render", "{case}/good.yaml", "-o", "{out}/map.png", "--width", "20000",
                 "--height", "20000", "--scale", "1.6"},
                1,
                "dcmap: error: a 20000 x 20000 px canvas at scale 1.6 is 1024 megapixels; the "
                "limit is 100"});
    check_case({{"render", "{case}/good.yaml", "-o", "{out}/map.png", "--width", "20000",
                 "--height", "100", "--scale", "2"},
                1,
                "dcmap: error: a 20000 x 100 px canvas at scale 2 is 40000 px on its long side"});
}

TEST_CASE("hostile: NUL and control characters in text are errors at the value", "[hostile]") {
    check_case({{"validate", "{case}/nul-escape-in-name.yaml"},
                1,
                "nul-escape-in-name.yaml:2:11: error: name contains control character U+0000"});
    check_case({{"render", "{case}/nul-escape-in-title.yaml", "-o", "{out}/map.pdf"},
                1,
                "nul-escape-in-title.yaml:1:8: error: title contains control character U+0000"});
    check_case({{"validate", "{case}/nul-byte-in-name.yaml"},
                1,
                "nul-byte-in-name.yaml:2:14: error: control character U+0000"});
    check_case({{"validate", "{case}/raw-escape-in-name.yaml"},
                1,
                "raw-escape-in-name.yaml:2:14: error: control character U+001B"});
    check_case({{"render", "{case}/ansi-in-location.yaml", "-o", "{out}/map.png"},
                1,
                "ansi-in-location.yaml:3:15: error: location contains control character U+001B"});
    // Text from the command line is escaped when it is echoed.
    check_case({{"geocode", "Qxzzy\x1b[31m, Atlantis"}, 1, "\\x1b[31m"});
}

TEST_CASE("hostile: standard output that cannot be written is a failure", "[hostile]") {
    struct FullBuffer : std::streambuf {
        int overflow(int) override { return traits_type::eof(); }
        std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
    } full;
    std::ostream out(&full);
    std::ostringstream err;
    CHECK(dcmap::cli::run({"regions"}, out, err) == 1);
    CHECK(err.str() == "dcmap: error: cannot write to standard output\n");
    std::string command = "'";
    command += DCMAP_BINARY;
    command += "' regions > /dev/full 2>/dev/null";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
}

TEST_CASE("hostile: syntax the YAML reader let through is an error at its place", "[hostile]") {
    check_case({{"validate", "{case}/unterminated-quote.yaml"},
                1,
                "unterminated-quote.yaml:5:11: error: text opened with \" is never closed"});
    check_case({{"validate", "{case}/catalogue-folder.yaml"},
                1,
                "catalogue-folder.yaml:1:12: error: cannot read"});
    // A file without sites is a base map (a warning), but sites: that is not a list is an error.
    check_case({{"validate", "{case}/sites-not-a-list.yaml"},
                1,
                "sites-not-a-list.yaml:2:8: error: sites must be a list of sites"});
    check_case({{"render", "{case}/sites-not-a-list.yaml", "-o", "{out}/map.png"},
                1,
                "sites-not-a-list.yaml:2:8: error: sites must be a list of sites"});
    const Run empty = dcmap_run({"validate", case_file("no-sites.yaml")});
    CHECK(empty.code == 0);
    CHECK(empty.err.find("no-sites.yaml: warning: no sites in the file") != std::string::npos);
    const Run cr = dcmap_run({"validate", case_file("cr-line-ends.yaml")});
    CHECK(cr.code == 0);
    CHECK(cr.err.empty());
    OutputFolder out;
    write_bytes(out / "deep.yaml", "sites: " + std::string(100000, '[') + std::string(100000, ']'));
    const Run deep = dcmap_run({"validate", out / "deep.yaml"});
    CHECK(deep.code == 1);
    CHECK(deep.err.find(
              "deep.yaml:1:72: error: lists and mappings nested more than 64 levels deep") !=
          std::string::npos);
}

TEST_CASE("hostile: geocode and validate take folders and several files like render", "[hostile]") {
    const Run audit =
        dcmap_run({"geocode", case_file("one-unknown-place.yaml"), "--format", "csv"});
    CHECK(audit.code == 1);
    CHECK(audit.out.find("\nFrankfurt,\"Frankfurt, Germany\",Frankfurt am Main,") !=
          std::string::npos);
    CHECK(audit.err.find("one-unknown-place.yaml:5:15: error:") != std::string::npos);

    const Run two = dcmap_run({"geocode", case_file("good.yaml"), case_file("cr-line-ends.yaml")});
    CHECK(two.code == 0);
    CHECK(two.out.find("good.yaml:") != std::string::npos);
    CHECK(two.out.find("cr-line-ends.yaml:") != std::string::npos);

    const Run mixed = dcmap_run({"geocode", case_file("good.yaml"), "Frankfurt"});
    CHECK(mixed.code == 2);

    OutputFolder out;
    fs::copy_file(case_file("good.yaml"), out / "a.yaml");
    fs::copy_file(case_file("cr-line-ends.yaml"), out / "b.yaml");
    const Run folder = dcmap_run({"validate", out.path.string()});
    INFO(folder.err);
    CHECK(folder.code == 0);
    CHECK(folder.out.find("a.yaml: ok (1 site)") != std::string::npos);
    CHECK(folder.out.find("b.yaml: ok (1 site)") != std::string::npos);
}

TEST_CASE("hostile: a run that fails on one input of a folder writes no map at all", "[hostile]") {
    OutputFolder in;
    fs::copy_file(case_file("good.yaml"), in / "a.yaml");
    fs::copy_file(case_file("projection-misspelt.yaml"), in / "b.yaml");
    OutputFolder out;
    const auto before = out.contents();
    const Run run = dcmap_run({"render", in.path.string(), "-o", out.path.string()});
    CHECK(run.code == 1);
    CHECK(run.err.find("b.yaml:1:19: error: unknown projection") != std::string::npos);
    CHECK(run.err.find("dcmap: error: 1 of 2 inputs failed; no file written") != std::string::npos);
    CHECK(out.contents() == before);
}

TEST_CASE("hostile: a query that is not UTF-8 still gives valid JSON", "[hostile]") {
    const Run run = dcmap_run({"geocode", "Caf\xe9, Atlantis", "--json"});
    CHECK(run.code == 1);
    CHECK(run.out.find("Caf\\ufffd, Atlantis") != std::string::npos);
    CHECK(run.out.find('\xe9') == std::string::npos);
}
