#include "layout/clusters.hpp"

#include "layout/spatial_grid.hpp"
#include "layout/union_find.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace dcmap::layout::detail {

namespace {

Box disc_box(const MarkerLayout& m, double grow) {
    return {m.x - m.r - grow, m.y - m.r - grow, m.x + m.r + grow, m.y + m.r + grow};
}

} // namespace

std::vector<std::vector<int>> coincident_groups(const std::vector<MarkerLayout>& markers,
                                                double overlap) {
    const int n = static_cast<int>(markers.size());
    if (n < 2)
        return {};
    Box bounds;
    double largest = 0;
    for (const auto& m : markers) {
        bounds.expand(disc_box(m, 0));
        largest = std::max(largest, m.r);
    }
    SpatialGrid grid(bounds, std::max(4 * largest, 1.0));
    for (int i = 0; i < n; ++i)
        grid.insert(i, disc_box(markers[static_cast<std::size_t>(i)], 0));

    UnionFind sets(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const MarkerLayout& a = markers[static_cast<std::size_t>(i)];
        grid.any_near(disc_box(a, largest), [&](int j) {
            const MarkerLayout& b = markers[static_cast<std::size_t>(j)];
            if (j > i && std::hypot(a.x - b.x, a.y - b.y) < overlap * (a.r + b.r))
                sets.join(i, j);
            return false;
        });
    }
    std::map<int, std::vector<int>> by_root;
    for (int i = 0; i < n; ++i)
        by_root[sets.root(i)].push_back(i);
    std::vector<std::vector<int>> groups;
    for (auto& [root, members] : by_root)
        if (members.size() > 1)
            groups.push_back(std::move(members));
    return groups;
}

Disc enclosing_disc(const std::vector<MarkerLayout>& markers, const std::vector<int>& members) {
    Disc d;
    if (members.empty())
        return d;
    for (int i : members) {
        d.centre.x += markers[static_cast<std::size_t>(i)].x;
        d.centre.y += markers[static_cast<std::size_t>(i)].y;
    }
    d.centre.x /= static_cast<double>(members.size());
    d.centre.y /= static_cast<double>(members.size());
    for (int i : members) {
        const auto& m = markers[static_cast<std::size_t>(i)];
        d.r = std::max(d.r, std::hypot(m.x - d.centre.x, m.y - d.centre.y) + m.r);
    }
    return d;
}

std::string short_provider(const std::string& provider) {
    // The names cloud users say aloud; anything else keeps the name the input gave.
    static const std::map<std::string, std::string> short_names = {
        {"Alibaba Cloud", "Alibaba"}, {"Amazon Web Services", "AWS"},
        {"Google Cloud", "GCP"},      {"Google Cloud Platform", "GCP"},
        {"IBM Cloud", "IBM"},         {"Microsoft Azure", "Azure"},
        {"Oracle Cloud", "OCI"},      {"Oracle Cloud Infrastructure", "OCI"},
    };
    const auto it = short_names.find(provider);
    return it == short_names.end() ? provider : it->second;
}

std::string group_text(const std::string& name, std::vector<std::string> providers,
                       bool name_providers) {
    const std::string times = "\u00d7";
    if (!name_providers)
        return name + " " + times + std::to_string(providers.size());
    std::map<std::string, int> counts;
    for (const auto& p : providers)
        if (!p.empty())
            ++counts[short_provider(p)];
    if (counts.empty())
        return name + " " + times + std::to_string(providers.size());
    std::string text = name + " \u00b7 ";
    bool first = true;
    for (const auto& [provider, count] : counts) {
        text += (first ? "" : ", ") + provider;
        if (count > 1)
            text += " " + times + std::to_string(count);
        first = false;
    }
    return text;
}

