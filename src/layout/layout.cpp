#include "layout/layout.hpp"

#include "layout/clusters.hpp"
#include "layout/insets.hpp"
#include "layout/label_order.hpp"
#include "layout/label_placer.hpp"
#include "layout/legend.hpp"
#include "layout/markers.hpp"
#include "layout/page.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <tuple>

namespace dcmap::layout {

namespace {

using detail::ProviderColors;
using detail::SizeRange;

// The warning lists at most this many ids, so a huge drop count stays readable.
constexpr std::size_t max_listed_ids = 20;

// Markers closer than this share of their radii sum hide each other and are spread on a ring.
constexpr double coincident_overlap = 0.75;

/// Sites in a fixed order that does not depend on the input order.
std::vector<const ProjectedSite*> sorted_by_key(const std::vector<ProjectedSite>& sites) {
    std::vector<const ProjectedSite*> sorted;
    sorted.reserve(sites.size());
    for (const auto& s : sites) sorted.push_back(&s);
    std::sort(sorted.begin(), sorted.end(), [](const ProjectedSite* a, const ProjectedSite* b) {
        const Site& x = a->site.site;
        const Site& y = b->site.site;
        return std::forward_as_tuple(x.key(), x.name, a->site.lon, a->site.lat, x.provider,
                                     x.status, x.label) <
               std::forward_as_tuple(y.key(), y.name, b->site.lon, b->site.lat, y.provider,
                                     y.status, y.label);
    });
    return sorted;
}

bool inside(const Box& frame, Point p) {
    // Half a pixel of slack keeps sites exactly on the view's edge.
    return p.x >= frame.min_x - 0.5 && p.x <= frame.max_x + 0.5 && p.y >= frame.min_y - 0.5 &&
           p.y <= frame.max_y + 0.5;
}

/// Whether a site's marker can be drawn: on the visible side and inside the map frame.
bool is_shown(const ProjectedSite& s, const detail::Page& page) {
    if (!s.visible || !std::isfinite(s.projected.x) || !std::isfinite(s.projected.y)) return false;
    return inside(page.map_frame, page.transform.to_pixels(s.projected));
}

ProviderColors provider_colors(const std::vector<const ProjectedSite*>& sites, const Style& style) {
    std::set<std::string> providers;
    for (const auto* s : sites) providers.insert(s->site.site.provider);
    return ProviderColors({providers.begin(), providers.end()}, style.palette);
}

SizeRange size_range(const std::vector<const ProjectedSite*>& shown, SizeBy size_by) {
    SizeRange range;
    for (const auto* s : shown) {
        const auto v = detail::size_value(s->site.site, size_by);
        if (!v) {
            if (size_by != SizeBy::none) ++range.missing;
            continue;
        }
        range.min = range.any ? std::min(range.min, *v) : *v;
        range.max = range.any ? std::max(range.max, *v) : *v;
        range.any = true;
    }
    return range;
}

MarkerLayout make_marker(const ProjectedSite& s, const detail::Page& page, const Style& style,
                         double scale, const SizeRange& sizes, const ProviderColors& colors) {
    MarkerLayout m;
    m.id = s.site.site.key();
    m.lon = s.site.lon;
    m.lat = s.site.lat;
    const Point p = page.transform.to_pixels(s.projected);
    m.x = p.x;
    m.y = p.y;
    m.r =
        detail::marker_radius(detail::size_value(s.site.site, style.size_by), sizes, style, scale);
    if (detail::is_pending(s.site.site.status)) m.r *= style.pending_marker_scale;
    m.status = s.site.site.status;
    m.provider = s.site.site.provider;
    m.color = colors.of(m.provider);
    return m;
}

std::string listed_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < max_listed_ids; ++i)
        out += (i ? ", " : "") + ids[i];
    if (ids.size() > max_listed_ids)
        out += " and " + std::to_string(ids.size() - max_listed_ids) + " more";
    return out;
}

