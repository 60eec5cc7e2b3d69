#pragma once
// A uniform grid over the canvas that finds the obstacles near a box without scanning them all.
#include "model/geometry.hpp"

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
    CellRange cells_of(const Box& box) const;
    int clamp_column(double x) const;
    int clamp_row(double y) const;
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
