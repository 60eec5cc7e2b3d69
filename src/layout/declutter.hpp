#pragma once
// Truthful markers: nudge overlapping markers apart by at most a bounded distance, and merge the
// ones that still overlap into counted aggregates. Nothing is ever moved further than the bound,
// so a marker never lies about its place; crowding shows up as counts instead.
#include "model/geometry.hpp"
#include "model/layout.hpp"

#include <functional>
#include <vector>

namespace dcmap::layout::detail {

/// What is drawn for one or more sites: a single marker, or an aggregate of several.
struct Symbol {
    Point truth;              ///< projected pixel position; for aggregates the members' mean
    Point drawn;              ///< where it is drawn, within the bound of `truth`
    double r = 0;             ///< pixels
    std::vector<int> members; ///< indices into the site markers, increasing
    double spread = 0;        ///< largest distance from `truth` to a member's position

    bool is_aggregate() const { return members.size() > 1; }
};

struct DeclutterSettings {
    Box frame;                  ///< every symbol's whole disc stays inside it
    double shift_diameters = 1; ///< a symbol moves at most this many of its own diameters
    double gap = 1;             ///< pixels kept free between neighbouring discs
    /// Sites closer than this (pixels) are merged before any nudging, greedily from the first
    /// in the order given (screen-space clustering); 0 merges only what must be merged.
    double cluster_radius = 0;
    /// Radius of an aggregate of `count` sites, in pixels.
    std::function<double(int count)> aggregate_radius;
};

/// Symbols for `markers` (their true_x/true_y and r are read; the order of `markers` is the
/// priority order for clustering): no two discs closer than `gap`, each within its bound of its
/// true position and inside the frame. Deterministic: same input, same symbols, in increasing
/// order of their first member.
/// `together` lists groups of markers (indices) that must share one symbol, e.g. because
/// separately they could not all be named.
/// `places` is same_places(markers) when the caller keeps it across calls (empty: computed).
std::vector<Symbol> declutter(const std::vector<MarkerLayout>& markers,
                              const DeclutterSettings& settings,
                              const std::vector<std::vector<int>>& together = {},
                              const std::vector<int>& places = {});

/// For each marker, the first marker (in the order given) of the place it stands on: markers
/// whose true centres lie within 0.5 px of that first one. An aggregate takes a place whole.
std::vector<int> same_places(const std::vector<MarkerLayout>& markers);

/// The largest distance any symbol may be drawn from its true position.
double max_shift(const Symbol& symbol, const DeclutterSettings& settings);

} // namespace dcmap::layout::detail
