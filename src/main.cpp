// dcmap's entry point: hands argv to the CLI, which tests can also run in-process.
#include "cli/cli.hpp"
#include "io/atomic_file.hpp"
#include "io/zeroed_pages.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    dcmap::io::keep_freed_blocks_for_reuse();
    // An interrupted run removes the temporary files of the maps it had not finished.
    dcmap::io::remove_temp_files_on_signals();
    std::vector<std::string> args(argv + 1, argv + argc);
    return dcmap::cli::run(args, std::cout, std::cerr);
}
