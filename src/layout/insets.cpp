#include "layout/insets.hpp"

#include "layout/clusters.hpp"
#include "layout/label_order.hpp"
#include "layout/label_placer.hpp"
#include "layout/markers.hpp"
#include "layout/union_find.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>

namespace dcmap::layout::detail {

namespace {

// Inset sizes, as shares of the map frame's area. An inset starts at the size its number of
// sites asks for (share_per_site each above a base) and shrinks until it finds a free spot.
constexpr double size_shares[] = {0.25, 0.20, 0.16, 0.12, 0.09, 0.06};
constexpr double base_share = 0.04;
constexpr double share_per_site = 0.006;
// An inset may take at most this share of the frame's width and height.
constexpr double max_width_share = 0.45;
constexpr double max_height_share = 0.60;
// An inset that magnifies less than this adds nothing the main map does not show.
constexpr double min_magnification = 1.5;
// As on the main map: markers closer than this share of their radii sum are spread on a ring.
constexpr double coincident_overlap = 0.6;
// Score weights: a spot on land hides base-map context; one far from its area makes the reader
// search for the match; a larger inset labels more. Each term is 0..1 before weighting.
constexpr double distance_weight = 0.25;
constexpr double size_weight = 1.5;

Point centre_of(const Box& b) { return {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2}; }

Box grown(const Box& b, double by) {
    return {b.min_x - by, b.min_y - by, b.max_x + by, b.max_y + by};
}

Box to_pixels(const ViewTransform& t, const Box& projected) {
    Box out;
    out.expand(t.to_pixels({projected.min_x, projected.min_y}));
    out.expand(t.to_pixels({projected.max_x, projected.max_y}));
    return out;
}

bool contains_point(const Box& b, Point p) {
    return p.x >= b.min_x && p.x <= b.max_x && p.y >= b.min_y && p.y <= b.max_y;
}

/// `which` (indices into `shown`) in the main map's label order.
std::vector<int> in_label_order(const std::vector<const ProjectedSite*>& shown,
                                const std::vector<int>& which) {
    std::vector<const Site*> sites;
    for (int i : which)
        sites.push_back(&shown[static_cast<std::size_t>(i)]->site.site);
    std::vector<int> order;
    for (int k : label_order(sites))
        order.push_back(which[static_cast<std::size_t>(k)]);
    return order;
}

PlacerSettings placer_settings(const Box& canvas, const Box& frame, const Style& style,
                               double scale, const FontSpec& font) {
    PlacerSettings settings;
    settings.canvas = canvas;
    settings.frame = frame;
    settings.gap = style.label_gap * scale;
    settings.pad = 1.5 * scale;
    settings.cell = std::max(4.0 * font.size, 8.0);
    return settings;
}

/// Labels `which` (indices into shown) around `discs` (same indices) inside `frame`.
std::vector<std::optional<LabelLayout>>
place_some(const std::vector<const ProjectedSite*>& shown, const std::vector<int>& which,
           const std::vector<MarkerDisc>& discs, const PlacerSettings& settings,
           const FontSpec& font, const MeasureText& measure) {
    std::vector<LabelRequest> requests;
    for (int i : in_label_order(shown, which)) {
        const Site& site = shown[static_cast<std::size_t>(i)]->site.site;
        requests.push_back(
            LabelRequest{site.key(), site.display_label(), measure(site.display_label(), font), i});
    }
    const auto placed = place_labels(requests, discs, settings);
    std::vector<std::optional<LabelLayout>> by_site(shown.size());
    for (std::size_t r = 0; r < requests.size(); ++r)
        by_site[static_cast<std::size_t>(requests[r].marker)] = placed[r];
    return by_site;
}

/// Labels an inset's sites: `members` index `shown`, `markers[k]` is member k's marker in the
/// inset (moved apart first where they coincide). Sites sharing a town get one grouped label, as
/// on the main map. Returns a label per member, or nothing; a member named by another's grouped
/// label counts as labelled through `named`.
std::vector<std::optional<LabelLayout>>
label_members(const std::vector<const ProjectedSite*>& shown, const std::vector<int>& members,
              std::vector<MarkerLayout>& markers, const PlacerSettings& settings,
              const Style& style, const FontSpec& font, bool name_providers,
              const MeasureText& measure, std::vector<bool>& named) {
    const auto coincident = coincident_groups(markers, coincident_overlap);
    for (const auto& group : coincident)
        spread_on_ring(markers, group, settings.pad / 1.5);
    std::vector<MarkerDisc> discs;
    for (const auto& m : markers)
        discs.push_back({{m.x, m.y}, m.r});
    std::vector<const Site*> member_sites;
    for (int m : members)
        member_sites.push_back(&shown[static_cast<std::size_t>(m)]->site.site);
    FontSpec pending_font = font;
    pending_font.weight = style.pending_label_weight;
    std::vector<LabelRequest> requests;
    std::vector<std::string> ids;
    for (int m : members)
        ids.push_back(shown[static_cast<std::size_t>(m)]->site.site.key());
    for (int k : label_order(member_sites)) {
        const Site& site =
            shown[static_cast<std::size_t>(members[static_cast<std::size_t>(k)])]->site.site;
        const bool pending = is_pending(site.status);
        requests.push_back(
            LabelRequest{site.key(), site.display_label(),
                         measure(site.display_label(), pending ? pending_font : font), k});
    }
    const std::function<TextSize(const std::string&)> measure_group = [&](const std::string& text) {
        return measure(text, font);
    };
    group_requests(requests, coincident, markers, ids, name_providers, measure_group);
    const auto placed = place_labels(requests, discs, settings);
    std::vector<std::optional<LabelLayout>> out(members.size());
    named.assign(members.size(), false);
    for (std::size_t r = 0; r < requests.size(); ++r) {
        const auto k = static_cast<std::size_t>(requests[r].marker);
        out[k] = placed[r];
        if (!out[k])
            continue;
        named[k] = true;
        for (int other : requests[r].members)
            named[static_cast<std::size_t>(other)] = true;
        const Site& site = shown[static_cast<std::size_t>(members[k])]->site.site;
        // A grouped label is measured in the regular weight, so it is drawn in it.
        if (is_pending(site.status) && out[k]->members.empty())
            out[k]->weight = style.pending_label_weight;
    }
    return out;
}

std::string degrees(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return std::string(buf) == "-0" ? "0" : buf;
}

std::string times(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1fx", v);
    return buf;
}

/// "around Frankfurt, London, Paris and 12 more"
std::string named_sites(const std::vector<const ProjectedSite*>& shown,
                        const std::vector<int>& sites) {
    const std::vector<int> order = in_label_order(shown, sites);
    std::string out;
    const std::size_t listed = std::min<std::size_t>(order.size(), 3);
    for (std::size_t i = 0; i < listed; ++i)
        out +=
            (i ? ", " : "") + shown[static_cast<std::size_t>(order[i])]->site.site.display_label();
    if (order.size() > listed)
        out += " and " + std::to_string(order.size() - listed) + " more";
    return out;
}

/// The lon/lat box of `sites`, widened by a degree and rounded outwards, as W,S,E,N text.
std::string lonlat_box_text(const std::vector<const ProjectedSite*>& shown,
                            const std::vector<int>& sites) {
    double w = 180, s = 90, e = -180, n = -90;
    for (int i : sites) {
        const auto& site = shown[static_cast<std::size_t>(i)]->site;
        w = std::min(w, site.lon);
        e = std::max(e, site.lon);
        s = std::min(s, site.lat);
        n = std::max(n, site.lat);
    }
    w = std::max(-180.0, std::floor(w - 1));
    s = std::max(-90.0, std::floor(s - 1));
    e = std::min(180.0, std::ceil(e + 1));
    n = std::min(90.0, std::ceil(n + 1));
    return degrees(w) + "," + degrees(s) + "," + degrees(e) + "," + degrees(n);
}

/// Trial outcomes on the main map without insets: 0 labelled, 1 leader, 2 unlabelled.
std::vector<int> trial_outcomes(const std::vector<const ProjectedSite*>& shown,
                                const std::vector<MarkerLayout>& markers, const Page& page,
                                const std::vector<Box>& blocked, const Style& style, double scale,
                                const FontSpec& font, const MeasureText& measure) {
    std::vector<MarkerDisc> discs;
    for (const auto& m : markers)
        discs.push_back({{m.x, m.y}, m.r});
    PlacerSettings settings =
        placer_settings({0, 0, page.width, page.height}, page.map_frame, style, scale, font);
    settings.blocked = blocked;
    // Greedy only: the trial asks where labels crowd, not how well a repair could hide it.
    settings.repair = false;
    std::vector<int> all(shown.size());
    std::iota(all.begin(), all.end(), 0);
    const auto labels = place_some(shown, all, discs, settings, font, measure);
    std::vector<int> out(shown.size(), 2);
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i])
            out[i] = labels[i]->has_leader ? 1 : 0;
    return out;
}

