#pragma once
// Insets: magnified frames of dense areas, placed over the main map where they hide no site
// (preferring sea), each with its own markers, aggregates and labels, laid out by the main map's
// declutter and naming. Pure C++, deterministic.
#include "layout/layout.hpp"
#include "layout/naming.hpp"
#include "layout/page.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dcmap::layout::detail {

/// Which share of a pixel box lies on land, from land polygons rasterised once into square
/// cells over the map frame (a cell counts when its centre is on land).
class LandMask {
public:
    /// No land: every share is 0.
    LandMask() = default;
    /// `land` in projected units, drawn through `to_px` into cells of `cell` pixels over `frame`.
    LandMask(const std::vector<Polygon>& land, const ViewTransform& to_px, const Box& frame,
             double cell);
    /// Share of the cells inside `box` (pixels) that are land, 0..1; 0 outside the frame.
    double share(const Box& box) const;

private:
    Box frame_;
    double cell_ = 1;
    int columns_ = 0, rows_ = 0;
    std::vector<int> sums_; // summed-area table, (columns_ + 1) x (rows_ + 1)
};

/// A cluster that crowds the main map, as `--inset auto` finds it.
struct CrowdedArea {
    Box view;               ///< projected units to show, padded around the sites
    std::vector<int> sites; ///< indices into the shown sites
    int struggling = 0;     ///< of them, sites a plain placement left unlabelled or on a leader
};

/// The crowded clusters of `markers` (pixels; same order as `shown`), most crowded first,
/// skipping sites with `taken[i]`: markers joined when closer than `link` pixels, crowded when
/// it has at least `min_sites` sites of which at least `min_struggling` need a leader or lose
/// their label in a plain placement (`trial_outcomes`: 0 labelled, 1 leader, 2 unlabelled, per
/// site), and small: its markers span at most `max_span` (pixels, width and height) and its
/// view (the sites' box padded by 15%, at least `pad` pixels, no flatter or taller than 3:2) is
/// `magnifiable` (when given). Ordered by struggling sites, then sites, most first.
std::vector<CrowdedArea> crowded_areas(const std::vector<const ProjectedSite*>& shown,
                                       const std::vector<MarkerLayout>& markers,
                                       const std::vector<int>& trial_outcomes,
                                       const std::vector<bool>& taken, double link, double pad,
                                       const ViewTransform& to_px, TextSize max_span,
                                       const std::function<bool(const Box&)>& magnifiable,
                                       int min_sites = 5, int min_struggling = 3);

/// Where a `size` box goes among `candidates`: the first lowest-scoring spot that hides no
/// obstacle (pixels). Score: land share + 0.25 x distance to `near` / `reach`. Nothing when
/// every spot touches an obstacle.
std::optional<Box> choose_spot(const std::vector<Point>& candidates, double w, double h,
                               const std::vector<Box>& obstacles, const LandMask& land, Point near,
                               double reach);

/// Top-left corners for a w x h box along the inside of `frame` (`inset` pixels from its
/// edges): corners first, then along each edge, then a coarse grid inside.
std::vector<Point> candidate_spots(const Box& frame, double inset, double w, double h);

/// The insets and what they took from the main map.
struct InsetsResult {
    std::vector<InsetLayout> insets;
    std::vector<int> inset_of; ///< per shown site: index into `insets`, or -1
    /// Per shown site in an inset: `inset` when a label there names it, `keyed` when a number
    /// there refers to the key, else `unlabelled`.
    std::vector<LabelOutcome> outcome;
    /// Text of key entries 1, 2, ... for the numbers drawn in the insets; the main map's
    /// numbers continue after them.
    std::vector<std::string> key_entries;
    std::vector<Box> blocked; ///< inset frames with their margin: main-map labels avoid them
};

/// Lays out the insets the request asks for (and the one `auto_inset` finds) over the main map
/// of `main` (its sites, their markers at their true positions, its page): sized so their sites
/// can be named, placed where they hide no marker, legend or inset area (in whichever order
/// places the most), their markers decluttered and named inside them as on the main map. An
/// inset that would not magnify, shows nothing of the map, or finds no free spot is left out
/// with a warning that says why and, where a larger canvas would help, which width fits; the
/// auto inset is announced with a note.
InsetsResult layout_insets(const Scene& main, const LegendLayout& legend, Diagnostics& diagnostics);

} // namespace dcmap::layout::detail
