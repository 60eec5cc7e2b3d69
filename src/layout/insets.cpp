#include "layout/insets.hpp"

#include "layout/declutter.hpp"
#include "layout/label_order.hpp"
#include "layout/label_placer.hpp"
#include "layout/markers.hpp"
#include "layout/union_find.hpp"
#include "model/named_areas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>

namespace dcmap::layout::detail {

namespace {

// Inset sizes, as shares of the map frame's area. An inset starts at the size its number of
// sites asks for (share_per_site each above a base), then tries larger and smaller ones, and
// keeps the first at which its sites are named that finds a free spot.
constexpr double size_shares[] = {0.25, 0.20, 0.16, 0.12, 0.09, 0.06};
constexpr double base_share = 0.04;
constexpr double share_per_site = 0.006;
// An inset may take at most this share of the frame's width and height.
constexpr double max_width_share = 0.45;
constexpr double max_height_share = 0.60;
// An inset that magnifies less than this adds nothing the main map does not show.
constexpr double min_magnification = 1.5;
// Score weight of a spot's distance from its area (the land share under it weighs 1): a spot
// far from its area makes the reader search for the match.
constexpr double distance_weight = 0.25;
// Rounds of joining an inset's symbols named nowhere to their nearest neighbour.
constexpr int inset_merge_steps = 8;
// Canvas sizes, relative to this one, that a refused inset's warning tries, smallest first.
constexpr double larger_canvases[] = {1.25, 1.5, 2, 2.5, 3, 4};
// Orders of placing insets tried when the order asked for leaves some out: all of them up to
// this many insets, which is more than any map needs.
constexpr std::size_t max_permuted_insets = 5;
// Crowded clusters `--inset auto` tries, most crowded first, until one finds a place.
constexpr std::size_t max_auto_candidates = 6;

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
    sites.reserve(which.size());
    for (int i : which)
        sites.push_back(&shown[static_cast<std::size_t>(i)]->site.site);
    std::vector<int> order;
    for (int k : label_order(sites))
        order.push_back(which[static_cast<std::size_t>(k)]);
    return order;
}

std::string times(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1fx", v);
    return buf;
}

std::string degrees(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return std::string(buf) == "-0" ? "0" : buf;
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

struct LonLatBox {
    double west = 180, south = 90, east = -180, north = -90;
};

/// The lon/lat box of `sites`, widened by a degree and rounded outwards.
LonLatBox lonlat_box(const std::vector<const ProjectedSite*>& shown,
                     const std::vector<int>& sites) {
    LonLatBox b;
    for (int i : sites) {
        const auto& site = shown[static_cast<std::size_t>(i)]->site;
        b.west = std::min(b.west, site.lon);
        b.east = std::max(b.east, site.lon);
        b.south = std::min(b.south, site.lat);
        b.north = std::max(b.north, site.lat);
    }
    b.west = std::max(-180.0, std::floor(b.west - 1));
    b.south = std::max(-90.0, std::floor(b.south - 1));
    b.east = std::min(180.0, std::ceil(b.east + 1));
    b.north = std::min(90.0, std::ceil(b.north + 1));
    return b;
}

std::string lonlat_box_text(const LonLatBox& b) {
    return degrees(b.west) + "," + degrees(b.south) + "," + degrees(b.east) + "," +
           degrees(b.north);
}

/// Trial outcomes on the main map without insets: 0 labelled, 1 leader, 2 unlabelled.
std::vector<int> trial_outcomes(const Scene& main, const std::vector<Box>& blocked) {
    std::vector<MarkerDisc> discs;
    for (const auto& m : main.markers)
        discs.push_back({{m.x, m.y}, m.r});
    PlacerSettings settings = placer_settings(main, main.page.map_frame, blocked);
    // Greedy only: the trial asks where labels crowd, not how well a repair could hide it.
    settings.repair = false;
    std::vector<int> all(main.shown.size());
    std::iota(all.begin(), all.end(), 0);
    std::vector<LabelRequest> requests;
    for (int i : in_label_order(main.shown, all)) {
        const Site& site = main.shown[static_cast<std::size_t>(i)]->site.site;
        requests.push_back(LabelRequest{site.key(), site.display_label(),
                                        main.measure(site.display_label(), main.font), i});
    }
    const auto placed = place_labels(requests, discs, settings);
    std::vector<int> out(main.shown.size(), 2);
    for (std::size_t r = 0; r < requests.size(); ++r)
        if (placed[r])
            out[static_cast<std::size_t>(requests[r].marker)] = placed[r]->has_leader ? 1 : 0;
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
    Box view;               ///< projected units
    std::vector<int> sites; ///< for auto: the cluster's sites
    bool automatic = false;
};

/// One way to draw a target: the view it shows (an auto inset may widen its own) at a size.
struct SizeOption {
    Box view; ///< projected units
    Box area; ///< the view in main-map pixels
    double w = 0, h = 0;
    int rank = 0;       ///< preference before naming: the size its site count asks for first
    int unnamed = 0;    ///< in a trial: members named nowhere
    int unlabelled = 0; ///< in a trial: members without a label (keyed or named nowhere)
};

/// An inset's content once it has a box.
struct Content {
    InsetLayout layout;
    std::vector<int> members;             ///< indices into the main map's shown sites
    std::vector<LabelOutcome> outcome;    ///< per member: inset, keyed or unlabelled
    std::vector<std::string> key_entries; ///< every key entry so far, this inset's last
};

/// The caption inside `frame` where it covers the fewest `markers` (a marker counts with the
/// room it may be moved): a corner, else the middle of the top or bottom edge.
TextBlock place_caption(const std::string& text, const Box& frame,
                        const std::vector<MarkerLayout>& markers, const Style& style, double scale,
                        const MeasureText& measure) {
    if (text.empty())
        return {};
    const FontSpec font = scaled(style.legend_title_font, scale);
    const TextSize size = measure(text, font);
    const double pad = 3 * scale;
    const double mid = (frame.min_x + frame.max_x - size.width) / 2;
    const Point corners[] = {{frame.min_x + pad, frame.min_y + pad},
                             {frame.max_x - pad - size.width, frame.min_y + pad},
                             {frame.min_x + pad, frame.max_y - pad - size.height},
                             {frame.max_x - pad - size.width, frame.max_y - pad - size.height},
                             {mid, frame.min_y + pad},
                             {mid, frame.max_y - pad - size.height}};
    Box best;
    int best_covered = -1;
    for (Point c : corners) {
        const Box b = grown(Box::from_xywh(c.x, c.y, size.width, size.height), pad);
        int covered = 0;
        for (const auto& m : markers) {
            const double reach = m.r * (1 + 2 * style.marker_max_shift);
            covered += b.intersects(
                           {m.true_x - reach, m.true_y - reach, m.true_x + reach, m.true_y + reach})
                           ? 1
                           : 0;
        }
        if (best_covered < 0 || covered < best_covered) {
            best = Box::from_xywh(c.x, c.y, size.width, size.height);
            best_covered = covered;
        }
    }
    return {text, font, style.legend_text, best};
}

/// What the inset of `target` showing `view` in `box` holds: the sites in the view not `taken`,
/// decluttered inside the box and named there like the main map's, with key numbers after
/// `earlier_keys`. `area` is the view in main-map pixels.
Content fill_inset(const Scene& main, const Target& target, const Box& view, const Box& box,
                   const Box& area, const std::vector<bool>& taken,
                   const std::vector<std::string>& earlier_keys) {
    Content content;
    InsetLayout& inset = content.layout;
    inset.name = target.name;
    inset.box = box;
    inset.area = area;
    inset.magnification = box.width() / area.width();
    const double k = box.width() / view.width();
    inset.transform = {view.min_x, view.max_y, k, box.min_x, box.min_y};

    Scene scene{
        main.request, main.style, main.measure, main.scale,          main.page, {},
        {},           {},         main.colors,  main.name_providers, main.font, main.pending_font};
    for (std::size_t i = 0; i < main.shown.size(); ++i) {
        if (taken[i] || !contains_point(view, main.shown[i]->projected))
            continue;
        content.members.push_back(static_cast<int>(i));
        scene.shown.push_back(main.shown[i]);
        MarkerLayout m = main.markers[i];
        const Point p = inset.transform.to_pixels(main.shown[i]->projected);
        m.x = m.true_x = p.x;
        m.y = m.true_y = p.y;
        m.key = 0;
        if (m.has_from) { // a moved site's older position, through the inset's view
            const Point from = inset.transform.to_pixels(main.shown[i]->from);
            m.from_x = from.x;
            m.from_y = from.y;
        }
        scene.markers.push_back(m);
        scene.rank.push_back(main.rank[i]);
    }
    // Inside the frame line.
    const Box frame = grown(box, -2 * main.scale);
    inset.caption =
        place_caption(target.caption, frame, scene.markers, main.style, main.scale, main.measure);
    std::vector<Box> blocked;
    if (!inset.caption.text.empty())
        blocked.push_back(grown(inset.caption.box, 2 * main.scale));
    const PlacerSettings placer = placer_settings(scene, frame, blocked);
    const DeclutterSettings settings =
        declutter_settings(main.style, main.scale, main.measure, frame);
    const bool use_key = main.request.key != KeyMode::never;
    const std::vector<bool> elsewhere(scene.shown.size(), false);

    // As on the main map: symbols named nowhere join their nearest neighbour, and the inset is
    // named again; the best round is kept.
    std::vector<Symbol> best_symbols;
    Naming best;
    auto missing = [](const Naming& n) {
        int unlabelled = 0;
        for (LabelOutcome o : n.outcome)
            unlabelled += o == LabelOutcome::keyed || o == LabelOutcome::unlabelled ? 1 : 0;
        return std::pair<int, int>{n.unnamed, unlabelled};
    };
    std::vector<std::vector<int>> together;
    const std::vector<int> places = same_places(scene.markers);
    for (int step = 0; step < inset_merge_steps; ++step) {
        std::vector<Symbol> symbols = declutter(scene.markers, settings, together, places);
        Naming naming = name_symbols(scene, symbols, placer, elsewhere, use_key, earlier_keys);
        const auto joined = naming.unnamed == 0
                                ? std::vector<std::vector<int>>{}
                                : nearest_neighbours(symbols, naming.unnamed_symbols);
        if (step == 0 || missing(naming) < missing(best)) {
            best = std::move(naming);
            best_symbols = std::move(symbols);
        }
        if (best.unnamed == 0 || joined.empty())
            break;
        for (const auto& group : joined)
            together.push_back(group);
    }
    MapLayout drawn;
    emit_symbols(scene, best_symbols, best.symbol_key, count_font(main.style, main.scale), drawn);
    inset.markers = std::move(drawn.markers);
    inset.aggregates = std::move(drawn.aggregates);
    sort_for_drawing(inset.markers);
    inset.labels = std::move(best.labels);
    for (LabelOutcome o : best.outcome)
        content.outcome.push_back(
            o == LabelOutcome::keyed || o == LabelOutcome::unlabelled ? o : LabelOutcome::inset);
    content.key_entries = std::move(best.key_entries);
    return content;
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
    const std::size_t width = static_cast<std::size_t>(columns_) + 1;
    sums_.assign(width * (static_cast<std::size_t>(rows_) + 1), 0);
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
    const std::size_t width = static_cast<std::size_t>(columns_) + 1;
    const auto at = [&](int r, int c) {
        return sums_[static_cast<std::size_t>(r) * width + static_cast<std::size_t>(c)];
    };
    const int land = at(r1, c1) - at(r0, c1) - at(r1, c0) + at(r0, c0);
    return static_cast<double>(land) / ((c1 - c0) * (r1 - r0));
}

std::vector<CrowdedArea> crowded_areas(const std::vector<const ProjectedSite*>& shown,
                                       const std::vector<MarkerLayout>& markers,
                                       const std::vector<int>& trial,
                                       const std::vector<bool>& taken, double link, double pad,
                                       const ViewTransform& to_px, TextSize max_span,
                                       const std::function<bool(const Box&)>& magnifiable,
                                       int min_sites, int min_struggling) {
    const std::size_t n = markers.size();
    if (n == 0 || !(link > 0))
        return {};
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
    // The view of a cluster: the sites' projected box, padded so edge sites keep room for
    // their labels, and no flatter or taller than 3:2.
    auto view_of = [&](const CrowdedArea& c) {
        Box sites;
        for (int i : c.sites)
            sites.expand(shown[static_cast<std::size_t>(i)]->projected);
        const double min_pad = pad / to_px.k; // to_px.k: pixels per projected unit
        const double pad_x = std::max(0.15 * sites.width(), min_pad);
        const double pad_y = std::max(0.15 * sites.height(), min_pad);
        double w = sites.width() + 2 * pad_x, h = sites.height() + 2 * pad_y;
        if (w > 1.5 * h)
            h = w / 1.5;
        if (h > 1.5 * w)
            w = h / 1.5;
        const Point centre = centre_of(sites);
        return Box{centre.x - w / 2, centre.y - h / 2, centre.x + w / 2, centre.y + h / 2};
    };
    std::vector<CrowdedArea> out;
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
        c.view = view_of(c);
        if (magnifiable && !magnifiable(c.view))
            continue;
        out.push_back(c);
    }
    // Most struggling sites first, then most sites, then the first site.
    std::stable_sort(out.begin(), out.end(), [](const CrowdedArea& a, const CrowdedArea& b) {
        return std::make_tuple(-a.struggling, -static_cast<long>(a.sites.size()), a.sites.front()) <
               std::make_tuple(-b.struggling, -static_cast<long>(b.sites.size()), b.sites.front());
    });
    return out;
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

namespace {

/// Every size a target could take, best first: sizes at which its sites are all named, then the
/// size its number of sites asks for, then larger, then smaller ones.
struct Plan {
    Box area;    ///< the target's view in main-map pixels
    Box visible; ///< the part of it inside the map frame; empty when none
    std::vector<SizeOption> options;
    double largest = 0; ///< the largest magnification the frame allows
};

/// Where one target went: the option taken (-1: none) and its box.
struct Placed {
    int option = -1;
    Box box;
};

/// The steps of layout_insets over one main map: plan each target's sizes, place the targets
/// (trying other orders when one is left out), look for an automatic inset, say why a target is
/// left out, and fill the placed insets. Holds the targets and plans between the steps.
class InsetPlanner {
public:
    InsetPlanner(const Scene& main, const LegendLayout& legend)
        : main_(main), legend_(legend), frame_(main.page.map_frame), line_(1.3 * main.font.size),
          edge_(0.5 * main.style.margin * main.scale), // from the frame's edge, as the legend
          gutter_(4 * main.scale),                     // free space kept around each inset
          reach_(std::hypot(frame_.width(), frame_.height())),
          land_(main.request.land
                    ? LandMask(*main.request.land, main.page.transform, frame_, 6 * main.scale)
                    : LandMask()),
          claimed_(main.shown.size(), false) {}

    /// The insets the request names, in its order; a site in two areas belongs to the first.
    void plan_requested() {
        for (const auto& r : main_.request.insets) {
            targets_.push_back({r.name, r.caption, r.view, {}, false});
            plans_.push_back(make_plan(targets_.back()));
            claim(r.view);
        }
        best_ = place_all(1);
    }

    void add_automatic_inset(Diagnostics& diagnostics);
    void explain_left_out(Diagnostics& diagnostics) const;
    InsetsResult fill(Diagnostics& diagnostics) const;

private:
    void claim(const Box& view) {
        for (std::size_t i = 0; i < main_.shown.size(); ++i)
            if (contains_point(view, main_.shown[i]->projected))
                claimed_[i] = true;
    }
    std::vector<Box> fixed_obstacles(double f) const;
    Plan make_plan(const Target& t) const;
    std::vector<Placed> place_in(const std::vector<int>& order, double f) const;
    std::vector<Placed> place_all(double f) const;
    bool magnifiable(const Box& view) const;

    const Scene& main_;
    const LegendLayout& legend_;
    const Box frame_;
    const double line_, edge_, gutter_, reach_;
    const LandMask land_;
    std::vector<Target> targets_;
    std::vector<Plan> plans_;
    std::vector<bool> claimed_; ///< per shown site: in the area of a target planned so far
    std::vector<Placed> best_;  ///< per target: where the best placement so far puts it
};

// Obstacles every inset avoids on a canvas `f` times this one's size (1: this canvas): the
// markers with room for a label line around them and the legend, which keep their pixel size
// while the frame grows.
std::vector<Box> InsetPlanner::fixed_obstacles(double f) const {
    std::vector<Box> out;
    for (const auto& m : main_.markers) {
        const double r = (m.r + line_) / f;
        out.push_back({m.x - r, m.y - r, m.x + r, m.y + r});
    }
    if (!legend_.box.empty()) {
        // The legend stays in its corner of the frame.
        const Box& l = legend_.box;
        const bool left = l.min_x - frame_.min_x < frame_.max_x - l.max_x;
        const bool top = l.min_y - frame_.min_y < frame_.max_y - l.max_y;
        const double ax = left ? frame_.min_x : frame_.max_x;
        const double ay = top ? frame_.min_y : frame_.max_y;
        const Box shrunk{ax + (l.min_x - ax) / f, ay + (l.min_y - ay) / f, ax + (l.max_x - ax) / f,
                         ay + (l.max_y - ay) / f};
        out.push_back(grown(shrunk, gutter_ / f));
    }
    return out;
}

// The sizes of `t` in order of preference, without the sites claimed by the targets before it.
Plan InsetPlanner::make_plan(const Target& t) const {
    const auto& shown = main_.shown;
    const ViewTransform& transform = main_.page.transform;
    Plan plan;
    plan.area = to_pixels(transform, t.view);
    plan.visible = {
        std::max(plan.area.min_x, frame_.min_x), std::max(plan.area.min_y, frame_.min_y),
        std::min(plan.area.max_x, frame_.max_x), std::min(plan.area.max_y, frame_.max_y)};
    if (!(plan.visible.width() > 0) || !(plan.visible.height() > 0)) {
        plan.visible = {};
        return plan;
    }
    int inside = 0;
    for (std::size_t i = 0; i < shown.size(); ++i)
        inside += !claimed_[i] && contains_point(t.view, shown[i]->projected) ? 1 : 0;
    const double wanted = base_share + share_per_site * inside;
    // Shares in order of preference: the one the site count asks for, larger, smaller.
    const int n_shares = static_cast<int>(std::size(size_shares));
    int start = n_shares - 1;
    for (int s = 0; s < n_shares; ++s)
        if (!(size_shares[s] > wanted && size_shares[s] * 0.8 >= wanted)) {
            start = s;
            break;
        }
    std::vector<int> shares{start};
    for (int s = start - 1; s >= 0; --s)
        shares.push_back(s);
    for (int s = start + 1; s < n_shares; ++s)
        shares.push_back(s);
    // An auto inset may widen its area: a landscape frame often fits where a square does not.
    std::vector<Box> views{t.view};
    if (t.automatic)
        for (double aspect : {4.0 / 3, 16.0 / 9}) {
            if (t.view.width() >= aspect * t.view.height())
                continue;
            Box v = t.view;
            const double grow = (aspect * v.height() - v.width()) / 2;
            v.min_x -= grow;
            v.max_x += grow;
            views.push_back(v);
        }
    for (int s : shares) {
        // At one share, the view that magnifies most first.
        std::vector<SizeOption> at_share;
        for (const Box& v : views) {
            SizeOption o;
            o.view = v;
            o.area = to_pixels(transform, v);
            std::tie(o.w, o.h) = inset_size(v, frame_, size_shares[s]);
            plan.largest = std::max(plan.largest, o.w / o.area.width());
            if (o.w / o.area.width() >= min_magnification)
                at_share.push_back(o);
        }
        std::stable_sort(at_share.begin(), at_share.end(),
                         [](const SizeOption& a, const SizeOption& b) {
                             return a.w / a.area.width() > b.w / b.area.width();
                         });
        for (auto& o : at_share) {
            o.rank = static_cast<int>(plan.options.size());
            plan.options.push_back(o);
        }
    }
    // A trial at each size, in a box at the frame's corner: what an inset names does not depend
    // on where its box goes.
    for (auto& o : plan.options) {
        const Content c =
            fill_inset(main_, t, o.view, Box::from_xywh(frame_.min_x, frame_.min_y, o.w, o.h),
                       o.area, claimed_, {});
        for (LabelOutcome out : c.outcome) {
            o.unnamed += out == LabelOutcome::unlabelled ? 1 : 0;
            o.unlabelled += out != LabelOutcome::inset ? 1 : 0;
        }
    }
    std::stable_sort(plan.options.begin(), plan.options.end(),
                     [](const SizeOption& a, const SizeOption& b) {
                         return std::tie(a.unnamed, a.unlabelled, a.rank) <
                                std::tie(b.unnamed, b.unlabelled, b.rank);
                     });
    return plan;
}

// Places the targets in `order` on a canvas `f` times this one: each takes its first size that
// finds a spot clear of the fixed obstacles, every target's area, and the insets placed before
// it.
std::vector<Placed> InsetPlanner::place_in(const std::vector<int>& order, double f) const {
    const std::vector<Box> fixed = fixed_obstacles(f);
    std::vector<Placed> placed(targets_.size());
    std::vector<Box> done;
    for (int ti : order) {
        const Plan& plan = plans_[static_cast<std::size_t>(ti)];
        for (std::size_t o = 0; o < plan.options.size(); ++o) {
            const SizeOption& option = plan.options[o];
            std::vector<Box> obstacles = fixed;
            for (std::size_t a = 0; a < targets_.size(); ++a) {
                const Placed& p = placed[a];
                const Box& area = static_cast<int>(a) == ti ? option.area
                                  : p.option >= 0
                                      ? plans_[a].options[static_cast<std::size_t>(p.option)].area
                                      : plans_[a].area;
                obstacles.push_back(grown(area, gutter_ / f));
            }
            for (const Box& d : done)
                obstacles.push_back(grown(d, 2 * gutter_ / f));
            const auto spot =
                choose_spot(candidate_spots(frame_, edge_ / f, option.w, option.h), option.w,
                            option.h, obstacles, land_, centre_of(plan.visible), reach_);
            if (!spot)
                continue;
            placed[static_cast<std::size_t>(ti)] = {static_cast<int>(o), *spot};
            done.push_back(*spot);
            break;
        }
    }
    return placed;
}

// The order asked for first; when it leaves out an inset that has sizes to try, every other
// order: the one that places most, at the best sizes, wins.
std::vector<Placed> InsetPlanner::place_all(double f) const {
    auto count = [](const std::vector<Placed>& placed) {
        return std::count_if(placed.begin(), placed.end(),
                             [](const Placed& p) { return p.option >= 0; });
    };
    auto options_taken = [](const std::vector<Placed>& placed) {
        int sum = 0;
        for (const auto& p : placed)
            sum += std::max(p.option, 0);
        return sum;
    };
    std::vector<int> order(targets_.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<Placed> best = place_in(order, f);
    const auto placeable = std::count_if(plans_.begin(), plans_.end(),
                                         [](const Plan& p) { return !p.options.empty(); });
    if (count(best) == placeable || targets_.size() > max_permuted_insets)
        return best;
    while (std::next_permutation(order.begin(), order.end())) {
        auto placed = place_in(order, f);
        if (count(placed) > count(best) ||
            (count(placed) == count(best) && options_taken(placed) < options_taken(best)))
            best = std::move(placed);
    }
    return best;
}

// Whether an inset of `view` can magnify it enough, at the largest size and widest shape it may
// take.
bool InsetPlanner::magnifiable(const Box& view) const {
    double largest = 0;
    for (double aspect : {0.0, 4.0 / 3, 16.0 / 9}) {
        Box v = view;
        const double grow = std::max(0.0, (aspect * v.height() - v.width()) / 2);
        v.min_x -= grow;
        v.max_x += grow;
        const double w = inset_size(v, frame_, size_shares[0]).first;
        largest = std::max(largest, w / to_pixels(main_.page.transform, v).width());
    }
    return largest >= min_magnification;
}

// `--inset auto`: markers closer than three label lines form a cluster; clusters too spread out
// for an inset are split by joining only closer markers. The most crowded cluster, at any of
// these distances, whose inset finds a place is taken.
void InsetPlanner::add_automatic_inset(Diagnostics& diagnostics) {
    std::vector<Box> blocked;
    if (!legend_.box.empty())
        blocked.push_back(legend_.box);
    const auto trial = trial_outcomes(main_, blocked);
    std::vector<CrowdedArea> candidates;
    for (double lines : {3.0, 2.0, 1.5, 1.0})
        for (auto& c : crowded_areas(main_.shown, main_.markers, trial, claimed_, lines * line_,
                                     line_, main_.page.transform,
                                     {max_width_share / min_magnification * frame_.width(),
                                      max_height_share / min_magnification * frame_.height()},
                                     [this](const Box& view) { return magnifiable(view); }))
            candidates.push_back(std::move(c));
    // Across link distances too, the cluster with most struggling sites first; a cluster found
    // at two distances is tried once.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const CrowdedArea& a, const CrowdedArea& b) {
                         return std::make_pair(a.struggling, a.sites.size()) >
                                std::make_pair(b.struggling, b.sites.size());
                     });
    candidates.erase(
        std::unique(candidates.begin(), candidates.end(),
                    [](const CrowdedArea& a, const CrowdedArea& b) { return a.sites == b.sites; }),
        candidates.end());
    if (candidates.empty())
        diagnostics.note("--inset auto: no small area is crowded enough to need an inset");
    const std::vector<Placed> without = best_;
    auto add = [&](const CrowdedArea& c) {
        const LonLatBox b = lonlat_box(main_.shown, c.sites);
        targets_.push_back(
            {"auto", box_caption(b.west, b.south, b.east, b.north), c.view, c.sites, true});
        plans_.push_back(make_plan(targets_.back()));
        best_ = place_all(1);
    };
    for (std::size_t k = 0; k < candidates.size() && k < max_auto_candidates; ++k) {
        add(candidates[k]);
        if (best_.back().option >= 0)
            return;
        targets_.pop_back();
        plans_.pop_back();
        best_ = without;
    }
    // When none finds a place, the most crowded one's warning says why.
    if (!candidates.empty())
        add(candidates.front());
}

// Why each target left out is left out, in the order asked for.
void InsetPlanner::explain_left_out(Diagnostics& diagnostics) const {
    for (std::size_t ti = 0; ti < targets_.size(); ++ti) {
        const Target& t = targets_[ti];
        const Plan& plan = plans_[ti];
        if (best_[ti].option >= 0)
            continue;
        if (plan.visible.empty()) {
            diagnostics.warn("inset " + t.name +
                             " lies outside the map's extent and is left out (widen --extent)");
            continue;
        }
        if (plan.options.empty()) {
            diagnostics.warn("inset " + t.name + " would not magnify its area " +
                             times(min_magnification) +
                             " and is left out: the map already shows it so large that the "
                             "largest inset the frame allows would magnify it " +
                             times(plan.largest) + " (give a smaller area, or a wider --extent)");
            continue;
        }
        // Which larger canvas would fit it: the frame grows while markers, label room and
        // legend keep their pixel size.
        std::string fits;
        for (double f : larger_canvases) {
            if (place_all(f)[ti].option < 0)
                continue;
            const double width = std::ceil(main_.page.width / main_.scale * f / 100) * 100;
            fits = "; a canvas " + degrees(width) + " px wide would fit it (--width " +
                   degrees(width) + ")";
            break;
        }
        if (fits.empty())
            fits = "; not even on a canvas " +
                   degrees(larger_canvases[std::size(larger_canvases) - 1]) +
                   " times as wide: give a smaller area or fewer insets";
        diagnostics.warn("inset " + t.name +
                         " finds no place on the map that hides no site and is left out: every "
                         "spot where it would magnify its area " +
                         times(min_magnification) +
                         " covers a site, the legend, another inset or an inset's area" + fits);
    }
}

// The insets' content, in the order asked for: a site in two areas goes to the first.
InsetsResult InsetPlanner::fill(Diagnostics& diagnostics) const {
    const auto& shown = main_.shown;
    InsetsResult result;
    result.inset_of.assign(shown.size(), -1);
    result.outcome.assign(shown.size(), LabelOutcome::unlabelled);
    std::vector<bool> taken(shown.size(), false);
    for (std::size_t ti = 0; ti < targets_.size(); ++ti) {
        const Target& t = targets_[ti];
        if (best_[ti].option < 0)
            continue;
        const SizeOption& option = plans_[ti].options[static_cast<std::size_t>(best_[ti].option)];
        Content c = fill_inset(main_, t, option.view, best_[ti].box, option.area, taken,
                               result.key_entries);
        const int index = static_cast<int>(result.insets.size());
        for (std::size_t k = 0; k < c.members.size(); ++k) {
            const auto u = static_cast<std::size_t>(c.members[k]);
            taken[u] = true;
            result.inset_of[u] = index;
            result.outcome[u] = c.outcome[k];
        }
        result.key_entries = std::move(c.key_entries);
        if (t.automatic)
            diagnostics.note("--inset auto: added an inset of " + std::to_string(c.members.size()) +
                             " crowded sites around " + named_sites(shown, c.members) +
                             " (magnified " + times(c.layout.magnification) +
                             "); to keep it, write --inset " +
                             lonlat_box_text(lonlat_box(shown, c.members)));
        result.blocked.push_back(grown(c.layout.box, gutter_));
        result.insets.push_back(std::move(c.layout));
    }
    return result;
}

} // namespace

InsetsResult layout_insets(const Scene& main, const LegendLayout& legend,
                           Diagnostics& diagnostics) {
    if (main.request.insets.empty() && !main.request.auto_inset) {
        InsetsResult none;
        none.inset_of.assign(main.shown.size(), -1);
        none.outcome.assign(main.shown.size(), LabelOutcome::unlabelled);
        return none;
    }
    InsetPlanner planner(main, legend);
    planner.plan_requested();
    if (main.request.auto_inset)
        planner.add_automatic_inset(diagnostics);
    planner.explain_left_out(diagnostics);
    return planner.fill(diagnostics);
}

} // namespace dcmap::layout::detail
