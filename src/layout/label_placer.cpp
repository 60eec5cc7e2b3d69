#include "layout/label_placer.hpp"

#include "layout/segments.hpp"
#include "layout/spatial_grid.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <limits>

namespace dcmap::layout::detail {

namespace {

/// Where a label sits relative to its anchor, per axis (y down): -1 or +1 puts the label's
/// near edge at the given distance on that side, 0 centres it on the anchor, values between
/// slide it part of the way.
struct Direction {
    double fx, fy;
};

// Cartographic preference: right, upper-right, lower-right, left, upper-left, lower-left, above,
// below.
constexpr std::array<Direction, 8> preferred_directions{
    {{1, 0}, {1, -1}, {1, 1}, {-1, 0}, {-1, -1}, {-1, 1}, {0, -1}, {0, 1}}};

// Further out there is more room, so displaced labels also try the directions in between.
constexpr std::array<Direction, 8> in_between_directions{
    {{1, -0.5}, {1, 0.5}, {-1, -0.5}, {-1, 0.5}, {0.5, -1}, {-0.5, -1}, {0.5, 1}, {-0.5, 1}}};

// Displaced positions sit at these multiples of the normal distance from the anchor centre;
// further out than 4x a label stops reading as belonging to its marker.
constexpr std::array<double, 7> leader_distances{2.0, 3.0, 4.0, 5.5, 7.0, 9.0, 12.0};

// Leaders at the first this many distances read better than a near label that sits closer to
// another marker than to its own.
constexpr std::size_t short_leaders = 2;

/// How plainly a near position reads as its own marker's.
enum class Clarity : std::uint8_t {
    clear, ///< every other marker is at least a gap further away than its own
    close, ///< another marker is about as near as its own
    tied,  ///< another marker is within half a gap of as near: a short leader reads better
    wrong  ///< another marker is nearer than its own: the label reads as that marker's
};

/// A position a label may take.
struct Candidate {
    Box box;
    bool leader = false;
    bool short_text = false;
    Clarity clarity = Clarity::clear; ///< of a near position: how plainly it reads as its own
    Point from, to;                   ///< leader ends, when `leader`
    int ordinal = 0;                  ///< its place in the request's sequence of candidates
};

/// The most candidates one request visits: 16 near positions and 2 x 7 x 16 leader positions.
constexpr std::size_t max_candidates = 256;

/// Something labels must avoid: a box (marker, label) or a segment (leader line).
struct Obstacle {
    Box box;
    Point a, b;
    bool is_segment = false;
    int owner_marker = -1; ///< the marker a marker box belongs to; -1 for labels and leaders
    int owner_label = -1;  ///< the request a label box or leader belongs to; -1 for markers
    bool removed = false;  ///< set when the repair pass moves its label away
};

/// The label box in direction `dir`, keeping `clearance` pixels from the anchor's box on every
/// axis where |f| = 1, so no candidate ever overlaps its own anchor. On a diagonal the box's
/// near corner keeps `clearance` from the disc itself (the box may overlap the disc's bounding
/// square, never the disc; markers block labels as discs): held off the disc's
/// bounding box instead, it sat 0.41 radii further out, and beside a large aggregate a label or
/// key number there read as nobody's.
Box candidate_box(const MarkerDisc& m, Direction dir, double clearance, TextSize size) {
    const bool diagonal = std::abs(dir.fx) == 1 && std::abs(dir.fy) == 1;
    const double reach = diagonal ? (m.r + clearance) * std::sqrt(0.5) : m.r + clearance;
    const double centre_x = m.centre.x + dir.fx * (reach + size.width / 2);
    const double centre_y = m.centre.y + dir.fy * (reach + size.height / 2);
    return Box::from_xywh(centre_x - size.width / 2, centre_y - size.height / 2, size.width,
                          size.height);
}

Box inflate(const Box& b, double d) { return {b.min_x - d, b.min_y - d, b.max_x + d, b.max_y + d}; }

/// `b` made `d` wider at each end (none when `d` is not positive): labels on one line, and
/// leaders by a label's ends, keep more room than the padding above and below.
Box widened(Box b, double d) {
    d = std::max(d, 0.0);
    b.min_x -= d;
    b.max_x += d;
    return b;
}

double distance_to_box(const Box& box, Point p) {
    const Point q = nearest_point_on_box(box, p);
    return std::sqrt((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y));
}

/// From the anchor's edge towards the nearest point of the label box, ending on the box.
std::pair<Point, Point> leader_ends(const MarkerDisc& anchor, const Box& box) {
    const Point to = nearest_point_on_box(box, anchor.centre);
    const double dx = to.x - anchor.centre.x;
    const double dy = to.y - anchor.centre.y;
    const double length = std::sqrt(dx * dx + dy * dy);
    const Point from{anchor.centre.x + dx / length * anchor.r,
                     anchor.centre.y + dy / length * anchor.r};
    return {from, to};
}

class Placer {
public:
    Placer(const std::vector<LabelRequest>& requests, const std::vector<MarkerDisc>& markers,
           const PlacerSettings& settings)
        : requests_(requests), markers_(markers), settings_(settings),
          grid_(settings.canvas, settings.cell), placed_(requests.size()),
          ruled_out_(requests.size()) {
        for (int i = 0; i < static_cast<int>(markers.size()); ++i)
            add({markers[static_cast<std::size_t>(i)].box(), {}, {}, false, i, -1, false});
    }

