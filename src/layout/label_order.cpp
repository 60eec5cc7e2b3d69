#include "layout/label_order.hpp"

#include <algorithm>
#include <numeric>

namespace dcmap::layout::detail {

bool labels_first(const Site& a, const Site& b) {
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.status != b.status)
        return a.status < b.status;
    const int za = a.zones.value_or(0), zb = b.zones.value_or(0);
    if (za != zb)
        return za > zb;
    const double ca = a.capacity_mw.value_or(0), cb = b.capacity_mw.value_or(0);
    if (ca != cb)
        return ca > cb;
    return a.key() < b.key();
}

std::vector<int> label_order(const std::vector<const Site*>& sites) {
    std::vector<int> order(sites.size());
    std::iota(order.begin(), order.end(), 0);
    // Stable, so sites equal in every ranked field keep their given order.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return labels_first(*sites[static_cast<std::size_t>(a)],
                            *sites[static_cast<std::size_t>(b)]);
    });
    return order;
}

} // namespace dcmap::layout::detail