/// Inset width and height in pixels for `view` at a share of the frame's area, capped.
std::pair<double, double> inset_size(const Box& view, const Box& frame, double share) {
    const double aspect = view.width() / view.height();
    double w = std::sqrt(share * frame.width() * frame.height() * aspect);
    double h = w / aspect;
    const double shrink =
        std::min({1.0, max_width_share * frame.width() / w, max_height_share * frame.height() / h});
    return {w * shrink, h * shrink};
}

struct Target {
    std::string name, caption;
    Box view;
    std::vector<int> sites; // for auto: the cluster's sites
    bool automatic = false;
};

/// The caption in the corner of `box` that covers the fewest of `points`.
TextBlock place_caption(const std::string& text, const Box& box, const std::vector<Point>& points,
                        const Style& style, double scale, const MeasureText& measure) {
    if (text.empty())
        return {};
    const FontSpec font = scaled(style.legend_title_font, scale);
    const TextSize size = measure(text, font);
    const double pad = 5 * scale;
    const Point corners[] = {{box.min_x + pad, box.min_y + pad},
                             {box.max_x - pad - size.width, box.min_y + pad},
                             {box.min_x + pad, box.max_y - pad - size.height},
                             {box.max_x - pad - size.width, box.max_y - pad - size.height}};
    Box best;
    int best_covered = -1;
    for (Point c : corners) {
        const Box b = grown(Box::from_xywh(c.x, c.y, size.width, size.height), pad);
        int covered = 0;
        for (Point p : points)
            covered += contains_point(b, p) ? 1 : 0;
        if (best_covered < 0 || covered < best_covered) {
            best = Box::from_xywh(c.x, c.y, size.width, size.height);
            best_covered = covered;
        }
    }
    return {text, font, style.legend_text, best};
}

} // namespace