    /// Adds a request after the others; returns its index.
    int add_request(LabelRequest request) {
        requests_.push_back(std::move(request));
        placed_.emplace_back();
        ruled_out_.emplace_back();
        return count() - 1;
    }

    bool is_placed(int u) const { return placed_[static_cast<std::size_t>(u)].has_value(); }

    int marker_of(int u) const { return requests_[static_cast<std::size_t>(u)].marker; }

    /// Request `u` takes its best free candidate, when it has one.
    bool place(int u) { return place_best_free(u); }

    /// Every request in order takes its best free candidate.
    void place_greedily() {
        for (int u = 0; u < count(); ++u)
            place_best_free(u);
    }

    /// For each request left out, in order: find a candidate blocked only by one or two placed
    /// labels, take it, and move those labels elsewhere; undo when they find no other place.
    void repair() {
        const long budget = std::max(static_cast<long>(settings_.repair_budget) * count(),
                                     static_cast<long>(settings_.repair_budget_floor));
        checks_ = 0;
        for (int u = 0; u < count() && checks_ < budget; ++u) {
            if (placed_[static_cast<std::size_t>(u)])
                continue;
            for_each_candidate(u, [&](const Candidate& c) {
                if (checks_ >= budget)
                    return true;
                std::vector<int> blockers;
                if (!only_labels_block(u, c, blockers) || blockers.size() > 2)
                    return false;
                if (blockers.empty()) {
                    accept(u, c); // an earlier repair freed this spot
                    return true;
                }
                return try_evicting(u, c, blockers);
            });
        }
    }

    std::vector<std::optional<LabelLayout>> result() const {
        std::vector<std::optional<LabelLayout>> out(requests_.size());
        for (std::size_t u = 0; u < requests_.size(); ++u) {
            const auto& p = placed_[u];
            if (!p)
                continue;
            const LabelRequest& request = requests_[u];
            LabelLayout label;
            label.id = request.id;
            label.text = p->candidate.short_text ? request.short_text : request.text;
            label.box = p->candidate.box;
            if (request.member_ids.size() > 1)
                label.members = request.member_ids;
            label.has_leader = p->candidate.leader;
            if (label.has_leader) {
                label.leader_from = p->candidate.from;
                label.leader_to = p->candidate.to;
            }
            out[u] = label;
        }
        return out;
    }

private:
    struct Placement {
        Candidate candidate;
        std::vector<int> obstacles;
    };

    int count() const { return static_cast<int>(requests_.size()); }

    MarkerDisc anchor(int u) const {
        const LabelRequest& r = requests_[static_cast<std::size_t>(u)];
        return r.anchor ? *r.anchor : markers_[static_cast<std::size_t>(r.marker)];
    }

