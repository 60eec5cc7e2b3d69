// dcmap's entry point: hands argv to the CLI, which tests can also run in-process.
#include "cli/cli.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return dcmap::cli::run(args, std::cout, std::cerr);
}
