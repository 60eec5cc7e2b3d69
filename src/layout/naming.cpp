#include "layout/naming.hpp"

#include "io/threads.hpp"
#include "layout/clusters.hpp"
#include "layout/spatial_grid.hpp"
#include "layout/union_find.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_map>

namespace dcmap::layout::detail {

namespace {

// A group label lists at most this many providers by name; more read as a count.
constexpr std::size_t max_named_providers = 4;

// Symbols of one place closer than this many marker diameters (plus their radii) share a label.
constexpr double same_place_link = 3.0;

// From this many groups on, a naming step names them on two threads.
constexpr std::size_t parallel_groups = 256;

// Single-site labels longer than this many characters show the place instead with `labels: auto`.
constexpr std::size_t long_label = 22;

std::size_t code_points(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

/// What tells sites of one place: their town when known, else their label as written.
const std::string& place_key(const ProjectedSite& s) {
    const std::string& town = locality_of(s);
    return town.empty() ? s.site.site.display_label() : town;
}

/// What naming a group reads of one member. The members are large structs far apart in
/// memory, so this is gathered in one pass.
struct MemberView {
    std::string_view place;   ///< place_key: the town, else the site's own label
    std::string_view town;    ///< the town, empty when unknown (out at sea)
    std::string_view country; ///< ISO alpha-2, empty when unknown
    std::string_view continent;
    std::string_view provider;
    Point lonlat;      ///< where the site is (degrees)
    Point town_lonlat; ///< where its town is (degrees); the site's own position when unknown
    std::int64_t town_population = 0; ///< its town's people; 0 when unknown
};

/// Where the town `locality_of(s)` lies, in degrees; the site's own position when that is not
/// known.
Point town_position(const ProjectedSite& s) {
    if (!s.locality.empty() && s.locality == s.site.locality)
        return {s.site.locality_lon, s.site.locality_lat};
    if (s.locality.empty() && !s.site.place.name.empty())
        return {s.site.place.lon, s.site.place.lat};
    return {s.site.lon, s.site.lat};
}

/// How many people live in the town `locality_of(s)`; 0 when that is not known.
std::int64_t town_population(const ProjectedSite& s) {
    return !s.locality.empty() && s.locality == s.site.locality ? s.site.locality_population : 0;
}

constexpr double kDegree = M_PI / 180;

/// Great-circle distance in km between two lon/lat points (degrees).
double km_apart(Point a, Point b) {
    const double dlat = (b.y - a.y) * kDegree, dlon = (b.x - a.x) * kDegree;
    const double h = std::pow(std::sin(dlat / 2), 2) + std::cos(a.y * kDegree) *
                                                           std::cos(b.y * kDegree) *
                                                           std::pow(std::sin(dlon / 2), 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

/// The middle of `points` (lon/lat degrees): longitudes are averaged as directions, so a group
/// across the antimeridian is not put on the other side of the world.
Point middle_of(const std::vector<MemberView>& members) {
    double x = 0, y = 0, lat = 0;
    for (const MemberView& m : members) {
        x += std::cos(m.lonlat.x * kDegree);
        y += std::sin(m.lonlat.x * kDegree);
        lat += m.lonlat.y;
    }
    return {std::atan2(y, x) / kDegree, lat / static_cast<double>(members.size())};
}

/// A group whose sites all lie this close to its middle (km) is one spot on any world map: its
/// towns name it, never its continent. Three sites in Basel, Saint-Louis and Lörrach, 7 km
/// apart, were "Europe (3 countries)".
constexpr double compact_km = 300;

/// A group of part of one continent is named by it ("Europe (9 countries)") from this many
/// countries; fewer are named by their towns: "Asia (3 countries)" told a reader less than
/// "Shanghai, Seoul area", and "Central Europe (3 countries)" was Warsaw, Malmö and Copenhagen.
constexpr std::size_t min_countries_for_part = 5;

/// A town names a group as "<town> area" only when all its sites lie within this distance (km)
/// of it: "Ashburn area" once held Atlanta's and Miami's sites, 850-1,500 km away.
constexpr double area_km = 300;

/// "38°N 171°W": a position in whole degrees, for sites no town names.
std::string position_name(Point lonlat) {
    const auto part = [](double degrees, const char* positive, const char* negative) {
        const long whole = std::lround(std::abs(degrees));
        if (whole == 0 || whole == 180)
            return std::to_string(whole) + "\u00b0";
        return std::to_string(whole) + "\u00b0" + (degrees > 0 ? positive : negative);
    };
    return part(lonlat.y, "N", "S") + " " + part(std::remainder(lonlat.x, 360.0), "E", "W");
}

/// Adds `value` to `seen` unless it is there: groups have few distinct values.
void add_distinct(std::vector<std::string_view>& seen, std::string_view value) {
    if (std::find(seen.begin(), seen.end(), value) == seen.end())
        seen.push_back(value);
}

/// Distinct values with how many members have each, in order of the first member to have it
/// (so ties of equal weight go to the best-ranked member's).
struct Tally {
    std::vector<std::pair<std::string_view, int>> counts;
    std::vector<std::int64_t> weights; ///< by value as in counts: what breaks a tie
    std::unordered_map<std::string_view, std::size_t> index; ///< value -> its place in counts

    /// Counts one member with `value`; `weight` (a town's people) ranks values of equal count.
    void add(std::string_view value, std::int64_t weight = 0) {
        const auto [it, added] = index.emplace(value, counts.size());
        if (added) {
            counts.emplace_back(value, 0);
            weights.push_back(weight);
        }
        ++counts[it->second].second;
        weights[it->second] = std::max(weights[it->second], weight);
    }
    /// The value most members have, the weightiest among equals (by_size's first); empty when
    /// there is none.
    std::string_view leader() const {
        std::size_t best = counts.size();
        for (std::size_t k = 0; k < counts.size(); ++k)
            if (best == counts.size() || counts[k].second > counts[best].second ||
                (counts[k].second == counts[best].second && weights[k] > weights[best]))
                best = k;
        return best == counts.size() ? std::string_view() : counts[best].first;
    }
    /// The values, most members first; among equals the weightiest, then in first-seen order.
    /// At a tie of one site each, the order of ids named a group "Geelong, Hobart area"
    /// though it held Melbourne.
    std::vector<std::pair<std::string_view, int>> by_size() const {
        std::vector<std::size_t> order(counts.size());
        for (std::size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return counts[a].second != counts[b].second ? counts[a].second > counts[b].second
                                                        : weights[a] > weights[b];
        });
        std::vector<std::pair<std::string_view, int>> sorted;
        sorted.reserve(order.size());
        for (std::size_t k : order)
            sorted.push_back(counts[k]);
        return sorted;
    }
};

/// Countries whose land lies on two continents (ISO alpha-2). A site's continent is its
/// country's, so a site in Prokop'yevsk is in Europe.
bool on_two_continents(std::string_view country) {
    static constexpr std::string_view both[] = {"AZ", "EG", "GE", "KZ", "RU", "TR"};
    return std::find(std::begin(both), std::end(both), country) != std::end(both);
}

/// How many shown sites each continent has: a group holding all of them may be named by it.
using ContinentSites = std::map<std::string_view, int>;

/// The name of sites that are not all in one place. Within one country the town most of them
/// are in names the area when it has at least twice the sites of any other town and all of
/// them are near it; else two towns do ("Ashburn, Atlanta area", "Chicago, Ashburn"). A group
/// across borders is named so as not to claim the other countries' sites for one town
/// ("Frankfurt am Main area" once held 40 sites in 14 countries): by its continents when it
/// holds every site the map shows in them ("Europe"), with a stray town or two of another
/// ("Europe and Casablanca"); by its continent and how many countries when it is
/// min_countries_for_part or more countries of one continent ("Europe (9 countries)": "Europe"
/// alone read as the whole continent beside other European markers); all only when it is not
/// one spot (compact_km); else by the leading town of its two leading countries, with how many
/// countries from four up.
/// What spanning_name gives: the name, and the town that leads it, if one does.
struct SpanningName {
    std::string text;
    std::string_view lead_town;
    std::string_view continent; ///< for "Africa (5 countries)": part of one continent
    std::string by_towns;       ///< then, the name its towns give ("Dakar, Bamako area")
};

SpanningName spanning_name(const std::vector<MemberView>& members, Point middle,
                           const ContinentSites& continent_sites) {
    // Towns name a group. A site whose town is unknown (out at sea) is known only by its own
    // label, which names no place, so such sites do not vote. A group with no town at all is
    // named by the label its sites share, else by where it is: one site's label named dozens
    // of groups of a random map at sea ("Site 1532 area").
    const bool any_town = std::any_of(members.begin(), members.end(),
                                      [](const MemberView& m) { return !m.town.empty(); });
    if (!any_town) {
        const bool one_label =
            std::all_of(members.begin(), members.end(),
                        [&](const MemberView& m) { return m.place == members.front().place; });
        if (one_label)
            return {std::string(members.front().place), {}, {}, {}};
        return {position_name(middle) + " area", {}, {}, {}};
    }
    // Countries are also counted by the members that vote, which alone can give them a town.
    Tally places, countries, continents, voting_countries;
    for (const MemberView& m : members) {
        const bool votes = !m.town.empty();
        if (votes)
            places.add(m.place, m.town_population);
        if (!m.country.empty()) {
            countries.add(m.country);
            continents.add(m.continent);
            if (votes)
                voting_countries.add(m.country);
        }
    }
    const std::size_t places_count = places.counts.size();
    if (countries.counts.size() < 2) {
        const std::string_view lead = places.leader();
        const bool one_place = places_count == 1 &&
                               members.size() == static_cast<std::size_t>(places.counts[0].second);
        if (one_place)
            return {std::string(lead), lead, {}, {}};
        // A town names the area only where it clearly leads it: at a tie "Chicago area" held
        // Ashburn's sites, and "Frankfurt am Main area" Munich's. Otherwise the two leading
        // towns name it together; and where some sites lie far from the leading town, it and
        // the leading town of those far ones ("Ashburn, Atlanta area").
        const auto ranked = places.by_size();
        Point lead_at;
        for (const MemberView& m : members)
            if (!m.town.empty() && m.place == lead) {
                lead_at = m.town_lonlat;
                break;
            }
        Tally far;
        for (const MemberView& m : members)
            if (!m.town.empty() && km_apart(lead_at, m.town_lonlat) > area_km)
                far.add(m.place, m.town_population);
        std::string_view second;
        if (!far.counts.empty())
            second = far.leader();
        else if (ranked.size() >= 2 && ranked[0].second < 2 * ranked[1].second)
            second = ranked[1].first;
        if (second.empty())
            return {std::string(lead) + " area", lead, {}, {}};
        std::string name = std::string(lead) + ", " + std::string(second);
        if (ranked.size() > 2)
            name += " area";
        return {std::move(name), lead, {}, {}};
    }
    const std::string count = " (" + std::to_string(countries.counts.size()) + " countries)";
    std::string_view part_of; // the continent a group of enough of its countries is in
    const bool compact = std::all_of(members.begin(), members.end(), [&](const MemberView& m) {
        return km_apart(middle, m.lonlat) <= compact_km;
    });
    auto holds_all_of = [&](std::string_view continent, int n) {
        const auto all = continent_sites.find(continent);
        return !continent.empty() && all != continent_sites.end() && all->second == n;
    };
    if (countries.counts.size() >= 3 && !compact) {
        bool whole = true, known = true;
        for (const auto& [continent, n] : continents.counts) {
            known = known && !continent.empty();
            whole = whole && holds_all_of(continent, n);
        }
        if (known && !whole && continents.counts.size() == 1 &&
            countries.counts.size() >= min_countries_for_part)
            part_of = continents.counts[0].first;
        if (whole) {
            std::string name;
            for (const auto& [continent, n] : continents.by_size())
                name += (name.empty() ? "" : ", ") + std::string(continent);
            return {name, {}, {}, {}};
        }
        // All of one continent's sites and a stray town or two of the next: one Moroccan site
        // made a disc of all of Europe "Frankfurt am Main, London area (18 countries)". It is
        // named by both, "Europe and Casablanca", where the strays are at most a tenth of its
        // sites. A site in a country on two continents counts as the continent's: "Asia and
        // Prokop'yevsk" and "Europe and Istanbul" read as mistakes. Part of a continent with
        // strays made names the key cut short ("Central Europe (8 countries) an…").
        const auto ranked_continents = continents.by_size();
        const std::string_view main = ranked_continents.front().first;
        Tally stray_towns;
        int with_country = 0, stray_sites = 0;
        bool strays_clear = true;
        for (const MemberView& m : members) {
            if (m.country.empty())
                continue;
            ++with_country;
            if (m.continent == main || on_two_continents(m.country))
                continue;
            ++stray_sites;
            strays_clear = strays_clear && !m.town.empty();
            stray_towns.add(m.place, m.town_population);
        }
        const bool few = stray_sites * 10 <= with_country && stray_towns.counts.size() <= 2;
        if (known && ranked_continents.size() >= 2 && strays_clear && few &&
            holds_all_of(main, ranked_continents.front().second)) {
            const auto towns = stray_towns.by_size();
            std::string name(main);
            if (towns.empty())
                return {std::move(name), {}, {}, {}};
            if (towns.size() == 2)
                name += ", " + std::string(towns[0].first) + " and " + std::string(towns[1].first);
            else
                name += " and " + std::string(towns[0].first);
            return {std::move(name), {}, {}, {}};
        }
    }
    // The leading town of the country most voting members are in, then of the next country.
    // Ranked by all members, a country of sites at sea gave no town, and its place went to the
    // next country's town, named twice ("Reykjanesbær, Reykjanesbær").
    const auto ranked = voting_countries.by_size();
    auto leading_place_in = [&](std::string_view country) {
        Tally in;
        for (const MemberView& m : members)
            if (m.country == country && !m.town.empty())
                in.add(m.place, m.town_population);
        return in.leader();
    };
    const std::string_view lead =
        ranked.empty() ? places.leader() : leading_place_in(ranked[0].first);
    std::string_view other =
        ranked.size() < 2 ? std::string_view() : leading_place_in(ranked[1].first);
    // Sites across a border whose nearest town is the same one: that town names them all.
    if (other == lead)
        other = {};
    std::string name(lead);
    if (!other.empty())
        name += ", " + std::string(other);
    if (other.empty() || places_count > 2)
        name += " area";
    if (countries.counts.size() >= 4)
        name += count;
    if (!part_of.empty())
        return {std::string(part_of) + count, {}, part_of, std::move(name)};
    return {name, lead, {}, {}};
}

/// The text naming the sites `members` (shown indices, best-ranked first) that share one label.
struct GroupText {
    std::string name;      ///< the place, places or continents
    std::string providers; ///< "AWS, Azure", when providers are told apart
    /// The town that leads a group's name, where it is and where the group is (degrees):
    /// what tells apart groups that one town would name alike. Empty for a lone site.
    std::string lead_town;
    Point town_lonlat, group_lonlat;
    /// How far the group's farthest site is from its middle, in km.
    double reach_km = 0;
    /// The continent a group named "Africa (5 countries)" is part of, and the name its towns
    /// give it; empty otherwise.
    std::string continent, by_towns;

    std::string text() const { return providers.empty() ? name : name + " \u00b7 " + providers; }
    /// The name alone, tried where the whole text finds no room; empty when that is the text.
    std::string short_text() const { return providers.empty() ? std::string() : name; }
};

GroupText group_label(const Scene& scene, const std::vector<int>& members,
                      const ContinentSites& continent_sites) {
    const ProjectedSite& best = *scene.shown[static_cast<std::size_t>(members.front())];
    if (members.size() == 1) {
        const std::string& name = best.site.site.display_label();
        const std::string& place = locality_of(best);
        GroupText lone;
        switch (scene.request.labels) {
        case LabelText::name:
            lone.name = name;
            break;
        case LabelText::place:
            lone.name = place.empty() ? name : place;
            break;
        case LabelText::automatic:
            lone.name = code_points(name) > long_label && !place.empty() ? place : name;
            break;
        }
        return lone;
    }
    std::vector<MemberView> view;
    view.reserve(members.size());
    for (int m : members) {
        const ProjectedSite& s = *scene.shown[static_cast<std::size_t>(m)];
        view.push_back({place_key(s),
                        locality_of(s),
                        s.site.country,
                        s.continent,
                        s.site.site.provider,
                        {s.site.lon, s.site.lat},
                        town_position(s),
                        town_population(s)});
    }
    GroupText text;
    text.group_lonlat = middle_of(view);
    for (const MemberView& m : view)
        text.reach_km = std::max(text.reach_km, km_apart(text.group_lonlat, m.lonlat));
    SpanningName spanning = spanning_name(view, text.group_lonlat, continent_sites);
    text.name = std::move(spanning.text);
    text.continent = spanning.continent;
    text.by_towns = std::move(spanning.by_towns);
    if (!spanning.lead_town.empty()) {
        text.lead_town = spanning.lead_town;
        for (const MemberView& m : view)
            if (m.town == spanning.lead_town) {
                text.town_lonlat = m.town_lonlat;
                break;
            }
    }
    // Without providers to tell apart, the count is on the map already (in an aggregate's disc,
    // or as separate markers).
    if (!scene.name_providers)
        return text;
    std::vector<std::string_view> distinct;
    for (const MemberView& m : view)
        if (!m.provider.empty())
            add_distinct(distinct, m.provider);
    std::set<std::string> providers;
    for (std::string_view p : distinct)
        providers.insert(detail::short_provider(std::string(p)));
    if (providers.size() > max_named_providers) {
        text.providers = std::to_string(providers.size()) + " providers";
    } else {
        for (const auto& p : providers)
            text.providers += (text.providers.empty() ? "" : ", ") + p;
    }
    return text;
}

/// The compass point, of eight, that `to` lies at as seen from `from` (lon/lat degrees).
const char* compass_point(Point from, Point to) {
    const double lat1 = from.y * kDegree, lat2 = to.y * kDegree;
    const double dlon = std::remainder(to.x - from.x, 360.0) * kDegree;
    const double bearing = std::atan2(std::sin(dlon) * std::cos(lat2),
                                      std::cos(lat1) * std::sin(lat2) -
                                          std::sin(lat1) * std::cos(lat2) * std::cos(dlon));
    static constexpr const char* points[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
    const long k = std::lround(bearing / (M_PI / 4));
    return points[((k % 8) + 8) % 8];
}

/// Where each continent's middle is taken to be (lon/lat degrees), as continent_of names them:
/// what "Western Africa" is west of. Placed so the parts read as they are commonly called
/// (Nigeria in Western Africa, Germany and Poland in Central Europe, India in Southern Asia),
/// not at a geometric centre.
constexpr std::pair<std::string_view, Point> continent_middles[] = {
    {"Africa", {20, 5}},           {"Asia", {75, 45}},      {"Europe", {15, 50}},
    {"North America", {-100, 48}}, {"Oceania", {134, -25}}, {"South America", {-57, -15}},
};

/// Groups this many km or less from their continent's middle are its "Central" part.
constexpr double central_km = 700;

/// The part of its continent a group is in ("Western"), or empty for a continent with no known
/// middle, or a group reaching `reach_km` from its middle past the continent's middle (or, in
/// the centre, further than the centre reaches): "Western Africa (21 countries)" held Mombasa
/// and Benguela.
std::string continent_part(std::string_view continent, Point group, double reach_km) {
    for (const auto& [name, middle] : continent_middles) {
        if (name != continent)
            continue;
        const double from_middle = km_apart(middle, group);
        if (from_middle <= central_km)
            return reach_km <= 2 * central_km ? "Central" : "";
        if (reach_km >= from_middle)
            return {};
        static const std::map<std::string_view, const char*> words = {
            {"N", "Northern"}, {"NE", "Northeastern"}, {"E", "Eastern"}, {"SE", "Southeastern"},
            {"S", "Southern"}, {"SW", "Southwestern"}, {"W", "Western"}, {"NW", "Northwestern"}};
        return words.at(compass_point(middle, group));
    }
    return {};
}

/// Names that would read alike for groups in different places. Where towns are few, "Anadyr
/// area" named three groups of a random map: the group nearest the town keeps the name, and
/// every other one is named by where it lies from the town ("N of Anadyr"), with how far where
/// two would still read alike ("250 km N of Anadyr").
void tell_apart(std::vector<GroupText>& names) {
    std::unordered_map<std::string_view, std::vector<std::size_t>> alike;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (!names[k].lead_town.empty())
            alike[names[k].name].push_back(k);
    std::vector<std::pair<double, std::size_t>> by_distance;
    std::vector<std::string> renamed;
    // Applied once every set is done: `alike` is keyed by views of these names.
    std::vector<std::pair<std::size_t, std::string>> changes;
    for (auto& entry : alike) {
        const std::vector<std::size_t>& same = entry.second;
        if (same.size() < 2)
            continue;
        by_distance.clear();
        for (std::size_t k : same)
            by_distance.emplace_back(km_apart(names[k].town_lonlat, names[k].group_lonlat), k);
        std::sort(by_distance.begin(), by_distance.end());
        renamed.assign(by_distance.size(), {});
        for (std::size_t i = 1; i < by_distance.size(); ++i) {
            const GroupText& g = names[by_distance[i].second];
            renamed[i] =
                std::string(compass_point(g.town_lonlat, g.group_lonlat)) + " of " + g.lead_town;
        }
        for (std::size_t i = 1; i < by_distance.size(); ++i) {
            std::string name = renamed[i];
            if (std::count(renamed.begin(), renamed.end(), renamed[i]) > 1) {
                const long km = std::max(10L, std::lround(by_distance[i].first / 10) * 10);
                name = std::to_string(km) + " km " + name;
            }
            changes.emplace_back(by_distance[i].second, std::move(name));
        }
    }
    // Parts of one continent: "Africa (5 countries)" named five groups of a random map. A
    // group named by its continent says which part of it it is in ("Asia (5 countries)" for
    // five countries of Southeast Asia told a reader little); two that would still read alike
    // are named by their towns.
    std::map<std::string_view, std::vector<std::size_t>> by_continent;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (!names[k].continent.empty())
            by_continent[names[k].continent].push_back(k);
    std::vector<std::string> parts;
    for (const auto& [continent, same] : by_continent) {
        parts.clear();
        for (std::size_t k : same) {
            const std::string part =
                continent_part(continent, names[k].group_lonlat, names[k].reach_km);
            parts.push_back(part.empty() ? names[k].name : part + " " + names[k].name);
        }
        for (std::size_t i = 0; i < same.size(); ++i) {
            const bool alone = std::count(parts.begin(), parts.end(), parts[i]) == 1;
            changes.emplace_back(same[i], alone ? parts[i] : names[same[i]].by_towns);
        }
    }
    for (auto& [k, name] : changes)
        names[k].name = std::move(name);
}

/// Groups of symbols (indices) that one label names: symbols of the same known place close
/// together; every other symbol alone. Each group is in increasing order; groups by first index.
std::vector<std::vector<int>> place_groups(const Scene& scene, const std::vector<Symbol>& symbols,
                                           const std::vector<std::vector<int>>& named) {
    const int n = static_cast<int>(symbols.size());
    std::vector<std::string> place(symbols.size());
    for (int i = 0; i < n; ++i) {
        const auto& members = named[static_cast<std::size_t>(i)];
        if (members.empty())
            continue;
        const std::string& first =
            place_key(*scene.shown[static_cast<std::size_t>(members.front())]);
        bool same = !first.empty();
        for (int m : members)
            same = same && place_key(*scene.shown[static_cast<std::size_t>(m)]) == first;
        if (same)
            place[static_cast<std::size_t>(i)] = first;
    }
    const double diameter = 2 * scene.style.marker_radius * scene.scale;
    detail::UnionFind sets(symbols.size());
    if (n > 1) {
        Box bounds;
        double largest = 0;
        for (const auto& s : symbols) {
            bounds.expand(s.drawn);
            largest = std::max(largest, s.r);
        }
        const double reach = same_place_link * diameter + 2 * largest;
        detail::SpatialGrid grid(bounds, std::max(reach, 1.0));
        for (int i = 0; i < n; ++i) {
            const Point p = symbols[static_cast<std::size_t>(i)].drawn;
            grid.insert(i, {p.x, p.y, p.x, p.y});
        }
        for (int i = 0; i < n; ++i) {
            if (place[static_cast<std::size_t>(i)].empty())
                continue;
            const Symbol& a = symbols[static_cast<std::size_t>(i)];
            grid.any_near(
                {a.drawn.x - reach, a.drawn.y - reach, a.drawn.x + reach, a.drawn.y + reach},
                [&](int j) {
                    const Symbol& b = symbols[static_cast<std::size_t>(j)];
                    if (j > i &&
                        place[static_cast<std::size_t>(j)] == place[static_cast<std::size_t>(i)] &&
                        std::hypot(a.drawn.x - b.drawn.x, a.drawn.y - b.drawn.y) <
                            same_place_link * diameter + a.r + b.r)
                        sets.join(i, j);
                    return false;
                });
        }
    }
    std::map<int, std::vector<int>> by_root;
    for (int i = 0; i < n; ++i)
        if (!named[static_cast<std::size_t>(i)].empty())
            by_root[sets.root(i)].push_back(i);
    std::vector<std::vector<int>> groups;
    groups.reserve(by_root.size());
    for (auto& [root, g] : by_root)
        groups.push_back(std::move(g));
    return groups;
}

} // namespace

/// The town a site is in, as far as it is known: empty when neither the geocoder nor the
/// gazetteer said.
const std::string& locality_of(const ProjectedSite& s) {
    return s.locality.empty() ? s.site.place.name : s.locality;
}

PlacerSettings placer_settings(const Scene& scene, const Box& frame,
                               const std::vector<Box>& blocked) {
    PlacerSettings settings;
    const Page& page = scene.page;
    settings.canvas = {0, 0, page.width, page.height};
    settings.frame = frame;
    if (!page.title_box.empty())
        settings.blocked.push_back(page.title_box);
    for (const auto& f : page.footer)
        settings.blocked.push_back(f.box);
    for (const Box& b : blocked)
        settings.blocked.push_back(b);
    settings.gap = scene.style.label_gap * scene.scale;
    settings.pad = 1.5 * scene.scale;
    // An em between labels on one line. A word space (0.32 em in DejaVu Sans), less the halos,
    // let two names read as one ("Chennai Singapore area"); an em reads as two.
    settings.pad_x = std::max(settings.pad, 1.0 * scene.font.size);
    settings.cell = std::max(4.0 * scene.font.size, 8.0);
    settings.leader_clearance = scene.font.size;
    return settings;
}

Naming name_symbols(const Scene& scene, const std::vector<Symbol>& symbols,
                    const PlacerSettings& placer, const std::vector<bool>& named_elsewhere,
                    bool use_key, const std::vector<std::string>& earlier_key_entries) {
    Naming naming;
    naming.outcome.assign(scene.shown.size(), LabelOutcome::unlabelled);
    naming.symbol_key.assign(symbols.size(), 0);
    // Members each symbol names in this frame, best-ranked first.
    std::vector<std::vector<int>> named(symbols.size());
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        for (int m : symbols[i].members)
            if (!named_elsewhere[static_cast<std::size_t>(m)])
                named[i].push_back(m);
        std::sort(named[i].begin(), named[i].end(), [&](int a, int b) {
            return scene.rank[static_cast<std::size_t>(a)] <
                   scene.rank[static_cast<std::size_t>(b)];
        });
    }
    struct Group {
        std::vector<int> symbols, sites; // sites best-ranked first
    };
    std::vector<Group> groups;
    for (auto& g : place_groups(scene, symbols, named)) {
        Group group{g, {}};
        for (int s : g)
            for (int m : named[static_cast<std::size_t>(s)])
                group.sites.push_back(m);
        std::sort(group.sites.begin(), group.sites.end(), [&](int a, int b) {
            return scene.rank[static_cast<std::size_t>(a)] <
                   scene.rank[static_cast<std::size_t>(b)];
        });
        groups.push_back(std::move(group));
    }
    std::sort(groups.begin(), groups.end(), [&](const Group& a, const Group& b) {
        return scene.rank[static_cast<std::size_t>(a.sites.front())] <
               scene.rank[static_cast<std::size_t>(b.sites.front())];
    });

    std::vector<detail::MarkerDisc> discs;
    discs.reserve(symbols.size());
    for (const auto& s : symbols)
        discs.push_back({s.drawn, s.r});
    std::vector<int> symbol_of(scene.shown.size(), -1);
    for (std::size_t i = 0; i < symbols.size(); ++i)
        for (int m : symbols[i].members)
            symbol_of[static_cast<std::size_t>(m)] = static_cast<int>(i);

    ContinentSites continent_sites;
    for (const ProjectedSite* s : scene.shown)
        ++continent_sites[s->continent];
    // Each group's name, measured texts and key entry depend on that group alone, so they are
    // made on both cores: at 10,000 sites the first merge step names ~1,900 groups, and the
    // text measures alone were a fifth of the layout.
    std::vector<GroupText> names(groups.size());
    std::vector<detail::LabelRequest> requests(groups.size());
    std::vector<std::string> key_texts(groups.size());
    const auto describe_group = [&](std::size_t k) {
        const Group& g = groups[k];
        const GroupText& name = names[k];
        const int best = g.sites.front();
        const Site& site = scene.shown[static_cast<std::size_t>(best)]->site.site;
        const FontSpec& font = detail::is_pending(site.status) ? scene.pending_font : scene.font;
        const std::string text = name.text();
        const int symbol = symbol_of[static_cast<std::size_t>(best)];
        const bool aggregate = symbols[static_cast<std::size_t>(symbol)].is_aggregate();
        detail::LabelRequest r(aggregate ? "+" + site.key() : site.key(), text,
                               scene.measure(text, font), symbol);
        if (std::string short_text = name.short_text(); !short_text.empty()) {
            r.short_size = scene.measure(short_text, font);
            r.short_text = std::move(short_text);
        }
        if (g.sites.size() > 1) {
            for (int m : g.sites)
                r.member_ids.push_back(scene.shown[static_cast<std::size_t>(m)]->site.site.key());
            std::sort(r.member_ids.begin(), r.member_ids.end());
        }
        if (g.symbols.size() > 1) {
            r.members = g.symbols;
            Box around;
            for (int s : g.symbols) {
                const Symbol& sym = symbols[static_cast<std::size_t>(s)];
                around.expand(Box{sym.drawn.x - sym.r, sym.drawn.y - sym.r, sym.drawn.x + sym.r,
                                  sym.drawn.y + sym.r});
            }
            const Point c{(around.min_x + around.max_x) / 2, (around.min_y + around.max_y) / 2};
            double reach = 0;
            for (int s : g.symbols) {
                const Symbol& sym = symbols[static_cast<std::size_t>(s)];
                reach = std::max(reach, std::hypot(sym.drawn.x - c.x, sym.drawn.y - c.y) + sym.r);
            }
            r.anchor = detail::MarkerDisc{c, reach};
        }
        // The key names a lone site's provider too: its colour is not beside the entry.
        std::string key_text = text;
        if (g.sites.size() == 1 && scene.name_providers && !site.provider.empty())
            key_text += " \u00b7 " + detail::short_provider(site.provider);
        key_texts[k] = std::move(key_text);
        requests[k] = std::move(r);
    };
    // A thread costs more than naming a few groups.
    const std::size_t parts = groups.size() >= parallel_groups ? 2 : 1;
    io::run_in_slices(groups.size(), parts, [&](std::size_t, std::size_t first, std::size_t end) {
        for (std::size_t k = first; k < end; ++k)
            names[k] = group_label(scene, groups[k].sites, continent_sites);
    });
    tell_apart(names);
    io::run_in_slices(groups.size(), parts, [&](std::size_t, std::size_t first, std::size_t end) {
        for (std::size_t k = first; k < end; ++k)
            describe_group(k);
    });

    PlacerSettings settings = placer;
    // With a key to fall back on, a label more than about five marker distances away from its
    // site, or nearer another marker than its own, reads worse than a number.
    if (use_key) {
        settings.leader_steps = std::min<std::size_t>(settings.leader_steps, 4);
        settings.ambiguous_near = false;
    }
    FontSpec number_font = scene.font;
    number_font.weight = 700;
    const int earlier = static_cast<int>(earlier_key_entries.size());
    const auto placed =
        detail::place_labels_or_key(requests, discs, settings, [&](int u, int numbered) {
            detail::LabelRequest key = requests[static_cast<std::size_t>(u)];
            // The number it will show: numbers go without gaps, so requests whose number found no
            // room do not count (a box sized for a longer number would sit apart from its marker).
            key.text = std::to_string(earlier + numbered + 1);
            key.size = scene.measure(key.text, number_font);
            key.short_text.clear();
            key.number = true;
            // Without a key, a number that is placed would refer to nothing: make it unplaceable.
            if (!use_key)
                key.size = {settings.canvas.width() * 4, settings.canvas.height() * 4};
            return key;
        });

    int keyed = static_cast<int>(earlier_key_entries.size());
    naming.key_entries = earlier_key_entries;
    for (std::size_t u = 0; u < requests.size(); ++u) {
        const Group& g = groups[u];
        const auto& label = placed.labels[u];
        if (label) {
            LabelLayout l = *label;
            const Site& site = scene.shown[static_cast<std::size_t>(g.sites.front())]->site.site;
            if (detail::is_pending(site.status))
                l.weight = scene.style.pending_label_weight;
            naming.labels.push_back(std::move(l));
            const LabelOutcome o = g.sites.size() > 1  ? LabelOutcome::grouped
                                   : label->has_leader ? LabelOutcome::leader
                                                       : LabelOutcome::labelled;
            for (int m : g.sites)
                naming.outcome[static_cast<std::size_t>(m)] = o;
            continue;
        }
        const auto& number = placed.key_labels[u];
        if (!number) {
            naming.unnamed += static_cast<int>(g.sites.size());
            for (int s : g.symbols)
                naming.unnamed_symbols.push_back(s);
            continue;
        }
        // Numbers go without gaps, in the order the key lists them.
        LabelLayout l = *number;
        l.text = std::to_string(++keyed);
        l.key = keyed;
        l.weight = 700;
        naming.labels.push_back(std::move(l));
        naming.key_entries.push_back(key_texts[u]);
        for (int s : g.symbols)
            naming.symbol_key[static_cast<std::size_t>(s)] = keyed;
        for (int m : g.sites)
            naming.outcome[static_cast<std::size_t>(m)] = LabelOutcome::keyed;
    }
    return naming;
}

/// Radius of an aggregate of `count` sites: grows with the logarithm of the count, and always
/// holds the count in its bold font.
std::function<double(int)> aggregate_radius(const Style& style, double scale,
                                            const MeasureText& measure,
                                            const FontSpec& count_font) {
    const double base = style.marker_radius * scale;
    return [=, &measure](int count) {
        const double grown =
            base * std::min(1.0 + 0.45 * std::log2(static_cast<double>(count)), 3.2);
        const TextSize text = measure(std::to_string(count), count_font);
        return std::max(grown, std::max(text.width, text.height) / 2 + 1.5 * scale);
    };
}

FontSpec count_font(const Style& style, double scale) {
    // The smallest legible size keeps aggregates small; scaled with the page like every other
    // text, or a 300 dpi figure's counts were 11 output pixels: under 3 pt on paper.
    FontSpec f = style.label_font;
    f.size = kMinTextPx;
    f.weight = 700;
    return detail::scaled(f, scale);
}

namespace {

/// How far apart two symbols' discs are (negative when they overlap).
double disc_gap(const Symbol& a, const Symbol& b) {
    const double dx = b.drawn.x - a.drawn.x, dy = b.drawn.y - a.drawn.y;
    return std::sqrt(dx * dx + dy * dy) - b.r - a.r;
}

/// The symbol nearest `s` by disc_gap, the lowest index among equals; -1 when there is none.
int nearest_by_scan(const std::vector<Symbol>& symbols, int s) {
    int nearest = -1;
    double best = 0;
    for (std::size_t k = 0; k < symbols.size(); ++k) {
        if (static_cast<int>(k) == s)
            continue;
        const double d = disc_gap(symbols[static_cast<std::size_t>(s)], symbols[k]);
        if (nearest < 0 || d < best) {
            nearest = static_cast<int>(k);
            best = d;
        }
    }
    return nearest;
}

/// Where an aggregate would be drawn (its sites' mean) and how far its farthest site lies.
struct Reach {
    double sites = 0;
    Point mean;
    double spread = 0;
};

/// The reach of two aggregates joined: a site lies at most its own part's spread beyond that
/// part's mean. NaN when a position is not finite, which no bound admits.
Reach unite(const Reach& a, const Reach& b) {
    const double n = a.sites + b.sites;
    const Point mean{(a.mean.x * a.sites + b.mean.x * b.sites) / n,
                     (a.mean.y * a.sites + b.mean.y * b.sites) / n};
    const double spread = std::max(std::hypot(a.mean.x - mean.x, a.mean.y - mean.y) + a.spread,
                                   std::hypot(b.mean.x - mean.x, b.mean.y - mean.y) + b.spread);
    return {n, mean, spread};
}

} // namespace

std::vector<std::vector<int>> nearest_neighbours(const std::vector<Symbol>& symbols,
                                                 const std::vector<int>& stuck, double max_spread) {
    const bool finite = std::all_of(symbols.begin(), symbols.end(), [](const Symbol& s) {
        return std::isfinite(s.drawn.x) && std::isfinite(s.drawn.y) && std::isfinite(s.r);
    });
    // Symbols in order of x: a search walks out from its symbol both ways and stops where x
    // alone puts every further symbol beyond the nearest so far (one scan of all symbols per
    // stuck one was 3 million pairs at 10,000 sites).
    std::vector<int> by_x(symbols.size());
    std::iota(by_x.begin(), by_x.end(), 0);
    std::vector<std::size_t> rank(symbols.size());
    double max_r = 0;
    if (finite) {
        std::stable_sort(by_x.begin(), by_x.end(), [&](int a, int b) {
            return symbols[static_cast<std::size_t>(a)].drawn.x <
                   symbols[static_cast<std::size_t>(b)].drawn.x;
        });
        for (std::size_t i = 0; i < by_x.size(); ++i)
            rank[static_cast<std::size_t>(by_x[i])] = i;
        for (const Symbol& sym : symbols)
            max_r = std::max(max_r, sym.r);
    }
    // Rounding in disc_gap is far below this; a symbol is passed over only when it is surely
    // farther than the nearest so far, so equals are all seen and the lowest index wins, as in
    // a plain scan.
    constexpr double slack = 1e-6;
    // What each symbol's joins so far would make: sites, their mean, and the farthest site.
    const bool bounded = std::isfinite(max_spread);
    UnionFind joined(symbols.size());
    std::vector<Reach> reach;
    reach.reserve(symbols.size());
    for (const Symbol& sym : symbols)
        reach.push_back({static_cast<double>(sym.members.size()), sym.truth, sym.spread});
    std::vector<std::vector<int>> out;
    for (int s : stuck) {
        const Symbol& a = symbols[static_cast<std::size_t>(s)];
        int nearest = -1;
        if (!finite) {
            nearest = nearest_by_scan(symbols, s);
        } else {
            double best = 0;
            auto consider = [&](int k) {
                const double d = disc_gap(a, symbols[static_cast<std::size_t>(k)]);
                if (nearest < 0 || d < best || (d == best && k < nearest)) {
                    nearest = k;
                    best = d;
                }
            };
            auto beyond = [&](double dx) {
                return nearest >= 0 && dx - max_r - a.r > best + slack;
            };
            const std::size_t at = rank[static_cast<std::size_t>(s)];
            for (std::size_t i = at + 1; i < by_x.size(); ++i) {
                const int k = by_x[i];
                if (beyond(symbols[static_cast<std::size_t>(k)].drawn.x - a.drawn.x))
                    break;
                consider(k);
            }
            for (std::size_t i = at; i-- > 0;) {
                const int k = by_x[i];
                if (beyond(a.drawn.x - symbols[static_cast<std::size_t>(k)].drawn.x))
                    break;
                consider(k);
            }
        }
        if (nearest < 0)
            continue;
        // Joins that share a symbol become one aggregate (declutter unites them), so the bound
        // is checked on what this join builds with the joins before it.
        const int ra = joined.root(s), rb = joined.root(nearest);
        if (ra != rb) {
            const Reach united =
                unite(reach[static_cast<std::size_t>(ra)], reach[static_cast<std::size_t>(rb)]);
            if (bounded && !(united.spread <= max_spread))
                continue;
            joined.join(ra, rb);
            reach[static_cast<std::size_t>(joined.root(ra))] = united;
        }
        std::vector<int> group = a.members;
        for (int m : symbols[static_cast<std::size_t>(nearest)].members)
            group.push_back(m);
        out.push_back(std::move(group));
    }
    return out;
}

/// The markers and aggregates of `symbols` (members index `scene.markers`), with their key
/// numbers, added to `out`.
void emit_symbols(const Scene& scene, const std::vector<Symbol>& symbols,
                  const std::vector<int>& keys, const FontSpec& count_font, MapLayout& out) {
    for (std::size_t k = 0; k < symbols.size(); ++k) {
        const Symbol& sym = symbols[k];
        const int key = keys[k];
        if (!sym.is_aggregate()) {
            MarkerLayout m = scene.markers[static_cast<std::size_t>(sym.members.front())];
            m.x = sym.drawn.x;
            m.y = sym.drawn.y;
            m.key = key;
            out.markers.push_back(m);
            continue;
        }
        AggregateLayout a;
        a.id = "+" + scene.markers[static_cast<std::size_t>(sym.members.front())].id;
        a.x = sym.drawn.x;
        a.y = sym.drawn.y;
        a.true_x = sym.truth.x;
        a.true_y = sym.truth.y;
        a.r = sym.r;
        a.spread = sym.spread;
        a.count_font = count_font;
        a.key = key;
        std::map<std::string, int> by_provider;
        for (int m : sym.members) {
            a.members.push_back(scene.markers[static_cast<std::size_t>(m)].id);
            ++by_provider[scene.markers[static_cast<std::size_t>(m)].provider];
        }
        for (const auto& provider : scene.colors.providers())
            if (const auto it = by_provider.find(provider); it != by_provider.end()) {
                a.segments.emplace_back(scene.colors.of(provider), it->second);
                a.providers.push_back(provider);
            }
        out.aggregates.push_back(std::move(a));
    }
}

Naming name_symbols(const Scene& scene, const std::vector<Symbol>& symbols,
                    const std::vector<Box>& blocked, const std::vector<bool>& named_elsewhere,
                    bool use_key, const std::vector<std::string>& earlier_key_entries) {
    return name_symbols(scene, symbols, placer_settings(scene, scene.page.map_frame, blocked),
                        named_elsewhere, use_key, earlier_key_entries);
}

DeclutterSettings declutter_settings(const Style& style, double scale, const MeasureText& measure,
                                     const Box& frame) {
    DeclutterSettings settings;
    settings.frame = frame;
    settings.shift_diameters = style.marker_max_shift;
    settings.gap = marker_gap * scale;
    settings.aggregate_radius = aggregate_radius(style, scale, measure, count_font(style, scale));
    return settings;
}

} // namespace dcmap::layout::detail