    bool is_own(int u, int marker) const {
        const LabelRequest& r = requests_[static_cast<std::size_t>(u)];
        if (r.members.empty())
            return marker == r.marker;
        return std::find(r.members.begin(), r.members.end(), marker) != r.members.end();
    }

    /// Calls `visit(candidate)` for the candidates of request `u`, best first, until it returns
    /// true; returns whether one did. Order: near positions that read clearly as the anchor's,
    /// the same with a grouped label's short text, near positions about as near another marker
    /// (full text, then short), short leaders, near positions within half a gap of as near
    /// another marker, then (with `ambiguous_near`) near positions closer to another marker,
    /// then long leaders, then leaders with the short text. Leader positions are many, so they
    /// are made one at a time.
    template <class Visit> bool for_each_candidate(int u, Visit visit_numbered) {
        const LabelRequest& r = requests_[static_cast<std::size_t>(u)];
        // Numbered in visiting order, which depends on the request alone.
        int next_ordinal = 0;
        auto visit = [&](Candidate& c) {
            c.ordinal = next_ordinal++;
            return visit_numbered(static_cast<const Candidate&>(c));
        };
        const MarkerDisc a = anchor(u);
        const bool has_short = !r.short_text.empty();
        using Near = std::array<Candidate, preferred_directions.size()>;
        // How clearly a near position reads is asked on its first visit: most labels take one
        // of their first positions, and the question is a grid search.
        using Asked = std::array<bool, preferred_directions.size()>;
        auto make_near = [&](TextSize size, bool short_text) {
            Near near;
            for (std::size_t i = 0; i < near.size(); ++i) {
                Candidate& c = near[i];
                c.box = candidate_box(a, preferred_directions[i], settings_.gap, size);
                c.short_text = short_text;
            }
            return near;
        };
        Near near_full = make_near(r.size, false);
        Near near_short = has_short ? make_near(r.short_size, true) : Near{};
        Asked asked_full{}, asked_short{};
        auto near = [&](Near& near, Asked& asked, Clarity clarity) {
            for (std::size_t i = 0; i < near.size(); ++i) {
                Candidate& c = near[i];
                if (!asked[i]) {
                    c.clarity = settings_.avoid_ambiguity && settings_.frame.contains(c.box)
                                    ? clarity_of(u, a, c.box)
                                    : Clarity::clear;
                    asked[i] = true;
                }
                if (c.clarity == clarity && visit(c))
                    return true;
            }
            return false;
        };
        auto leaders = [&](TextSize size, bool short_text, std::size_t from, std::size_t to) {
            for (std::size_t f = from; f < to && f < leader_distances.size(); ++f) {
                const double clearance = leader_distances[f] * (a.r + settings_.gap) - a.r;
                for (const auto* directions : {&preferred_directions, &in_between_directions}) {
                    for (Direction dir : *directions) {
                        Candidate c;
                        c.box = candidate_box(a, dir, clearance, size);
                        if (!settings_.frame.contains(c.box))
                            continue;
                        c.leader = true;
                        c.short_text = short_text;
                        std::tie(c.from, c.to) = leader_ends(a, c.box);
                        if (visit(c))
                            return true;
                    }
                }
            }
            return false;
        };
        const std::size_t all = std::min(leader_distances.size(), settings_.leader_steps);
        if (r.number)
            return near(near_full, asked_full, Clarity::clear) || leaders(r.size, false, 0, all);
        return near(near_full, asked_full, Clarity::clear) ||
               (has_short && near(near_short, asked_short, Clarity::clear)) ||
               near(near_full, asked_full, Clarity::close) ||
               (has_short && near(near_short, asked_short, Clarity::close)) ||
               leaders(r.size, false, 0, std::min(short_leaders, all)) ||
               near(near_full, asked_full, Clarity::tied) ||
               (has_short && near(near_short, asked_short, Clarity::tied)) ||
               (settings_.ambiguous_near && near(near_full, asked_full, Clarity::wrong)) ||
               (settings_.ambiguous_near && has_short &&
                near(near_short, asked_short, Clarity::wrong)) ||
               leaders(r.size, false, short_leaders, all) ||
               (has_short && leaders(r.short_size, true, 0, all));
    }

