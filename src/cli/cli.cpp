#include "cli/cli.hpp"

#include "app/dcmap.hpp"
#include "app/pipeline.hpp"
#include "app/timeline.hpp"
#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "config/map_settings.hpp"
#include "config/style_loader.hpp"
#include "config/text_check.hpp"
#include "model/error.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace dcmap::cli {

namespace {

const char* const version_text = "dcmap " DCMAP_VERSION "\n";

/// A bad option value: what `dcmap: error:` prints, exit code 2.
struct UsageError {
    std::string message;
};

/// Parses an option's text with a config/map_settings.hpp parser (the same rule as the file's
/// `map:` key) into `target` when the user gave the option.
template <typename T, typename Parse>
void parse_if_given(const CLI::Option* opt, const std::string& text,
                    std::optional<Setting<T>>& target, Parse&& parse) {
    if (opt->count() == 0)
        return;
    try {
        target = Setting<T>{parse(text), {}};
    } catch (const InputError& e) {
        throw UsageError{opt->get_name() + " " + text + ": " + e.message() +
                         (e.hint().empty() ? "" : "; " + e.hint())};
    }
}

/// `--style`: a built-in name, or a style file read now, so a typo is a usage error before any
/// site is geocoded.
std::string checked_style(const std::string& text) {
    if (!config::is_builtin_style(text)) {
        try {
            config::load_style(text);
        } catch (const InputErrors& e) {
            throw InputError({}, std::string("the style file has errors: ") +
                                     e.errors().front().what());
        } catch (const Error& e) {
            throw InputError({}, e.what());
        }
    }
    return text;
}

/// `--projection`: a name or PROJ string PROJ accepts.
std::string checked_projection(const std::string& text) {
    app::check_projection(text);
    return text;
}

/// The options that make up the map, checked by the rules the site file's `map:` follows.
void map_settings_from_options(const CLI::App& r, const std::string& style,
                               const std::string& projection, const std::string& center,
                               const std::string& extent, const std::vector<std::string>& insets,
                               const std::string& detail, const std::string& markers,
                               const std::string& labels, const std::string& key,
                               const std::string& width, const std::string& height,
                               const std::string& dpi, const std::string& size, MapSettings& map) {
    parse_if_given(r.get_option("--style"), style, map.style, checked_style);
    parse_if_given(r.get_option("--projection"), projection, map.projection, checked_projection);
    parse_if_given(r.get_option("--center"), center, map.center,
                   [](const std::string& t) { return config::parse_center(t); });
    parse_if_given(r.get_option("--extent"), extent, map.extent,
                   [](const std::string& t) { return config::parse_extent(t); });
    parse_if_given(r.get_option("--detail"), detail, map.detail,
                   [](const std::string& t) { return config::parse_detail(t); });
    parse_if_given(r.get_option("--markers"), markers, map.markers,
                   [](const std::string& t) { return config::parse_markers(t); });
    parse_if_given(r.get_option("--labels"), labels, map.labels,
                   [](const std::string& t) { return config::parse_labels(t); });
    parse_if_given(r.get_option("--key"), key, map.key,
                   [](const std::string& t) { return config::parse_key(t); });
    const auto* o_inset = r.get_option("--inset");
    if (o_inset->count() > 0) {
        map.insets = Setting<std::vector<MapInset>>{{}, {}};
        // `--inset none` removes the file's insets.
        if (std::find(insets.begin(), insets.end(), "none") == insets.end()) {
            for (const auto& text : insets) {
                std::optional<Setting<MapInset>> one;
                parse_if_given(o_inset, text, one,
                               [](const std::string& t) { return config::parse_inset(t); });
                map.insets->value.push_back(one->value);
            }
        }
    }
    parse_if_given(r.get_option("--width"), width, map.width,
                   [](const std::string& t) { return config::parse_length(t, "width"); });
    parse_if_given(r.get_option("--height"), height, map.height,
                   [](const std::string& t) { return config::parse_length(t, "height"); });
    parse_if_given(r.get_option("--dpi"), dpi, map.dpi,
                   [](const std::string& t) { return config::parse_dpi(t); });
    parse_if_given(r.get_option("--size"), size, map.size,
                   [](const std::string& t) { return config::parse_size(t); });
}

/// --scale and --dpi: finite and in range (CLI11's Range lets NaN through).
void check_number(const CLI::App& r, const std::string& name, double value, double lo, double hi) {
    if (r.get_option(name)->count() == 0)
        return;
    if (!(std::isfinite(value) && value >= lo && value <= hi)) {
        char text[128];
        std::snprintf(text, sizeof text, "%s must be a number from %g to %g", name.c_str(), lo, hi);
        throw UsageError{text};
    }
}

/// `diff`'s change-map options, by the rules render's options follow.
void diff_options(const CLI::App& d, const std::string& style, const std::string& projection,
                  const std::string& extent, const std::string& title, const std::string& width,
                  const std::string& height, DiffCommand& diff) {
    for (const auto& path : diff.outputs) {
        std::string ext = path.size() >= 4 ? path.substr(path.size() - 4) : "";
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext != ".png" && ext != ".svg" && ext != ".pdf")
            throw UsageError{"-o " + path + ": a change map is a .png, .svg or .pdf file"};
    }
    if (diff.outputs.empty() && !diff.layout_json.empty())
        throw UsageError{"--layout-json describes the change map: give -o FILE too"};
    if (d.get_option("--title")->count() > 0) {
        if (const auto problem = config::text_value_problem(title))
            throw UsageError{"--title: " + *problem};
        diff.title = title;
    }
    MapSettings& map = diff.overrides;
    parse_if_given(d.get_option("--style"), style, map.style, checked_style);
    parse_if_given(d.get_option("--projection"), projection, map.projection, checked_projection);
    parse_if_given(d.get_option("--extent"), extent, map.extent,
                   [](const std::string& t) { return config::parse_extent(t); });
    parse_if_given(d.get_option("--width"), width, map.width,
                   [](const std::string& t) { return config::parse_length(t, "width"); });
    parse_if_given(d.get_option("--height"), height, map.height,
                   [](const std::string& t) { return config::parse_length(t, "height"); });
}