LandMask::LandMask(const std::vector<Polygon>& land, const ViewTransform& to_px, const Box& frame,
                   double cell)
    : frame_(frame), cell_(cell) {
    if (frame.empty() || !(cell > 0))
        return;
    columns_ = std::max(1, static_cast<int>(std::ceil(frame.width() / cell)));
    rows_ = std::max(1, static_cast<int>(std::ceil(frame.height() / cell)));
    // Scanline fill, even-odd over every ring: x where each edge crosses each row's centre line.
    std::vector<std::vector<double>> crossings(static_cast<std::size_t>(rows_));
    for (const auto& polygon : land) {
        for (const auto& ring : polygon.rings) {
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const Point a = to_px.to_pixels(ring[i]);
                const Point b = to_px.to_pixels(ring[(i + 1) % ring.size()]);
                if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) ||
                    !std::isfinite(b.y) || a.y == b.y)
                    continue;
                const double lo = std::min(a.y, b.y), hi = std::max(a.y, b.y);
                // Rows whose centre y = min_y + (r + 0.5) * cell lies in [lo, hi).
                const int r0 =
                    std::max(0, static_cast<int>(std::ceil((lo - frame.min_y) / cell - 0.5)));
                const int r1 = std::min(
                    rows_ - 1, static_cast<int>(std::ceil((hi - frame.min_y) / cell - 0.5)) - 1);
                for (int r = r0; r <= r1; ++r) {
                    const double y = frame.min_y + (r + 0.5) * cell;
                    crossings[static_cast<std::size_t>(r)].push_back(a.x + (y - a.y) * (b.x - a.x) /
                                                                               (b.y - a.y));
                }
            }
        }
    }
    const auto width = static_cast<std::size_t>(columns_ + 1);
    sums_.assign(width * static_cast<std::size_t>(rows_ + 1), 0);
    std::vector<int> row_cells(static_cast<std::size_t>(columns_));
    for (int r = 0; r < rows_; ++r) {
        auto& xs = crossings[static_cast<std::size_t>(r)];
        std::sort(xs.begin(), xs.end());
        std::fill(row_cells.begin(), row_cells.end(), 0);
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            // Cells whose centre x = min_x + (c + 0.5) * cell lies in [xs[k], xs[k+1]).
            const int c0 =
                std::max(0, static_cast<int>(std::ceil((xs[k] - frame.min_x) / cell - 0.5)));
            const int c1 =
                std::min(columns_ - 1,
                         static_cast<int>(std::ceil((xs[k + 1] - frame.min_x) / cell - 0.5)) - 1);
            for (int c = c0; c <= c1; ++c)
                row_cells[static_cast<std::size_t>(c)] = 1;
        }
        for (int c = 0; c < columns_; ++c) {
            const auto at = [&](int rr, int cc) -> int& {
                return sums_[static_cast<std::size_t>(rr) * width + static_cast<std::size_t>(cc)];
            };
            at(r + 1, c + 1) =
                row_cells[static_cast<std::size_t>(c)] + at(r, c + 1) + at(r + 1, c) - at(r, c);
        }
    }
}