std::string count_phrase(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// Places the labels of the shown sites; `markers` holds their markers in the same order.
/// Returns, at each site's index in `shown`, its label or nothing when it did not fit.
std::vector<std::optional<LabelLayout>>
place_all_labels(const std::vector<const ProjectedSite*>& shown,
                 const std::vector<MarkerLayout>& markers, const detail::Page& page,
                 const LegendLayout& legend, const Style& style, double scale,
                 const MeasureText& measure, const std::vector<std::vector<int>>& coincident,
                 const detail::InsetsResult& insets) {
    std::vector<detail::MarkerDisc> discs;
    for (const auto& m : markers) discs.push_back({{m.x, m.y}, m.r});
    std::vector<const Site*> shown_sites;
    for (const auto* s : shown) shown_sites.push_back(&s->site.site);
    // Sites equal in every ranked field keep their key order.
    const std::vector<int> order = detail::label_order(shown_sites);
    const FontSpec font = detail::scaled(style.label_font, scale);
    std::vector<detail::LabelRequest> requests;
    requests.reserve(order.size());
    FontSpec pending_font = font;
    pending_font.weight = style.pending_label_weight;
    for (int i : order) {
        if (insets.inset_of[static_cast<std::size_t>(i)] >= 0) continue;  // labelled in its inset
        const Site& site = shown[static_cast<std::size_t>(i)]->site.site;
        const bool pending = detail::is_pending(site.status);
        requests.push_back({site.key(), site.display_label(),
                            measure(site.display_label(), pending ? pending_font : font), i});
    }
    std::vector<std::string> ids;
    for (const auto* s : shown) ids.push_back(s->site.site.key());
    std::set<std::string> providers;
    for (const auto& m : markers) providers.insert(m.provider);
    detail::group_requests(requests, coincident, markers, ids, providers.size() > 1,
                           [&](const std::string& text, int marker) {
                               // Measured in the weight the painter will draw it in.
                               const Site& site = shown[static_cast<std::size_t>(marker)]->site.site;
                               return measure(text, detail::is_pending(site.status) ? pending_font
                                                                                   : font);
                           });
    detail::PlacerSettings settings;
    settings.canvas = {0, 0, page.width, page.height};
    settings.frame = page.map_frame;
    for (const Box& b : {page.title_box, legend.box})
        if (!b.empty()) settings.blocked.push_back(b);
    for (const auto& f : page.footer) settings.blocked.push_back(f.box);
    for (const Box& b : insets.blocked) settings.blocked.push_back(b);
    settings.gap = style.label_gap * scale;
    settings.pad = 1.5 * scale;
    settings.cell = std::max(4.0 * font.size, 8.0);

    auto measure_for = [&](const std::string& text, int marker) {
        const Site& site = shown[static_cast<std::size_t>(marker)]->site.site;
        return measure(text, detail::is_pending(site.status) ? pending_font : font);
    };
    // Sites on one ring whose own labels all fail get one label naming them together.
    const auto placed = detail::place_labels(
        requests, discs, settings, detail::fallback_groups(requests, coincident, markers.size()),
        [&](const std::vector<int>& unplaced) {
            return std::optional{detail::fallback_request(requests, unplaced, markers, measure_for)};
        });
    const auto& results = placed.labels;
    std::vector<std::optional<LabelLayout>> by_site(shown.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto site = static_cast<std::size_t>(requests[i].marker);
        by_site[site] = results[i];
        // The painter draws the label in the weight it was measured in.
        if (by_site[site] && detail::is_pending(shown[site]->site.site.status))
            by_site[site]->weight = style.pending_label_weight;
    }
    for (const auto& [marker, label] : placed.fallbacks) {
        const auto site = static_cast<std::size_t>(marker);
        by_site[site] = label;
        if (detail::is_pending(shown[site]->site.site.status))
            by_site[site]->weight = style.pending_label_weight;
    }
    return by_site;
}

/// The page's fixed parts copied into the layout.
MapLayout layout_from_page(const detail::Page& page, double scale) {
    MapLayout out;
    out.width = page.width;
    out.height = page.height;
    out.scale = scale;
    out.transform = page.transform;
    out.map_frame = page.map_frame;
    out.title = page.title;
    out.subtitle = page.subtitle;
    out.title_box = page.title_box;
    out.footer = page.footer;
    return out;
}

/// One warning for sites without a marker and one for labels that did not fit.
void warn_left_out(const std::vector<std::string>& hidden,
                   const std::vector<std::string>& did_not_fit, Diagnostics& diagnostics) {
    if (!hidden.empty())
        diagnostics.warn(count_phrase(hidden.size(), "site lies", "sites lie") +
                         " outside the visible map and " + (hidden.size() == 1 ? "is" : "are") +
                         " not drawn: " + listed_ids(hidden) +
                         " (widen --extent or change --center to show them)");
    if (!did_not_fit.empty())
        diagnostics.warn(count_phrase(did_not_fit.size(), "label", "labels") + " did not fit and " +
                         (did_not_fit.size() == 1 ? "was" : "were") +
                         " left out: " + listed_ids(did_not_fit) +
                         " (use --width, an inset or `label:` to shorten)");
}

/// Ids of the sites whose marker the legend hides on the main map and no inset shows (on a
/// small canvas the legend may find no free spot), sorted. `markers` are in `shown` order.
std::vector<std::string> under_legend(const LegendLayout& legend,
                                      const std::vector<MarkerLayout>& markers,
                                      const std::vector<int>& inset_of) {
    std::vector<std::string> covered;
    if (legend.box.empty()) return covered;
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const MarkerLayout& m = markers[i];
        if (i < inset_of.size() && inset_of[i] >= 0) continue;
        if (legend.box.intersects({m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r}))
            covered.push_back(m.id);
    }
    std::sort(covered.begin(), covered.end());
    return covered;
}

