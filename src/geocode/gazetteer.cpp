#include "geocode/gazetteer.hpp"

#include "geocode/gazetteer_tables.hpp"
#include "geocode/name_index.hpp"
#include "geocode/normalize.hpp"
#include "geocode/tsv.hpp"
#include "model/error.hpp"
#include "resources/resources.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <tuple>
#include <utility>

namespace dcmap::geocode {
namespace {

using detail::Designated;
using detail::fold;
using detail::line_at;
using detail::next_field;
using detail::parse_number;

// DATA.md: an alternate-name hit beats primary-name hits only when this many times larger.
constexpr double alternate_name_factor = 50;
// ... or a capital this many times larger ("Panama City" is Panamá, not Panama City, Florida).
constexpr double capital_alternate_factor = 2;
// A primary-name match that an alternate name beat is worth a warning from this population.
constexpr std::int64_t notable_population = 10'000;
// A town of a division's name wins when this many times its population reaches the
// division's summed population ("New York"), or when it is the division's seat ("Tokyo").
constexpr double town_division_factor = 4;
// A division's seat stands for it unless its most populous place is this many times larger.
constexpr double seat_size_factor = 100;
// A town that lost to a division of its name elsewhere is worth a warning from this size
// ("Virginia": Virginia, South Africa), and a division that lost to a town from this size.
constexpr std::int64_t notable_town_population = 50'000;
constexpr std::int64_t notable_division_population = 1'000'000;
// An unhinted town smaller than this, with a key at least this long, is checked for a place
// one edit away at least this large and this many times larger ("Johannesberg").
constexpr std::int64_t typo_max_population = 10'000;
constexpr std::size_t typo_min_key_bytes = 6;
constexpr std::int64_t typo_min_population = 500'000;
constexpr double typo_population_factor = 300;
// An unknown name one edit from exactly one place this large is taken for it, with a warning
// ("Amsterdm", "Seatle, WA"); within a hinted state or province, where few names compete, from
// a smaller size ("Prinville, Oregon"). Shorter keys are left alone: too many names lie one
// edit from "Lyon" or "Bonn".
constexpr std::int64_t misspelling_min_population = 100'000;
constexpr std::int64_t misspelling_min_population_in_state = 5'000;
constexpr std::size_t misspelling_min_key_bytes = 5;
// A second place one edit away at least this share of the first's size makes the guess unsafe.
constexpr double misspelling_rival_ratio = 0.1;
// cities500 lists places of 500+ people; a population of 0 means "unknown", not "empty".
constexpr std::int64_t assumed_min_population = 500;
constexpr std::size_t max_runners_up = 4;
constexpr std::size_t max_suggestions = 3;
// Distinct unknown names whose suggestions are remembered (the cache is emptied when full).
constexpr std::size_t max_cached_suggestions = 4096;

/// One row of the gazetteer's places section, sliced in place.
struct PlaceRow {
    std::string_view name, lat, lon, country, admin1, feature, key;
    std::int64_t population = 0;
};

PlaceRow parse_place_row(std::string_view line) {
    PlaceRow row;
    row.name = next_field(line);
    row.lat = next_field(line);
    row.lon = next_field(line);
    row.country = next_field(line);
    row.admin1 = next_field(line);
    row.population = parse_number<std::int64_t>(next_field(line), 0);
    row.feature = next_field(line);
    row.key = next_field(line);
    return row;
}

/// The last field of a line (the key column of the places section).
std::string_view last_field(std::string_view line) {
    const auto tab = line.rfind('\t');
    return tab == std::string_view::npos ? line : line.substr(tab + 1);
}

struct Country {
    std::string alpha2, alpha3, name, capital;
    double lat = 0, lon = 0;
    bool has_point = false;
};

struct CountryKey {
    std::string key;      ///< folded name, alias or code
    bool is_code = false; ///< alpha-2/alpha-3 code rather than a name
    std::size_t country = 0;
};

struct Admin1 {
    std::string code;                 ///< "US.VA"
    std::string name;                 ///< "Virginia"
    std::string key;                  ///< "virginia"
    std::string code_key;             ///< "va"
    std::vector<std::string> aliases; ///< folded abbreviations ("qc" for CA.10 Quebec)
};

/// A place row that matched a query key.
struct Candidate {
    std::uint32_t row = 0;
    std::int64_t population = 0;
    int feature_rank = 0;
    bool alternate = false; ///< matched only through an alternate name
};

/// What the parts after the first comma of a query restrict the search to.
struct Hints {
    std::string country;             ///< alpha-2; empty = any country
    std::vector<std::string> admin1; ///< accepted "CC.code" values; empty = any
};

/// Lower ranks first among equal populations: capitals, then seats of larger divisions.
int feature_rank(std::string_view feature) {
    if (feature == "PPLC")
        return 0;
    if (feature == "PPLA")
        return 1;
    if (feature.size() == 5 && feature.starts_with("PPLA"))
        return 1 + (feature[4] - '0');
    return 9;
}

std::vector<std::string_view> split_query(std::string_view query) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto comma = query.find(',');
        auto part = query.substr(0, comma);
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t'))
            part.remove_prefix(1);
        while (!part.empty() && (part.back() == ' ' || part.back() == '\t'))
            part.remove_suffix(1);
        if (!part.empty())
            parts.push_back(part);
        if (comma == std::string_view::npos)
            break;
        query.remove_prefix(comma + 1);
    }
    return parts;
}

// metro_town looks this far around a point for a town large enough to name it by.
constexpr double metro_km = 40;