double LandMask::share(const Box& box) const {
    if (sums_.empty() || box.empty())
        return 0;
    const int c0 =
        std::max(0, static_cast<int>(std::ceil((box.min_x - frame_.min_x) / cell_ - 0.5)));
    const int c1 = std::min(
        columns_, static_cast<int>(std::floor((box.max_x - frame_.min_x) / cell_ - 0.5)) + 1);
    const int r0 =
        std::max(0, static_cast<int>(std::ceil((box.min_y - frame_.min_y) / cell_ - 0.5)));
    const int r1 =
        std::min(rows_, static_cast<int>(std::floor((box.max_y - frame_.min_y) / cell_ - 0.5)) + 1);
    if (c1 <= c0 || r1 <= r0)
        return 0;
    const auto width = static_cast<std::size_t>(columns_ + 1);
    const auto at = [&](int r, int c) {
        return sums_[static_cast<std::size_t>(r) * width + static_cast<std::size_t>(c)];
    };
    const int land = at(r1, c1) - at(r0, c1) - at(r1, c0) + at(r0, c0);
    return static_cast<double>(land) / ((c1 - c0) * (r1 - r0));
}

std::optional<CrowdedArea> find_crowded_area(const std::vector<const ProjectedSite*>& shown,
                                             const std::vector<MarkerLayout>& markers,
                                             const std::vector<int>& trial,
                                             const std::vector<bool>& taken, double link,
                                             const ViewTransform& to_px, TextSize max_span,
                                             int min_sites, int min_struggling) {
    const std::size_t n = markers.size();
    if (n == 0 || !(link > 0))
        return std::nullopt;
    // Join markers closer than `link`, looking only at neighbouring cells of a link-sized grid.
    std::map<std::pair<long, long>, std::vector<int>> cells;
    auto cell_of = [&](const MarkerLayout& m) {
        return std::pair<long, long>{static_cast<long>(std::floor(m.x / link)),
                                     static_cast<long>(std::floor(m.y / link))};
    };
    for (std::size_t i = 0; i < n; ++i)
        if (!taken[i])
            cells[cell_of(markers[i])].push_back(static_cast<int>(i));
    UnionFind groups(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (taken[i])
            continue;
        const auto [cx, cy] = cell_of(markers[i]);
        for (long dx = -1; dx <= 1; ++dx) {
            for (long dy = -1; dy <= 1; ++dy) {
                const auto it = cells.find({cx + dx, cy + dy});
                if (it == cells.end())
                    continue;
                for (int j : it->second) {
                    const auto& a = markers[i];
                    const auto& b = markers[static_cast<std::size_t>(j)];
                    if (std::hypot(a.x - b.x, a.y - b.y) < link)
                        groups.join(static_cast<int>(i), j);
                }
            }
        }
    }
    std::map<int, CrowdedArea> clusters;
    for (std::size_t i = 0; i < n; ++i) {
        if (taken[i])
            continue;
        auto& c = clusters[groups.root(static_cast<int>(i))];
        c.sites.push_back(static_cast<int>(i));
        if (trial[i] != 0)
            ++c.struggling;
    }
    std::optional<CrowdedArea> best;
    for (auto& [root, c] : clusters) {
        if (static_cast<int>(c.sites.size()) < min_sites || c.struggling < min_struggling)
            continue;
        Box span;
        for (int i : c.sites) {
            const auto& m = markers[static_cast<std::size_t>(i)];
            span.expand(Point{m.x, m.y});
        }
        if (span.width() > max_span.width || span.height() > max_span.height)
            continue; // spread over much of the map: an inset would not magnify it
        if (best && (c.struggling < best->struggling ||
                     (c.struggling == best->struggling && c.sites.size() <= best->sites.size())))
            continue;
        best = c;
    }
    if (!best)
        return std::nullopt;
    // The view: the sites' projected box, padded so edge sites keep room for their labels, and
    // no flatter or taller than 3:2.
    Box sites;
    for (int i : best->sites)
        sites.expand(shown[static_cast<std::size_t>(i)]->projected);
    const double px = to_px.k; // pixels per projected unit on the main map
    const double min_pad = link / px;
    double pad_x = std::max(0.15 * sites.width(), min_pad);
    double pad_y = std::max(0.15 * sites.height(), min_pad);
    double w = sites.width() + 2 * pad_x, h = sites.height() + 2 * pad_y;
    if (w > 1.5 * h)
        h = w / 1.5;
    if (h > 1.5 * w)
        w = h / 1.5;
    const Point c = centre_of(sites);
    best->view = {c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2};
    return best;
}

