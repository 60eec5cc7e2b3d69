// The man page (docs/dcmap.md) documents every option each subcommand's --help lists.
#include "e2e_support.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using e2e::run_dcmap;

TEST_CASE("e2e: docs/dcmap.md documents every option --help lists", "[e2e]") {
    const std::string manual = e2e::read_bytes(e2e::source_file("docs/dcmap.md"));
    REQUIRE_FALSE(manual.empty());
    const std::regex long_option("--[a-z][a-z0-9-]+");
    for (std::string command : {"render", "validate", "geocode", "regions", "stats", "diff"}) {
        auto help = run_dcmap({command, "--help"});
        REQUIRE(help.code == 0);
        std::set<std::string> options;
        for (std::sregex_iterator it(help.out.begin(), help.out.end(), long_option), end; it != end;
             ++it)
            options.insert(it->str());
        CHECK(options.size() > 0);
        for (const auto& option : options) {
            if (option == "--help")
                continue;
            INFO(command << " " << option);
            // The whole option, not a longer one that starts with it.
            CHECK(std::regex_search(manual, std::regex(option + "(?![a-z0-9-])")));
        }
    }
}