/// Great-circle distance in km (spherical Earth, R = 6371 km).
double km_between(double lat1, double lon1, double lat2, double lon2) {
    constexpr double rad = M_PI / 180;
    const double h = std::pow(std::sin((lat2 - lat1) * rad / 2), 2) +
                     std::cos(lat1 * rad) * std::cos(lat2 * rad) *
                         std::pow(std::sin((lon2 - lon1) * rad / 2), 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// A town and a division's seat this close are one place ("Taipei" the city and the
// special municipality).
constexpr double same_place_km = 50;

/// The town grid's cell at `row` (in range) and `column`, wrapped round the antimeridian.
std::size_t town_cell_index(int row, int column) {
    constexpr int columns = detail::town_grid_columns;
    return static_cast<std::size_t>(row) * columns +
           static_cast<std::size_t>(((column % columns) + columns) % columns);
}

std::string quoted(std::string_view text) {
    // append() rather than `"\"" + s`: g++ 12 gives a false -Wrestrict on the latter here.
    std::string out;
    out.reserve(text.size() + 2);
    return out.append("\"").append(text).append("\"");
}

} // namespace

struct Gazetteer::Impl {
    std::string owned_places; // backing bytes when built from caller data (from_tsv)
    std::string_view places;  // section 1: one place per line, sorted by key
    std::string_view index;   // section 2: "key<TAB>kind<TAB>rows", sorted by key and kind
    // Line starts of both sections: built from the text (from_tsv) or read as the embedded
    // gazetteer's tables, made at build time.
    detail::LineStarts owned_starts;
    std::span<const std::uint32_t> place_starts;
    std::span<const std::uint32_t> index_starts;
    std::vector<Country> countries;       // sorted by alpha-2
    std::vector<CountryKey> country_keys; // sorted by key, names before codes
    std::vector<Admin1> admin1;           // sorted by code
    /// Every folded name, code and abbreviation of a division -> its index in admin1, sorted.
    std::vector<std::pair<std::string, std::uint32_t>> admin1_keys;

    /// Every place's key, country and population and an index of the keys, for the
    /// closest-name search; built on the first unknown name, so runs that resolve everything
    /// never pay for it.
    struct Names {
        std::vector<std::string_view> keys, countries, admin1s; // by row
        std::vector<std::int64_t> populations;                  // by row
        std::optional<detail::NameIndex> index;
    };
    /// Towns of nearby_town_min_population or more, bucketed by grid cell for
    /// nearest_town; built on first use.
    struct TownGrid {
        std::span<const std::uint32_t> cell_starts; // cell c's towns: [cell_starts[c], [c + 1])
        std::span<const float> lats, lons;          // by town, grouped by cell
        std::span<const std::uint32_t> place_rows;  // by town: its row in places
        std::span<const float> populations;         // by town
    };
    mutable std::once_flag grid_built;
    mutable detail::TownGridTables built_towns; // the grid's arrays, when built at run time
    mutable TownGrid grid;
    const TownGrid& town_grid() const;
    /// A town of the grid as nearest_town answers it, `km` from the point asked about.
    NearbyTown town_at(std::uint32_t town, double km) const;

    mutable std::once_flag names_built;
    mutable Names names;
    const Names& name_index() const;

    void load_places(std::string_view text);
    /// load_places with the tables made at build time, and the town grid from them.
    void load_places(std::string_view text, std::string_view packed_tables);
    void load_countries(std::string_view text);
    void load_admin1(std::string_view text);

    PlaceRow row(std::uint32_t n) const {
        return parse_place_row(line_at(places, place_starts[n]));
    }
    const Country* country(std::string_view alpha2) const;
    std::optional<std::size_t> find_country(std::string_view text, bool names_only) const;
    std::string admin1_name(std::string_view country, std::string_view code) const;
    std::vector<std::string> admin1_matching(std::string_view text, std::string_view country) const;

    std::vector<std::uint32_t> primary_rows(std::string_view key) const;
    std::vector<std::uint32_t> index_rows(std::string_view key, char kind) const;
    std::vector<Candidate> candidates(std::string_view key, const Hints& hints) const;
    bool accepts(const PlaceRow& row, const Hints& hints) const;

    std::vector<Candidate> candidates_or_variants(std::string_view key, const Hints& hints) const;
    const Country* country_named(std::string_view name, std::string_view required) const;
    GeocodeMatch match_from(std::string_view query, const std::vector<Candidate>& found) const;
    Place make_place(const PlaceRow& row) const;
    Place country_place(const Country& c) const;
    std::vector<Hints> interpret_hints(std::string_view query,
                                       const std::vector<std::string_view>& parts) const;
    /// "closest: A (CC), B (CC)" for an unknown folded name, searched within the bounds of
    /// detail::search_bounds and remembered per name and country.
    std::string closest_names(std::string_view key, const std::vector<Hints>& hints) const;
    std::string search_closest_names(std::string_view key, int limit,
                                     const std::vector<Hints>& hints) const;
    /// The one place a misspelt name most likely means: one edit from `key`, within the hints,
    /// at least misspelling_min_population people (or ..._in_state under a state hint), and no
    /// other such place a tenth its size; nullopt otherwise.
    std::optional<std::uint32_t> misspelling_of(std::string_view key,
                                                const std::vector<Hints>& hints) const;
    /// "; did you mean Germany?" for a hint that names no country or region, or empty.
    std::string closest_country_or_region(std::string_view text) const;
    mutable std::mutex suggestions_mutex;
    mutable std::map<std::string, std::string> suggestions; // "country<TAB>key" -> answer
    /// Each division's summed population and its seat (PPLA, else its most populous place),
    /// by index in admin1; built on first use.
    struct Admin1Stats {
        std::int64_t population = 0;
        std::uint32_t seat = UINT32_MAX;
    };
    mutable std::once_flag admin1_stats_built;
    mutable std::vector<Admin1Stats> admin1_stats;
    const std::vector<Admin1Stats>& division_stats() const;
    /// Divisions called `name` (by name, abbreviation, or a code with a letter in it) in
    /// `country` (any when empty), most populous first.
    std::vector<std::uint32_t> divisions_named(std::string_view name,
                                               std::string_view country) const;
    /// A division as a match: at its seat, precision admin1.
    GeocodeMatch division_match(std::string_view query, std::uint32_t division) const;
    /// Place query as written (no rewrites); `prefer` settles a town against a division.
    std::optional<GeocodeMatch> find_as_written(std::string_view query, Designated prefer) const;
    /// A far larger place one edit away from an unhinted small town's name ("Johannesberg").
    std::optional<std::uint32_t> much_larger_spelling(std::string_view key,
                                                      std::int64_t population) const;
};

void Gazetteer::Impl::load_places(std::string_view text) {
    const auto sections = detail::split_sections(text);
    places = sections.places;
    index = sections.index;
    // The town grid is built on first use: most lookups never need it.
    owned_starts = detail::line_starts_of(sections);
    place_starts = owned_starts.places;
    index_starts = owned_starts.index;
}

void Gazetteer::Impl::load_places(std::string_view text, std::string_view packed_tables) {
    const auto sections = detail::split_sections(text);
    places = sections.places;
    index = sections.index;
    const detail::TablesView tables = detail::view_packed_tables(packed_tables, sections);
    place_starts = tables.place_starts;
    index_starts = tables.index_starts;
    std::call_once(grid_built, [&] {
        grid = {tables.cell_starts, tables.lats, tables.lons, tables.place_rows,
                tables.populations};
    });
}

void Gazetteer::Impl::load_countries(std::string_view text) {
    for (auto start : detail::line_starts(text, 256)) {
        auto line = line_at(text, start);
        next_field(line); // ISO numeric: the basemap's join key, not needed for lookups
        Country c;
        c.alpha2 = next_field(line);
        c.alpha3 = next_field(line);
        c.name = next_field(line);
        const auto lat = next_field(line);
        const auto lon = next_field(line);
        c.has_point = !lat.empty() && !lon.empty();
        c.lat = parse_number(lat, 0.0);
        c.lon = parse_number(lon, 0.0);
        c.capital = next_field(line);
        const auto aliases = next_field(line);
        const std::size_t id = countries.size();
        country_keys.push_back({fold(c.name), false, id});
        country_keys.push_back({fold(c.alpha2), true, id});
        country_keys.push_back({fold(c.alpha3), true, id});
        for (auto rest = aliases; !rest.empty();) {
            const auto bar = rest.find('|');
            country_keys.push_back({fold(rest.substr(0, bar)), false, id});
            rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
        }
        countries.push_back(std::move(c));
    }
    const auto by_alpha2 = [](const Country& a, const Country& b) { return a.alpha2 < b.alpha2; };
    if (!std::is_sorted(countries.begin(), countries.end(), by_alpha2))
        throw Error("countries.tsv: rows are not sorted by alpha-2 code");
    std::sort(country_keys.begin(), country_keys.end(), [](const auto& a, const auto& b) {
        return std::tie(a.key, a.is_code, a.country) < std::tie(b.key, b.is_code, b.country);
    });
}

void Gazetteer::Impl::load_admin1(std::string_view text) {
    for (auto start : detail::line_starts(text, 4096)) {
        auto line = line_at(text, start);
        Admin1 a;
        a.code = next_field(line);
        a.name = next_field(line);
        a.key = next_field(line);
        if (a.key.empty())
            a.key = fold(a.name);
        for (auto rest = next_field(line); !rest.empty();) {
            const auto bar = rest.find('|');
            a.aliases.push_back(fold(rest.substr(0, bar)));
            rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
        }
        const auto dot = a.code.find('.');
        a.code_key = fold(dot == std::string::npos ? a.code : a.code.substr(dot + 1));
        admin1.push_back(std::move(a));
    }
    std::sort(admin1.begin(), admin1.end(),
              [](const Admin1& a, const Admin1& b) { return a.code < b.code; });
    admin1_keys.clear();
    for (std::uint32_t i = 0; i < admin1.size(); ++i) {
        admin1_keys.emplace_back(admin1[i].key, i);
        admin1_keys.emplace_back(admin1[i].code_key, i);
        for (const auto& alias : admin1[i].aliases)
            admin1_keys.emplace_back(alias, i);
    }
    std::sort(admin1_keys.begin(), admin1_keys.end());
}

const Country* Gazetteer::Impl::country(std::string_view alpha2) const {
    const auto it =
        std::lower_bound(countries.begin(), countries.end(), alpha2,
                         [](const Country& c, std::string_view a) { return c.alpha2 < a; });
    return it != countries.end() && it->alpha2 == alpha2 ? &*it : nullptr;
}

std::optional<std::size_t> Gazetteer::Impl::find_country(std::string_view text,
                                                         bool names_only) const {
    const auto key = fold(text);
    auto it = std::lower_bound(country_keys.begin(), country_keys.end(), key,
                               [](const CountryKey& k, const std::string& v) { return k.key < v; });
    for (; it != country_keys.end() && it->key == key; ++it)
        if (!names_only || !it->is_code)
            return it->country;
    return std::nullopt;
}

std::string Gazetteer::Impl::admin1_name(std::string_view country, std::string_view code) const {
    std::string full(country);
    full += '.';
    full += code;
    const auto it =
        std::lower_bound(admin1.begin(), admin1.end(), full,
                         [](const Admin1& a, const std::string& c) { return a.code < c; });
    return it != admin1.end() && it->code == full ? it->name : std::string{};
}

std::vector<std::string> Gazetteer::Impl::admin1_matching(std::string_view text,
                                                          std::string_view country) const {
    const auto key = fold(text);
    const auto prefix = country.empty() ? std::string{} : std::string(country) + '.';
    std::vector<std::string> codes;
    if (key.empty())
        return codes;
    const auto [lo, hi] = std::equal_range(
        admin1_keys.begin(), admin1_keys.end(), std::pair<std::string, std::uint32_t>{key, 0},
        [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::uint32_t> found;
    for (auto it = lo; it != hi; ++it)
        if (admin1[it->second].code.starts_with(prefix))
            found.push_back(it->second);
    // In code order, once each, as a scan of the sorted divisions would give them.
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    for (const auto i : found)
        codes.push_back(admin1[i].code);
    return codes;
}

std::vector<std::uint32_t> Gazetteer::Impl::primary_rows(std::string_view key) const {
    const auto key_of = [&](std::uint32_t start) { return last_field(line_at(places, start)); };
    const auto lo = std::partition_point(place_starts.begin(), place_starts.end(),
                                         [&](std::uint32_t s) { return key_of(s) < key; });
    std::vector<std::uint32_t> rows;
    for (auto it = lo; it != place_starts.end() && key_of(*it) == key; ++it)
        rows.push_back(static_cast<std::uint32_t>(it - place_starts.begin()));
    for (auto n : index_rows(key, 'p'))
        rows.push_back(n);
    return rows;
}

std::vector<std::uint32_t> Gazetteer::Impl::index_rows(std::string_view key, char kind) const {
    const auto split = [&](std::uint32_t start) {
        auto line = line_at(index, start);
        const auto k = next_field(line);
        const auto kd = next_field(line);
        return std::tuple{k, kd.empty() ? '\0' : kd.front(), line};
    };
    const auto it = std::partition_point(index_starts.begin(), index_starts.end(), [&](auto s) {
        const auto [k, kd, rest] = split(s);
        return std::pair{k, kd} < std::pair{key, kind};
    });
    std::vector<std::uint32_t> rows;
    if (it == index_starts.end())
        return rows;
    const auto [k, kd, list] = split(*it);
    if (k != key || kd != kind)
        return rows;
    for (auto rest = list; !rest.empty();) {
        const auto comma = rest.find(',');
        const auto n = parse_number<std::uint32_t>(rest.substr(0, comma), UINT32_MAX);
        if (n < place_starts.size())
            rows.push_back(n);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return rows;
}

bool Gazetteer::Impl::accepts(const PlaceRow& row, const Hints& hints) const {
    if (!hints.country.empty() && row.country != hints.country)
        return false;
    if (hints.admin1.empty())
        return true;
    return std::any_of(hints.admin1.begin(), hints.admin1.end(), [&](const std::string& code) {
        return code.size() == row.country.size() + 1 + row.admin1.size() &&
               code.starts_with(row.country) && code.ends_with(row.admin1);
    });
}

std::vector<Candidate> Gazetteer::Impl::candidates(std::string_view key, const Hints& hints) const {
    std::vector<Candidate> primary, alternate;
    const auto collect = [&](const std::vector<std::uint32_t>& rows, std::vector<Candidate>& out) {
        for (auto n : rows) {
            const auto r = row(n);
            if (accepts(r, hints))
                out.push_back({n, r.population, feature_rank(r.feature)});
        }
    };
    collect(primary_rows(key), primary);
    collect(index_rows(key, 'a'), alternate);
    for (auto& c : alternate)
        c.alternate = true;
    const auto best_first = [](const Candidate& a, const Candidate& b) {
        return std::tuple{-a.population, a.feature_rank, a.row} <
               std::tuple{-b.population, b.feature_rank, b.row};
    };
    std::sort(primary.begin(), primary.end(), best_first);
    std::sort(alternate.begin(), alternate.end(), best_first);
    const auto alternate_wins = [&] {
        if (primary.empty())
            return true;
        if (alternate.empty())
            return false;
        const auto& a = alternate.front();
        const auto& p = primary.front();
        const auto larger = [&](double factor) {
            return static_cast<double>(a.population) >=
                   factor * static_cast<double>(std::max(p.population, assumed_min_population));
        };
        // "Panama City": the capital, written as English speakers do, beats a small namesake.
        if (a.feature_rank == 0 && larger(capital_alternate_factor))
            return true;
        // "Changhua": GeoNames knows no population for either; a seat beats a village.
        if (a.population == 0 && p.population == 0 && a.feature_rank < p.feature_rank &&
            a.feature_rank <= 3)
            return true;
        return larger(alternate_name_factor);
    }();
    auto& first = alternate_wins ? alternate : primary;
    auto& second = alternate_wins ? primary : alternate;
    // The rule picks the winner only; the rest rank by population whatever matched them, so a
    // large namesake found by alternate name is still a runner-up ("Geneva": Genève, CH); but
    // a place matched only by an alternate name and smaller than the winner is no namesake
    // worth naming ("Manchester": Richmond, Virginia, once called that).
    const auto winner_population = first.empty() ? 0 : first.front().population;
    std::erase_if(second, [&](const Candidate& c) {
        return c.alternate && c.population < winner_population;
    });
    first.insert(first.end(), second.begin(), second.end());
    if (first.size() > 1)
        std::sort(first.begin() + 1, first.end(), best_first);
    return std::move(first);
}

std::vector<Candidate> Gazetteer::Impl::candidates_or_variants(std::string_view key,
                                                               const Hints& hints) const {
    auto found = candidates(key, hints);
    // "St. Ghislain", "Muenchen": other spellings only when the one written matches nothing.
    if (found.empty())
        for (const auto& variant : detail::spelling_variants(key))
            if (found = candidates(variant, hints); !found.empty())
                break;
    return found;
}

const Country* Gazetteer::Impl::country_named(std::string_view name,
                                              std::string_view required) const {
    const auto c = find_country(name, true);
    if (!c || !countries[*c].has_point)
        return nullptr;
    if (!required.empty() && countries[*c].alpha2 != required)
        return nullptr;
    return &countries[*c];
}

GeocodeMatch Gazetteer::Impl::match_from(std::string_view query,
                                         const std::vector<Candidate>& found) const {
    GeocodeMatch match;
    match.query = query;
    match.place = make_place(row(found.front().row));
    if (found.front().alternate) {
        // An alternate name beat a place called exactly that: say so ("Panama City").
        for (std::size_t i = 1; i < found.size(); ++i)
            if (!found[i].alternate && found[i].population >= notable_population) {
                match.ambiguous.push_back(make_place(row(found[i].row)));
                break;
            }
    }
    for (std::size_t i = 1; i < found.size() && match.runners_up.size() < max_runners_up; ++i) {
        auto place = make_place(row(found[i].row));
        const auto same = [&](const Place& p) {
            return p.name == place.name && p.country == place.country && p.admin1 == place.admin1;
        };
        if (!same(match.place) &&
            std::none_of(match.runners_up.begin(), match.runners_up.end(), same))
            match.runners_up.push_back(std::move(place));
    }
    return match;
}

Place Gazetteer::Impl::make_place(const PlaceRow& row) const {
    Place p;
    p.name = row.name;
    p.admin1 = admin1_name(row.country, row.admin1);
    p.country = row.country;
    if (const auto* c = country(row.country))
        p.country_name = c->name;
    p.lat = parse_number(row.lat, 0.0);
    p.lon = parse_number(row.lon, 0.0);
    p.population = row.population;
    return p;
}

Place Gazetteer::Impl::country_place(const Country& c) const {
    Place p;
    p.name = c.name;
    p.country = c.alpha2;
    p.country_name = c.name;
    p.lat = c.lat;
    p.lon = c.lon;
    return p;
}

std::vector<Hints>
Gazetteer::Impl::interpret_hints(std::string_view query,
                                 const std::vector<std::string_view>& parts) const {
    if (parts.size() < 2)
        return {Hints{}};
    std::vector<Hints> interpretations;
    const auto last = parts.back();
    if (const auto c = find_country(last, false)) {
        Hints h{countries[*c].alpha2, {}};
        if (parts.size() >= 3) {
            const auto region = parts[parts.size() - 2];
            h.admin1 = admin1_matching(region, h.country);
            if (h.admin1.empty())
                throw GeocodeError(std::string(query), "unknown region " + quoted(region) + " in " +
                                                           countries[*c].name + " in place " +
                                                           quoted(query) +
                                                           closest_country_or_region(region));
        }
        interpretations.push_back(std::move(h));
    }
    // "Athens, GA": GA is Gabon and the US state Georgia; the country is tried first.
    if (parts.size() == 2) {
        auto codes = admin1_matching(last, {});
        if (!codes.empty())
            interpretations.push_back(Hints{{}, std::move(codes)});
    }
    if (interpretations.empty())
        throw GeocodeError(std::string(query), "unknown country or region " + quoted(last) +
                                                   " in place " + quoted(query) +
                                                   closest_country_or_region(last));
    return interpretations;
}

std::string Gazetteer::Impl::closest_country_or_region(std::string_view text) const {
    const auto key = fold(text);
    if (key.size() < 4 || key.size() > detail::max_search_bytes)
        return {};
    const int limit = key.size() < 7 ? 1 : 2;
    std::vector<std::tuple<int, int, std::string>> scored; // edits, countries first, name
    for (const auto& k : country_keys)
        if (!k.is_code)
            if (const int d = detail::edit_distance(key, k.key, limit); d <= limit)
                scored.emplace_back(d, 0, countries[k.country].name);
    for (const auto& [k, i] : admin1_keys)
        if (k.size() >= 4)
            if (const int d = detail::edit_distance(key, k, limit); d <= limit)
                scored.emplace_back(d, 1,
                                    admin1[i].name + " (" + admin1[i].code.substr(0, 2) + ")");
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> names;
    for (const auto& [d, kind, name] : scored)
        if (std::find(names.begin(), names.end(), name) == names.end() && names.size() < 3)
            names.push_back(name);
    if (names.empty())
        return {};
    std::string out = "; did you mean ";
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out + "?";
}

const Gazetteer::Impl::Names& Gazetteer::Impl::name_index() const {
    std::call_once(names_built, [this] {
        names.keys.reserve(place_starts.size());
        names.countries.reserve(place_starts.size());
        names.populations.reserve(place_starts.size());
        for (std::uint32_t n = 0; n < place_starts.size(); ++n) {
            const auto r = row(n);
            names.keys.push_back(r.key);
            names.countries.push_back(r.country);
            names.admin1s.push_back(r.admin1);
            names.populations.push_back(r.population);
        }
        names.index.emplace(names.keys);
    });
    return names;
}

const Gazetteer::Impl::TownGrid& Gazetteer::Impl::town_grid() const {
    std::call_once(grid_built, [this] {
        built_towns = detail::build_town_grid(places, place_starts);
        grid = {built_towns.cell_starts, built_towns.lats, built_towns.lons, built_towns.place_rows,
                built_towns.populations};
    });
    return grid;
}

NearbyTown Gazetteer::Impl::town_at(std::uint32_t town, double km) const {
    auto line = line_at(places, place_starts[grid.place_rows[town]]);
    NearbyTown out;
    out.name = next_field(line);
    out.lat = grid.lats[town];
    out.lon = grid.lons[town];
    next_field(line); // lat, as written
    next_field(line); // lon
    out.country = next_field(line);
    next_field(line); // admin-1 code
    out.population = parse_number<std::int64_t>(next_field(line), 0);
    out.km = km;
    return out;
}

std::string Gazetteer::Impl::closest_names(std::string_view full_key,
                                           const std::vector<Hints>& hints) const {
    const auto [key, limit] = detail::search_bounds(full_key);
    std::string cache_key;
    for (const auto& h : hints) {
        cache_key += h.country;
        for (const auto& code : h.admin1)
            cache_key.append(" ").append(code);
        cache_key += ';';
    }
    cache_key += '\t';
    cache_key += key;
    {
        const std::lock_guard lock(suggestions_mutex);
        if (const auto it = suggestions.find(cache_key); it != suggestions.end())
            return it->second;
    }
    auto answer = search_closest_names(key, limit, hints);
    const std::lock_guard lock(suggestions_mutex);
    // A bounded cache: a file of many distinct unknown names must not grow it without end.
    if (suggestions.size() >= max_cached_suggestions)
        suggestions.clear();
    suggestions.emplace(std::move(cache_key), answer);
    return answer;
}

std::string Gazetteer::Impl::search_closest_names(std::string_view key, int limit,
                                                  const std::vector<Hints>& hints) const {
    const auto words = static_cast<int>(1 + std::count(key.begin(), key.end(), ' '));
    const auto& all = name_index();
    // Allowing 1 edit, then the limit: once three names score 1, no name further away can
    // displace them. A search at 2 edits costs about as much as one at 3 (the index's cost
    // grows with k / 2, see name_index.hpp), so a step between rarely pays.
    std::vector<std::string> labels;
    for (int k = 1; k <= limit; k = k < limit ? limit : k + 1) {
        std::vector<std::tuple<int, std::int64_t, std::uint32_t>> scored;
        // Within what any reading of the hints allows ("Ashbourn, VA": Vatican City or
        // Virginia), so "Quincey, WA" suggests Quincy, Washington first.
        const auto hinted = [&](std::uint32_t n) {
            return std::any_of(hints.begin(), hints.end(), [&](const Hints& h) {
                PlaceRow r;
                r.country = all.countries[n];
                r.admin1 = all.admin1s[n];
                return accepts(r, h);
            });
        };
        for (const auto& hit : all.index->within(key, k, words))
            if (hints.empty() || hinted(hit.key))
                scored.emplace_back(hit.score, -all.populations[hit.key], hit.key);
        std::sort(scored.begin(), scored.end());
        labels.clear();
        for (const auto& [score, pop, n] : scored) {
            const auto r = row(n);
            auto label = std::string(r.name) + " (" + std::string(r.country) + ")";
            if (std::find(labels.begin(), labels.end(), label) == labels.end())
                labels.push_back(std::move(label));
            if (labels.size() == max_suggestions)
                break;
        }
        if (labels.size() == max_suggestions)
            break;
    }
    if (labels.empty())
        return "no similar names in the gazetteer";
    std::string out = "closest: ";
    for (std::size_t i = 0; i < labels.size(); ++i)
        out += (i ? ", " : "") + labels[i];
    return out;
}

const std::vector<Gazetteer::Impl::Admin1Stats>& Gazetteer::Impl::division_stats() const {
    std::call_once(admin1_stats_built, [this] {
        admin1_stats.assign(admin1.size(), {});
        // Per division: its most populous place, and its most populous seat (PPLA).
        std::vector<std::pair<std::int64_t, std::uint32_t>> largest(admin1.size(), {-1, 0}),
            seat(admin1.size(), {-1, 0});
        std::string code;
        for (std::uint32_t n = 0; n < place_starts.size(); ++n) {
            const auto r = row(n);
            code.assign(r.country).append(".").append(r.admin1);
            const auto it =
                std::lower_bound(admin1.begin(), admin1.end(), code,
                                 [](const Admin1& a, const std::string& c) { return a.code < c; });
            if (it == admin1.end() || it->code != code)
                continue;
            const auto i = static_cast<std::size_t>(it - admin1.begin());
            admin1_stats[i].population += r.population;
            if (r.population > largest[i].first)
                largest[i] = {r.population, n};
            if (r.feature == "PPLA" && r.population > seat[i].first)
                seat[i] = {r.population, n};
        }
        // The seat stands for the division, unless GeoNames marks a hamlet as its seat
        // (England's is West Ilsley, 332 people): then its most populous place does.
        for (std::size_t i = 0; i < admin1.size(); ++i) {
            if (largest[i].first < 0)
                continue;
            const bool seat_fits =
                seat[i].first >= 0 &&
                static_cast<double>(std::max<std::int64_t>(seat[i].first, 1)) * seat_size_factor >=
                    static_cast<double>(largest[i].first);
            admin1_stats[i].seat = seat_fits ? seat[i].second : largest[i].second;
        }
    });
    return admin1_stats;
}

std::vector<std::uint32_t> Gazetteer::Impl::divisions_named(std::string_view name,
                                                            std::string_view country) const {
    const auto key = fold(name);
    std::vector<std::uint32_t> found;
    if (key.empty())
        return found;
    const auto prefix = country.empty() ? std::string{} : std::string(country) + '.';
    const bool has_letter =
        std::any_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const auto [lo, hi] = std::equal_range(
        admin1_keys.begin(), admin1_keys.end(), std::pair<std::string, std::uint32_t>{key, 0},
        [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = lo; it != hi; ++it) {
        const auto& a = admin1[it->second];
        // "01" is a code in a hundred countries: a code stands alone only with a letter in it.
        const bool by_code_only =
            a.code_key == key && a.key != key &&
            std::find(a.aliases.begin(), a.aliases.end(), key) == a.aliases.end();
        if (a.code.starts_with(prefix) && (!by_code_only || has_letter))
            found.push_back(it->second);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    const auto& stats = division_stats();
    std::erase_if(found, [&](std::uint32_t i) { return stats[i].seat == UINT32_MAX; });
    std::stable_sort(found.begin(), found.end(), [&](std::uint32_t a, std::uint32_t b) {
        return stats[a].population > stats[b].population;
    });
    return found;
}

GeocodeMatch Gazetteer::Impl::division_match(std::string_view query, std::uint32_t division) const {
    const auto& region = admin1[division];
    GeocodeMatch m;
    m.query = query;
    m.place = make_place(row(division_stats()[division].seat));
    m.place.name = region.name;
    m.place.admin1 = region.name;
    m.place.population = 0;
    m.precision = Precision::admin1;
    return m;
}

std::optional<std::uint32_t> Gazetteer::Impl::much_larger_spelling(std::string_view key,
                                                                   std::int64_t population) const {
    const auto& all = name_index();
    std::optional<std::uint32_t> best;
    for (const auto& hit : all.index->within(key, 1, 0)) {
        const auto pop = all.populations[hit.key];
        if (hit.score == 1 && all.keys[hit.key] != key && pop >= typo_min_population &&
            static_cast<double>(pop) >=
                typo_population_factor *
                    static_cast<double>(std::max(population, std::int64_t{1})) &&
            (!best || pop > all.populations[*best]))
            best = hit.key;
    }
    return best;
}

std::optional<std::uint32_t>
Gazetteer::Impl::misspelling_of(std::string_view key, const std::vector<Hints>& hints) const {
    if (key.size() < misspelling_min_key_bytes)
        return std::nullopt;
    const bool in_state =
        std::any_of(hints.begin(), hints.end(), [](const Hints& h) { return !h.admin1.empty(); });
    const std::int64_t min_population =
        in_state ? misspelling_min_population_in_state : misspelling_min_population;
    const auto& all = name_index();
    std::vector<std::uint32_t> found; // places one edit away, within the hints
    for (const auto& hit : all.index->within(key, 1, 0)) {
        if (hit.score != 1)
            continue;
        PlaceRow r;
        r.country = all.countries[hit.key];
        r.admin1 = all.admin1s[hit.key];
        if (std::any_of(hints.begin(), hints.end(), [&](const Hints& h) { return accepts(r, h); }))
            found.push_back(hit.key);
    }
    std::sort(found.begin(), found.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(all.populations[b], a) < std::tie(all.populations[a], b);
    });
    if (found.empty() || all.populations[found.front()] < min_population)
        return std::nullopt;
    const auto best = found.front();
    for (std::size_t i = 1; i < found.size(); ++i) {
        // Another row of the same name in the same country is the same place listed twice.
        if (all.keys[found[i]] == all.keys[best] && all.countries[found[i]] == all.countries[best])
            continue;
        if (static_cast<double>(all.populations[found[i]]) >=
            misspelling_rival_ratio * static_cast<double>(all.populations[best]))
            return std::nullopt;
        break; // sorted by population: the rest are smaller still
    }
    return best;
}

std::optional<GeocodeMatch> Gazetteer::Impl::find_as_written(std::string_view query,
                                                             Designated prefer) const {
    const auto parts = split_query(query);
    if (parts.empty())
        throw GeocodeError(std::string(query), "empty place name");
    const auto name = parts.front();
    const auto country_match = [&](const Country& c) {
        GeocodeMatch m;
        m.query = std::string(query);
        m.place = country_place(c);
        m.precision = Precision::country;
        return m;
    };
    if (parts.size() == 1 && prefer != Designated::town)
        if (const auto* c = country_named(name, {})) {
            // "Wales", "Scotland": a country's alias that is also one of its divisions names
            // the division.
            if (fold(c->name) != fold(name))
                if (const auto d = divisions_named(name, c->alpha2); !d.empty())
                    return division_match(query, d.front());
            return country_match(*c);
        }
    const auto hint_sets = interpret_hints(query, parts);
    const auto key = fold(name);
    std::vector<Candidate> found;
    for (const auto& hints : hint_sets) {
        found = candidates_or_variants(key, hints);
        if (!found.empty())
            break;
        // "Bahrain, BH": the name is the hinted country itself.
        if (hints.admin1.empty() && !hints.country.empty())
            if (const auto* c = country_named(name, hints.country))
                return country_match(*c);
    }
    // "Ningxia", "Bavaria, Germany", "Iowa": a state or province named alone stands at its
    // seat, unless a town of that name is its seat or a good part of its size ("Tokyo",
    // "New York", "São Paulo").
    std::vector<std::uint32_t> divisions;
    if (prefer != Designated::town &&
        (parts.size() == 1 || (parts.size() == 2 && hint_sets.front().admin1.empty())))
        divisions = divisions_named(name, parts.size() == 1 ? std::string_view{}
                                                            : hint_sets.front().country);
    if (found.empty() && divisions.empty())
        return std::nullopt;
    const auto& stats = division_stats();
    const bool town_wins = [&] {
        if (divisions.empty())
            return true;
        if (found.empty() || prefer == Designated::region)
            return false;
        const auto& d = stats[divisions.front()];
        return found.front().row == d.seat ||
               static_cast<double>(found.front().population) * town_division_factor >=
                   static_cast<double>(d.population);
    }();
    GeocodeMatch m;
    if (town_wins) {
        m = match_from(query, found);
        const bool hinted = parts.size() > 1;
        if (!hinted && m.place.population < typo_max_population &&
            key.size() >= typo_min_key_bytes) {
            if (const auto other = much_larger_spelling(key, m.place.population)) {
                auto small = m.place;
                m.place = make_place(row(*other));
                m.runners_up.insert(m.runners_up.begin(), small);
                m.ambiguous.insert(m.ambiguous.begin(), small);
                m.warnings.push_back(quoted(query) + " is taken for a misspelling of " +
                                     m.place.name + ": using " + short_description(m.place) +
                                     " (population " + std::to_string(m.place.population) +
                                     "), not " + short_description(small) + " (population " +
                                     std::to_string(small.population) + "); write \"" +
                                     short_description(small) + "\" for the latter");
            }
        }
        // A division of this name elsewhere, and a large one, is worth a warning.
        for (const auto i : divisions) {
            auto other = division_match(query, i).place;
            const bool contains =
                admin1[i].code ==
                    m.place.country + "." + std::string(row(found.front().row).admin1) ||
                km_between(other.lat, other.lon, m.place.lat, m.place.lon) <= same_place_km;
            if (!contains && stats[i].population >= notable_division_population) {
                m.ambiguous.push_back(other);
                m.runners_up.insert(m.runners_up.begin(), other);
                break;
            }
        }
    } else {
        m = division_match(query, divisions.front());
        for (std::size_t i = 1; i < divisions.size(); ++i) {
            auto other = division_match(query, divisions[i]).place;
            m.ambiguous.push_back(other);
            m.runners_up.push_back(std::move(other));
        }
        if (!found.empty()) {
            auto town = make_place(row(found.front().row));
            const bool inside =
                (town.country == m.place.country && town.admin1 == m.place.admin1) ||
                km_between(town.lat, town.lon, m.place.lat, m.place.lon) <= same_place_km;
            if (!inside && town.population >= notable_town_population)
                m.ambiguous.push_back(town);
            m.runners_up.push_back(std::move(town));
        }
        if (m.runners_up.size() > max_runners_up)
            m.runners_up.resize(max_runners_up);
    }
    return m;
}

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

const Gazetteer& Gazetteer::embedded() {
    static const Gazetteer instance = [] {
        auto impl = std::make_unique<Impl>();
        const auto places = resources::get("gazetteer.tsv");
        if (places.empty())
            throw Error("the embedded gazetteer is missing from this build");
        impl->load_places(places, resources::get("gazetteer-index.bin"));
        impl->load_countries(resources::get("countries.tsv"));
        impl->load_admin1(resources::get("admin1.tsv"));
        return Gazetteer(std::move(impl));
    }();
    return instance;
}

Gazetteer Gazetteer::from_tsv(std::string_view places, std::string_view countries,
                              std::string_view admin1) {
    auto impl = std::make_unique<Impl>();
    impl->owned_places.assign(places);
    impl->load_places(impl->owned_places);
    impl->load_countries(countries);
    impl->load_admin1(admin1);
    return Gazetteer(std::move(impl));
}

std::string Gazetteer::country_name(std::string_view alpha2) const {
    const auto* c = impl_->country(alpha2);
    return c ? c->name : std::string{};
}

std::string Gazetteer::country_code(std::string_view name) const {
    const auto c = impl_->find_country(name, false);
    return c ? impl_->countries[*c].alpha2 : std::string{};
}

std::optional<NearbyTown> Gazetteer::nearest_town(double lon, double lat) const {
    if (!std::isfinite(lon) || !std::isfinite(lat))
        return std::nullopt;
    lat = std::clamp(lat, -90.0, 90.0);
    lon = std::remainder(lon, 360.0);
    const auto& grid = impl_->town_grid();
    constexpr double km_per_degree = 6371.0 * M_PI / 180;
    const double cos_lat = std::cos(lat * M_PI / 180);
    const auto [row0, column0] = detail::town_grid_cell(lon, lat);
    // Ranked by an equirectangular distance (exact enough between neighbours, and cheap); the
    // answer's distance is then great-circle.
    double best = std::numeric_limits<double>::infinity();
    std::uint32_t best_town = UINT32_MAX;
    const auto visit = [&](int row, int column) {
        if (row < 0 || row >= detail::town_grid_rows)
            return;
        const std::size_t cell = town_cell_index(row, column);
        for (auto t = grid.cell_starts[cell]; t < grid.cell_starts[cell + 1]; ++t) {
            double dlon = std::abs(grid.lons[t] - lon);
            dlon = std::min(dlon, 360 - dlon);
            const double dx = dlon * cos_lat, dy = grid.lats[t] - lat;
            const double d = dx * dx + dy * dy;
            if (d < best || (d == best && grid.place_rows[t] < grid.place_rows[best_town])) {
                best = d;
                best_town = t;
            }
        }
    };
    const double max_degrees = nearby_town_max_km / km_per_degree;
    // Ring r: the cells r steps from the point's cell, visited nearest rings first.
    for (int r = 0;; ++r) {
        if (r == 0) {
            visit(row0, column0);
        } else {
            for (int c = column0 - r; c <= column0 + r; ++c) {
                visit(row0 - r, c);
                visit(row0 + r, c);
            }
            for (int w = row0 - r + 1; w <= row0 + r - 1; ++w) {
                visit(w, column0 - r);
                visit(w, column0 + r);
            }
        }
        // Every town not yet visited is more than r cells of latitude or r cells of longitude
        // away, so farther than this in the scaled degrees compared above.
        const double bound = r * std::max(cos_lat, 1e-9) / detail::town_grid_per_degree;
        if (bound * bound >= best || bound > max_degrees || r >= detail::town_grid_rows)
            break;
    }
    if (best_town == UINT32_MAX)
        return std::nullopt;
    const double km = km_between(lat, lon, grid.lats[best_town], grid.lons[best_town]);
    if (km > nearby_town_max_km)
        return std::nullopt;
    return impl_->town_at(best_town, km);
}

std::optional<NearbyTown> Gazetteer::metro_town(double lon, double lat) const {
    return metro_town(lon, lat, nearest_town(lon, lat));
}

std::optional<NearbyTown> Gazetteer::metro_town(double lon, double lat,
                                                const std::optional<NearbyTown>& nearest) const {
    if (!nearest || nearest->km > metro_km)
        return nearest;
    lat = std::clamp(lat, -90.0, 90.0);
    lon = std::remainder(lon, 360.0);
    const auto& grid = impl_->town_grid();
    constexpr double km_per_degree = 6371.0 * M_PI / 180;
    const double cos_lat = std::max(std::cos(lat * M_PI / 180), 0.05);
    const auto [row0, column0] = detail::town_grid_cell(lon, lat);
    const double reach = metro_km / km_per_degree;
    const int rings = static_cast<int>(std::ceil(reach * detail::town_grid_per_degree / cos_lat));
    // Distance counts against population: a site in Bad Soden, 14 km from Frankfurt, is
    // Frankfurt's; one in Mainz, 35 km away and a third its size, stays Mainz's. Ties go to the
    // earlier place row.
    double best_score = std::numeric_limits<double>::infinity();
    std::uint32_t best = UINT32_MAX;
    for (int row = row0 - rings; row <= row0 + rings; ++row) {
        if (row < 0 || row >= detail::town_grid_rows)
            continue;
        for (int column = column0 - rings; column <= column0 + rings; ++column) {
            const std::size_t cell = town_cell_index(row, column);
            for (auto t = grid.cell_starts[cell]; t < grid.cell_starts[cell + 1]; ++t) {
                const double km = km_between(lat, lon, grid.lats[t], grid.lons[t]);
                if (km > metro_km)
                    continue;
                const double score = (km + 2) / std::max(grid.populations[t], 1.0f);
                if (score < best_score ||
                    (score == best_score && grid.place_rows[t] < grid.place_rows[best])) {
                    best_score = score;
                    best = t;
                }
            }
        }
    }
    if (best == UINT32_MAX)
        return nearest;
    return impl_->town_at(best, km_between(lat, lon, grid.lats[best], grid.lons[best]));
}

GeocodeMatch Gazetteer::lookup(std::string_view query) const {
    if (auto found = find(query))
        return std::move(*found);
    const auto parts = split_query(query);
    const auto hint_sets = impl_->interpret_hints(query, parts);
    if (const auto meant = impl_->misspelling_of(fold(parts.front()), hint_sets)) {
        GeocodeMatch m;
        m.query = std::string(query);
        m.place = impl_->make_place(impl_->row(*meant));
        m.warnings.push_back("unknown place " + quoted(query) + ", taken for a misspelling of " +
                             m.place.name + ": using " + short_description(m.place) +
                             " (population " + std::to_string(m.place.population) + "); write \"" +
                             short_description(m.place) +
                             "\" if that is the place meant, or correct the name");
        return m;
    }
    throw GeocodeError(std::string(query),
                       "unknown place " + quoted(query) + "; " +
                           impl_->closest_names(fold(parts.front()), hint_sets));
}

std::optional<GeocodeMatch> Gazetteer::find(std::string_view query) const {
    if (auto m = impl_->find_as_written(query, Designated::anything))
        return m;
    // "Mumbai (Bombay)", "Querétaro State", "Northern Virginia": other readings, in order.
    for (const auto& rewrite : detail::query_rewrites(query)) {
        std::optional<GeocodeMatch> m;
        try {
            m = impl_->find_as_written(rewrite.query, rewrite.prefer);
        } catch (const GeocodeError&) {
            continue; // the rewrite's own hints are the query's: reported as written below
        }
        if (m) {
            m->query = std::string(query);
            return m;
        }
    }
    return std::nullopt;
}

} // namespace dcmap::geocode
