#pragma once
// Label placement around markers: candidate positions in a preference order, displaced positions
// with leader lines, a greedy pass in priority order and a repair pass that moves placed labels
// to make room for the ones left out.
#include "layout/layout.hpp"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dcmap::layout::detail {

/// A marker as the placer sees it: an obstacle and an anchor.
struct MarkerDisc {
    Point centre;
    double r = 0;
    /// The marker's bounding box.
    Box box() const { return {centre.x - r, centre.y - r, centre.x + r, centre.y + r}; }
};

/// One label to place. It names the markers in `members` (the first is `marker`) and sits around
/// `anchor`: the marker itself, or for a grouped label a disc around all its members.
struct LabelRequest {
    LabelRequest() = default;
    /// A single site's label next to marker number `marker`.
    LabelRequest(std::string id_, std::string text_, TextSize size_, int marker_)
        : id(std::move(id_)), text(std::move(text_)), size(size_), marker(marker_) {}

    std::string id;
    std::string text;
    TextSize size; ///< measured text size in pixels
    int marker = 0;
    std::vector<int> members;            ///< markers the label names; empty means just `marker`
    std::vector<std::string> member_ids; ///< ids of `members`, copied to the placed label
    std::optional<MarkerDisc> anchor;    ///< empty means markers[marker]
    /// A shorter text to try when `text` fits nowhere (grouped labels); empty when none.
    std::string short_text;
    TextSize short_size;
    /// A key number: a small box that a reader pairs with whichever disc it touches, so near
    /// positions must read clearly as its own marker's; otherwise it takes a leader.
    bool number = false;
};

struct PlacerSettings {
    Box canvas;               ///< bounds of the spatial index
    Box frame;                ///< labels and leaders stay inside it
    std::vector<Box> blocked; ///< legend, title, footer: nothing may touch them
    double gap = 3;           ///< pixels between a marker's box and its label
    double pad = 1.5;         ///< pixels kept free around every placed label
    /// Pixels kept free left and right of a placed label, at least `pad`: two labels side by
    /// side on one line must not read as one ("Frankfurt Hohhot").
    double pad_x = 1.5;
    double cell = 48; ///< spatial index cell side in pixels
    /// Prefer near positions that sit closer to their own marker than to any other.
    bool avoid_ambiguity = true;
    /// Whether a near position closer to another marker than to its own may still be taken, after
    /// the short leaders. Off where a key number can name the site instead: such a label names
    /// the wrong marker.
    bool ambiguous_near = true;
    /// A leader's label keeps this many pixels from every other marker, or as far as it is from
    /// its own marker when that is nearer: a label beside another marker reads as that
    /// marker's, leader or not. 0 turns the rule off.
    double leader_clearance = 0;
    /// Move already placed labels to make room for left-out ones. The pass stops after
    /// `repair_budget` candidate checks per request or `repair_budget_floor`, whichever is more,
    /// so small maps get a thorough repair and huge ones stay fast.
    bool repair = true;
    int repair_budget = 64;
    int repair_budget_floor = 200000;
    /// Leader positions tried, nearest first, out of 7 distances from 2 to 12 times the near
    /// distance; fewer keeps leaders short where a key can name the site instead, and 0 tries
    /// near positions only.
    std::size_t leader_steps = 7;
};

/// Places labels, most important first in the order given. Returns, for each request at the
/// same index, the placed label or nothing when every candidate position collides.
std::vector<std::optional<LabelLayout>> place_labels(const std::vector<LabelRequest>& requests,
                                                     const std::vector<MarkerDisc>& markers,
                                                     const PlacerSettings& settings);

/// Builds one grouped request naming the requests at the given indices (each left without a
/// label), or nothing.
using MakeFallback =
    std::function<std::optional<LabelRequest>(const std::vector<int>& unplaced_requests)>;

/// What `place_labels` with fallbacks gives: a label or nothing per request, and the grouped
/// labels placed for requests left out.
struct PlacedLabels {
    std::vector<std::optional<LabelLayout>> labels;
    /// Each grouped label with the marker of its best-ranked site; it lists the sites it names
    /// in `members`.
    std::vector<std::pair<int, LabelLayout>> fallbacks;
};

/// Places labels as above; then, for each group in `fallback_groups` (request indices) with two
/// or more requests still without a label, places the request `make_fallback` builds for them.
PlacedLabels place_labels(const std::vector<LabelRequest>& requests,
                          const std::vector<MarkerDisc>& markers, const PlacerSettings& settings,
                          const std::vector<std::vector<int>>& fallback_groups,
                          const MakeFallback& make_fallback);

/// What `place_labels_or_key` gives: per request, its label, or when it found no room, the small
/// number label that refers to the map key (or nothing when even that found no room).
struct LabelsAndKeys {
    std::vector<std::optional<LabelLayout>> labels;
    std::vector<std::optional<LabelLayout>> key_labels;
};

/// Places labels as `place_labels` does; then each request left out, in order, gets the request
/// `make_key_label(index, numbers_placed)` builds (a short number beside the same anchor) placed
/// in the room left; `numbers_placed` counts the key labels placed before it.
LabelsAndKeys place_labels_or_key(const std::vector<LabelRequest>& requests,
                                  const std::vector<MarkerDisc>& markers,
                                  const PlacerSettings& settings,
                                  const std::function<LabelRequest(int, int)>& make_key_label);

} // namespace dcmap::layout::detail
