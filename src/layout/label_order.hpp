#pragma once
// The order sites get their labels placed in: earlier sites take the best free spots.
#include "model/site.hpp"

#include <vector>

namespace dcmap::layout::detail {

/// True when `a` should get its label placed before `b`: higher priority, then status order,
/// more zones, more capacity, then the smaller key.
bool labels_first(const Site& a, const Site& b);

/// Indices into `sites` (all non-null) in label placement order; sites that `labels_first` ranks
/// equal keep their order in `sites`.
std::vector<int> label_order(const std::vector<const Site*>& sites);

} // namespace dcmap::layout::detail
