#include "layout/label_placer.hpp"

#include "layout/segments.hpp"
#include "layout/spatial_grid.hpp"

#include <array>
#include <cmath>

namespace dcmap::layout::detail {

namespace {

/// Where a label sits relative to its marker, per axis (y down): -1 or +1 puts the label's
/// near edge at the given distance on that side, 0 centres it on the marker, values between
/// slide it part of the way.
struct Direction {
    double fx, fy;
};

// Cartographic preference: right, upper-right, lower-right, left, upper-left, lower-left, above,
// below.
constexpr std::array<Direction, 8> preferred_directions{
    {{1, 0}, {1, -1}, {1, 1}, {-1, 0}, {-1, -1}, {-1, 1}, {0, -1}, {0, 1}}};

// Further out there is more room, so displaced labels also try the directions in between.
constexpr std::array<Direction, 8> in_between_directions{{{1, -0.5},
                                                          {1, 0.5},
                                                          {-1, -0.5},
                                                          {-1, 0.5},
                                                          {0.5, -1},
                                                          {-0.5, -1},
                                                          {0.5, 1},
                                                          {-0.5, 1}}};

// Displaced positions sit at these multiples of the normal distance from the marker centre;
// further out than 4x a label stops reading as belonging to its marker.
constexpr std::array<double, 3> leader_distances{2.0, 3.0, 4.0};

/// Something labels must avoid: a box (marker, label) or a segment (leader line).
struct Obstacle {
    Box box;
    Point a, b;
    bool is_segment = false;
    int owner_marker = -1;  ///< the marker a marker box belongs to; -1 for labels and leaders
};

/// The label box in direction `dir`, keeping `clearance` pixels from the marker's box on every
/// axis where |f| = 1; each direction has one, so no candidate ever overlaps its own marker.
Box candidate_box(const MarkerDisc& m, Direction dir, double clearance, TextSize size) {
    const double reach = m.r + clearance;
    const double centre_x = m.centre.x + dir.fx * (reach + size.width / 2);
    const double centre_y = m.centre.y + dir.fy * (reach + size.height / 2);
    return Box::from_xywh(centre_x - size.width / 2, centre_y - size.height / 2, size.width,
                          size.height);
}

Box inflate(const Box& b, double d) { return {b.min_x - d, b.min_y - d, b.max_x + d, b.max_y + d}; }

class Placer {
public:
    Placer(const std::vector<MarkerDisc>& markers, const PlacerSettings& settings)
        : markers_(markers), settings_(settings), grid_(settings.canvas, settings.cell) {
        for (int i = 0; i < static_cast<int>(markers.size()); ++i)
            add({markers[static_cast<std::size_t>(i)].box(), {}, {}, false, i});
    }

    std::optional<LabelLayout> place(const LabelRequest& request) {
        const MarkerDisc& marker = markers_[static_cast<std::size_t>(request.marker)];
        for (Direction dir : preferred_directions) {
            const Box box = candidate_box(marker, dir, settings_.gap, request.size);
            if (box_is_free(box)) return accept(request, box, std::nullopt);
        }
        for (double factor : leader_distances) {
            const double clearance = factor * (marker.r + settings_.gap) - marker.r;
            for (const auto* directions : {&preferred_directions, &in_between_directions}) {
                for (Direction dir : *directions) {
                    if (auto label = try_with_leader(request, marker, dir, clearance)) return label;
                }
            }
        }
        return std::nullopt;
    }

private:
    std::optional<LabelLayout> try_with_leader(const LabelRequest& request,
                                               const MarkerDisc& marker, Direction dir,
                                               double clearance) {
        const Box box = candidate_box(marker, dir, clearance, request.size);
        if (!box_is_free(box)) return std::nullopt;
        const auto [from, to] = leader_ends(marker, box);
        if (!leader_is_free(from, to, request.marker)) return std::nullopt;
        return accept(request, box, std::array<Point, 2>{from, to});
    }

    void add(const Obstacle& obstacle) {
        obstacles_.push_back(obstacle);
        const Box bounds =
            obstacle.is_segment ? segment_bounds(obstacle.a, obstacle.b) : obstacle.box;
        grid_.insert(static_cast<int>(obstacles_.size()) - 1, bounds);
    }

    bool box_is_free(const Box& box) {
        if (!settings_.frame.contains(box)) return false;
        for (const Box& blocked : settings_.blocked)
            if (box.intersects(blocked)) return false;
        return !grid_.any_near(box, [&](int item) {
            const Obstacle& o = obstacles_[static_cast<std::size_t>(item)];
            return o.is_segment ? segment_crosses_box(o.a, o.b, box) : box.intersects(o.box);
        });
    }

    bool leader_is_free(Point from, Point to, int own_marker) {
        for (const Box& blocked : settings_.blocked)
            if (segment_crosses_box(from, to, blocked)) return false;
        return !grid_.any_near(segment_bounds(from, to), [&](int item) {
            const Obstacle& o = obstacles_[static_cast<std::size_t>(item)];
            if (o.is_segment) return segments_cross(from, to, o.a, o.b);
            return o.owner_marker != own_marker && segment_crosses_box(from, to, o.box);
        });
    }

    /// From the marker's edge towards the nearest point of the label box, ending on the box.
    static std::pair<Point, Point> leader_ends(const MarkerDisc& marker, const Box& box) {
        const Point to = nearest_point_on_box(box, marker.centre);
        const double dx = to.x - marker.centre.x;
        const double dy = to.y - marker.centre.y;
        const double length = std::hypot(dx, dy);
        const Point from{marker.centre.x + dx / length * marker.r,
                         marker.centre.y + dy / length * marker.r};
        return {from, to};
    }

    LabelLayout accept(const LabelRequest& request, const Box& box,
                       std::optional<std::array<Point, 2>> leader) {
        LabelLayout label;
        label.id = request.id;
        label.text = request.text;
        label.box = box;
        add({inflate(box, settings_.pad), {}, {}, false, -1});
        if (leader) {
            label.has_leader = true;
            label.leader_from = (*leader)[0];
            label.leader_to = (*leader)[1];
            add({{}, label.leader_from, label.leader_to, true, -1});
        }
        return label;
    }

    const std::vector<MarkerDisc>& markers_;
    const PlacerSettings& settings_;
    SpatialGrid grid_;
    std::vector<Obstacle> obstacles_;
};

} // namespace

std::vector<std::optional<LabelLayout>> place_labels(const std::vector<LabelRequest>& requests,
                                                     const std::vector<MarkerDisc>& markers,
                                                     const PlacerSettings& settings) {
    Placer placer(markers, settings);
    std::vector<std::optional<LabelLayout>> placed;
    placed.reserve(requests.size());
    for (const auto& request : requests) placed.push_back(placer.place(request));
    return placed;
}

} // namespace dcmap::layout::detail
