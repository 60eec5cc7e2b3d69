// Temporary files of outputs not yet committed are removed when the process is interrupted.
#include "io/atomic_file.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

TEST_CASE("hostile: SIGINT and SIGTERM remove staged temporary files", "[hostile]") {
    for (int sig : {SIGINT, SIGTERM}) {
        std::string tmpl = (fs::temp_directory_path() / "dcmap-signal-XXXXXX").string();
        const fs::path dir = ::mkdtemp(tmpl.data());
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            dcmap::io::remove_temp_files_on_signals();
            dcmap::io::StagedOutputs staged;
            staged.stage((dir / "map.png").string(), "half a map");
            staged.stage((dir / "map.svg").string(), "half a map");
            std::raise(sig);
            std::_Exit(0); // not reached: the signal ends the process
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        CHECK(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == sig);
        CHECK(fs::is_empty(dir));
        fs::remove_all(dir);
    }
}