std::vector<Point> candidate_spots(const Box& frame, double inset, double w, double h) {
    std::vector<Point> out;
    const double x0 = frame.min_x + inset, x1 = frame.max_x - inset - w;
    const double y0 = frame.min_y + inset, y1 = frame.max_y - inset - h;
    if (x1 < x0 || y1 < y0)
        return out;
    // Corners: bottom-left first, where world maps have open ocean and Antarctica's edge.
    for (Point p : {Point{x0, y1}, Point{x1, y1}, Point{x0, y0}, Point{x1, y0}})
        out.push_back(p);
    constexpr int along = 12, inside = 6;
    for (int i = 1; i < along; ++i) {
        const double x = x0 + (x1 - x0) * i / along;
        out.push_back({x, y1});
        out.push_back({x, y0});
    }
    for (int i = 1; i < along; ++i) {
        const double y = y0 + (y1 - y0) * i / along;
        out.push_back({x0, y});
        out.push_back({x1, y});
    }
    for (int j = 1; j < inside; ++j)
        for (int i = 1; i < inside; ++i)
            out.push_back({x0 + (x1 - x0) * i / inside, y0 + (y1 - y0) * j / inside});
    return out;
}

std::optional<Box> choose_spot(const std::vector<Point>& candidates, double w, double h,
                               const std::vector<Box>& obstacles, const LandMask& land, Point near,
                               double reach) {
    std::optional<Box> best;
    double best_score = 0;
    for (Point p : candidates) {
        const Box box = Box::from_xywh(p.x, p.y, w, h);
        const bool blocked = std::any_of(obstacles.begin(), obstacles.end(),
                                         [&](const Box& o) { return o.intersects(box); });
        if (blocked)
            continue;
        const Point c = centre_of(box);
        const double distance = reach > 0 ? std::hypot(c.x - near.x, c.y - near.y) / reach : 0;
        const double score = land.share(box) + distance_weight * distance;
        if (!best || score < best_score) {
            best = box;
            best_score = score;
        }
    }
    return best;
}

