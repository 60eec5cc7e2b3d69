#include "app/pipeline.hpp"
#include "app/resolution.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/input_jobs.hpp"
#include "cli/inputs.hpp"
#include "cli/layout_json.hpp"
#include "cli/report.hpp"
#include "cli/site_source.hpp"
#include "cli/write_maps.hpp"
#include "config/site_loader.hpp"
#include "config/style_loader.hpp"
#include "io/atomic_file.hpp"
#include "model/error.hpp"
#include "ogr/resolved_output.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <set>
#include <thread>

namespace fs = std::filesystem;

namespace dcmap::cli {

namespace {

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
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext == ".png" || ext == ".svg" || ext == ".pdf";
}

/// Fails before any work when a file could not be written because its folder is missing.
void check_writable_folders(const std::vector<std::string>& paths) {
    for (const auto& path : paths) {
        if (path.empty())
            continue;
        const fs::path folder = fs::path(path).parent_path();
        std::error_code ec;
        // Checked now: renaming over a folder would fail only after earlier outputs were
        // renamed.
        if (fs::is_directory(path, ec))
            throw IoError("cannot write " + path + ": it is a folder; give a file name");
        if (!folder.empty() && !fs::is_directory(folder, ec))
            throw IoError("cannot write " + path + ": no folder " + folder.string() +
                          "; create it first");
    }
}

/// "regions/x.yaml: 32 sites (markers), 30 named, 2 in the key, 0 unnamed; 2400 x 1302 px".
std::string summary_line(const std::string& input, const MapLayout& layout) {
    int named = 0, keyed = 0, unnamed = 0, density = 0;
    for (const auto& [id, outcome] : layout.outcomes) {
        if (outcome == LabelOutcome::keyed)
            ++keyed;
        else if (outcome == LabelOutcome::unlabelled)
            ++unnamed;
        else if (outcome == LabelOutcome::density)
            ++density; // counted in a hexagon, named nowhere
        else
            ++named;
    }
    const auto n = layout.outcomes.size();
    // The image's own size: the canvas rounds the layout's fractional pixels (render/).
    return input + ": " + std::to_string(n) + (n == 1 ? " site" : " sites") + " (" +
           layout.markers_mode + "), " + std::to_string(named) + " named, " +
           std::to_string(keyed) + " in the key, " + std::to_string(unnamed) + " unnamed" +
           (density > 0 ? ", " + std::to_string(density) + " in the density surface" : "") + "; " +
           std::to_string(std::lround(layout.width)) + " x " +
           std::to_string(std::lround(layout.height)) + " px";
}

/// Prints the warnings and notes of one input. Those not tied to a line of the file name the
/// file instead ("x.yaml: warning: ...", "x.yaml: note: ..."), so a folder's run says which map
/// each is about; -q leaves the notes out.
void print_diagnostics(Diagnostics diagnostics, const std::string& input, bool quiet,
                       const std::exception* failure, std::ostream& err) {
    for (auto& w : diagnostics.warnings)
        if (w.pos.file.empty())
            w.pos.file = input;
    std::vector<Diagnostic> notes;
    notes.swap(diagnostics.notes);
    print_warnings(diagnostics, err);
    if (!quiet)
        for (const auto& n : notes)
            err << input << ": note: " << n.message << '\n';
    if (failure)
        print_error(*failure, err);
}

/// --strict: a site named nowhere on the map (no label, key number or inset names it, or it lies
/// outside the view) fails the run like a geocoding warning does. Throws Error naming them.
void check_all_named(const MapLayout& layout, const std::string& input) {
    if (layout.dropped.empty())
        return;
    std::string ids;
    for (std::size_t i = 0; i < layout.dropped.size() && i < 20; ++i)
        ids += (i ? ", " : "") + layout.dropped[i];
    if (layout.dropped.size() > 20)
        ids += " and " + std::to_string(layout.dropped.size() - 20) + " more";
    const std::size_t n = layout.dropped.size();
    throw Error(input + ": " + std::to_string(n) + (n == 1 ? " site is" : " sites are") +
                " left unnamed on the map with --strict: " + ids +
                "; nothing written (use a larger --width, an inset, --key always, or `label:` "
                "to shorten names)");
}

/// The settings of one input: the file's `map:` under the command's options.
app::RenderSettings settings_for(const SiteFile& file, const RenderCommand& cmd) {
    app::RenderSettings settings;
    settings.map = app::merge_settings(file.map, cmd.overrides);
    settings.title = cmd.title;
    settings.scale = cmd.scale;
    settings.png_palette = cmd.png == "palette";
    settings.catalogue = cmd.catalogue;
    settings.strict = cmd.strict;
    settings.svg_id_prefix = cmd.svg_id_prefix;
    settings.svg_text_paths = cmd.svg_text == "paths";
    settings.creation_epoch = cmd.creation_epoch;
    settings.timeline = cmd.timeline;
    return settings;
}

/// A style or catalogue the site file names must not be one of the run's outputs either.
void check_file_paths_against(const SiteFile& file, const app::RenderSettings& settings,
                              const std::vector<std::string>& outputs) {
    for (const auto& out : outputs) {
        if (out.empty())
            continue;
        if (settings.map.style && !settings.map.style->pos.file.empty() &&
            !config::is_builtin_style(settings.map.style->value) &&
            same_file(settings.map.style->value, out))
            throw InputError(settings.map.style->pos,
                             "the style " + settings.map.style->value +
                                 " is also an output of this run",
                             "give the output another name");
        if (!file.catalogue.empty() && same_file(file.catalogue, out))
            throw InputError(file.catalogue_pos,
                             "the catalogue " + file.catalogue + " is also an output of this run",
                             "give the output another name");
    }
}

/// The file with each `--layer FILE` added after its own `layers:`, drawn under the sites.
SiteFile with_option_layers(SiteFile file, const RenderCommand& cmd) {
    for (const auto& path : cmd.layers) {
        LayerRequest layer;
        layer.path = path;
        layer.pos = SourcePos{path, 0, 0};
        file.layers.push_back(layer);
    }
    return file;
}

/// What one input's run reports once every output is committed.
struct InputReport {
    std::vector<std::string> unchanged; ///< maps left alone: they already hold these bytes
    std::string summary;                ///< -v: one line about the map
};

/// Renders one input into `staged`. Returns false after printing what went wrong.
bool render_one(const std::string& input, const std::vector<std::string>& outputs,
                const RenderCommand& cmd, io::StagedOutputs& staged, InputReport& report,
                std::ostream& err) {
    Diagnostics diagnostics;
    try {
        SiteFile file = with_option_layers(load_site_source(input, std::cin, cmd.columns), cmd);
        const app::RenderSettings settings = settings_for(file, cmd);
        std::vector<std::string> all = outputs;
        all.push_back(cmd.layout_json);
        all.push_back(cmd.resolved);
        check_file_paths_against(file, settings, all);
        // Only --resolved needs a copy of every resolved site (100 MB at 100,000 sites); the
        // file is not read again, so the layout takes its sites.
        std::vector<ResolvedSite> resolved;
        const MapLayout layout = render_site_file(std::move(file), settings, outputs, diagnostics,
                                                  cmd.resolved.empty() ? nullptr : &resolved,
                                                  &staged, &report.unchanged);
        if (cmd.strict)
            check_all_named(layout, input);
        if (!cmd.layout_json.empty())
            staged.stage(cmd.layout_json, layout_to_json(layout));
        if (!cmd.resolved.empty())
            staged.stage(cmd.resolved, ogr::resolved_bytes(
                                           resolved, ogr::resolved_format_from_path(cmd.resolved)));
        print_diagnostics(diagnostics, input, cmd.quiet, nullptr, err);
        if (cmd.verbose)
            report.summary = summary_line(input, layout);
        return true;
    } catch (const std::exception& e) {
        print_diagnostics(diagnostics, input, cmd.quiet, &e, err);
        return false;
    }
}

/// `-o -`: the one map goes to standard output in the one format of --format; messages that
/// would go to standard output are left out, since it carries the map.
int render_to_stdout(const std::vector<std::string>& inputs, const RenderCommand& cmd,
                     std::ostream& out, std::ostream& err) {
    if (inputs.size() != 1 || cmd.formats.size() != 1) {
        print_error_message("-o - writes one map: give one input and one --format", err);
        return exit_usage;
    }
    const std::string& input = inputs.front();
    Diagnostics diagnostics;
    try {
        check_writable_folders({cmd.layout_json, cmd.resolved});
        const SiteFile file =
            with_option_layers(load_site_source(input, std::cin, cmd.columns), cmd);
        const app::MapFormat format = app::format_from_path("." + cmd.formats.front());
        std::vector<ResolvedSite> resolved;
        const app::EncodedMaps map =
            app::encode_site_file(file, settings_for(file, cmd), {{format, map_name(input)}},
                                  diagnostics, cmd.resolved.empty() ? nullptr : &resolved);
        if (cmd.strict)
            check_all_named(map.layout, input);
        if (!cmd.layout_json.empty())
            io::write_file_atomically(cmd.layout_json, layout_to_json(map.layout));
        if (!cmd.resolved.empty())
            io::write_file_atomically(
                cmd.resolved,
                ogr::resolved_bytes(resolved, ogr::resolved_format_from_path(cmd.resolved)));
        print_diagnostics(diagnostics, input, cmd.quiet, nullptr, err);
        out.write(map.bytes.front().data(), static_cast<std::streamsize>(map.bytes.front().size()));
        out.flush();
        if (!out) {
            print_error_message("cannot write the map to standard output", err);
            return exit_failure;
        }
        return exit_ok;
    } catch (const std::exception& e) {
        print_diagnostics(diagnostics, input, cmd.quiet, &e, err);
        return exit_failure;
    }
}

/// The map files of every input: the -o files of one input, or FOLDER/STEM.FORMAT for each.
/// Throws UsageProblem-style messages as std::string through `problem`.
std::vector<std::vector<std::string>> name_outputs(const RenderCommand& cmd,
                                                   const std::vector<std::string>& inputs,
                                                   std::string& problem) {
    const bool all_files = std::all_of(cmd.outputs.begin(), cmd.outputs.end(), names_a_file);
    if (all_files) {
        if (inputs.size() > 1)
            problem = std::to_string(inputs.size()) + " inputs need an output folder, not " +
                      cmd.outputs.front() + "; use -o out/";
        return {cmd.outputs};
    }
    if (cmd.outputs.size() != 1) {
        problem = "give one output folder, or map files ending in .png, .svg or .pdf";
        return {};
    }
    const std::string& folder = cmd.outputs.front();
    if ((!cmd.layout_json.empty() || !cmd.resolved.empty()) && inputs.size() > 1) {
        problem = std::string("--") + (cmd.layout_json.empty() ? "resolved" : "layout-json") +
                  " takes one input, got " + std::to_string(inputs.size());
        return {};
    }
    // Two inputs with one stem (a/eu.yaml, b/eu.yaml) or a format given twice would silently
    // overwrite each other's maps.
    std::vector<std::vector<std::string>> outputs_per_input;
    std::set<std::string> seen;
    for (const auto& input : inputs) {
        std::vector<std::string> outputs;
        for (const auto& format : cmd.formats) {
            outputs.push_back((fs::path(folder) / map_name(input)).string() + "." + format);
            if (!seen.insert(outputs.back()).second) {
                problem = "two maps would be written to " + outputs.back() +
                          "; give inputs distinct file names and each format once";
                return {};
            }
        }
        outputs_per_input.push_back(std::move(outputs));
    }
    return outputs_per_input;
}

} // namespace