    /// How far `box` is from the nearest edge of a marker request `u` names. A grouped label
    /// sits around a disc enclosing its members, but a reader measures from the markers.
    double own_distance(int u, const MarkerDisc& a, const Box& box) const {
        const LabelRequest& r = requests_[static_cast<std::size_t>(u)];
        if (r.members.empty())
            return distance_to_box(box, a.centre) - a.r;
        double nearest = std::numeric_limits<double>::infinity();
        for (int member : r.members) {
            const MarkerDisc& m = markers_[static_cast<std::size_t>(member)];
            nearest = std::min(nearest, distance_to_box(box, m.centre) - m.r);
        }
        return nearest;
    }

    /// How plainly `box` reads as the label of request `u`: by how much further the nearest
    /// other marker is than the label's own markers. Readers pair a label with the nearest
    /// marker, and hesitate where two are about as near. A marker level with either end of
    /// the text counts at half its distance: a name beside a dot on its line reads as that
    /// dot's, the way labels are set ("Chennai" off its own marker's corner, 7 px from a disc
    /// on its line, read as the disc's). Within half a gap of as near ("Dubai area" 3.0 px from
    /// its disc and 3.2 px from Riyadh's), a short leader reads better.
    Clarity clarity_of(int u, const MarkerDisc& a, const Box& box) {
        const double own = own_distance(u, a, box);
        const double clear = own + settings_.gap;
        Clarity clarity = Clarity::clear;
        grid_.any_near(inflate(box, 2 * clear + settings_.gap), [&](int item) {
            const Obstacle& o = obstacles_[static_cast<std::size_t>(item)];
            if (o.owner_marker < 0 || is_own(u, o.owner_marker))
                return false;
            const MarkerDisc& m = markers_[static_cast<std::size_t>(o.owner_marker)];
            const double other = distance_to_box(box, m.centre) - m.r;
            const bool level = m.centre.y >= box.min_y && m.centre.y <= box.max_y &&
                               (m.centre.x < box.min_x || m.centre.x > box.max_x);
            if (other < own)
                clarity = Clarity::wrong;
            else if (other < own + settings_.gap / 2)
                clarity = Clarity::tied;
            else if (clarity != Clarity::tied && (other < clear || (level && other / 2 < clear)))
                clarity = Clarity::close;
            return clarity == Clarity::wrong;
        });
        return clarity;
    }

    /// True when the label of leader candidate `c` comes nearer to another marker than the
    /// leader clearance, or than its own markers where they are nearer.
    bool crowds_other_marker(int u, const Candidate& c) {
        const double own = own_distance(u, anchor(u), c.box);
        const double limit = std::min(own, settings_.leader_clearance);
        return grid_.any_near(inflate(c.box, limit), [&](int item) {
            const Obstacle& o = obstacles_[static_cast<std::size_t>(item)];
            if (o.owner_marker < 0 || is_own(u, o.owner_marker))
                return false;
            const MarkerDisc& m = markers_[static_cast<std::size_t>(o.owner_marker)];
            return distance_to_box(c.box, m.centre) - m.r < limit;
        });
    }

    bool place_best_free(int u) {
        return for_each_candidate(u, [&](const Candidate& c) {
            if (!is_free(u, c))
                return false;
            accept(u, c);
            return true;
        });
    }

    bool is_free(int u, const Candidate& c) {
        std::vector<int> blockers;
        return only_labels_block(u, c, blockers, true) && blockers.empty();
    }

    /// False when the frame, a blocked area or a marker rules `c` out; otherwise fills
    /// `blockers` with the placed labels in its way (sorted). With `stop_at_first`, returns as
    /// soon as one blocker is known.
    bool only_labels_block(int u, const Candidate& c, std::vector<int>& blockers,
                           bool stop_at_first = false) {
        ++checks_;
        // What rules a candidate out for good (the frame, a blocked area, a marker) never
        // changes while labels come and go, so a candidate ruled out once is not tested again:
        // the repair pass revisits the same candidates many times.
        auto& ruled_out = ruled_out_[static_cast<std::size_t>(u)];
        const auto ordinal = static_cast<std::size_t>(c.ordinal);
        if (ordinal < max_candidates && ruled_out.test(ordinal))
            return false;
        if (!fixed_free(u, c, blockers, stop_at_first)) {
            if (ordinal < max_candidates)
                ruled_out.set(ordinal);
            return false;
        }
        std::sort(blockers.begin(), blockers.end());
        return true;
    }

