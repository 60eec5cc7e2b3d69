#pragma once
// Greedy label placement around markers, with leader lines for displaced labels.
#include "layout/layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap::layout::detail {

/// One label to place, next to marker number `marker` of the placer's marker list.
struct LabelRequest {
    std::string id;
    std::string text;
    TextSize size;  ///< measured text size in pixels
    int marker = 0;
};

/// A marker as the placer sees it: an obstacle and an anchor.
struct MarkerDisc {
    Point centre;
    double r = 0;
    /// The marker's bounding box.
    Box box() const { return {centre.x - r, centre.y - r, centre.x + r, centre.y + r}; }
};

struct PlacerSettings {
    Box canvas;                ///< bounds of the spatial index
    Box frame;                 ///< labels and leaders stay inside it
    std::vector<Box> blocked;  ///< legend, title, footer: nothing may touch them
    double gap = 3;            ///< pixels between a marker's box and its label
    double pad = 1.5;          ///< pixels kept free around every placed label
    double cell = 48;          ///< spatial index cell side in pixels
};

/// Places labels in the order given (most important first). Returns, for each request at the
/// same index, the placed label or nothing when every candidate position collides.
std::vector<std::optional<LabelLayout>> place_labels(const std::vector<LabelRequest>& requests,
                                                     const std::vector<MarkerDisc>& markers,
                                                     const PlacerSettings& settings);

} // namespace dcmap::layout::detail
