#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/resolution.hpp"
#include "config/site_loader.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/resolve.hpp"

#include <algorithm>
#include <ostream>

namespace dcmap::cli {

int run_validate(const ValidateCommand& cmd, std::ostream& out, std::ostream& err) {
    int status = exit_ok;
    for (const auto& input : cmd.inputs) {
        Diagnostics diagnostics;
        try {
            const SiteFile file = config::load_site_file(input);
            // Unknown places and regions are data errors too, so validation geocodes every site
            // (and checks explicit coordinates against their country).
            resolve_site_file(file, cmd.catalogue, diagnostics);
            if (warnings_fail(input, diagnostics, cmd.strict, err)) {
                status = exit_failure;
                continue;
            }
            out << input << ": ok (" << file.sites.size() << " sites)\n";
        } catch (const std::exception& e) {
            print_failure(e, diagnostics, err);
            status = exit_failure;
        }
    }
    return status;
}

} // namespace dcmap::cli