void warn_under_legend(const std::vector<std::string>& covered, Diagnostics& diagnostics) {
    if (covered.empty()) return;
    diagnostics.warn(count_phrase(covered.size(), "site is", "sites are") +
                     " hidden under the legend: " + listed_ids(covered) +
                     " (use a larger --width or --height, or an inset)");
}

/// Countries of the sites that are or will be in service: a retired site no longer makes its
/// country part of the footprint.
std::vector<std::string> host_countries(const std::vector<const ProjectedSite*>& sites) {
    std::set<std::string> countries;
    for (const auto* s : sites)
        if (!s->site.country.empty() && s->site.site.status != Status::retired)
            countries.insert(s->site.country);
    return {countries.begin(), countries.end()};
}

} // namespace

MapLayout make_layout(const LayoutRequest& request, const Style& style, const MeasureText& measure,
                      Diagnostics& diagnostics) {
    if (!(request.scale > 0) || !std::isfinite(request.scale))
        throw Error("layout: scale must be a positive number, got " +
                    std::to_string(request.scale));
    const double scale = request.scale;
    const detail::Page page = detail::compose_page(request, style, measure);
    MapLayout out = layout_from_page(page, scale);

    const auto sites = sorted_by_key(request.sites);
    std::vector<const ProjectedSite*> shown;
    for (const auto* s : sites)
        if (is_shown(*s, page)) shown.push_back(s);

    const ProviderColors colors = provider_colors(sites, style);
    const SizeRange sizes = size_range(shown, style.size_by);
    for (const auto* s : shown)
        out.markers.push_back(make_marker(*s, page, style, scale, sizes, colors));
    const auto coincident = detail::coincident_groups(out.markers, coincident_overlap);
    for (const auto& group : coincident) detail::spread_on_ring(out.markers, group, 1.0 * scale);

    out.legend = detail::build_legend(out.markers, colors, sizes, style, scale, measure);
    detail::place_legend(out.legend, page.map_frame, 0.5 * style.margin * scale, out.markers);
    const detail::InsetsResult insets = detail::layout_insets(
        request, page, shown, out.markers, out.legend, style, scale, measure, diagnostics);
    const auto covered = under_legend(out.legend, out.markers, insets.inset_of);
    const auto labels = place_all_labels(shown, out.markers, page, out.legend, style, scale,
                                         measure, coincident, insets);
    detail::sort_for_drawing(out.markers);

    // Walk all sites in key order, pairing them with the shown ones (a sub-sequence of them).
    std::vector<std::string> hidden, did_not_fit;
    std::set<std::string> grouped;  // named in another site's grouped label
    for (const auto& label : labels)
        if (label) grouped.insert(label->members.begin(), label->members.end());
    std::size_t next_shown = 0;
    for (const auto* s : sites) {
        const std::string& id = s->site.site.key();
        const bool is_shown_site = next_shown < shown.size() && shown[next_shown] == s;
        const std::optional<LabelLayout>* label = is_shown_site ? &labels[next_shown] : nullptr;
        const int inset = is_shown_site ? insets.inset_of[next_shown] : -1;
        if (inset >= 0 && insets.labelled[next_shown]) {
            out.outcomes.emplace_back(id, LabelOutcome::grouped);  // labelled in its inset
            ++next_shown;
            continue;
        }
        if (is_shown_site) ++next_shown;
        if (label && *label) {
            out.labels.push_back(**label);
            out.outcomes.emplace_back(id, !(*label)->members.empty() ? LabelOutcome::grouped
                                          : (*label)->has_leader     ? LabelOutcome::leader
                                                                     : LabelOutcome::labelled);
            continue;
        }
        if (is_shown_site && grouped.count(id)) {
            out.outcomes.emplace_back(id, LabelOutcome::grouped);
            continue;
        }
        out.dropped.push_back(id);
        out.outcomes.emplace_back(id, LabelOutcome::unlabelled);
        (is_shown_site ? did_not_fit : hidden).push_back(id);
    }
    warn_left_out(hidden, did_not_fit, diagnostics);
    warn_under_legend(covered, diagnostics);
    out.host_countries = host_countries(sites);
    out.insets = insets.insets;
    return out;
}

} // namespace dcmap::layout
