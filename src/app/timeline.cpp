#include "app/timeline.hpp"

#include "layout/facets.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace dcmap::app {

namespace {

// More panels than this make each too small to read at the default width: the latest years
// are kept.
constexpr std::size_t max_panels = 12;

bool digits(const std::string& text, std::size_t from, std::size_t count) {
    if (text.size() < from + count)
        return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
    return true;
}

/// The year a date names, as text.
std::string year_of(const std::string& date) { return date.substr(0, 4); }

bool is_pending(Status s) {
    return s == Status::announced || s == Status::planned || s == Status::under_construction;
}

std::string listed(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < 12; ++i)
        out += (i ? ", " : "") + ids[i];
    if (ids.size() > 12)
        out += " and " + std::to_string(ids.size() - 12) + " more";
    return out;
}

} // namespace

Facet parse_facet(const std::string& text) {
    if (text == "year")
        return Facet::year;
    if (text == "provider")
        return Facet::provider;
    if (text == "status")
        return Facet::status;
    throw InputError({}, "unknown facet \"" + text + "\"", "use year, provider or status");
}

void check_as_of(const std::string& text) {
    bool ok = digits(text, 0, 4) && (text.size() == 4 || text.size() == 7 || text.size() == 10);
    if (ok && text.size() >= 7) {
        ok = text[4] == '-' && digits(text, 5, 2);
        const int month = ok ? std::stoi(text.substr(5, 2)) : 0;
        ok = ok && month >= 1 && month <= 12;
        if (ok && text.size() == 10) {
            ok = text[7] == '-' && digits(text, 8, 2);
            const int day = ok ? std::stoi(text.substr(8, 2)) : 0;
            ok = ok && day >= 1 && day <= 31;
        }
    }
    if (!ok)
        throw InputError({}, "not a date: \"" + text + "\"",
                         "give YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020 or 2020-06-30");
}

std::string last_day(const std::string& date) {
    if (date.size() == 4)
        return date + "-12-31";
    if (date.size() == 7)
        return date + "-31";
    return date;
}

std::string first_day(const std::string& date) {
    if (date.size() == 4)
        return date + "-01-01";
    if (date.size() == 7)
        return date + "-01";
    return date;
}

std::optional<Status> status_as_of(const Site& site, const std::string& date,
                                   const std::string& file_as_of) {
    const std::string end = last_day(date);
    // On or after the file's own date, its statuses are the state of things.
    const bool file_known = !file_as_of.empty() && end >= file_as_of;
    if (!site.opened.empty() && first_day(site.opened) <= end)
        // Opened by then. A retired site has no retirement date to place in time, so it shows
        // as retired from its opening on.
        return site.status == Status::retired ? Status::retired : Status::live;
    if (!site.announced.empty()) {
        if (first_day(site.announced) > end)
            return std::nullopt;
        // Announced and not (known to be) open: announced, or, from the file's date on, a
        // pending status the file gives (planned, under construction).
        if (file_known && (site.opened.empty() || is_pending(site.status)))
            return site.status;
        return Status::announced;
    }
    // Undated, or dated only by a later opening: known only from the file's date on.
    if (file_known)
        return site.status;
    return std::nullopt;
}

