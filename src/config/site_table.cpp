#include "config/site_table.hpp"

#include "config/site_loader.hpp"
#include "config/yaml_reader.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace dcmap::config {
namespace {

/// Column names a key is found under when no mapping names its column (folded: lower case,
/// no spaces, dashes or underscores).
const std::map<std::string, std::vector<std::string>>& column_names() {
    static const std::map<std::string, std::vector<std::string>> names = {
        {"name", {"name", "sitename", "site", "title", "displayname"}},
        {"id", {"id", "siteid", "key"}},
        {"label", {"label"}},
        {"provider", {"provider", "cloud", "operator", "company"}},
        {"status", {"status", "state"}},
        {"location", {"location", "place", "city", "address", "town"}},
        {"lat", {"lat", "latitude", "y"}},
        {"lon", {"lon", "lng", "long", "longitude", "x"}},
        {"region", {"region", "regionid", "regioncode"}},
        {"country", {"country", "countrycode", "cc", "iso2"}},
        {"zones", {"zones", "azs", "availabilityzones"}},
        {"capacity_mw", {"capacitymw", "capacity", "mw"}},
        {"opened", {"opened", "launched", "opendate"}},
        {"announced", {"announced"}},
        {"note", {"note", "notes", "comment", "comments"}},
        {"priority", {"priority"}},
    };
    return names;
}

std::string fold(std::string_view text) {
    std::string out;
    for (const char c : text)
        if (c != ' ' && c != '_' && c != '-')
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool numeric_key(const std::string& key) {
    return key == "lat" || key == "lon" || key == "zones" || key == "capacity_mw" ||
           key == "priority";
}

/// A YAML double-quoted scalar holding `text` exactly.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7f) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", u);
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

/// A number as a plain scalar (so the site checks read it as one), anything else quoted (so
/// they say it is not a number).
std::string scalar_for(const std::string& key, const std::string& text) {
    if (numeric_key(key) && detail::parse_number(text))
        return text;
    return quoted(text);
}

/// Where a key of the generated YAML came from: its column there and in the table.
struct Origin {
    int yaml_column = 0;
    int table_column = 0;
};

} // namespace

const std::vector<std::string>& site_table_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& [key, names] : column_names())
            out.push_back(key);
        return out;
    }();
    return keys;
}

std::vector<std::pair<std::string, std::string>> parse_column_mapping(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string pair = text.substr(start, comma - start);
        start = comma + 1;
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
            throw InputError({}, "'" + pair + "' is not KEY=COLUMN",
                             "e.g. --columns name=Site,lat=Latitude,lon=Longitude");
        const std::string key = pair.substr(0, eq);
        const auto& keys = site_table_keys();
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            throw InputError({}, "unknown site key '" + key + "'",
                             detail::suggestion_hint(key, keys));
        out.emplace_back(key, pair.substr(eq + 1));
    }
    return out;
}

SiteFile sites_from_table(const FeatureTable& table,
                          const std::vector<std::pair<std::string, std::string>>& mapping) {
    // key -> column index
    std::map<std::string, std::size_t> columns;
    for (const auto& [key, column_name] : mapping) {
        // A named copy: a lambda may not capture a structured binding before C++20 in clang 14.
        const std::string& name = column_name;
        const auto it = std::find_if(table.columns.begin(), table.columns.end(),
                                     [&](const std::string& c) { return fold(c) == fold(name); });
        if (it == table.columns.end()) {
            std::string list;
            for (const auto& c : table.columns)
                list += (list.empty() ? "" : ", ") + c;
            throw InputError({table.path, 1, 0}, "no column '" + name + "' for " + key,
                             "the columns are: " + (list.empty() ? "(none)" : list));
        }
        columns[key] = static_cast<std::size_t>(it - table.columns.begin());
    }
    for (const auto& [key, names] : column_names()) {
        if (columns.count(key))
            continue;
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const bool taken = std::any_of(columns.begin(), columns.end(),
                                           [&](const auto& kv) { return kv.second == i; });
            const auto& candidates = names;
            if (!taken && std::find(candidates.begin(), candidates.end(), fold(table.columns[i])) !=
                              candidates.end()) {
                columns[key] = i;
                break;
            }
        }
    }

    // The rows as a YAML site list, one flow mapping a line, so the YAML checks run unchanged
    // and every position they report maps back to a row and a column.
    std::string yaml = "sites:\n";
    std::vector<const FeatureRow*> row_of_line = {nullptr, nullptr}; // lines 0 and 1
    std::vector<std::vector<Origin>> origins = {{}, {}};
    for (const auto& row : table.rows) {
        std::string line = "- {";
        std::vector<Origin> from;
        bool has_place = false;
        for (const auto& [key, column] : columns) {
            if (column >= row.cells.size() || !row.cells[column])
                continue;
            std::string value = *row.cells[column];
            // Spreadsheets pad cells; an all-blank cell is an empty one.
            const auto first = value.find_first_not_of(" \t");
            if (first == std::string::npos)
                continue;
            value = value.substr(first, value.find_last_not_of(" \t") - first + 1);
            if (key == "lat" || key == "lon" || key == "location" || key == "region")
                has_place = true;
            if (from.size() > 0)
                line += ", ";
            from.push_back({static_cast<int>(line.size()) + 1, static_cast<int>(column) + 1});
            line += key + ": " + scalar_for(key, value);
        }
        if (!has_place && row.lon && row.lat) {
            char text[96];
            std::snprintf(text, sizeof text, "%slat: %.7f, lon: %.7f", from.empty() ? "" : ", ",
                          *row.lat, *row.lon);
            from.push_back({static_cast<int>(line.size()) + 1 + (from.empty() ? 0 : 2), 0});
            line += text;
        }
        line += "}\n";
        yaml += line;
        row_of_line.push_back(&row);
        origins.push_back(std::move(from));
    }
    const auto to_table = [&](const SourcePos& pos) {
        if (pos.line <= 0 || static_cast<std::size_t>(pos.line) >= row_of_line.size() ||
            !row_of_line[pos.line])
            return SourcePos{table.path, 0, 0};
        const auto& from = origins[pos.line];
        int column = 0;
        for (const auto& o : from)
            if (o.yaml_column <= pos.column)
                column = o.table_column;
        return SourcePos{table.path, row_of_line[pos.line]->row, column};
    };

    std::vector<InputError> errors;
    for (const auto& row : table.rows)
        if (!row.geometry_problem.empty())
            errors.emplace_back(SourcePos{table.path, row.row, 0}, row.geometry_problem,
                                "give the row lat and lon columns, a location, or a point");
    if (table.rows.empty())
        errors.emplace_back(SourcePos{table.path, 1, 0}, "the table has no rows",
                            "add one row per site below the header");
    SiteFile file;
    try {
        if (!table.rows.empty())
            file = parse_site_file(yaml, table.path);
    } catch (const InputErrors& e) {
        for (const auto& one : e.errors())
            errors.emplace_back(to_table(one.pos()), one.message(), one.hint());
    } catch (const InputError& e) {
        errors.emplace_back(to_table(e.pos()), e.message(), e.hint());
    }
    if (!errors.empty()) {
        std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
            return std::make_pair(a.pos().line, a.pos().column) <
                   std::make_pair(b.pos().line, b.pos().column);
        });
        throw InputErrors(std::move(errors));
    }
    file.path = table.path;
    for (auto& site : file.sites) {
        site.pos = to_table(site.pos);
        site.location_pos = to_table(site.location_pos);
        site.region_pos = to_table(site.region_pos);
        site.country_pos = to_table(site.country_pos);
    }
    return file;
}

} // namespace dcmap::config
