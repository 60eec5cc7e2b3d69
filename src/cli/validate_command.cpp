#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/report.hpp"
#include "cli/site_source.hpp"

#include <iostream>
#include <ostream>

namespace dcmap::cli {

int run_validate(const ValidateCommand& cmd, std::ostream& out, std::ostream& err) {
    const std::vector<std::string> inputs = expand_inputs(cmd.inputs);
    if (inputs.empty()) {
        print_error_message("no .yaml files found in " + cmd.inputs.front(), err);
        return exit_failure;
    }
    int status = exit_ok;
    for (const auto& input : inputs) {
        Diagnostics diagnostics;
        try {
            const SiteFile file = load_site_source(input, std::cin, cmd.columns);
            // Everything render checks before drawing: unknown places and regions, the style,
            // the projection, extent, insets and canvas size of the file's `map:`.
            app::RenderSettings settings;
            settings.map = file.map;
            settings.catalogue = cmd.catalogue;
            app::check_map(file, settings, diagnostics);
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