int run_render(const RenderCommand& cmd, std::ostream& out, std::ostream& err) {
    // The first text measure of a process loads fontconfig (~10 ms of a 160 ms map); the
    // other core does it while the input is read and its places found.
    const std::jthread fonts(app::warm_up_text);
    const std::vector<std::string> inputs = expand_inputs(cmd.inputs);
    if (inputs.empty()) {
        print_error_message("no .yaml files found in " + cmd.inputs.front(), err);
        return exit_failure;
    }
    if (!cmd.resolved.empty()) {
        try {
            ogr::resolved_format_from_path(cmd.resolved);
        } catch (const Error& e) {
            print_error_message(e.what(), err);
            return exit_usage;
        }
    }
    if (cmd.outputs.size() == 1 && cmd.outputs.front() == "-")
        return render_to_stdout(inputs, cmd, out, err);
    std::string problem;
    const auto outputs_per_input = name_outputs(cmd, inputs, problem);
    if (!problem.empty()) {
        print_error_message(problem, err);
        return exit_usage;
    }
    // No output may replace an input (site files, --catalogue, a --style file) or another
    // output of the same run.
    std::vector<std::pair<std::string, std::string>> outputs;
    for (const auto& maps : outputs_per_input)
        for (const auto& m : maps)
            outputs.emplace_back("-o", m);
    if (!cmd.layout_json.empty())
        outputs.emplace_back("--layout-json", cmd.layout_json);
    if (!cmd.resolved.empty())
        outputs.emplace_back("--resolved", cmd.resolved);
    std::vector<std::string> read = inputs;
    if (!cmd.catalogue.empty())
        read.push_back(cmd.catalogue);
    read.insert(read.end(), cmd.layers.begin(), cmd.layers.end());
    if (cmd.overrides.style && !config::is_builtin_style(cmd.overrides.style->value))
        read.push_back(cmd.overrides.style->value);
    problem = output_clash(outputs, read);
    if (!problem.empty()) {
        print_error_message(problem, err);
        return exit_usage;
    }
    if (!names_a_file(cmd.outputs.front())) {
        std::error_code ec;
        fs::create_directories(cmd.outputs.front(), ec);
        if (ec) {
            print_error_message("cannot create folder " + cmd.outputs.front() + ": " + ec.message(),
                                err);
            return exit_failure;
        }
    }
    try {
        std::vector<std::string> paths;
        paths.reserve(outputs.size());
        for (const auto& o : outputs)
            paths.push_back(o.second);
        check_writable_folders(paths);
    } catch (const Error& e) {
        print_error(e, err);
        return exit_failure;
    }
    // Every output of the run is staged and replaces its file only when all succeeded, so a
    // failure never leaves some maps new and others old. Each input stages its own files and
    // -j N renders N inputs at once; messages and files still come out in input order.
    std::vector<io::StagedOutputs> staged_per_input(inputs.size());
    std::vector<InputReport> reports(inputs.size());
    std::vector<char> rendered(inputs.size(), 0);
    for_each_input(
        inputs.size(), cmd.jobs, out, err,
        [&](std::size_t i, std::ostream&, std::ostream& input_err) {
            rendered[i] = render_one(inputs[i], outputs_per_input[i], cmd, staged_per_input[i],
                                     reports[i], input_err);
        },
        inputs);
    io::StagedOutputs staged;
    for (auto& input_staged : staged_per_input)
        staged.append(std::move(input_staged));
    const auto failed =
        static_cast<std::size_t>(std::count(rendered.begin(), rendered.end(), char{0}));
    if (failed > 0) {
        if (inputs.size() > 1)
            print_error_message(std::to_string(failed) + " of " + std::to_string(inputs.size()) +
                                    " inputs failed; no file written",
                                err);
        return exit_failure;
    }
    const std::vector<std::string> written = staged.paths();
    try {
        staged.commit();
    } catch (const Error& e) {
        print_error(e, err);
        return exit_failure;
    }
    if (cmd.quiet)
        return exit_ok;
    for (const auto& path : written)
        if (path != cmd.layout_json)
            out << "wrote " << path << '\n';
    for (const auto& report : reports) {
        for (const auto& path : report.unchanged)
            out << "unchanged " << path << '\n';
        if (!report.summary.empty())
            out << report.summary << '\n';
    }
    return exit_ok;
}

} // namespace dcmap::cli
