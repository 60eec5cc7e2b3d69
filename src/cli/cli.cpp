#include "cli/cli.hpp"

#include <ostream>

namespace dcmap::cli {

int run(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
    err << "dcmap: not built yet\n";
    return exit_failure;
}

} // namespace dcmap::cli
