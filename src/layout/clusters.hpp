#pragma once
// Markers drawn on top of each other: find them, and name sites that share a town in one
// grouped label.
#include "layout/label_placer.hpp"
#include "model/geometry.hpp"
#include "model/layout.hpp"
#include "model/site.hpp"

#include <functional>
#include <string>
#include <vector>

namespace dcmap::layout::detail {

/// Groups of two or more markers whose centres are closer than `overlap` times the sum of their
/// radii (joined transitively). Each group lists marker indices in increasing order; groups are
/// ordered by their first index.
std::vector<std::vector<int>> coincident_groups(const std::vector<MarkerLayout>& markers,
                                                double overlap);

/// The smallest disc around the given markers' centres, widened by their radii; approximate:
/// centred on the mean centre.
struct Disc {
    Point centre;
    double r = 0;
};
Disc enclosing_disc(const std::vector<MarkerLayout>& markers, const std::vector<int>& members);

/// The short name a grouped label uses for a provider ("Microsoft Azure" -> "Azure"); the name
/// itself when it has no common short form.
std::string short_provider(const std::string& provider);

/// Text of a label naming several sites that share `name`: "Frankfurt · AWS, Azure, GCP" when
/// `name_providers`, a provider repeated as "Azure ×2"; otherwise "Canberra ×2". `providers`
/// holds each member's provider, in any order.
std::string group_text(const std::string& name, std::vector<std::string> providers,
                       bool name_providers);

/// Within each coincident group, merges the requests of sites that share a label text into one
/// grouped request: it takes the place of the best-ranked member in `requests` (which is in
/// placement order), sits around the members' disc, names every member, and carries a short
/// text ("Frankfurt ×3") to fall back to. `requests[i].marker` and `groups` index `markers` and
/// `ids`; the grouped request keeps the best-ranked member's marker and id. `measure(text,
/// marker)` measures a label text in the font that marker's label is drawn in.
void group_requests(std::vector<LabelRequest>& requests,
                    const std::vector<std::vector<int>>& groups,
                    const std::vector<MarkerLayout>& markers, const std::vector<std::string>& ids,
                    bool name_providers,
                    const std::function<TextSize(const std::string&, int)>& measure);

/// For each coincident group, the indices of the requests that name its sites (in increasing
/// order), when there are two or more: sites that may share a fallback label.
std::vector<std::vector<int>> fallback_groups(const std::vector<LabelRequest>& requests,
                                              const std::vector<std::vector<int>>& groups,
                                              std::size_t marker_count);

/// One label naming the sites of `requests` at the indices `unplaced` (best-ranked first): their
/// texts joined by " / " ("Hong Kong / Shenzhen"), with "Hong Kong +1" as its short text, around
/// the disc of all their markers. `measure(text, marker)` as for `group_requests`.
LabelRequest fallback_request(const std::vector<LabelRequest>& requests,
                              const std::vector<int>& unplaced,
                              const std::vector<MarkerLayout>& markers,
                              const std::function<TextSize(const std::string&, int)>& measure);

/// The same, measuring every text in one font.
void group_requests(std::vector<LabelRequest>& requests,
                    const std::vector<std::vector<int>>& groups,
                    const std::vector<MarkerLayout>& markers, const std::vector<std::string>& ids,
                    bool name_providers,
                    const std::function<TextSize(const std::string&)>& measure);

} // namespace dcmap::layout::detail
