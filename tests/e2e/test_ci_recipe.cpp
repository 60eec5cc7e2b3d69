// docs/ci.md stays true: every `dcmap` command it shows runs and succeeds.
#include "e2e_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

using e2e::run_dcmap;

namespace {

/// The words of one command line, with `$f` and `regions/*.yaml` expanded to the repository's
/// site files (several runs for `$f`), `origin/main` read as HEAD and `maps/` as `out`.
std::vector<std::vector<std::string>> expand(const std::string& line, const std::string& out) {
    std::vector<std::string> site_files;
    for (const auto& e : std::filesystem::directory_iterator("regions"))
        if (e.path().extension() == ".yaml")
            site_files.push_back("regions/" + e.path().filename().string());
    std::sort(site_files.begin(), site_files.end());
    std::vector<std::vector<std::string>> runs;
    for (const auto& f : site_files) {
        std::vector<std::string> words;
        std::istringstream in(line);
        for (std::string w; in >> w;) {
            if (w == ">" || w == ">>")
                break; // the redirection and what follows it
            if (w == "regions/*.yaml") {
                words.insert(words.end(), site_files.begin(), site_files.end());
                continue;
            }
            for (auto [from, to] : {std::pair<std::string, std::string>{"$f", f},
                                    {"origin/main", "HEAD"},
                                    {"maps/", out}}) {
                for (auto at = w.find(from); at != std::string::npos;
                     at = w.find(from, at + to.size()))
                    w.replace(at, from.size(), to);
            }
            words.push_back(w);
        }
        runs.push_back(std::vector<std::string>(words.begin() + 1, words.end()));
        if (line.find("$f") == std::string::npos)
            break;
    }
    return runs;
}

} // namespace

TEST_CASE("e2e: every dcmap command of docs/ci.md runs and succeeds", "[e2e]") {
    const std::string repo = DCMAP_SOURCE_DIR;
    if (std::system(("git -C '" + repo + "' rev-parse HEAD >/dev/null 2>&1").c_str()) != 0)
        return;
    std::istringstream page(e2e::read_bytes(e2e::source_file("docs/ci.md")));
    e2e::TempDir out;
    const auto cwd = std::filesystem::current_path();
    std::filesystem::current_path(repo);
    int commands = 0;
    for (std::string line; std::getline(page, line);) {
        const auto start = line.find_first_not_of(' ');
        if (start == std::string::npos || line.compare(start, 6, "dcmap ") != 0)
            continue;
        for (const auto& args : expand(line.substr(start), out.path.string() + "/")) {
            const auto run = run_dcmap(args);
            INFO(line << "\n" << run.err);
            CHECK(run.code == 0);
            ++commands;
        }
    }
    std::filesystem::current_path(cwd);
    CHECK(commands >= 5);
    CHECK(std::filesystem::exists(out / "alibaba-cloud.pdf"));
}
