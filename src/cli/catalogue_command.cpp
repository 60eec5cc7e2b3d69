// `dcmap catalogue import`: the providers' own region lists -> a catalogue TSV that
// `--catalogue` merges, each region placed through the gazetteer.
#include "app/catalogue_import.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "io/atomic_file.hpp"
#include "model/diagnostics.hpp"
#include "model/error.hpp"

#include <ostream>

namespace dcmap::cli {

int run_catalogue_import(const CatalogueImportCommand& cmd, std::ostream& out, std::ostream& err) {
    Diagnostics diagnostics;
    app::CatalogueImport result;
    try {
        result = app::import_catalogue(cmd.inputs, diagnostics);
    } catch (const std::exception& e) {
        print_failure(e, diagnostics, err);
        return exit_failure;
    }
    print_warnings(diagnostics, err);
    try {
        if (cmd.output.empty() || cmd.output == "-") {
            out << result.tsv;
        } else {
            io::StagedOutputs staged;
            staged.stage(cmd.output, result.tsv);
            staged.commit();
        }
    } catch (const std::exception& e) {
        print_error(e, err);
        return exit_failure;
    }
    err << "dcmap: note: " << result.placed << " region(s) placed, " << result.unplaced
        << " not placed\n";
    return cmd.strict && result.unplaced > 0 ? exit_failure : exit_ok;
}

} // namespace dcmap::cli
