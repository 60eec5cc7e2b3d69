// dcmap's entry point: hands argv to the CLI, which tests can also run in-process.
#include "cli/cli.hpp"
#include "io/atomic_file.hpp"

#include <malloc.h>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    // Blocks under 8 MiB come from the heap and stay there when freed: glibc's default sends
    // blocks from 128 KiB on to mmap and returns them, so each page pass and naming round
    // faulted its buffers in again (10,000 sites: 22,000 minor faults, 16,000 with this).
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
    // An interrupted run removes the temporary files of the maps it had not finished.
    dcmap::io::remove_temp_files_on_signals();
    std::vector<std::string> args(argv + 1, argv + argc);
    return dcmap::cli::run(args, std::cout, std::cerr);
}