    /// only_labels_block without the memo: false when something fixed rules `c` out.
    bool fixed_free(int u, const Candidate& c, std::vector<int>& blockers, bool stop_at_first) {
        if (!settings_.frame.contains(c.box))
            return false;
        for (const Box& blocked : settings_.blocked) {
            if (c.box.intersects(blocked))
                return false;
            if (c.leader && segment_crosses_box(c.from, c.to, blocked))
                return false;
        }
        if (c.leader && settings_.leader_clearance > 0 && crowds_other_marker(u, c))
            return false;
        bool fixed = false;
        auto note = [&](const Obstacle& o) {
            if (o.owner_label < 0) {
                fixed = true;
                return true;
            }
            if (std::find(blockers.begin(), blockers.end(), o.owner_label) == blockers.end())
                blockers.push_back(o.owner_label);
            return stop_at_first;
        };
        // Another label's leader keeps the padding a label keeps, and half an em from its ends
        // (a placed label keeps a whole em from leaders placed after it): one passed 0.5 px
        // from a label placed after it, and another 1.8 px from a label's end, which then read
        // as that leader's. A whole em here sent 9% more sites to the key.
        const Box padded = inflate(c.box, settings_.pad);
        const Box padded_ends = widened(padded, settings_.pad_x / 2 - settings_.pad);
        grid_.any_near(padded_ends, [&](int item) {
            const Obstacle& o = obstacles_[static_cast<std::size_t>(item)];
            if (o.removed)
                return false;
            bool hit = false;
            if (o.is_segment) {
                hit = segment_crosses_box(o.a, o.b, padded_ends);
            } else if (o.owner_marker >= 0) {
                // A marker is a disc: a label may sit by its bounding square's corner, as the
                // diagonal positions hug their own; another's disc keeps the label padding.
                const MarkerDisc& m = markers_[static_cast<std::size_t>(o.owner_marker)];
                const double keep = is_own(u, o.owner_marker) ? 0.0 : settings_.pad;
                hit = distance_to_box(c.box, m.centre) < m.r + keep;
            } else {
                hit = c.box.intersects(o.box);
            }
            return hit && note(o);
        });
        if (fixed)
            return false;
        if (c.leader && !(stop_at_first && !blockers.empty())) {
            grid_.any_near(inflate(segment_bounds(c.from, c.to), settings_.pad), [&](int item) {
                const Obstacle& o = obstacles_[static_cast<std::size_t>(item)];
                if (o.removed)
                    return false;
                bool hit = false;
                if (o.is_segment)
                    hit = segments_cross(c.from, c.to, o.a, o.b);
                else if (o.owner_marker >= 0 && !is_own(u, o.owner_marker))
                    // Past another marker a leader keeps the label padding: one grazing a
                    // marker reads as leading to it.
                    hit = segment_crosses_box(c.from, c.to, inflate(o.box, settings_.pad));
                else if (o.owner_marker < 0)
                    hit = segment_crosses_box(c.from, c.to, o.box);
                return hit && note(o);
            });
            if (fixed)
                return false;
        }
        return true;
    }

    bool try_evicting(int u, const Candidate& c, const std::vector<int>& blockers) {
        std::vector<Candidate> previous;
        for (int b : blockers) {
            previous.push_back(placed_[static_cast<std::size_t>(b)]->candidate);
            remove(b);
        }
        accept(u, c);
        bool all_moved = true;
        for (int b : blockers) {
            if (!place_best_free(b)) {
                all_moved = false;
                break;
            }
        }
        if (all_moved)
            return true;
        remove(u);
        for (std::size_t i = 0; i < blockers.size(); ++i) {
            if (placed_[static_cast<std::size_t>(blockers[i])])
                remove(blockers[i]);
        }
        for (std::size_t i = 0; i < blockers.size(); ++i)
            accept(blockers[i], previous[i]);
        return false;
    }

