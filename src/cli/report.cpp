#include "cli/report.hpp"

#include "model/error.hpp"

#include <ostream>
#include <string>

namespace dcmap::cli {

void print_warnings(const Diagnostics& diagnostics, std::ostream& err) {
    for (const auto& w : diagnostics.warnings) {
        if (!w.pos.file.empty()) {
            err << w.pos.file;
            if (w.pos.line > 0) {
                err << ':' << w.pos.line;
                if (w.pos.column > 0) err << ':' << w.pos.column;
            }
            err << ": ";
        }
        err << "warning: " << w.message << '\n';
    }
    for (const auto& n : diagnostics.notes) err << "note: " << n.message << '\n';
}

void print_error(const std::exception& e, std::ostream& err) {
    const std::string what = e.what();
    if (dynamic_cast<const InputError*>(&e) || dynamic_cast<const InputErrors*>(&e)) {
        err << what << '\n';
        return;
    }
    // Errors tied to a file position start with it ("file:line:col: error: ..."); the rest
    // are the program's own.
    err << "dcmap: " << (what.find(": error: ") != std::string::npos ? "" : "error: ") << what << '\n';
}

void print_failure(const std::exception& e, const Diagnostics& diagnostics, std::ostream& err) {
    print_warnings(diagnostics, err);
    print_error(e, err);
}

bool warnings_fail(const std::string& path, const Diagnostics& diagnostics, bool strict,
                   std::ostream& err) {
    print_warnings(diagnostics, err);
    if (!strict || diagnostics.warnings.empty()) return false;
    err << path << ": error: " << diagnostics.warnings.size() << " warning(s) with --strict\n";
    return true;
}

} // namespace dcmap::cli
