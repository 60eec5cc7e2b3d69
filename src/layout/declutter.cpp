#include "layout/declutter.hpp"

#include "layout/spatial_grid.hpp"
#include "layout/union_find.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace dcmap::layout::detail {

namespace {

// Relaxation sweeps per round: enough for small crowds to settle; what does not settle within
// them merges, which is the honest outcome for a crowd anyway.
constexpr int relax_sweeps = 24;

// Rounds of pairwise merging before the remaining conflicts merge by whole connected groups.
constexpr int pairwise_rounds = 48;

// Markers whose true centres lie this close (pixels) stand on one place, such as several sites
// geocoded to one town: an aggregate that takes one of them takes them all. Split, four
// Frankfurt sites were drawn as two "2" discs, one of them merged with Munich's.
constexpr double same_place_px = 0.5;

double distance(Point a, Point b) {
    // Not std::hypot: it guards against overflow at a cost that dominates the relaxation.
    return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
}

Box around(Point p, double d) { return {p.x - d, p.y - d, p.x + d, p.y + d}; }

/// `p` moved so a disc of radius `r` centred on it stays inside `frame`; a frame smaller than
/// the disc takes its centre.
Point keep_inside(Point p, const Box& frame, double r) {
    const double lo_x = frame.min_x + r, hi_x = frame.max_x - r;
    const double lo_y = frame.min_y + r, hi_y = frame.max_y - r;
    p.x = lo_x <= hi_x ? std::clamp(p.x, lo_x, hi_x) : (frame.min_x + frame.max_x) / 2;
    p.y = lo_y <= hi_y ? std::clamp(p.y, lo_y, hi_y) : (frame.min_y + frame.max_y) / 2;
    return p;
}

/// `p` pulled back onto the disc of radius `bound` around `centre` when it left it.
Point within(Point p, Point centre, double bound) {
    const double d = distance(p, centre);
    if (d <= bound || d == 0)
        return p;
    return {centre.x + (p.x - centre.x) * bound / d, centre.y + (p.y - centre.y) * bound / d};
}

/// One symbol standing for the members of `parts` at the indices `which`.
Symbol merged(const std::vector<Symbol>& parts, const std::vector<int>& which,
              const std::vector<MarkerLayout>& markers, const DeclutterSettings& settings) {
    Symbol s;
    for (int i : which)
        for (int m : parts[static_cast<std::size_t>(i)].members)
            s.members.push_back(m);
    std::sort(s.members.begin(), s.members.end());
    for (int m : s.members) {
        s.truth.x += markers[static_cast<std::size_t>(m)].true_x;
        s.truth.y += markers[static_cast<std::size_t>(m)].true_y;
    }
    const double n = static_cast<double>(s.members.size());
    s.truth = {s.truth.x / n, s.truth.y / n};
    for (int m : s.members) {
        const auto& mk = markers[static_cast<std::size_t>(m)];
        s.spread = std::max(s.spread, distance(s.truth, {mk.true_x, mk.true_y}));
    }
    s.r = s.members.size() > 1 ? settings.aggregate_radius(static_cast<int>(s.members.size()))
                               : markers[static_cast<std::size_t>(s.members.front())].r;
    s.drawn = s.truth;
    return s;
}

/// Merges symbols so that a place with a site in an aggregate has all its sites there. Places
/// whose sites are all single markers stay so: they are nudged apart side by side.
void keep_places_whole(std::vector<Symbol>& symbols, const std::vector<int>& place_of,
                       const std::vector<MarkerLayout>& markers,
                       const DeclutterSettings& settings) {
    std::vector<int> symbol_of(markers.size(), -1);
    for (std::size_t k = 0; k < symbols.size(); ++k)
        for (int m : symbols[k].members)
            symbol_of[static_cast<std::size_t>(m)] = static_cast<int>(k);
    std::vector<bool> in_aggregate(markers.size(), false); // by a place's first marker
    for (std::size_t m = 0; m < markers.size(); ++m)
        if (symbols[static_cast<std::size_t>(symbol_of[m])].is_aggregate())
            in_aggregate[static_cast<std::size_t>(place_of[m])] = true;
    UnionFind sets(symbols.size());
    bool joined = false;
    for (std::size_t m = 0; m < markers.size(); ++m) {
        const int first = place_of[m];
        const int a = symbol_of[m], b = symbol_of[static_cast<std::size_t>(first)];
        if (in_aggregate[static_cast<std::size_t>(first)] && a != b) {
            sets.join(a, b);
            joined = true;
        }
    }
    if (!joined)
        return;
    // Symbols by root, without a node per symbol: this runs every round.
    std::vector<std::pair<int, int>> by_root; // root, symbol
    by_root.reserve(symbols.size());
    for (std::size_t k = 0; k < symbols.size(); ++k)
        by_root.emplace_back(sets.root(static_cast<int>(k)), static_cast<int>(k));
    std::sort(by_root.begin(), by_root.end());
    std::vector<Symbol> next;
    next.reserve(by_root.size());
    std::vector<int> which;
    for (std::size_t i = 0; i < by_root.size(); ++i) {
        which.push_back(by_root[i].second);
        if (i + 1 < by_root.size() && by_root[i + 1].first == by_root[i].first)
            continue;
        next.push_back(which.size() == 1 ? std::move(symbols[static_cast<std::size_t>(which[0])])
                                         : merged(symbols, which, markers, settings));
        which.clear();
    }
    std::sort(next.begin(), next.end(), [](const Symbol& a, const Symbol& b) {
        return a.members.front() < b.members.front();
    });
    symbols = std::move(next);
}

Symbol single(int i, const std::vector<MarkerLayout>& markers) {
    const auto& m = markers[static_cast<std::size_t>(i)];
    Symbol s;
    s.truth = s.drawn = {m.true_x, m.true_y};
    s.r = m.r;
    s.members = {i};
    return s;
}

/// Greedy screen-space clustering (as supercluster does per zoom level): each site not yet
/// taken, in the order given, takes every free site within `radius` of it.
std::vector<Symbol> cluster(const std::vector<MarkerLayout>& markers,
                            const DeclutterSettings& settings,
                            const std::vector<std::vector<int>>& together) {
    const int n = static_cast<int>(markers.size());
    std::vector<Symbol> singles;
    singles.reserve(markers.size());
    for (int i = 0; i < n; ++i)
        singles.push_back(single(i, markers));
    const double radius = settings.cluster_radius;
    if (!together.empty()) {
        UnionFind sets(markers.size());
        for (const auto& group : together)
            for (int m : group)
                sets.join(group.front(), m);
        std::map<int, std::vector<int>> by_root;
        for (int i = 0; i < n; ++i)
            by_root[sets.root(i)].push_back(i);
        std::vector<Symbol> out;
        out.reserve(by_root.size());
        for (const auto& [root, which] : by_root)
            out.push_back(which.size() == 1 ? singles[static_cast<std::size_t>(root)]
                                            : merged(singles, which, markers, settings));
        if (radius <= 0)
            return out;
        singles = std::move(out);
    }
    const int count = static_cast<int>(singles.size());
    if (radius <= 0 || count < 2)
        return singles;
    Box bounds;
    for (const auto& s : singles)
        bounds.expand(s.truth);
    SpatialGrid grid(bounds, radius);
    for (int i = 0; i < count; ++i)
        grid.insert(i, around(singles[static_cast<std::size_t>(i)].truth, 0));
    std::vector<bool> taken(singles.size(), false);
    std::vector<Symbol> out;
    for (int i = 0; i < count; ++i) {
        if (taken[static_cast<std::size_t>(i)])
            continue;
        const Point seed = singles[static_cast<std::size_t>(i)].truth;
        std::vector<int> which{i};
        taken[static_cast<std::size_t>(i)] = true;
        grid.any_near(around(seed, radius), [&](int j) {
            if (!taken[static_cast<std::size_t>(j)] &&
                distance(seed, singles[static_cast<std::size_t>(j)].truth) <= radius) {
                taken[static_cast<std::size_t>(j)] = true;
                which.push_back(j);
            }
            return false;
        });
        out.push_back(which.size() == 1 ? singles[static_cast<std::size_t>(i)]
                                        : merged(singles, which, markers, settings));
    }
    return out;
}

/// Pairs of symbols that could touch once each has moved as far as it may.
std::vector<std::pair<int, int>> near_pairs(const std::vector<Symbol>& symbols,
                                            const DeclutterSettings& settings) {
    std::vector<std::pair<int, int>> pairs;
    const int n = static_cast<int>(symbols.size());
    if (n < 2)
        return pairs;
    Box bounds;
    double reach = 0; // the largest radius plus shift of any symbol
    for (const auto& s : symbols) {
        bounds.expand(s.truth);
        reach = std::max(reach, s.r + max_shift(s, settings));
    }
    SpatialGrid grid(bounds, std::max(2 * reach + settings.gap, 1.0));
    for (int i = 0; i < n; ++i)
        grid.insert(i, around(symbols[static_cast<std::size_t>(i)].truth, 0));
    for (int i = 0; i < n; ++i) {
        const Symbol& a = symbols[static_cast<std::size_t>(i)];
        const double ra = a.r + max_shift(a, settings);
        grid.any_near(around(a.truth, ra + reach + settings.gap), [&](int j) {
            if (j <= i)
                return false;
            const Symbol& b = symbols[static_cast<std::size_t>(j)];
            if (distance(a.truth, b.truth) < ra + b.r + max_shift(b, settings) + settings.gap)
                pairs.emplace_back(i, j);
            return false;
        });
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

double clearance_needed(const Symbol& a, const Symbol& b, double gap) { return a.r + b.r + gap; }

/// Pushes apart the discs of each pair that overlap, a few sweeps, keeping every symbol within
/// its bound and the frame. Symbols on one point part along a fixed angle per pair, so the
/// result does not depend on anything but the input.
void relax(std::vector<Symbol>& symbols, const std::vector<std::pair<int, int>>& pairs,
           const std::vector<int>& place_of, const DeclutterSettings& settings) {
    for (auto& s : symbols)
        s.drawn = keep_inside(s.truth, settings.frame, s.r);
    // Single markers of one place start evenly on a ring around it, as close as they fit: pushed
    // apart pair by pair from one point, five sites of a town often did not settle within the
    // sweeps and merged although they fit around it.
    // By place (indexed by its first marker): how many single symbols, their largest radius and
    // smallest bound. Arrays, not a map: this runs every round, at 10^5 markers too.
    const std::size_t n = place_of.size();
    std::vector<int> count(n, 0), slot(n, 0);
    std::vector<double> largest(n, 0), bound(n, std::numeric_limits<double>::infinity());
    const auto place = [&](const Symbol& s) {
        return static_cast<std::size_t>(place_of[static_cast<std::size_t>(s.members.front())]);
    };
    for (const auto& s : symbols)
        if (!s.is_aggregate()) {
            const std::size_t p = place(s);
            ++count[p];
            largest[p] = std::max(largest[p], s.r);
            bound[p] = std::min(bound[p], max_shift(s, settings));
        }
    for (auto& s : symbols) {
        if (s.is_aggregate())
            continue;
        const std::size_t p = place(s);
        if (count[p] < 2)
            continue;
        const double k = static_cast<double>(count[p]);
        const double ring =
            std::min(bound[p], (largest[p] + settings.gap / 2) / std::sin(M_PI / k));
        const double angle = -M_PI / 2 + 2 * M_PI * static_cast<double>(slot[p]++) / k;
        s.drawn =
            keep_inside({s.truth.x + ring * std::cos(angle), s.truth.y + ring * std::sin(angle)},
                        settings.frame, s.r);
    }
    const double golden = 2.399963229728653; // radians between successive fixed directions
    for (int sweep = 0; sweep < relax_sweeps; ++sweep) {
        bool moved = false;
        for (const auto& [i, j] : pairs) {
            Symbol& a = symbols[static_cast<std::size_t>(i)];
            Symbol& b = symbols[static_cast<std::size_t>(j)];
            const double need = clearance_needed(a, b, settings.gap);
            const double dx = b.drawn.x - a.drawn.x, dy = b.drawn.y - a.drawn.y;
            const double d = std::sqrt(dx * dx + dy * dy);
            if (d >= need)
                continue;
            Point unit{dx / d, dy / d};
            if (d < 1e-9) {
                const double angle = golden * static_cast<double>(i + 7 * j);
                unit = {std::cos(angle), std::sin(angle)};
            }
            // A larger symbol (more members) moves less.
            const double wa = static_cast<double>(b.members.size()) /
                              static_cast<double>(a.members.size() + b.members.size());
            const double push = need - d + 1e-6;
            a.drawn = {a.drawn.x - unit.x * push * wa, a.drawn.y - unit.y * push * wa};
            b.drawn = {b.drawn.x + unit.x * push * (1 - wa), b.drawn.y + unit.y * push * (1 - wa)};
            a.drawn =
                keep_inside(within(a.drawn, a.truth, max_shift(a, settings)), settings.frame, a.r);
            b.drawn =
                keep_inside(within(b.drawn, b.truth, max_shift(b, settings)), settings.frame, b.r);
            moved = true;
        }
        if (!moved)
            break;
    }
}

std::vector<std::pair<int, int>> conflicts(const std::vector<Symbol>& symbols,
                                           const std::vector<std::pair<int, int>>& pairs,
                                           double gap) {
    std::vector<std::pair<int, int>> out;
    for (const auto& [i, j] : pairs) {
        const Symbol& a = symbols[static_cast<std::size_t>(i)];
        const Symbol& b = symbols[static_cast<std::size_t>(j)];
        // A hair of tolerance: relaxation stops exactly at the clearance.
        if (distance(a.drawn, b.drawn) < clearance_needed(a, b, gap) - 1e-3)
            out.emplace_back(i, j);
    }
    return out;
}

} // namespace

std::vector<int> same_places(const std::vector<MarkerLayout>& markers) {
    std::vector<int> place(markers.size());
    // The first markers of places by grid cell of side same_place_px (a neighbour within the
    // distance is in the same cell or one of the eight around it): each cell's latest first
    // marker, and for each first marker the one before it in its cell.
    std::unordered_map<long long, int> latest;
    latest.reserve(markers.size());
    std::vector<int> before(markers.size(), -1);
    const auto cell_key = [](long long col, long long row) { return col * 2000003LL + row; };
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const Point p{markers[i].true_x, markers[i].true_y};
        const auto col = static_cast<long long>(std::floor(p.x / same_place_px));
        const auto row = static_cast<long long>(std::floor(p.y / same_place_px));
        int found = -1;
        for (long long dc = -1; dc <= 1; ++dc)
            for (long long dr = -1; dr <= 1; ++dr) {
                const auto it = latest.find(cell_key(col + dc, row + dr));
                if (it == latest.end())
                    continue;
                // The earliest first marker within reach, as a greedy pass in order finds it.
                for (int f = it->second; f >= 0; f = before[static_cast<std::size_t>(f)]) {
                    const auto& m = markers[static_cast<std::size_t>(f)];
                    if (distance(p, {m.true_x, m.true_y}) <= same_place_px &&
                        (found < 0 || f < found))
                        found = f;
                }
            }
        if (found < 0) {
            found = static_cast<int>(i);
            auto [it, added] = latest.emplace(cell_key(col, row), found);
            if (!added) {
                before[i] = it->second;
                it->second = found;
            }
        }
        place[i] = found;
    }
    return place;
}

double max_shift(const Symbol& symbol, const DeclutterSettings& settings) {
    return settings.shift_diameters * 2 * symbol.r;
}

std::vector<Symbol> declutter(const std::vector<MarkerLayout>& markers,
                              const DeclutterSettings& settings,
                              const std::vector<std::vector<int>>& together,
                              const std::vector<int>& places) {
    const std::vector<int> computed = places.empty() ? same_places(markers) : std::vector<int>{};
    const std::vector<int>& place_of = places.empty() ? computed : places;
    std::vector<Symbol> symbols = cluster(markers, settings, together);
    keep_places_whole(symbols, place_of, markers, settings);
    for (int round = 0;; ++round) {
        const auto pairs = near_pairs(symbols, settings);
        relax(symbols, pairs, place_of, settings);
        const auto left = conflicts(symbols, pairs, settings.gap);
        if (left.empty())
            break;
        std::vector<std::vector<int>> merges;
        if (round < pairwise_rounds) {
            // Closest true positions merge first, each symbol at most once a round, so a crowd
            // condenses step by step and a chain does not collapse into one giant aggregate.
            auto order = left;
            std::sort(order.begin(), order.end(), [&](const auto& p, const auto& q) {
                const double dp = distance(symbols[static_cast<std::size_t>(p.first)].truth,
                                           symbols[static_cast<std::size_t>(p.second)].truth);
                const double dq = distance(symbols[static_cast<std::size_t>(q.first)].truth,
                                           symbols[static_cast<std::size_t>(q.second)].truth);
                return std::tie(dp, p) < std::tie(dq, q);
            });
            std::vector<bool> used(symbols.size(), false);
            for (const auto& [i, j] : order) {
                if (used[static_cast<std::size_t>(i)] || used[static_cast<std::size_t>(j)])
                    continue;
                used[static_cast<std::size_t>(i)] = used[static_cast<std::size_t>(j)] = true;
                merges.push_back({i, j});
            }
        } else {
            UnionFind sets(symbols.size());
            for (const auto& [i, j] : left)
                sets.join(i, j);
            std::map<int, std::vector<int>> groups;
            for (const auto& [i, j] : left) {
                groups[sets.root(i)].push_back(i);
                groups[sets.root(i)].push_back(j);
            }
            for (auto& [root, g] : groups) {
                std::sort(g.begin(), g.end());
                g.erase(std::unique(g.begin(), g.end()), g.end());
                merges.push_back(std::move(g));
            }
        }
        std::vector<bool> gone(symbols.size(), false);
        std::vector<Symbol> next;
        for (const auto& which : merges) {
            next.push_back(merged(symbols, which, markers, settings));
            for (int i : which)
                gone[static_cast<std::size_t>(i)] = true;
        }
        for (std::size_t i = 0; i < symbols.size(); ++i)
            if (!gone[i])
                next.push_back(std::move(symbols[i]));
        std::sort(next.begin(), next.end(), [](const Symbol& a, const Symbol& b) {
            return a.members.front() < b.members.front();
        });
        symbols = std::move(next);
        keep_places_whole(symbols, place_of, markers, settings);
    }
    std::sort(symbols.begin(), symbols.end(), [](const Symbol& a, const Symbol& b) {
        return a.members.front() < b.members.front();
    });
    return symbols;
}

} // namespace dcmap::layout::detail
