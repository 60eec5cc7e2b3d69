#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/layout_json.hpp"
#include "cli/report.hpp"
#include "cli/resolution.hpp"
#include "export/resolved_geojson.hpp"
#include "config/site_loader.hpp"
#include "io/atomic_file.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <ostream>

namespace fs = std::filesystem;

namespace dcmap::cli {

namespace {

bool is_yaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

/// Files named on the command line, with folders replaced by their *.yaml files, sorted.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
    std::vector<std::string> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (!fs::is_directory(in, ec)) {
            files.push_back(in);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(in, ec))
            if (entry.is_regular_file() && is_yaml(entry.path())) found.push_back(entry.path().string());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

/// A single output file when -o names one (it has a map extension); otherwise a folder.
bool names_a_file(const std::string& output) {
    auto ext = fs::path(output).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".png" || ext == ".svg" || ext == ".pdf";
}

/// Fails before any work when a file could not be written because its folder is missing, so a
/// run never writes the map and then fails on its --layout-json or --resolved file.
void check_writable_folders(const std::vector<std::string>& paths) {
    for (const auto& path : paths) {
        if (path.empty()) continue;
        const fs::path folder = fs::path(path).parent_path();
        std::error_code ec;
        if (!folder.empty() && !fs::is_directory(folder, ec))
            throw IoError("cannot write " + path + ": no folder " + folder.string() +
                          "; create it first");
    }
}

int render_one(const std::string& input, const std::vector<std::string>& outputs,
               const RenderCommand& cmd, std::ostream& out, std::ostream& err) {
    Diagnostics diagnostics;
    try {
        std::vector<std::string> written = outputs;
        written.push_back(cmd.layout_json);
        written.push_back(cmd.resolved);
        check_writable_folders(written);
        const SiteFile file = config::load_site_file(input);
        RenderSettings settings = merge_settings(file.map, cmd.overrides);
        settings.scale = cmd.scale;
        settings.dpi = cmd.dpi;
        settings.png_palette = cmd.png == "palette";
        settings.catalogue = cmd.catalogue;
        settings.strict = cmd.strict;
        std::vector<ResolvedSite> resolved;
        const MapLayout layout = render_site_file(file, settings, outputs, diagnostics, &resolved);
        if (!cmd.layout_json.empty()) io::write_file_atomically(cmd.layout_json, layout_to_json(layout));
        if (!cmd.resolved.empty()) exporter::write_resolved_geojson(cmd.resolved, resolved);
        print_warnings(diagnostics, err);
        for (const auto& o : outputs) out << "wrote " << o << '\n';
        if (!cmd.resolved.empty()) out << "wrote " << cmd.resolved << '\n';
        return exit_ok;
    } catch (const std::exception& e) {
        print_failure(e, diagnostics, err);
        return exit_failure;
    }
}

} // namespace

int run_render(const RenderCommand& cmd, std::ostream& out, std::ostream& err) {
    const std::vector<std::string> inputs = expand_inputs(cmd.inputs);
    if (inputs.empty()) {
        err << "dcmap: error: no .yaml files found in " << cmd.inputs.front() << '\n';
        return exit_failure;
    }
    const bool all_files = std::all_of(cmd.outputs.begin(), cmd.outputs.end(), names_a_file);
    if (all_files) {
        if (inputs.size() > 1) {
            err << "dcmap: error: " << inputs.size() << " inputs need an output folder, not "
                << cmd.outputs.front() << "; use -o out/\n";
            return exit_usage;
        }
        return render_one(inputs.front(), cmd.outputs, cmd, out, err);
    }
    if (cmd.outputs.size() != 1) {
        err << "dcmap: error: give one output folder, or map files ending in .png, .svg or .pdf\n";
        return exit_usage;
    }
    const std::string& folder = cmd.outputs.front();
    if ((!cmd.layout_json.empty() || !cmd.resolved.empty()) && inputs.size() > 1) {
        err << "dcmap: error: --" << (cmd.layout_json.empty() ? "resolved" : "layout-json")
            << " takes one input, got " << inputs.size() << '\n';
        return exit_usage;
    }
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        err << "dcmap: error: cannot create folder " << folder << ": " << ec.message() << '\n';
        return exit_failure;
    }
    // Name every output first: two inputs with one stem (a/eu.yaml, b/eu.yaml) or a format
    // given twice would silently overwrite each other's maps.
    std::vector<std::vector<std::string>> outputs_per_input;
    std::set<std::string> seen;
    for (const auto& input : inputs) {
        std::vector<std::string> outputs;
        for (const auto& format : cmd.formats) {
            outputs.push_back((fs::path(folder) / fs::path(input).stem()).string() + "." + format);
            if (!seen.insert(outputs.back()).second) {
                err << "dcmap: error: two maps would be written to " << outputs.back()
                    << "; give inputs distinct file names and each format once\n";
                return exit_usage;
            }
        }
        outputs_per_input.push_back(std::move(outputs));
    }
    int status = exit_ok;
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (render_one(inputs[i], outputs_per_input[i], cmd, out, err) != exit_ok) status = exit_failure;
    return status;
}

} // namespace dcmap::cli
