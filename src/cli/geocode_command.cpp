#include "app/resolution.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/json_writer.hpp"
#include "cli/report.hpp"
#include "config/site_loader.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <ostream>

namespace dcmap::cli {

namespace {

void write_place(JsonWriter& j, const Place& p) {
    j.key("name").value(p.name);
    j.key("admin1").value(p.admin1);
    j.key("country").value(p.country);
    j.key("lat").value(p.lat, 5).key("lon").value(p.lon, 5);
    j.key("population").value(static_cast<long long>(p.population));
}

std::string match_json(const GeocodeMatch& m) {
    JsonWriter j;
    j.begin_object().key("query").value(m.query);
    write_place(j, m.place);
    j.key("precision").value(to_string(m.precision));
    j.key("source").value(to_string(m.source));
    if (!m.region.empty())
        j.key("region").value(m.region);
    j.key("runners_up").begin_array();
    for (const auto& r : m.runners_up) {
        j.begin_object();
        write_place(j, r);
        j.end_object();
    }
    j.end_array();
    // The other places the query may well mean; empty when the choice is clear.
    j.key("ambiguous").begin_array();
    for (const auto& r : m.ambiguous) {
        j.begin_object();
        write_place(j, r);
        j.end_object();
    }
    j.end_array();
    j.key("warnings").begin_array();
    for (const auto& w : m.warnings)
        j.value(w);
    j.end_array().end_object();
    return j.str();
}

std::string describe_with_coordinates(const Place& p) {
    std::string text = p.name;
    if (!p.admin1.empty() && p.admin1 != p.name)
        text += ", " + p.admin1;
    if (p.country_name != p.name || p.name.empty())
        text +=
            ", " + (p.country_name.empty() ? p.country : p.country_name + " (" + p.country + ")");
    char coords[96];
    std::snprintf(coords, sizeof coords, "  %.5f, %.5f  pop. %lld", p.lat, p.lon,
                  static_cast<long long>(p.population));
    return text + coords;
}

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

bool is_site_file(const std::string& arg) {
    const auto ends = [&](const char* ext) {
        const std::string e = ext;
        return arg.size() > e.size() && arg.compare(arg.size() - e.size(), e.size(), e) == 0;
    };
    return ends(".yaml") || ends(".yml");
}

/// One audit row per site: the columns of the table, the CSV and the JSON.
struct AuditRow {
    std::string key, query, place, admin1, country, lat, lon, population, precision, source, region,
        runner_up, runner_up_km;
};

AuditRow audit_row(const ResolvedSite& r) {
    AuditRow row;
    row.key = r.site.key();
    row.query = !r.query.empty()    ? r.query
                : !r.region.empty() ? r.region
                                    : fixed(r.lat, 4) + "," + fixed(r.lon, 4);
    row.place = r.place.name;
    row.admin1 = r.place.admin1;
    row.country = r.country;
    row.lat = fixed(r.lat, 5);
    row.lon = fixed(r.lon, 5);
    row.population = r.place.name.empty() ? "" : std::to_string(r.place.population);
    row.precision = to_string(r.precision);
    row.source = to_string(r.source);
    row.region = r.region;
    if (r.runner_up) {
        row.runner_up = short_description(*r.runner_up);
        row.runner_up_km = fixed(r.runner_up_km, 0);
    }
    return row;
}

/// Display width of UTF-8 text, in code points (good enough for a terminal table).
std::size_t width(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void print_table(const std::vector<AuditRow>& rows, std::ostream& out) {
    std::vector<std::vector<std::string>> cells = {{"site", "query", "place", "admin1", "country",
                                                    "lat", "lon", "population", "precision",
                                                    "source", "runner-up", "km"}};
    for (const auto& r : rows) {
        cells.push_back({r.key, r.query, r.place, r.admin1, r.country, r.lat, r.lon, r.population,
                         r.precision, r.source, r.runner_up, r.runner_up_km});
    }
    std::vector<std::size_t> widths(cells.front().size(), 0);
    for (const auto& line : cells)
        for (std::size_t i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], width(line[i]));
    // Numbers right-aligned, text left-aligned.
    const std::vector<bool> right = {false, false, false, false, false, true,
                                     true,  true,  false, false, false, true};
    for (const auto& line : cells) {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const std::string pad(widths[i] - width(line[i]), ' ');
            if (i)
                text += "  ";
            text += right[i] ? pad + line[i] : line[i] + (i + 1 < line.size() ? pad : "");
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out << text << '\n';
    }
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void print_csv(const std::vector<AuditRow>& rows, std::ostream& out, bool header) {
    if (header)
        out << "site,query,place,admin1,country,lat,lon,population,precision,source,region,runner_"
               "up,"
               "runner_up_km\n";
    for (const auto& r : rows) {
        const std::string fields[] = {r.key,    r.query,     r.place,       r.admin1,    r.country,
                                      r.lat,    r.lon,       r.population,  r.precision, r.source,
                                      r.region, r.runner_up, r.runner_up_km};
        bool first = true;
        for (const auto& f : fields) {
            if (!first)
                out << ',';
            out << csv_field(f);
            first = false;
        }
        out << '\n';
    }
}

void print_json(const std::vector<ResolvedSite>& sites, std::ostream& out) {
    for (const auto& r : sites) {
        JsonWriter j;
        const AuditRow row = audit_row(r);
        j.begin_object().key("site").value(row.key).key("query").value(row.query);
        j.key("place").value(r.place.name).key("admin1").value(r.place.admin1);
        j.key("country").value(r.country);
        j.key("lat").value(r.lat, 5).key("lon").value(r.lon, 5);
        if (r.place.name.empty())
            j.key("population").null();
        else
            j.key("population").value(static_cast<long long>(r.place.population));
        j.key("precision").value(row.precision).key("source").value(row.source);
        j.key("region").value(r.region);
        j.key("runner_up");
        if (r.runner_up) {
            j.begin_object();
            write_place(j, *r.runner_up);
            j.key("distance_km").value(r.runner_up_km, 1);
            j.end_object();
        } else {
            j.null();
        }
        j.end_object();
        out << j.str() << '\n';
    }
}

/// Prints one site file's audit; `header` says whether a CSV header or file heading is due.
/// Sites whose place cannot be found are reported on stderr; the others still get their rows.
int audit_file(const GeocodeCommand& cmd, const std::string& path, bool first, bool several,
               std::ostream& out, std::ostream& err) {
    Diagnostics diagnostics;
    try {
        const SiteFile file = config::load_site_file(path);
        std::vector<InputError> failures;
        const auto sites = app::resolve_each_site(file, cmd.catalogue, diagnostics, failures);
        const std::string format = cmd.json ? "json" : cmd.format;
        if (format == "json") {
            print_json(sites, out);
        } else {
            std::vector<AuditRow> rows;
            rows.reserve(sites.size());
            for (const auto& r : sites)
                rows.push_back(audit_row(r));
            if (format == "csv") {
                print_csv(rows, out, first);
            } else {
                if (several)
                    out << (first ? "" : "\n") << printable(path) << ":\n";
                print_table(rows, out);
            }
        }
        const bool warned = warnings_fail(path, diagnostics, cmd.strict, err);
        if (!failures.empty()) {
            print_error(InputErrors(std::move(failures)), err);
            return exit_failure;
        }
        return warned ? exit_failure : exit_ok;
    } catch (const std::exception& e) {
        print_failure(e, diagnostics, err);
        return exit_failure;
    }
}

} // namespace

int run_geocode(const GeocodeCommand& cmd, std::ostream& out, std::ostream& err) {
    const auto files = std::count_if(cmd.queries.begin(), cmd.queries.end(), is_site_file);
    if (files > 0 && files != static_cast<long>(cmd.queries.size())) {
        print_error_message("give site files (.yaml) or places to look up, not both", err);
        return exit_usage;
    }
    if (files > 0) {
        int status = exit_ok;
        for (std::size_t i = 0; i < cmd.queries.size(); ++i)
            if (audit_file(cmd, cmd.queries[i], i == 0, cmd.queries.size() > 1, out, err) !=
                exit_ok)
                status = exit_failure;
        return status;
    }
    int status = exit_ok;
    std::unique_ptr<app::PlaceLookup> places;
    try {
        places = std::make_unique<app::PlaceLookup>(cmd.catalogue);
    } catch (const std::exception& e) {
        print_error(e, err);
        return exit_failure;
    }
    for (const auto& query : cmd.queries) {
        try {
            const GeocodeMatch m = places->lookup(query);
            if (cmd.json || cmd.format == "json") {
                out << match_json(m) << '\n';
                continue;
            }
            out << printable(query) << "\n  -> " << describe_with_coordinates(m.place) << "  ["
                << to_string(m.precision) << ", " << to_string(m.source)
                << (m.region.empty() ? "" : " " + m.region) << "]\n";
            for (const auto& r : m.runners_up)
                out << "     " << describe_with_coordinates(r) << '\n';
            Diagnostics diagnostics;
            for (const auto& w : m.warnings)
                diagnostics.warn(w);
            print_warnings(diagnostics, err);
        } catch (const Error& e) {
            status = exit_failure;
            if (cmd.json || cmd.format == "json") {
                JsonWriter j;
                j.begin_object()
                    .key("query")
                    .value(query)
                    .key("error")
                    .value(e.what())
                    .end_object();
                out << j.str() << '\n';
            } else {
                print_error(e, err);
            }
        }
    }
    return status;
}

} // namespace dcmap::cli
