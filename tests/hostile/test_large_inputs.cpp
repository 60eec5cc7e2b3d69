// Large and adversarial site files (issue 11, row 1 and row 9): they must finish, and finish
// with the right answer. Nothing here asserts a time (bench/ measures speed); each test runs
// under a ctest TIMEOUT (tests/CMakeLists.txt) that an unbounded search or a per-site scan of
// the whole base map would blow, and bench/README.md ("Large site files") has the figures.
#include "big_site_file.hpp"
#include "cli/cli.hpp"
#include "model/limits.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
    int code;
    std::string out, err;
};

Run dcmap_run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = dcmap::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

/// A scratch folder removed at the end of the test.
struct Scratch {
    fs::path path;
    Scratch() {
        std::string tmpl = (fs::temp_directory_path() / "dcmap-large-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

/// A fixed pseudo-random sequence, the same on every machine.
struct Sequence {
    std::uint64_t state;
    std::uint32_t operator()() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
};

} // namespace

TEST_CASE("large: a site file just under the size limit validates; a large one renders",
          "[large][big-file]") {
    Scratch dir;
    const auto write = [&](const std::string& path, std::size_t bytes) {
        std::FILE* out = std::fopen(path.c_str(), "wb");
        REQUIRE(out);
        const std::size_t sites = dcmap::testing::write_big_site_file(out, bytes);
        REQUIRE(std::fclose(out) == 0);
        return sites;
    };
    // 1 MB under the limit: the largest file a user can give, written like real files are.
    const std::string path = dir / "big.yaml";
    const std::size_t bytes = dcmap::limits::site_file_bytes - (std::size_t{1} << 20);
    const std::size_t sites = write(path, bytes);
    REQUIRE(fs::file_size(path) >= bytes);
    REQUIRE(fs::file_size(path) < dcmap::limits::site_file_bytes);
    const Run validate = dcmap_run({"validate", path});
    INFO(validate.err.substr(0, 2000));
    CHECK(validate.code == 0);
    CHECK(validate.out == path + ": ok (" + std::to_string(sites) + " sites)\n");
    fs::remove(path);

    // Rendered at 8 MB (about 75,000 sites): the per-site work of a render is the same, and
    // the layout's own scaling is tested in tests/e2e; the full size is in bench/README.md.
    const std::string eight = dir / "eight.yaml";
    write(eight, std::size_t{8} << 20);
    const Run render = dcmap_run({"render", eight, "-o", dir / "big.png"});
    INFO(render.err.substr(0, 2000));
    CHECK(render.code == 0);
    CHECK(fs::file_size(dir / "big.png") > 10000);
}

TEST_CASE("large: unknown places that defeat a closest-name search still validate",
          "[large][names]") {
    // Near misses of real names (one to four edits), names at the 1000-byte text limit, and
    // thousands of distinct made-up names: each costs a closest-name search, none may be
    // unbounded, and each is reported at its line.
    static const char* const real[] = {
        "Frankfurt", "Amsterdam", "Ashburn",   "Singapore", "Johannesburg",   "Hyderabad",
        "Melbourne", "Montreal",  "Stockholm", "Queretaro", "Council Bluffs", "The Dalles",
        "Sao Paulo", "Zurich",    "Jakarta",   "Hangzhou",  "Prineville",     "San Antonio",
    };
    constexpr std::size_t n_real = sizeof real / sizeof *real;
    Sequence next{11};
    const auto letter = [&] { return static_cast<char>('a' + next() % 26); };
    std::vector<std::string> names;
    for (int i = 0; i < 1000; ++i) { // near misses
        std::string name = real[next() % n_real];
        const int edits = 1 + static_cast<int>(next() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = next() % name.size();
            switch (next() % 4) {
            case 0:
                name[at] = letter();
                break;
            case 1:
                name.insert(name.begin() + static_cast<long>(at), letter());
                break;
            case 2:
                if (name.size() > 3)
                    name.erase(at, 1);
                break;
            default:
                if (at + 1 < name.size())
                    std::swap(name[at], name[at + 1]);
            }
        }
        names.push_back(name + (i % 2 ? ", Germany" : ""));
    }
    for (int i = 0; i < 100; ++i) { // at the text limit: words, one long word, a repeated name
        std::string name;
        while (name.size() < 990) {
            if (i % 3 == 0)
                name += real[next() % n_real], name += ' ';
            else if (i % 3 == 1)
                name += letter();
            else
                name += std::string(1 + next() % 12, letter()) + ' ';
        }
        name.resize(990); // with the number, just under the limit
        name += std::to_string(i);
        names.push_back(name);
    }
    for (int i = 0; i < 3000; ++i) { // distinct made-up names, some with a country or region
        std::string name;
        for (std::size_t n = 6 + next() % 20; name.size() < n;)
            name += letter();
        if (i % 5 == 0)
            name += ", Qzx";
        else if (i % 5 == 1)
            name += ", France";
        names.push_back(name);
    }

    Scratch dir;
    const std::string path = dir / "names.yaml";
    {
        std::ofstream out(path, std::ios::binary);
        out << "sites:\n";
        for (std::size_t i = 0; i < names.size(); ++i)
            out << "  - name: site " << i << "\n    location: \"" << names[i] << "\"\n";
        // Each distinct name once more: the second ask must come from the cache.
        for (std::size_t i = 0; i < names.size(); ++i)
            out << "  - name: again " << i << "\n    location: \"" << names[i] << "\"\n";
    }
    const Run run = dcmap_run({"validate", path});
    INFO(run.err.substr(0, 2000));
    CHECK(run.code == 1);
    // Most names are unknown; each error names its file, line and column (the location's
    // value is on line 3 + 2i, column 15).
    const std::size_t errors = count(run.err, ": error: ");
    CHECK(errors > names.size());
    CHECK(errors <= 2 * names.size() + 1);
    CHECK(run.err.find(path + ":3:15: error: ") != std::string::npos);
    // A near miss either lists the closest names or, one edit from a single large place, is
    // taken for that place with a warning saying so.
    CHECK(count(run.err, "closest: ") + count(run.err, "taken for a misspelling") >
          names.size() / 4);
}
