#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/layout_json.hpp"
#include "cli/report.hpp"
#include "cli/resolution.hpp"
#include "cli/site_source.hpp"
#include "export/resolved_geojson.hpp"
#include "config/site_loader.hpp"
#include "io/atomic_file.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
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

/// The file name (without extension) of an input's map in an output folder: the input's stem;
/// "stdin" for standard input; for git:REV:PATH, PATH's stem.
std::string map_name(const std::string& input) {
    if (input == "-")
        return "stdin";
    const std::size_t colon = input.rfind(':');
    const std::string path =
        is_site_stream(input) && colon != std::string::npos ? input.substr(colon + 1) : input;
    return fs::path(path).stem().string();
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

/// "regions/x.yaml: 32 sites (markers), 30 named, 2 in the key, 0 unnamed; 2400 x 1302 px".
std::string summary_line(const std::string& input, const MapLayout& layout) {
    int named = 0, keyed = 0, unnamed = 0;
    for (const auto& [id, outcome] : layout.outcomes) {
        if (outcome == LabelOutcome::keyed)
            ++keyed;
        else if (outcome == LabelOutcome::unlabelled)
            ++unnamed;
        else
            ++named;
    }
    const auto n = layout.outcomes.size();
    return input + ": " + std::to_string(n) + (n == 1 ? " site" : " sites") + " (" +
           layout.markers_mode + "), " + std::to_string(named) + " named, " +
           std::to_string(keyed) + " in the key, " + std::to_string(unnamed) + " unnamed; " +
           std::to_string(static_cast<long>(layout.width)) + " x " +
           std::to_string(static_cast<long>(layout.height)) + " px";
}

/// Prints the warnings and notes of one input. Those not tied to a line of the file name the
/// file instead ("x.yaml: warning: ...", "x.yaml: note: ..."), so a folder's run says which map
/// each is about; -q leaves the notes out.
void print_diagnostics(Diagnostics diagnostics, const std::string& input, bool quiet,
                       const std::exception* failure, std::ostream& err) {
    for (auto& w : diagnostics.warnings)
        if (w.pos.file.empty()) w.pos.file = input;
    std::vector<Diagnostic> notes;
    notes.swap(diagnostics.notes);
    print_warnings(diagnostics, err);
    if (!quiet)
        for (const auto& n : notes) err << input << ": note: " << n.message << '\n';
    if (failure) print_error(*failure, err);
}

/// The settings of one input: the file's `map:` under the command's options.
RenderSettings settings_for(const SiteFile& file, const RenderCommand& cmd) {
    RenderSettings settings = merge_settings(file.map, cmd.overrides);
    settings.scale = cmd.scale;
    settings.dpi = cmd.dpi;
    settings.png_palette = cmd.png == "palette";
    settings.catalogue = cmd.catalogue;
    settings.strict = cmd.strict;
    settings.svg_id_prefix = cmd.svg_id_prefix;
    settings.creation_epoch = cmd.creation_epoch;
    return settings;
}

/// The layout JSON and the resolved GeoJSON, when asked for.
void write_side_files(const RenderCommand& cmd, const MapLayout& layout,
                      const std::vector<ResolvedSite>& resolved) {
    if (!cmd.layout_json.empty())
        io::write_file_atomically(cmd.layout_json, layout_to_json(layout));
    if (!cmd.resolved.empty())
        exporter::write_resolved_geojson(cmd.resolved, resolved);
}

int render_one(const std::string& input, const std::vector<std::string>& outputs,
               const RenderCommand& cmd, std::ostream& out, std::ostream& err) {
    Diagnostics diagnostics;
    try {
        std::vector<std::string> written = outputs;
        written.push_back(cmd.layout_json);
        written.push_back(cmd.resolved);
        check_writable_folders(written);
        const SiteFile file = load_site_source(input, std::cin);
        std::vector<ResolvedSite> resolved;
        std::vector<std::string> unchanged;
        const MapLayout layout = render_site_file(file, settings_for(file, cmd), outputs,
                                                  diagnostics, &resolved, &unchanged);
        write_side_files(cmd, layout, resolved);
        print_diagnostics(diagnostics, input, cmd.quiet, nullptr, err);
        if (cmd.quiet) return exit_ok;
        for (const auto& o : outputs)
            out << (std::count(unchanged.begin(), unchanged.end(), o) ? "unchanged " : "wrote ")
                << o << '\n';
        if (!cmd.resolved.empty()) out << "wrote " << cmd.resolved << '\n';
        if (cmd.verbose)
            out << summary_line(input, layout) << '\n';
        return exit_ok;
    } catch (const std::exception& e) {
        print_diagnostics(diagnostics, input, cmd.quiet, &e, err);
        return exit_failure;
    }
}

/// `-o -`: the one map goes to standard output in the one format of --format; messages that
/// would go to standard output are left out, since it carries the map.
int render_to_stdout(const std::vector<std::string>& inputs, const RenderCommand& cmd,
                     std::ostream& out, std::ostream& err) {
    if (inputs.size() != 1 || cmd.formats.size() != 1) {
        err << "dcmap: error: -o - writes one map: give one input and one --format\n";
        return exit_usage;
    }
    const std::string& input = inputs.front();
    Diagnostics diagnostics;
    try {
        check_writable_folders({cmd.layout_json, cmd.resolved});
        const SiteFile file = load_site_source(input, std::cin);
        const render::Format format = render::format_from_path("." + cmd.formats.front());
        std::vector<ResolvedSite> resolved;
        const EncodedMaps map = encode_site_file(
            file, settings_for(file, cmd), {{format, map_name(input)}}, diagnostics, &resolved);
        write_side_files(cmd, map.layout, resolved);
        print_diagnostics(diagnostics, input, cmd.quiet, nullptr, err);
        out.write(map.bytes.front().data(), static_cast<std::streamsize>(map.bytes.front().size()));
        out.flush();
        if (!out) {
            err << "dcmap: error: cannot write the map to standard output\n";
            return exit_failure;
        }
        return exit_ok;
    } catch (const std::exception& e) {
        print_diagnostics(diagnostics, input, cmd.quiet, &e, err);
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
    if (cmd.outputs.size() == 1 && cmd.outputs.front() == "-")
        return render_to_stdout(inputs, cmd, out, err);
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
            outputs.push_back((fs::path(folder) / map_name(input)).string() + "." + format);
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
