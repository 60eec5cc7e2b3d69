// dcmap's entry point: hands argv to the CLI, which tests can also run in-process.
#include "cli/cli.hpp"
#include "io/atomic_file.hpp"
#include "io/zeroed_pages.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    dcmap::io::keep_freed_blocks_for_reuse();
    // An interrupted run removes the temporary files of the maps it had not finished.
    dcmap::io::remove_temp_files_on_signals();
    const std::vector<std::string> args(argv + 1, argv + argc);
    const int status = dcmap::cli::run(args, std::cout, std::cerr);
    // Every file is written and closed by now. What is left (the base map, the gazetteer,
    // font maps and caches, tens of MB in many blocks) would be freed block by block only
    // for the system to take the pages back anyway: 10-20 ms at the end of every render.
    // Sanitizer builds return as usual, so the leak checker still sees every run of the program.
#if defined(__SANITIZE_ADDRESS__)
    return status;
#else
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(status);
#endif
}
