#include "app/resolution.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/json_writer.hpp"
#include "cli/report.hpp"
#include "model/region.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace dcmap::cli {

namespace {

std::string degrees(const std::optional<double>& v) {
    if (!v)
        return "";
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", *v);
    return text;
}

} // namespace

int run_regions(const RegionsCommand& cmd, std::ostream& out, std::ostream& err) {
    std::string provider;
    if (!cmd.provider.empty()) {
        provider = app::provider_key(cmd.provider);
        if (provider.empty()) {
            print_error_message("unknown provider '" + cmd.provider +
                                    "': use aws, azure, gcp, alibaba or oracle",
                                err);
            return exit_usage;
        }
    }
    std::vector<Region> regions;
    try {
        regions = app::catalogue_regions(provider, cmd.catalogue);
    } catch (const std::exception& e) {
        print_error(e, err);
        return exit_failure;
    }
    std::vector<const Region*> rows;
    rows.reserve(regions.size());
    for (const auto& r : regions)
        rows.push_back(&r);

    if (cmd.json) {
        for (const auto* r : rows) {
            JsonWriter j;
            j.begin_object().key("id").value(r->id()).key("provider").value(r->provider);
            j.key("code").value(r->code).key("display_name").value(r->display_name);
            j.key("place").value(r->place);
            if (r->lat)
                j.key("lat").value(*r->lat, 4).key("lon").value(*r->lon, 4);
            else
                j.key("lat").null().key("lon").null();
            j.key("country").value(r->country).key("status").value(r->status);
            j.key("source").value(r->source).key("note").value(r->note);
            j.end_object();
            out << j.str() << '\n';
        }
        return exit_ok;
    }
    // A plain aligned table: id, display name, place, country, status, note.
    std::size_t w_id = 2, w_name = 12, w_place = 5;
    const auto width = [](const std::string& s) {
        return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    };
    for (const auto* r : rows) {
        w_id = std::max(w_id, width(r->id()));
        w_name = std::max(w_name, width(r->display_name));
        w_place = std::max(w_place, width(r->place));
    }
    const auto pad = [&](const std::string& s, std::size_t w) {
        return s + std::string(w - width(s), ' ');
    };
    out << pad("id", w_id) << "  " << pad("display name", w_name) << "  " << pad("place", w_place)
        << "  cc  status     lat       lon\n";
    for (const auto* r : rows) {
        std::string line = pad(r->id(), w_id) + "  " + pad(r->display_name, w_name) + "  " +
                           pad(r->place, w_place) + "  " + pad(r->country, 2) + "  " +
                           pad(r->status, 9) + "  " + pad(degrees(r->lat), 8) + "  " +
                           degrees(r->lon);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    }
    out << rows.size() << " regions\n";
    return exit_ok;
}

} // namespace dcmap::cli
