#pragma once
// A uniform grid over the canvas that finds the obstacles near a box without scanning them all.
#include "model/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace dcmap::layout::detail {

/// Buckets item numbers by the grid cells their boxes touch. Items outside the bounds land in
/// the edge cells, so nothing is ever lost.
class SpatialGrid {
public:
    /// `bounds` in pixels; `cell` is the cell side in pixels (> 0).
    SpatialGrid(const Box& bounds, double cell);

    /// Registers item number `item` as covering `box`.
    void insert(int item, const Box& box);

    /// Calls `hit(item)` once for every item whose cells touch `box`; stops and returns true as
    /// soon as `hit` returns true.
    template <class Predicate> bool any_near(const Box& box, Predicate hit) {
        ++query_;
        const CellRange range = cells_of(box);
        for (int row = range.row0; row <= range.row1; ++row) {
            for (int col = range.col0; col <= range.col1; ++col) {
                for (int item : cells_[cell_index(row, col)]) {
                    auto& seen = seen_[static_cast<std::size_t>(item)];
                    if (seen == query_)
                        continue;
                    seen = query_;
                    if (hit(item))
                        return true;
                }
            }
        }
        return false;
    }

private:
    struct CellRange {
        int col0, row0, col1, row1;
    };
    // Inline: every candidate test of the label placer asks for its cells.
    CellRange cells_of(const Box& box) const {
        return {clamp_column(box.min_x), clamp_row(box.min_y), clamp_column(box.max_x),
                clamp_row(box.max_y)};
    }
    int clamp_column(double x) const { return clamp_cell((x - bounds_.min_x) / cell_, columns_); }
    int clamp_row(double y) const { return clamp_cell((y - bounds_.min_y) / cell_, rows_); }
    static int clamp_cell(double at, int count) {
        return static_cast<int>(std::clamp(std::floor(at), 0.0, static_cast<double>(count - 1)));
    }
    /// Index into cells_ of a cell inside the grid (row and column never negative).
    std::size_t cell_index(int row, int col) const {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(columns_) +
               static_cast<std::size_t>(col);
    }

    Box bounds_;
    double cell_;
    int columns_;
    int rows_;
    std::vector<std::vector<int>> cells_;
    std::vector<unsigned> seen_; // last query that visited each item, to report it only once
    unsigned query_ = 0;
};

} // namespace dcmap::layout::detail