std::vector<TimelinePanel> timeline_panels(const SiteFile& file, const Timeline& timeline,
                                           Diagnostics& diagnostics) {
    std::vector<std::string> undated;
    for (const auto& s : file.sites)
        if (s.opened.empty() && s.announced.empty())
            undated.push_back(s.key());
    const bool dated_view = !timeline.as_of.empty() || timeline.facet == Facet::year;
    if (dated_view && !undated.empty())
        diagnostics.warn(
            SourcePos{file.path, 0, 0},
            std::to_string(undated.size()) + (undated.size() == 1 ? " site has" : " sites have") +
                " no opened: or announced: date and " + (undated.size() == 1 ? "is" : "are") +
                (file.as_of.empty()
                     ? std::string(" left out of dated maps")
                     : " drawn only as of the file's as_of (" + file.as_of + ") or later") +
                ": " + listed(undated) + " (give opened: or announced: dates)");

    // The sites as they stood at `date` (empty: as the file says).
    const auto state_at = [&](const std::string& date) {
        std::vector<std::pair<std::string, Status>> out;
        for (const auto& s : file.sites) {
            if (date.empty()) {
                out.emplace_back(s.key(), s.status);
            } else if (const auto st = status_as_of(s, date, file.as_of)) {
                out.emplace_back(s.key(), *st);
            }
        }
        return out;
    };

    std::vector<TimelinePanel> panels;
    if (timeline.facet == Facet::none) {
        panels.push_back({"As of " + timeline.as_of, state_at(timeline.as_of)});
    } else if (timeline.facet == Facet::year) {
        // A panel for each year in which something happened, and the file's own year: years in
        // which nothing changed would repeat the panel before.
        std::set<std::string> years;
        for (const auto& s : file.sites) {
            if (!s.opened.empty())
                years.insert(year_of(s.opened));
            if (!s.announced.empty())
                years.insert(year_of(s.announced));
        }
        if (!file.as_of.empty())
            years.insert(year_of(file.as_of));
        if (!timeline.as_of.empty()) {
            const std::string last = year_of(timeline.as_of);
            years.erase(years.upper_bound(last), years.end());
            years.insert(last);
        }
        std::vector<std::string> list(years.begin(), years.end());
        if (list.size() > max_panels) {
            diagnostics.note("--facet year: " + std::to_string(list.size()) + " years; the " +
                             std::to_string(max_panels) + " latest are drawn");
            list.erase(list.begin(), list.end() - static_cast<long>(max_panels));
        }
        for (const auto& y : list) {
            // The year of --as-of ends at that date, not at the year's end.
            const std::string date =
                !timeline.as_of.empty() && y == year_of(timeline.as_of) ? timeline.as_of : y;
            panels.push_back({date, state_at(date)});
        }
    } else {
        const auto all = state_at(timeline.as_of);
        std::map<std::string, std::vector<std::pair<std::string, Status>>> groups;
        std::map<std::string, const Site*> by_key;
        for (const auto& s : file.sites)
            by_key[s.key()] = &s;
        for (const auto& [key, status] : all) {
            const std::string group = timeline.facet == Facet::provider
                                          ? by_key[key]->provider
                                          : std::string(to_string(status));
            groups[group].emplace_back(key, status);
        }
        const Status order[] = {Status::live, Status::under_construction, Status::planned,
                                Status::announced, Status::retired};
        if (timeline.facet == Facet::status) {
            for (Status st : order)
                if (const auto it = groups.find(to_string(st)); it != groups.end())
                    panels.push_back({it->first, it->second});
        } else {
            for (auto& [group, sites] : groups)
                panels.push_back({group.empty() ? "No provider" : group, sites});
        }
        if (panels.size() > max_panels)
            throw InputError(SourcePos{file.path, 0, 0},
                             std::to_string(panels.size()) + " panels are too many to read",
                             "give at most " + std::to_string(max_panels) +
                                 " providers, or draw them on one map");
    }
    const bool any = std::any_of(panels.begin(), panels.end(),
                                 [](const TimelinePanel& p) { return !p.sites.empty(); });
    if (!any)
        throw InputError(SourcePos{file.path, 0, 0},
                         "no site had been announced or opened by " + timeline.as_of,
                         "choose a later --as-of, or give the sites opened: or announced: dates");
    return panels;
}

MapLayout lay_out_timeline(const layout::LayoutRequest& request, const SiteFile& file,
                           const Timeline& timeline, const Style& style,
                           const layout::MeasureText& measure, Diagnostics& diagnostics) {
    const auto panels = timeline_panels(file, timeline, diagnostics);
    std::vector<layout::LayoutRequest> requests;
    for (const auto& panel : panels) {
        std::map<std::string, Status> shown(panel.sites.begin(), panel.sites.end());
        layout::LayoutRequest r = request;
        r.sites.clear();
        for (const auto& site : request.sites) {
            const auto it = shown.find(site.site.site.key());
            if (it == shown.end())
                continue;
            r.sites.push_back(site);
            r.sites.back().site.site.status = it->second;
        }
        r.subtitle = panel.caption;
        requests.push_back(std::move(r));
    }
    if (timeline.facet == Facet::none) {
        layout::LayoutRequest r = std::move(requests.front());
        r.subtitle = request.subtitle;
        // The footer's date is the map's: the file's own as_of describes another state.
        r.as_of = timeline.as_of;
        return layout::make_layout(r, style, measure, diagnostics);
    }
    return layout::make_facet_layout(request, std::move(requests), style, measure, diagnostics);
}

} // namespace dcmap::app