InsetsResult layout_insets(const LayoutRequest& request, const Page& page,
                           const std::vector<const ProjectedSite*>& shown,
                           const std::vector<MarkerLayout>& markers, const LegendLayout& legend,
                           const Style& style, double scale, const MeasureText& measure,
                           Diagnostics& diagnostics) {
    InsetsResult result;
    result.inset_of.assign(shown.size(), -1);
    result.labelled.assign(shown.size(), false);
    if (request.insets.empty() && !request.auto_inset)
        return result;

    const Box& frame = page.map_frame;
    const FontSpec font = scaled(style.label_font, scale);
    const double line = 1.3 * font.size;
    const double edge = 0.5 * style.margin * scale; // from the frame's edge, as the legend
    const double gutter = 4 * scale;                // free space kept around each inset
    const LandMask land =
        request.land ? LandMask(*request.land, page.transform, frame, 6 * scale) : LandMask();

    std::vector<std::string> providers;
    for (const auto& m : markers)
        providers.push_back(m.provider);
    std::sort(providers.begin(), providers.end());
    const bool name_providers =
        std::unique(providers.begin(), providers.end()) - providers.begin() > 1;

    std::vector<Target> targets;
    for (const auto& r : request.insets)
        targets.push_back({r.name, r.caption, r.view, {}, false});

    // Obstacles every inset avoids: markers with room for a label line around them, the legend,
    // and the areas insets show (so their outlines stay in sight).
    std::vector<Box> fixed;
    for (const auto& m : markers)
        fixed.push_back(grown({m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r}, line));
    if (!legend.box.empty())
        fixed.push_back(grown(legend.box, gutter));

    std::vector<bool> taken(shown.size(), false);
    auto mark_members = [&](const Box& view) {
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (!taken[i] && contains_point(view, shown[i]->projected))
                taken[i] = true;
    };
    for (const auto& t : targets)
        mark_members(t.view);
    if (request.auto_inset) {
        std::vector<Box> blocked;
        if (!legend.box.empty())
            blocked.push_back(legend.box);
        const auto trial =
            trial_outcomes(shown, markers, page, blocked, style, scale, font, measure);
        const auto crowded =
            find_crowded_area(shown, markers, trial, taken, 3 * line, page.transform,
                              // Wider than this, even the largest inset magnifies under 1.5x.
                              {max_width_share / min_magnification * frame.width(),
                               max_height_share / min_magnification * frame.height()});
        if (crowded) {
            Target t{"auto", "", crowded->view, crowded->sites, true};
            targets.push_back(t);
        } else {
            diagnostics.note("--inset auto: no small area is crowded enough to need an inset");
        }
    }

    std::fill(taken.begin(), taken.end(), false);
    std::vector<Box> areas; // every target's area in main-map pixels
    for (const auto& t : targets)
        areas.push_back(to_pixels(page.transform, t.view));

    // Auto insets may widen their area: a landscape frame often fits where a square one does not.
    const double auto_aspects[] = {0, 4.0 / 3, 16.0 / 9};
    for (std::size_t ti = 0; ti < targets.size(); ++ti) {
        Target t = targets[ti];
        Box area = areas[ti];
        Box visible_area = area;
        visible_area.min_x = std::max(area.min_x, frame.min_x);
        visible_area.min_y = std::max(area.min_y, frame.min_y);
        visible_area.max_x = std::min(area.max_x, frame.max_x);
        visible_area.max_y = std::min(area.max_y, frame.max_y);
        if (visible_area.empty() || visible_area.width() <= 0 || visible_area.height() <= 0) {
            diagnostics.warn("inset " + t.name +
                             " lies outside the map's extent and is left out (widen --extent)");
            continue;
        }
        std::optional<Box> spot;
        bool magnifies = false;
        for (double aspect : auto_aspects) {
            if (aspect > 0 && !t.automatic)
                break;
            Box view = t.view;
            if (aspect > 0) {
                if (view.width() >= aspect * view.height())
                    continue;
                const double grow = (aspect * view.height() - view.width()) / 2;
                view.min_x -= grow;
                view.max_x += grow;
            }
            const Box view_area = to_pixels(page.transform, view);
            std::vector<Box> obstacles = fixed;
            for (std::size_t a = 0; a < areas.size(); ++a)
                obstacles.push_back(grown(a == ti ? view_area : areas[a], gutter));
            for (const auto& done : result.insets)
                obstacles.push_back(grown(done.box, 2 * gutter));

            int inside = 0;
            for (std::size_t i = 0; i < shown.size(); ++i)
                inside += !taken[i] && contains_point(view, shown[i]->projected) ? 1 : 0;
            const double wanted = base_share + share_per_site * inside;
            for (double share : size_shares) {
                if (share > wanted && share != size_shares[std::size(size_shares) - 1] &&
                    share * 0.8 >= wanted)
                    continue;
                const auto [w, h] = inset_size(view, frame, share);
                if (w / view_area.width() < min_magnification)
                    break;
                magnifies = true;
                const auto found =
                    choose_spot(candidate_spots(frame, edge, w, h), w, h, obstacles, land,
                                centre_of(visible_area), std::hypot(frame.width(), frame.height()));
                if (!found)
                    continue;
                if (!spot || found->width() / view_area.width() > spot->width() / area.width()) {
                    spot = found;
                    t.view = view;
                    area = view_area;
                }
                break;
            }
        }
        areas[ti] = area;
        if (!spot) {
            diagnostics.warn(
                "inset " + t.name +
                (!magnifies
                     ? " would not magnify its area (the map already shows it at this size) and "
                       "is left out"
                     : " finds no place on the map that hides no site and is left out") +
                " (try a larger --width, or a smaller area)");
            continue;
        }

        InsetLayout inset;
        inset.name = t.name;
        inset.box = *spot;
        inset.area = area;
        inset.magnification = spot->width() / area.width();
        const double k = spot->width() / t.view.width();
        inset.transform = {t.view.min_x, t.view.max_y, k, spot->min_x, spot->min_y};

        std::vector<int> members;
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (!taken[i] && contains_point(t.view, shown[i]->projected))
                members.push_back(static_cast<int>(i));
        for (int i : members) {
            const auto u = static_cast<std::size_t>(i);
            taken[u] = true;
            result.inset_of[u] = static_cast<int>(result.insets.size());
            MarkerLayout m = markers[u];
            const Point p = inset.transform.to_pixels(shown[u]->projected);
            m.x = p.x;
            m.y = p.y;
            inset.markers.push_back(m);
        }
        std::vector<Point> member_points;
        for (const auto& m : inset.markers)
            member_points.push_back({m.x, m.y});
        inset.caption = place_caption(t.caption, inset.box, member_points, style, scale, measure);

        PlacerSettings settings =
            placer_settings(inset.box, grown(inset.box, -2 * scale), style, scale, font);
        if (!inset.caption.text.empty())
            settings.blocked.push_back(grown(inset.caption.box, 2 * scale));
        std::vector<bool> named;
        const auto labels = label_members(shown, members, inset.markers, settings, style, font,
                                          name_providers, measure, named);
        for (std::size_t k = 0; k < members.size(); ++k) {
            if (labels[k])
                inset.labels.push_back(*labels[k]);
            result.labelled[static_cast<std::size_t>(members[k])] = named[k];
        }
        sort_for_drawing(inset.markers);
        if (t.automatic)
            diagnostics.note("--inset auto: added an inset of " + std::to_string(members.size()) +
                             " crowded sites around " + named_sites(shown, members) +
                             " (magnified " + times(inset.magnification) +
                             "); to keep it, write --inset " + lonlat_box_text(shown, members));
        result.blocked.push_back(grown(inset.box, gutter));
        result.insets.push_back(std::move(inset));
    }
    return result;
}

} // namespace dcmap::layout::detail
