#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/input_jobs.hpp"
#include "cli/inputs.hpp"
#include "cli/report.hpp"
#include "cli/site_source.hpp"

#include <algorithm>
#include <iostream>
#include <ostream>

namespace dcmap::cli {

int run_validate(const ValidateCommand& cmd, std::ostream& out, std::ostream& err) {
    const std::vector<std::string> inputs = expand_inputs(cmd.inputs);
    if (inputs.empty()) {
        print_error_message("no .yaml files found in " + cmd.inputs.front(), err);
        return exit_failure;
    }
    std::vector<char> failed(inputs.size(), 1); // until checked

    for_each_input(
        inputs.size(), cmd.jobs, out, err,
        [&](std::size_t i, std::ostream& input_out, std::ostream& input_err) {
            const std::string& input = inputs[i];
            Diagnostics diagnostics;
            try {
                const SiteFile file = load_site_source(input, std::cin, cmd.columns);
                // Everything render checks before drawing: unknown places and regions, the
                // style, the projection, extent, insets and canvas size of the file's `map:`.
                app::RenderSettings settings;
                settings.map = file.map;
                settings.catalogue = cmd.catalogue;
                app::check_map(file, settings, diagnostics);
                if (warnings_fail(input, diagnostics, cmd.strict, input_err))
                    return;
                input_out << input << ": ok (" << file.sites.size()
                          << (file.sites.size() == 1 ? " site)\n" : " sites)\n");
                failed[i] = 0;
            } catch (const std::exception& e) {
                print_failure(e, diagnostics, input_err);
            }
        },
        inputs);
    const bool any_failed = std::find(failed.begin(), failed.end(), char{1}) != failed.end();
    const int status = any_failed ? exit_failure : exit_ok;
    return status;
}

} // namespace dcmap::cli
