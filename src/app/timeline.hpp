#pragma once
// `--as-of DATE` and `--facet year|provider|status`: a site file's footprint as it stood at a
// date (from each site's `opened:` and `announced:`), and small multiples of it on one canvas.
// docs/dcmap.md ("Timeline") states the rules.
#include "layout/layout.hpp"
#include "model/diagnostics.hpp"
#include "model/layout.hpp"
#include "model/site.hpp"
#include "model/style.hpp"
#include "model/timeline.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap::app {

/// "year", "provider" or "status". Throws InputError (no position) otherwise.
Facet parse_facet(const std::string& text);

/// Checks an --as-of date: YYYY, YYYY-MM or YYYY-MM-DD with a real month and day. Throws
/// InputError (no position) otherwise.
void check_as_of(const std::string& text);

/// The last day a date names ("2020" -> "2020-12-31", "2020-02" -> "2020-02-31"; only compared
/// as text), for "as it stood at the end of".
std::string last_day(const std::string& date);

/// The first day a date names ("2019" -> "2019-01-01"), for "opened in".
std::string first_day(const std::string& date);

/// A site's status as it stood at the end of `date`, or none when it was not yet announced or
/// opened then. `file_as_of` is the file's own `as_of:` (may be empty). See docs/dcmap.md.
std::optional<Status> status_as_of(const Site& site, const std::string& date,
                                   const std::string& file_as_of);

/// One panel: its caption and the sites it shows, by key, with the status each is drawn in.
struct TimelinePanel {
    std::string caption;
    std::vector<std::pair<std::string, Status>> sites;
};

/// The panels of `timeline` over `file` (one panel when facet is none). Sites without dates are
/// warned about once. Throws InputError when no panel would show a site.
std::vector<TimelinePanel> timeline_panels(const SiteFile& file, const Timeline& timeline,
                                           Diagnostics& diagnostics);

/// Lays out `request` (all of the file's sites, the view they frame) as `timeline` says: one map
/// as of the date, or small multiples (layout/facets.hpp) sharing the view, so panels compare.
MapLayout lay_out_timeline(const layout::LayoutRequest& request, const SiteFile& file,
                           const Timeline& timeline, const Style& style,
                           const layout::MeasureText& measure, Diagnostics& diagnostics);

} // namespace dcmap::app
