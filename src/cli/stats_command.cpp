// `dcmap stats FILE...`: counts by provider, status, country and continent, zones and MW, as a
// Markdown table (for a report or a pull request), CSV or JSON.
#include "app/resolution.hpp"
#include "app/site_stats.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/json_writer.hpp"
#include "cli/report.hpp"
#include "cli/site_source.hpp"
#include "cli/table_cells.hpp"

#include <cmath>
#include <iostream>
#include <ostream>
#include <sstream>

namespace dcmap::cli {

namespace {

/// Megawatts without trailing zeros ("12.5", "40").
std::string format_mw(double mw) {
    std::ostringstream s;
    s.precision(10);
    s << std::round(mw * 100) / 100;
    return s.str();
}

/// A sum over the sites that give the value, saying how many do when not all: "44 (20 of 32)";
/// empty when none does.
std::string partial_sum(const std::string& sum, int given, int sites) {
    if (given == 0)
        return "";
    if (given == sites)
        return sum;
    return sum + " (" + std::to_string(given) + " of " + std::to_string(sites) + ")";
}
std::string zones_cell(const app::Tally& t) {
    return partial_sum(std::to_string(t.zones), t.with_zones, t.sites);
}
std::string mw_cell(const app::Tally& t) {
    return partial_sum(format_mw(t.mw), t.with_mw, t.sites);
}

struct Breakdown {
    const char* title;  ///< Markdown heading and JSON key suffix
    const char* column; ///< first column's name
    const std::vector<app::StatsRow>* rows;
};

std::vector<Breakdown> breakdowns(const app::SiteStats& s) {
    return {{"provider", "provider", &s.by_provider},
            {"status", "status", &s.by_status},
            {"continent", "continent", &s.by_continent},
            {"country", "country", &s.by_country}};
}

std::string shown_name(const app::StatsRow& row, const char* column) {
    if (!row.key.empty())
        return row.name;
    return std::string(column) == "provider" ? "(no provider)" : "(unknown)";
}

void print_markdown(const std::vector<std::string>& files, const app::SiteStats& s,
                    std::ostream& out) {
    out << "| | sites | zones | MW |\n|---|---:|---:|---:|\n";
    out << "| total | " << s.total.sites << " | " << zones_cell(s.total) << " | "
        << mw_cell(s.total) << " |\n";
    for (const auto& b : breakdowns(s)) {
        out << "\n| " << b.column << " | sites | zones | MW |\n|---|---:|---:|---:|\n";
        for (const auto& row : *b.rows) {
            std::string name = shown_name(row, b.column);
            if (std::string(b.column) == "country" && !row.key.empty() && row.name != row.key)
                name += " (" + row.key + ")";
            out << "| " << markdown_cell(name) << " | " << row.tally.sites << " | "
                << zones_cell(row.tally) << " | " << mw_cell(row.tally) << " |\n";
        }
    }
    if (!s.first_opened.empty())
        out << "\nOpened " << s.first_opened << " to " << s.last_opened << ".";
    if (!s.first_announced.empty())
        out << (s.first_opened.empty() ? "\n" : " ") << "Announced " << s.first_announced << " to "
            << s.last_announced << ".";
    if (!s.first_opened.empty() || !s.first_announced.empty())
        out << '\n';
    out << "\nFrom " << files.size() << (files.size() == 1 ? " file" : " files") << ": ";
    for (std::size_t i = 0; i < files.size(); ++i)
        out << (i ? ", " : "") << files[i];
    out << ".\n";
}

void print_csv(const app::SiteStats& s, std::ostream& out) {
    out << "group,key,name,sites,zones,mw\n";
    out << "total,,," << s.total.sites << ',' << s.total.zones << ',' << format_mw(s.total.mw)
        << '\n';
    for (const auto& b : breakdowns(s))
        for (const auto& row : *b.rows)
            out << b.title << ',' << csv_cell(row.key) << ',' << csv_cell(row.name) << ','
                << row.tally.sites << ',' << row.tally.zones << ',' << format_mw(row.tally.mw)
                << '\n';
}

void write_tally(JsonWriter& j, const app::Tally& t) {
    j.key("sites").value(t.sites);
    j.key("zones").value(t.zones);
    j.key("mw").value(t.mw);
    j.key("sites_with_zones").value(t.with_zones);
    j.key("sites_with_mw").value(t.with_mw);
}

void write_range(JsonWriter& j, const char* key, const std::string& first,
                 const std::string& last) {
    j.key(key);
    if (first.empty()) {
        j.null();
        return;
    }
    j.begin_object().key("first").value(first).key("last").value(last).end_object();
}

void print_json(const std::vector<std::string>& files, const app::SiteStats& s, std::ostream& out) {
    JsonWriter j(true);
    j.begin_object();
    j.key("files").begin_array();
    for (const auto& f : files)
        j.value(f);
    j.end_array();
    write_tally(j, s.total);
    write_range(j, "opened", s.first_opened, s.last_opened);
    write_range(j, "announced", s.first_announced, s.last_announced);
    for (const auto& b : breakdowns(s)) {
        j.key(std::string("by_") + b.title).begin_array();
        for (const auto& row : *b.rows) {
            j.begin_object().key("key").value(row.key).key("name").value(row.name);
            write_tally(j, row.tally);
            j.end_object();
        }
        j.end_array();
    }
    j.end_object();
    out << j.str() << '\n';
}

} // namespace

int run_stats(const StatsCommand& cmd, std::ostream& out, std::ostream& err) {
    std::vector<ResolvedSite> all;
    int status = exit_ok;
    for (const auto& input : cmd.inputs) {
        Diagnostics diagnostics;
        try {
            const SiteFile file = load_site_source(input, std::cin);
            std::vector<ResolvedSite> sites =
                app::resolve_site_file(file, cmd.catalogue, diagnostics);
            print_warnings(diagnostics, err);
            for (auto& r : sites)
                all.push_back(std::move(r));
        } catch (const std::exception& e) {
            print_failure(e, diagnostics, err);
            status = exit_failure;
        }
    }
    if (status != exit_ok)
        return status;
    const app::SiteStats stats = app::stats_of_sites(std::move(all));
    if (cmd.format == "csv")
        print_csv(stats, out);
    else if (cmd.format == "json")
        print_json(cmd.inputs, stats, out);
    else
        print_markdown(cmd.inputs, stats, out);
    return exit_ok;
}

} // namespace dcmap::cli
