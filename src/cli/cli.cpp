#include "cli/cli.hpp"

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <ostream>

namespace dcmap::cli {

namespace {

const char* const version_text =
    "dcmap " DCMAP_VERSION "\n";

/// Copies an option's value into an optional only when the user gave it.
template <typename T>
void set_if_given(const CLI::Option* opt, const T& value, std::optional<T>& target) {
    if (opt->count() > 0) target = value;
}

} // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CLI::App app{"dcmap: turn a YAML list of cloud regions and data-center sites into a world map "
                 "(PNG, SVG, PDF), offline."};
    app.name("dcmap");
    app.require_subcommand(0, 1);
    bool show_version = false;
    app.add_flag("--version", show_version, "Print the version and data attribution");

    // render ---------------------------------------------------------------------------------
    RenderCommand render;
    std::string style, projection, center, extent, title;
    std::vector<std::string> insets;
    std::string detail, markers, labels, key;
    int width = 0, height = 0;
    std::string formats = "png";
    auto* r = app.add_subcommand("render", "Render site files to PNG, SVG or PDF maps");
    r->add_option("INPUT", render.inputs, "Site file(s) (.yaml), or folder(s) of them")->required();
    r->add_option("-o,--output", render.outputs,
                  "Output file (.png, .svg, .pdf; repeat for several formats) or a folder "
                  "(default: out)");
    r->add_option("--format", formats, "Formats written into an output folder: png,svg,pdf")
        ->default_val("png");
    auto* o_style = r->add_option("--style", style, "Style: default, dark, print, or a YAML file")
                        ->group("Map");
    auto* o_proj = r->add_option("--projection", projection,
                                 "equal-earth (default), robinson, natural-earth, web-mercator, "
                                 "plate-carree, orthographic, or a PROJ string")
                       ->group("Map");
    auto* o_center = r->add_option("--center", center,
                                   "Central meridian LON, or LON,LAT for orthographic (e.g. 150)")
                         ->group("Map");
    auto* o_extent = r->add_option("--extent", extent,
                                   "world (default), auto, europe, asia-pacific, north-america, "
                                   "latin-america, middle-east-africa, china, or W,S,E,N in degrees")
                         ->group("Map");
    auto* o_inset = r->add_option("--inset", insets,
                                  "Magnified inset of a dense area: europe, east-asia, "
                                  "north-america-east (or an extent name), W,S,E,N, auto, or none; "
                                  "repeat for several")
                        ->allow_extra_args(false)
                        ->group("Map");
    auto* o_detail = r->add_option("--detail", detail,
                                   "Base map detail: auto (by scale, default), low (Natural Earth "
                                   "1:110m) or medium (1:50m)")
                         ->check(CLI::IsMember({"auto", "low", "medium"}))
                         ->group("Map");
    auto* o_markers = r->add_option("--markers", markers,
                                    "auto (default), sites (one marker each), clusters (counted "
                                    "markers) or density (hexagons)")
                          ->check(CLI::IsMember({"auto", "sites", "clusters", "density"}))
                          ->group("Map");
    auto* o_labels = r->add_option("--labels", labels,
                                   "What a site's label shows: auto (name unless long, default), "
                                   "name, or place (the town)")
                         ->check(CLI::IsMember({"auto", "name", "place"}))
                         ->group("Map");
    auto* o_key = r->add_option("--key", key,
                                "Number sites whose label finds no room and list them below the "
                                "map: auto (default), always, never")
                      ->check(CLI::IsMember({"auto", "always", "never"}))
                      ->group("Map");
    auto* o_title = r->add_option("--title", title, "Title (overrides the file's title)")->group("Map");
    auto* o_width = r->add_option("--width", width, "Canvas width in pixels (height follows the map's aspect)")
                        ->check(CLI::Range(16, 20000))
                        ->group("Size");
    auto* o_height = r->add_option("--height", height, "Canvas height in pixels")
                         ->check(CLI::Range(16, 20000))
                         ->group("Size");
    r->add_option("--scale", render.scale, "Pixel density multiplier (2 for retina)")
        ->check(CLI::Range(0.25, 8.0))
        ->default_val(1)
        ->group("Size");
    r->add_option("--dpi", render.dpi, "Resolution written into PNG files")
        ->check(CLI::Range(1.0, 2400.0))
        ->group("Size");
    r->add_option("--png", render.png,
                  "PNG pixels: truecolor (default) or palette (indexed, 256 colours or fewer; "
                  "much smaller, exact when the map has few colours)")
        ->check(CLI::IsMember({"truecolor", "palette"}))
        ->group("Output");
    r->add_option("--layout-json", render.layout_json,
                  "Also write what was drawn (markers, labels, legend) as JSON")
        ->group("Output");
    r->add_option("--resolved", render.resolved,
                  "Also write the resolved sites as GeoJSON (for review in QGIS, kepler.gl)")
        ->group("Output");
    r->add_option("--catalogue", render.catalogue,
                  "Region catalogue file adding or overriding built-in regions")
        ->group("Places");
    r->add_flag("--strict", render.strict,
                "Treat geocoding warnings (ambiguous places, wrong country) as errors")
        ->group("Places");
    r->add_option("--svg-id-prefix", render.svg_id_prefix,
                  "Prefix of every id in an SVG (default: from the output name and the map), so "
                  "several maps inline in one HTML page")
        ->group("Output");
    auto* o_quiet = r->add_flag("-q,--quiet", render.quiet, "Print only warnings and errors")
                        ->group("Output");
    r->add_flag("-v,--verbose", render.verbose, "Also print a one-line summary of each map")
        ->group("Output")
        ->excludes(o_quiet);

    // validate -------------------------------------------------------------------------------
    ValidateCommand validate;
    auto* v = app.add_subcommand("validate", "Check site files: schema, values and places");
    v->add_option("FILE", validate.inputs, "Site file(s) to check")->required();
    v->add_flag("--strict", validate.strict, "Treat warnings (e.g. ambiguous places) as errors");
    v->add_option("--catalogue", validate.catalogue,
                  "Region catalogue file adding or overriding built-in regions");

    // geocode --------------------------------------------------------------------------------
    GeocodeCommand geocode;
    auto* g = app.add_subcommand("geocode",
                                 "Look up places and region ids, or audit a site file's placements");
    g->add_option("QUERY", geocode.queries,
                  "Place (\"Frankfurt, Germany\"), region id (aws:us-east-1), or one site file")
        ->required();
    g->add_flag("--json", geocode.json, "One JSON object per query (or site) and line");
    g->add_option("--format", geocode.format, "Output for a site file: table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->default_val("table");
    g->add_option("--catalogue", geocode.catalogue,
                  "Region catalogue file adding or overriding built-in regions");
    g->add_flag("--strict", geocode.strict, "Exit 1 when there are warnings (ambiguous places)");

    // regions --------------------------------------------------------------------------------
    RegionsCommand regions;
    auto* rg = app.add_subcommand("regions", "List the cloud-region catalogue");
    rg->add_option("--provider", regions.provider,
                   "Only this provider: aws, azure, gcp, alibaba, oracle");
    rg->add_flag("--json", regions.json, "One JSON object per region and line");
    rg->add_option("--catalogue", regions.catalogue,
                   "Region catalogue file adding or overriding built-in regions");

    // stats ----------------------------------------------------------------------------------
    StatsCommand stats;
    auto* st = app.add_subcommand(
        "stats", "Count sites by provider, status, continent and country, with zones and MW");
    st->add_option("FILE", stats.inputs,
                   "Site file(s); - reads standard input, git:REV:PATH a committed version")
        ->required();
    st->add_option("--format", stats.format, "md (Markdown tables, default), csv or json")
        ->check(CLI::IsMember({"md", "csv", "json"}))
        ->default_val("md");
    st->add_option("--catalogue", stats.catalogue,
                   "Region catalogue file adding or overriding built-in regions");

    // diff -----------------------------------------------------------------------------------
    DiffCommand diff;
    auto* df = app.add_subcommand(
        "diff", "List the sites added, removed, changed in status or moved between two files");
    df->add_option("OLD", diff.old_file, "Older site file, - or git:REV:PATH")->required();
    df->add_option("NEW", diff.new_file, "Newer site file, - or git:REV:PATH")->required();
    df->add_option("--format", diff.format, "md (Markdown, default), csv or json")
        ->check(CLI::IsMember({"md", "csv", "json"}))
        ->default_val("md");
    df->add_option("--moved-km", diff.moved_km,
                   "A site moved when its positions lie farther apart than this (default 25)")
        ->check(CLI::Range(0.0, 20040.0))
        ->default_val(25);
    df->add_flag("--exit-code", diff.exit_code, "Exit 1 when anything changed, 0 when not");
    df->add_option("--catalogue", diff.catalogue,
                   "Region catalogue file adding or overriding built-in regions");

    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e, out, err);
        return code == 0 ? exit_ok : exit_usage;
    }

    if (show_version) {
        out << version_text << data_attribution << '\n';
        return exit_ok;
    }
    try {
        if (r->parsed()) {
            set_if_given(o_style, style, render.overrides.style);
            set_if_given(o_proj, projection, render.overrides.projection);
            set_if_given(o_center, center, render.overrides.center);
            set_if_given(o_extent, extent, render.overrides.extent);
            set_if_given(o_inset, insets, render.overrides.insets);
            set_if_given(o_detail, detail, render.overrides.detail);
            set_if_given(o_markers, markers, render.overrides.markers);
            set_if_given(o_labels, labels, render.overrides.labels);
            set_if_given(o_key, key, render.overrides.key);
            set_if_given(o_title, title, render.overrides.title);
            set_if_given(o_width, width, render.overrides.width);
            set_if_given(o_height, height, render.overrides.height);
            if (render.outputs.empty()) render.outputs = {"out"};
            if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
                char* end = nullptr;
                const long long seconds = std::strtoll(epoch, &end, 10);
                if (*end != '\0' || seconds < 0 || seconds > 253402300799LL) {
                    err << "dcmap render: error: SOURCE_DATE_EPOCH '" << epoch
                        << "' is not a number of seconds since 1970\n";
                    return exit_usage;
                }
                render.creation_epoch = seconds;
            }
            render.formats.clear();
            for (auto& f : CLI::detail::split(formats, ',')) {
                if (f != "png" && f != "svg" && f != "pdf") {
                    err << "dcmap render: error: unknown format '" << f << "': use png, svg or pdf\n";
                    return exit_usage;
                }
                render.formats.push_back(f);
            }
            return run_render(render, out, err);
        }
        if (v->parsed()) return run_validate(validate, out, err);
        if (g->parsed()) return run_geocode(geocode, out, err);
        if (rg->parsed()) return run_regions(regions, out, err);
        if (st->parsed()) return run_stats(stats, out, err);
        if (df->parsed()) return run_diff(diff, out, err);
    } catch (const std::exception& e) {
        // Commands handle dcmap errors themselves; this is the last guard against a crash.
        err << "dcmap: internal error: " << e.what() << '\n';
        return exit_failure;
    }
    out << app.help();
    return exit_usage;
}

} // namespace dcmap::cli
