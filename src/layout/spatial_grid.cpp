#include "layout/spatial_grid.hpp"

#include <algorithm>
#include <cmath>

namespace dcmap::layout::detail {

namespace {

int cell_count(double extent, double cell) {
    // Cap the grid so a huge canvas with tiny cells cannot exhaust memory.
    const double n = std::ceil(std::max(extent, cell) / cell);
    return static_cast<int>(std::clamp(n, 1.0, 512.0));
}

} // namespace

SpatialGrid::SpatialGrid(const Box& bounds, double cell)
    : bounds_(bounds), cell_(cell), columns_(cell_count(bounds.width(), cell)),
      rows_(cell_count(bounds.height(), cell)),
      cells_(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_)) {
    // Recompute the cell size so the capped grid still spans the bounds.
    cell_ = std::max({cell, bounds.width() / columns_, bounds.height() / rows_});
}

void SpatialGrid::insert(int item, const Box& box) {
    if (static_cast<std::size_t>(item) >= seen_.size())
        seen_.resize(static_cast<std::size_t>(item) + 1, 0);
    const CellRange range = cells_of(box);
    for (int row = range.row0; row <= range.row1; ++row)
        for (int col = range.col0; col <= range.col1; ++col)
            cells_[cell_index(row, col)].push_back(item);
}

} // namespace dcmap::layout::detail
