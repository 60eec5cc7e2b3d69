// `dcmap diff OLD NEW`: the sites added, removed, changed in status or moved between two
// versions of a site file, as Markdown (a pull-request comment), CSV or JSON.
#include "app/change_map.hpp"
#include "app/resolution.hpp"
#include "app/site_diff.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/json_writer.hpp"
#include "cli/layout_json.hpp"
#include "cli/report.hpp"
#include "cli/site_source.hpp"
#include "cli/table_cells.hpp"
#include "cli/write_maps.hpp"
#include "io/atomic_file.hpp"

#include <cstdio>
#include <iostream>
#include <ostream>

namespace dcmap::cli {

// The diff, the change map and the pipeline that draws it are the application core.
using namespace app;

namespace {

constexpr ChangeKind kKinds[] = {ChangeKind::added, ChangeKind::removed, ChangeKind::status,
                                 ChangeKind::moved};

std::string km_text(double km) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f km", km);
    return text;
}

/// "3 added, 1 removed, 2 status changed, 0 moved".
std::string summary(const SiteDiff& d) {
    return std::to_string(d.count(ChangeKind::added)) + " added, " +
           std::to_string(d.count(ChangeKind::removed)) + " removed, " +
           std::to_string(d.count(ChangeKind::status)) + " status changed, " +
           std::to_string(d.count(ChangeKind::moved)) + " moved";
}

std::string detail(const SiteChange& c) {
    switch (c.kind) {
    case ChangeKind::added:
        return c.new_status + ", " + c.new_place;
    case ChangeKind::removed:
        return c.old_status + ", " + c.old_place;
    case ChangeKind::status:
        return c.old_status + " → " + c.new_status;
    case ChangeKind::moved:
        return km_text(c.distance_km) + ": " + c.old_place + " → " + c.new_place;
    }
    return {};
}

void print_markdown(const DiffCommand& cmd, const SiteDiff& d, std::ostream& out) {
    out << "**" << markdown_cell(cmd.new_file) << "** against " << markdown_cell(cmd.old_file)
        << ": " << summary(d) << " (" << d.old_sites << " → " << d.new_sites << " sites)\n";
    if (d.changes.empty())
        return;
    out << "\n| change | site | name | provider | detail |\n|---|---|---|---|---|\n";
    for (const auto& c : d.changes)
        out << "| " << to_string(c.kind) << " | " << markdown_cell(c.key) << " | "
            << markdown_cell(c.name) << " | " << markdown_cell(c.provider) << " | "
            << markdown_cell(detail(c)) << " |\n";
}

void print_csv(const SiteDiff& d, std::ostream& out) {
    out << "change,site,name,provider,old_status,new_status,old_place,new_place,old_lat,old_lon,"
           "new_lat,new_lon,distance_km\n";
    for (const auto& c : d.changes) {
        char coords[160];
        const bool had = !c.old_status.empty(), has = !c.new_status.empty();
        std::snprintf(coords, sizeof coords, "%s,%s,%s,%s,%.0f",
                      had ? std::to_string(c.old_lat).c_str() : "",
                      had ? std::to_string(c.old_lon).c_str() : "",
                      has ? std::to_string(c.new_lat).c_str() : "",
                      has ? std::to_string(c.new_lon).c_str() : "", c.distance_km);
        out << to_string(c.kind) << ',' << csv_cell(c.key) << ',' << csv_cell(c.name) << ','
            << csv_cell(c.provider) << ',' << c.old_status << ',' << c.new_status << ','
            << csv_cell(c.old_place) << ',' << csv_cell(c.new_place) << ',' << coords << '\n';
    }
}

void position(JsonWriter& j, const char* key, bool present, const std::string& status,
              const std::string& place, double lon, double lat) {
    j.key(key);
    if (!present) {
        j.null();
        return;
    }
    j.begin_object().key("status").value(status).key("place").value(place);
    j.key("lon").value(lon, 5).key("lat").value(lat, 5).end_object();
}

void print_json(const DiffCommand& cmd, const SiteDiff& d, std::ostream& out) {
    JsonWriter j(true);
    j.begin_object();
    j.key("old").value(cmd.old_file).key("new").value(cmd.new_file);
    j.key("old_sites").value(d.old_sites).key("new_sites").value(d.new_sites);
    for (ChangeKind k : kKinds)
        j.key(to_string(k)).value(d.count(k));
    j.key("changes").begin_array();
    for (const auto& c : d.changes) {
        j.begin_object().key("change").value(to_string(c.kind)).key("site").value(c.key);
        j.key("name").value(c.name).key("provider").value(c.provider);
        position(j, "before", !c.old_status.empty(), c.old_status, c.old_place, c.old_lon,
                 c.old_lat);
        position(j, "after", !c.new_status.empty(), c.new_status, c.new_place, c.new_lon,
                 c.new_lat);
        j.key("distance_km").value(c.distance_km, 1).end_object();
    }
    j.end_array().end_object();
    out << j.str() << '\n';
}

/// Draws the change map of `diff` into every -o file (and its --layout-json), all written
/// together once every one is drawn. Throws dcmap::Error subclasses.
void write_change_maps(const DiffCommand& cmd, const SiteFile& newer,
                       const std::vector<ResolvedSite>& older, const SiteDiff& diff,
                       Diagnostics& diagnostics) {
    const ChangeMap map = make_change_map(newer, older, diff, cmd.old_file, cmd.new_file);
    RenderSettings settings;
    settings.map = merge_settings(newer.map, cmd.overrides);
    // One marker per site unless asked otherwise: a change merged into a cluster is lost.
    if (!settings.map.markers)
        settings.map.markers = Setting<std::string>{"sites", {}};
    settings.title = cmd.title;
    settings.catalogue = cmd.catalogue;
    settings.changes = &map.changes;
    io::StagedOutputs staged;
    const MapLayout layout =
        render_site_file(map.file, settings, cmd.outputs, diagnostics, nullptr, &staged);
    if (!cmd.layout_json.empty())
        staged.stage(cmd.layout_json, layout_to_json(layout));
    staged.commit();
}

} // namespace