    int add(const Obstacle& obstacle) {
        obstacles_.push_back(obstacle);
        const int item = static_cast<int>(obstacles_.size()) - 1;
        grid_.insert(item,
                     obstacle.is_segment ? segment_bounds(obstacle.a, obstacle.b) : obstacle.box);
        return item;
    }

    void accept(int u, const Candidate& c) {
        Placement p{c, {}};
        const Box kept = widened(inflate(c.box, settings_.pad), settings_.pad_x - settings_.pad);
        p.obstacles.push_back(add({kept, {}, {}, false, -1, u, false}));
        if (c.leader)
            p.obstacles.push_back(add({{}, c.from, c.to, true, -1, u, false}));
        placed_[static_cast<std::size_t>(u)] = std::move(p);
    }

    void remove(int u) {
        auto& p = placed_[static_cast<std::size_t>(u)];
        for (int item : p->obstacles)
            obstacles_[static_cast<std::size_t>(item)].removed = true;
        p.reset();
    }

    std::vector<LabelRequest> requests_;
    const std::vector<MarkerDisc>& markers_;
    const PlacerSettings& settings_;
    SpatialGrid grid_;
    std::vector<Obstacle> obstacles_;
    std::vector<std::optional<Placement>> placed_;
    std::vector<std::bitset<max_candidates>> ruled_out_; ///< by request, by candidate ordinal
    long checks_ = 0; ///< candidate checks so far in the repair pass
};

} // namespace

std::vector<std::optional<LabelLayout>> place_labels(const std::vector<LabelRequest>& requests,
                                                     const std::vector<MarkerDisc>& markers,
                                                     const PlacerSettings& settings) {
    Placer placer(requests, markers, settings);
    placer.place_greedily();
    if (settings.repair)
        placer.repair();
    return placer.result();
}

PlacedLabels place_labels(const std::vector<LabelRequest>& requests,
                          const std::vector<MarkerDisc>& markers, const PlacerSettings& settings,
                          const std::vector<std::vector<int>>& fallback_groups,
                          const MakeFallback& make_fallback) {
    Placer placer(requests, markers, settings);
    placer.place_greedily();
    if (settings.repair)
        placer.repair();
    std::vector<int> extra;
    for (const auto& group : fallback_groups) {
        std::vector<int> left;
        for (int u : group)
            if (!placer.is_placed(u))
                left.push_back(u);
        if (left.size() < 2)
            continue;
        std::sort(left.begin(), left.end());
        auto request = make_fallback(left);
        if (!request)
            continue;
        const int u = placer.add_request(std::move(*request));
        if (placer.place(u))
            extra.push_back(u);
    }
    auto all = placer.result();
    PlacedLabels out;
    out.labels.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(requests.size()));
    for (int u : extra)
        out.fallbacks.emplace_back(placer.marker_of(u), *all[static_cast<std::size_t>(u)]);
    return out;
}

LabelsAndKeys place_labels_or_key(const std::vector<LabelRequest>& requests,
                                  const std::vector<MarkerDisc>& markers,
                                  const PlacerSettings& settings,
                                  const std::function<LabelRequest(int, int)>& make_key_label) {
    Placer placer(requests, markers, settings);
    placer.place_greedily();
    if (settings.repair)
        placer.repair();
    const int n = static_cast<int>(requests.size());
    std::vector<std::pair<int, int>> keyed; // request, its number label's request
    for (int u = 0; u < n; ++u) {
        if (placer.is_placed(u))
            continue;
        const int k = placer.add_request(make_key_label(u, static_cast<int>(keyed.size())));
        if (placer.place(k))
            keyed.emplace_back(u, k);
    }
    auto all = placer.result();
    LabelsAndKeys out;
    out.labels.assign(all.begin(), all.begin() + n);
    out.key_labels.resize(requests.size());
    for (const auto& [u, k] : keyed)
        out.key_labels[static_cast<std::size_t>(u)] = all[static_cast<std::size_t>(k)];
    return out;
}

} // namespace dcmap::layout::detail
