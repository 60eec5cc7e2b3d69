#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/json_writer.hpp"
#include "cli/report.hpp"
#include "geocode/gazetteer.hpp"
#include "model/error.hpp"

#include <cstdio>
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
    j.key("runners_up").begin_array();
    for (const auto& r : m.runners_up) {
        j.begin_object();
        write_place(j, r);
        j.end_object();
    }
    j.end_array().end_object();
    return j.str();
}

std::string describe(const Place& p) {
    std::string text = p.name;
    if (!p.admin1.empty()) text += ", " + p.admin1;
    text += ", " + (p.country_name.empty() ? p.country : p.country_name + " (" + p.country + ")");
    char coords[96];
    std::snprintf(coords, sizeof coords, "  %.5f, %.5f  pop. %lld", p.lat, p.lon,
                  static_cast<long long>(p.population));
    return text + coords;
}

} // namespace

int run_geocode(const GeocodeCommand& cmd, std::ostream& out, std::ostream& err) {
    int status = exit_ok;
    const auto& gazetteer = geocode::Gazetteer::embedded();
    for (const auto& query : cmd.queries) {
        try {
            const GeocodeMatch m = gazetteer.lookup(query);
            if (cmd.json) {
                out << match_json(m) << '\n';
                continue;
            }
            out << query << "\n  -> " << describe(m.place) << '\n';
            for (const auto& r : m.runners_up) out << "     " << describe(r) << '\n';
        } catch (const Error& e) {
            status = exit_failure;
            if (cmd.json) {
                JsonWriter j;
                j.begin_object().key("query").value(query).key("error").value(e.what()).end_object();
                out << j.str() << '\n';
            } else {
                print_error(e, err);
            }
        }
    }
    return status;
}

} // namespace dcmap::cli