int run_diff(const DiffCommand& cmd, std::ostream& out, std::ostream& err) {
    std::vector<ResolvedSite> versions[2];
    SiteFile newer;
    const std::string* files[2] = {&cmd.old_file, &cmd.new_file};
    for (int i = 0; i < 2; ++i) {
        Diagnostics diagnostics;
        try {
            const SiteFile file = load_site_source(*files[i], std::cin);
            versions[i] = app::resolve_site_file(file, cmd.catalogue, diagnostics);
            if (i == 1)
                newer = file;
            print_warnings(diagnostics, err);
        } catch (const std::exception& e) {
            print_failure(e, diagnostics, err);
            return exit_failure;
        }
    }
    const SiteDiff diff = diff_sites(versions[0], versions[1], cmd.moved_km);
    if (!cmd.outputs.empty()) {
        Diagnostics diagnostics;
        try {
            write_change_maps(cmd, newer, versions[0], diff, diagnostics);
            // Geocoding warnings were printed above; what is left is about the drawing.
            Diagnostics drawing;
            for (const auto& w : diagnostics.warnings)
                if (w.pos.file.empty())
                    drawing.warnings.push_back(w);
            print_warnings(drawing, err);
        } catch (const std::exception& e) {
            print_failure(e, diagnostics, err);
            return exit_failure;
        }
    }
    if (cmd.format == "json")
        print_json(cmd, diff, out);
    else if (cmd.format == "csv")
        print_csv(diff, out);
    else
        print_markdown(cmd, diff, out);
    return cmd.exit_code && !diff.changes.empty() ? exit_failure : exit_ok;
}

} // namespace dcmap::cli
