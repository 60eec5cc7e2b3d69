#pragma once
// Disjoint sets over the indices 0..n-1, for joining markers into groups transitively.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace dcmap::layout::detail {

/// Union-find over `n` indices. A joined set's root is its smallest index, so the groups and
/// their roots do not depend on the order pairs are joined in.
class UnionFind {
public:
    explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }

    /// The root (smallest index) of the set holding `i`; halves the path on the way.
    int root(int i) {
        while (parent_[static_cast<std::size_t>(i)] != i) {
            parent_[static_cast<std::size_t>(i)] =
                parent_[static_cast<std::size_t>(parent_[static_cast<std::size_t>(i)])];
            i = parent_[static_cast<std::size_t>(i)];
        }
        return i;
    }

    /// Merges the sets holding `a` and `b`.
    void join(int a, int b) {
        const int ra = root(a), rb = root(b);
        parent_[static_cast<std::size_t>(std::max(ra, rb))] = std::min(ra, rb);
    }

private:
    std::vector<int> parent_;
};

} // namespace dcmap::layout::detail