void group_requests(std::vector<LabelRequest>& requests,
                    const std::vector<std::vector<int>>& groups,
                    const std::vector<MarkerLayout>& markers, const std::vector<std::string>& ids,
                    bool name_providers,
                    const std::function<TextSize(const std::string&, int)>& measure) {
    if (groups.empty())
        return;
    std::vector<int> position(markers.size(), -1);
    for (std::size_t i = 0; i < requests.size(); ++i)
        position[static_cast<std::size_t>(requests[i].marker)] = static_cast<int>(i);
    std::vector<bool> merged_away(requests.size(), false);
    for (const auto& group : groups) {
        // Members by text, each text's members in marker (key) order.
        std::map<std::string, std::vector<int>> by_text;
        for (int m : group) {
            const int at = position[static_cast<std::size_t>(m)];
            if (at >= 0)
                by_text[requests[static_cast<std::size_t>(at)].text].push_back(m);
        }
        for (const auto& [text, members] : by_text) {
            if (members.size() < 2)
                continue;
            int best = -1;
            std::vector<std::string> providers, member_ids;
            for (int m : members) {
                const int at = position[static_cast<std::size_t>(m)];
                if (best < 0 || at < best)
                    best = at;
                providers.push_back(markers[static_cast<std::size_t>(m)].provider);
                member_ids.push_back(ids[static_cast<std::size_t>(m)]);
            }
            for (int m : members) {
                const int at = position[static_cast<std::size_t>(m)];
                if (at != best)
                    merged_away[static_cast<std::size_t>(at)] = true;
            }
            LabelRequest& r = requests[static_cast<std::size_t>(best)];
            const Disc disc = enclosing_disc(markers, members);
            r.members = members;
            r.member_ids = member_ids;
            r.anchor = MarkerDisc{disc.centre, disc.r};
            r.text = group_text(text, providers, name_providers);
            r.size = measure(r.text, r.marker);
            const std::string short_text = group_text(text, providers, false);
            if (short_text != r.text) {
                r.short_text = short_text;
                r.short_size = measure(short_text, r.marker);
            }
        }
    }
    std::vector<LabelRequest> kept;
    kept.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i)
        if (!merged_away[i])
            kept.push_back(std::move(requests[i]));
    requests = std::move(kept);
}

std::vector<std::vector<int>> fallback_groups(const std::vector<LabelRequest>& requests,
                                              const std::vector<std::vector<int>>& groups,
                                              std::size_t marker_count) {
    std::vector<int> request_of(marker_count, -1);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        request_of[static_cast<std::size_t>(requests[i].marker)] = static_cast<int>(i);
        for (int m : requests[i].members)
            request_of[static_cast<std::size_t>(m)] = static_cast<int>(i);
    }
    std::vector<std::vector<int>> out;
    for (const auto& group : groups) {
        std::vector<int> named;
        for (int m : group) {
            const int r = request_of[static_cast<std::size_t>(m)];
            if (r >= 0 && std::find(named.begin(), named.end(), r) == named.end())
                named.push_back(r);
        }
        std::sort(named.begin(), named.end());
        if (named.size() > 1)
            out.push_back(std::move(named));
    }
    return out;
}

LabelRequest fallback_request(const std::vector<LabelRequest>& requests,
                              const std::vector<int>& unplaced,
                              const std::vector<MarkerLayout>& markers,
                              const std::function<TextSize(const std::string&, int)>& measure) {
    LabelRequest out;
    const LabelRequest& best = requests[static_cast<std::size_t>(unplaced.front())];
    out.id = best.id;
    out.marker = best.marker;
    std::vector<std::pair<int, std::string>> members; // marker, id
    for (int u : unplaced) {
        const LabelRequest& r = requests[static_cast<std::size_t>(u)];
        // A grouped request names its town once, in its short form ("Frankfurt ×3").
        const std::string& name = r.short_text.empty() ? r.text : r.short_text;
        out.text += (out.text.empty() ? "" : " / ") + name;
        if (r.members.empty()) {
            members.emplace_back(r.marker, r.id);
        } else {
            for (std::size_t k = 0; k < r.members.size(); ++k)
                members.emplace_back(r.members[k],
                                     k < r.member_ids.size() ? r.member_ids[k] : r.id);
        }
    }
    std::sort(members.begin(), members.end());
    for (const auto& [marker, id] : members) {
        out.members.push_back(marker);
        out.member_ids.push_back(id);
    }
    const Disc disc = enclosing_disc(markers, out.members);
    out.anchor = MarkerDisc{disc.centre, disc.r};
    out.size = measure(out.text, out.marker);
    const std::string& first = best.short_text.empty() ? best.text : best.short_text;
    out.short_text = first + " +" + std::to_string(unplaced.size() - 1);
    out.short_size = measure(out.short_text, out.marker);
    return out;
}

void group_requests(std::vector<LabelRequest>& requests,
                    const std::vector<std::vector<int>>& groups,
                    const std::vector<MarkerLayout>& markers, const std::vector<std::string>& ids,
                    bool name_providers,
                    const std::function<TextSize(const std::string&)>& measure) {
    group_requests(requests, groups, markers, ids, name_providers,
                   [&](const std::string& text, int) { return measure(text); });
}

} // namespace dcmap::layout::detail