/// Runs the command; a standard output that cannot be written (a full disk, a closed pipe) is
/// a failure too, not a silent success.
int finish(int code, std::ostream& out, std::ostream& err) {
    out.flush();
    if (!out) {
        print_error_message("cannot write to standard output", err);
        return code == exit_ok ? exit_failure : code;
    }
    return code;
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
    std::string width, height, dpi, size;
    std::string formats = "png";
    auto* r = app.add_subcommand("render", "Render site files to PNG, SVG or PDF maps");
    r->add_option("INPUT", render.inputs,
                  "Site file(s) (.yaml, or .csv/.geojson/.gpkg/.shp tables), or folder(s) of "
                  ".yaml files")
        ->required();
    r->add_option("-o,--output", render.outputs,
                  "Output file (.png, .svg, .pdf; repeat for several formats) or a folder "
                  "(default: out)");
    r->add_option("--format", formats, "Formats written into an output folder: png,svg,pdf")
        ->default_val("png");
    r->add_option("--style", style, "Style: default, dark, print, or a YAML file")->group("Map");
    r->add_option("--projection", projection,
                  "equal-earth (default), robinson, natural-earth, web-mercator, "
                  "plate-carree, orthographic, or a PROJ string")
        ->group("Map");
    r->add_option("--center", center,
                  "Central meridian LON, or LON,LAT for orthographic (e.g. 150)")
        ->group("Map");
    r->add_option("--extent", extent,
                  "world (default), auto, europe, asia-pacific, north-america, "
                  "latin-america, middle-east-africa, china, or W,S,E,N in degrees")
        ->group("Map");
    r->add_option("--inset", insets,
                  "Magnified inset of a dense area: europe, east-asia, "
                  "north-america-east (or an extent name), W,S,E,N, auto, or none; "
                  "repeat for several")
        ->allow_extra_args(false)
        ->group("Map");
    r->add_option("--detail", detail,
                  "Base map detail: auto (by scale, default), low (Natural Earth "
                  "1:110m) or medium (1:50m)")
        ->group("Map");
    r->add_option("--markers", markers,
                  "auto (default), sites (one marker each), clusters (counted markers) or "
                  "density (hexagons)")
        ->group("Map");
    r->add_option("--labels", labels,
                  "What a site's label shows: auto (name unless long, default), name, or place "
                  "(the town)")
        ->group("Map");
    r->add_option("--key", key,
                  "Number sites whose label finds no room and list them below the map: auto "
                  "(default), always, never")
        ->group("Map");
    auto* o_title =
        r->add_option("--title", title, "Title (overrides the file's title)")->group("Map");
    r->add_option("--width", width,
                  "Canvas width: pixels (2400), or a length in mm, cm, in or pt (16cm) at --dpi; "
                  "the height follows the map's content")
        ->group("Size");
    r->add_option("--height", height, "Canvas height, in the units --width takes")->group("Size");
    r->add_option("--size", size,
                  "Page preset: report (16 cm at 300 dpi), slide (1280x720 px), web (720 px), "
                  "poster (59.4 cm at 150 dpi)")
        ->group("Size");
    r->add_option("--scale", render.scale, "Pixel density multiplier (2 for retina)")
        ->default_val(1)
        ->group("Size");
    r->add_option("--dpi", dpi,
                  "Output pixels per inch (default 96 for pixel sizes, 300 for lengths); text and "
                  "markers keep their size in points")
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
                  "Also write the resolved sites: .geojson, .gpkg, .csv or .fgb (for review in "
                  "QGIS, kepler.gl or a spreadsheet)")
        ->group("Output");
    r->add_option("--columns", render.columns,
                  "For a CSV, GeoJSON or GeoPackage input: which column holds which site key, "
                  "e.g. name=Site,lat=Latitude,lon=Longitude (default: found by their names)")
        ->group("Places");
    r->add_option("--layer", render.layers,
                  "Draw an extra vector layer (GeoJSON, GeoPackage, Shapefile...) under the "
                  "sites; repeat for several")
        ->allow_extra_args(false)
        ->group("Map");
    r->add_option("--catalogue", render.catalogue,
                  "Region catalogue file adding or overriding built-in regions")
        ->group("Places");
    r->add_flag("--strict", render.strict,
                "Treat geocoding warnings (ambiguous places, wrong country) and sites left "
                "unnamed on the map as errors")
        ->group("Places");
    r->add_option("--svg-id-prefix", render.svg_id_prefix,
                  "Prefix of every id in an SVG (default: from the output name and the map), so "
                  "several maps inline in one HTML page")
        ->group("Output");
    r->add_option("--svg-text", render.svg_text,
                  "Words in an SVG: text (default; <text> elements: searchable, selectable, read "
                  "by screen readers, smaller) or paths (glyph outlines: the same look in every "
                  "viewer)")
        ->check(CLI::IsMember({"text", "paths"}))
        ->group("Output");
    std::string as_of, facet;
    r->add_option("--as-of", as_of,
                  "Draw the sites as they stood at a date (YYYY, YYYY-MM or YYYY-MM-DD), from "
                  "their opened: and announced: dates")
        ->group("Timeline");
    r->add_option("--facet", facet,
                  "Small multiples on one canvas: a map per year, provider or status")
        ->group("Timeline");
    auto* o_quiet =
        r->add_flag("-q,--quiet", render.quiet, "Print only warnings and errors")->group("Output");
    r->add_flag("-v,--verbose", render.verbose, "Also print a one-line summary of each map")
        ->group("Output")
        ->excludes(o_quiet);
    r->add_option("-j,--jobs", render.jobs,
                  "Render up to N inputs at once (a folder of site files); files and messages "
                  "come out in input order, the same as with -j 1 (default)")
        ->check(CLI::Range(1u, 256u))
        ->group("Output");

    // validate -------------------------------------------------------------------------------
    ValidateCommand validate;
    auto* v = app.add_subcommand("validate", "Check site files: schema, values and places");
    v->add_option("FILE", validate.inputs, "Site file(s) to check")->required();
    v->add_flag("--strict", validate.strict, "Treat warnings (e.g. ambiguous places) as errors");
    v->add_option("-j,--jobs", validate.jobs,
                  "Check up to N inputs at once; messages come out in input order, the same as "
                  "with -j 1 (default)")
        ->check(CLI::Range(1u, 256u));
    v->add_option("--catalogue", validate.catalogue,
                  "Region catalogue file adding or overriding built-in regions");
    v->add_option("--columns", validate.columns,
                  "For a CSV, GeoJSON or GeoPackage input: key=COLUMN pairs, e.g. name=Site");

    // geocode --------------------------------------------------------------------------------
    GeocodeCommand geocode;
    auto* g = app.add_subcommand(
        "geocode", "Look up places and region ids, or audit a site file's placements");
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
    // The change map: a few of render's map options, parsed by the same rules.
    std::string diff_style, diff_projection, diff_extent, diff_title;
    std::string diff_width, diff_height;
    df->add_option("-o,--output", diff.outputs,
                   "Also draw a change map (.png, .svg, .pdf; repeat for several formats)")
        ->group("Change map");
    df->add_option("--title", diff_title, "Title of the change map")->group("Change map");
    df->add_option("--style", diff_style, "Style: default, dark, print, or a YAML file")
        ->group("Change map");
    df->add_option("--projection", diff_projection, "As for render")->group("Change map");
    df->add_option("--extent", diff_extent, "As for render (default: NEW's map: or world)")
        ->group("Change map");
    df->add_option("--width", diff_width, "Canvas width: pixels or a length (16cm)")
        ->group("Change map");
    df->add_option("--height", diff_height, "Canvas height: pixels or a length")
        ->group("Change map");
    df->add_option("--layout-json", diff.layout_json, "Also write the change map's layout as JSON")
        ->group("Change map");

    // catalogue import ---------------------------------------------------------------------
    CatalogueImportCommand catalogue_import;
    auto* cat = app.add_subcommand("catalogue", "Build region catalogue files");
    cat->require_subcommand(1);
    auto* ci = cat->add_subcommand(
        "import", "Place the regions of providers' own region lists (botocore endpoints.json, OCI "
                  "regions-config.json, az account list-locations, gcloud compute regions list, "
                  "aliyun ecs DescribeRegions) and write them as a catalogue TSV for --catalogue");
    ci->add_option("FILE", catalogue_import.inputs, "Provider region list(s), JSON")->required();
    ci->add_option("-o,--output", catalogue_import.output,
                   "Catalogue TSV to write (default: standard output)");
    ci->add_flag("--strict", catalogue_import.strict, "Exit 1 when a region could not be placed");

    // CLI11's own messages in the one format every dcmap error has.
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return "dcmap: error: " + printable(e.what()) + "; see dcmap --help\n";
    });
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e, out, err);
        return finish(code == 0 ? exit_ok : exit_usage, out, err);
    }

    if (show_version) {
        out << version_text << app::data_attribution << '\n';
        return finish(exit_ok, out, err);
    }
    try {
        if (r->parsed()) {
            map_settings_from_options(*r, style, projection, center, extent, insets, detail,
                                      markers, labels, key, width, height, dpi, size,
                                      render.overrides);
            check_number(*r, "--scale", render.scale, 0.25, 8.0);
            if (o_title->count() > 0) {
                if (const auto problem = config::text_value_problem(title))
                    throw UsageError{"--title: " + *problem};
                render.title = title;
            }
            if (render.outputs.empty())
                render.outputs = {"out"};
            if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
                char* end = nullptr;
                const long long seconds = std::strtoll(epoch, &end, 10);
                if (*end != '\0' || seconds < 0 || seconds > 253402300799LL)
                    throw UsageError{"SOURCE_DATE_EPOCH '" + printable(epoch) +
                                     "' is not a number of seconds since 1970"};
                render.creation_epoch = seconds;
            }
            if (r->get_option("--as-of")->count() > 0 || r->get_option("--facet")->count() > 0) {
                Timeline timeline;
                const auto usage = [](const std::string& option, const InputError& e) {
                    return UsageError{option + ": " + e.message() + "; " + e.hint()};
                };
                try {
                    if (r->get_option("--as-of")->count() > 0)
                        app::check_as_of(as_of);
                } catch (const InputError& e) {
                    throw usage("--as-of", e);
                }
                try {
                    if (r->get_option("--facet")->count() > 0)
                        timeline.facet = app::parse_facet(facet);
                } catch (const InputError& e) {
                    throw usage("--facet", e);
                }
                timeline.as_of = as_of;
                render.timeline = timeline;
            }
            render.formats.clear();
            for (auto& f : CLI::detail::split(formats, ',')) {
                if (f != "png" && f != "svg" && f != "pdf")
                    throw UsageError{"unknown format '" + f + "': use png, svg or pdf"};
                render.formats.push_back(f);
            }
            return finish(run_render(render, out, err), out, err);
        }
        if (v->parsed())
            return finish(run_validate(validate, out, err), out, err);
        if (g->parsed())
            return finish(run_geocode(geocode, out, err), out, err);
        if (rg->parsed())
            return finish(run_regions(regions, out, err), out, err);
        if (st->parsed())
            return finish(run_stats(stats, out, err), out, err);
        if (df->parsed()) {
            diff_options(*df, diff_style, diff_projection, diff_extent, diff_title, diff_width,
                         diff_height, diff);
            return finish(run_diff(diff, out, err), out, err);
        }
        if (ci->parsed())
            return finish(run_catalogue_import(catalogue_import, out, err), out, err);
    } catch (const UsageError& e) {
        print_error_message(e.message, err);
        return exit_usage;
    } catch (const std::exception& e) {
        // Commands handle dcmap errors themselves; this is the last guard against a crash.
        print_error_message("internal error: " + std::string(e.what()), err);
        return exit_failure;
    }
    out << app.help();
    return finish(exit_usage, out, err);
}

} // namespace dcmap::cli
