#include "geocode/gazetteer_tables.hpp"

#include "geocode/gazetteer.hpp"
#include "geocode/tsv.hpp"
#include "io/threads.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>

namespace dcmap::geocode::detail {

namespace {

constexpr std::string_view index_marker = "#index\n";
constexpr std::string_view index_marker_line = "\n#index\n";

// "dcmap gazetteer tables", version 1; a header of eight 32-bit words follows it: the lengths
// of the seven arrays, then the length of the places section they index.
constexpr char packed_magic[8] = {'D', 'C', 'G', 'T', 'B', 'L', '0', '1'};
constexpr std::size_t packed_counts = 8;

template <class T> void append_array(std::string& out, std::span<const T> values) {
    out.append(reinterpret_cast<const char*>(values.data()), values.size_bytes());
}

} // namespace

GazetteerSections split_sections(std::string_view text) {
    std::size_t marker = std::string_view::npos;
    if (text.starts_with(index_marker))
        marker = 0;
    else if (auto at = text.find(index_marker_line); at != std::string_view::npos)
        marker = at + 1;
    return {text.substr(0, marker), marker == std::string_view::npos
                                        ? std::string_view{}
                                        : text.substr(marker + index_marker.size())};
}

std::pair<int, int> town_grid_cell(double lon, double lat) {
    const int row = std::clamp(static_cast<int>(std::floor((lat + 90) * town_grid_per_degree)), 0,
                               town_grid_rows - 1);
    const int column = std::clamp(static_cast<int>(std::floor((lon + 180) * town_grid_per_degree)),
                                  0, town_grid_columns - 1);
    return {row, column};
}

TownGridTables build_town_grid(std::string_view places, std::span<const std::uint32_t> starts) {
    struct Town {
        std::uint32_t cell, row;
        float lat, lon, population;
    };
    // Every place is read: in two halves at once, gathered in place order, so the grid is the
    // same as from one pass.
    std::vector<std::vector<Town>> halves(2);
    io::run_in_slices(starts.size(), 2, [&](std::size_t half, std::size_t first, std::size_t end) {
        for (auto n = static_cast<std::uint32_t>(first); n < end; ++n) {
            // Only the fields up to the population, and coordinates only for the towns that
            // pass.
            auto line = line_at(places, starts[n]);
            next_field(line); // name
            const auto lat_text = next_field(line), lon_text = next_field(line);
            next_field(line); // country
            next_field(line); // admin1
            const auto population = parse_number<std::int64_t>(next_field(line), 0);
            if (population < nearby_town_min_population)
                continue;
            const double lat = parse_number(lat_text, 0.0), lon = parse_number(lon_text, 0.0);
            const auto [grid_row, grid_column] = town_grid_cell(lon, lat);
            halves[half].push_back(
                {static_cast<std::uint32_t>(grid_row * town_grid_columns + grid_column), n,
                 static_cast<float>(lat), static_cast<float>(lon), static_cast<float>(population)});
        }
    });
    std::vector<Town> towns = std::move(halves[0]);
    towns.insert(towns.end(), halves[1].begin(), halves[1].end());
    std::sort(towns.begin(), towns.end(), [](const Town& a, const Town& b) {
        return std::tie(a.cell, a.row) < std::tie(b.cell, b.row);
    });
    TownGridTables grid;
    grid.cell_starts.assign(static_cast<std::size_t>(town_grid_columns) * town_grid_rows + 1, 0);
    for (const auto& t : towns) {
        ++grid.cell_starts[t.cell + 1];
        grid.lats.push_back(t.lat);
        grid.lons.push_back(t.lon);
        grid.populations.push_back(t.population);
        grid.place_rows.push_back(t.row);
    }
    for (std::size_t c = 1; c < grid.cell_starts.size(); ++c)
        grid.cell_starts[c] += grid.cell_starts[c - 1];
    return grid;
}

LineStarts line_starts_of(const GazetteerSections& sections) {
    // cities500 has ~200k places and ~260k index lines; reserving avoids regrowth.
    return {line_starts(sections.places, 200'000), line_starts(sections.index, 262'144)};
}

GazetteerTables build_tables(std::string_view text) {
    const GazetteerSections sections = split_sections(text);
    GazetteerTables tables;
    LineStarts starts = line_starts_of(sections);
    tables.place_starts = std::move(starts.places);
    tables.index_starts = std::move(starts.index);
    tables.towns = build_town_grid(sections.places, tables.place_starts);
    tables.places_bytes = sections.places.size();
    return tables;
}

TablesView view_of(const GazetteerTables& t) {
    return {t.place_starts, t.index_starts, t.towns.cell_starts, t.towns.place_rows,
            t.towns.lats,   t.towns.lons,   t.towns.populations};
}

std::string pack_tables(const GazetteerTables& tables) {
    const TablesView v = view_of(tables);
    std::string out(packed_magic, sizeof packed_magic);
    const std::uint32_t counts[packed_counts] = {static_cast<std::uint32_t>(v.place_starts.size()),
                                                 static_cast<std::uint32_t>(v.index_starts.size()),
                                                 static_cast<std::uint32_t>(v.cell_starts.size()),
                                                 static_cast<std::uint32_t>(v.place_rows.size()),
                                                 static_cast<std::uint32_t>(v.lats.size()),
                                                 static_cast<std::uint32_t>(v.lons.size()),
                                                 static_cast<std::uint32_t>(v.populations.size()),
                                                 static_cast<std::uint32_t>(tables.places_bytes)};
    append_array(out, std::span<const std::uint32_t>(counts));
    append_array(out, v.place_starts);
    append_array(out, v.index_starts);
    append_array(out, v.cell_starts);
    append_array(out, v.place_rows);
    append_array(out, v.lats);
    append_array(out, v.lons);
    append_array(out, v.populations);
    return out;
}

TablesView view_packed_tables(std::string_view bytes, const GazetteerSections& sections) {
    const auto broken = [](const std::string& why) {
        return Error("the embedded gazetteer's tables do not fit its text (" + why +
                     "); rebuild dcmap");
    };
    const std::size_t header = sizeof packed_magic + packed_counts * 4;
    if (bytes.size() < header || std::memcmp(bytes.data(), packed_magic, sizeof packed_magic) != 0)
        throw broken("no header");
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(std::uint32_t) != 0)
        throw broken("misaligned");
    std::uint32_t counts[packed_counts];
    std::memcpy(counts, bytes.data() + sizeof packed_magic, sizeof counts);
    std::size_t at = header;
    std::size_t k = 0;
    // The arrays are 4-byte words after a header of whole words, and the bytes are aligned:
    // each array is read in place.
    const auto next_words = [&]<class T>(std::span<const T>& out) {
        const std::size_t n = counts[k++];
        if (n > (bytes.size() - at) / 4)
            throw broken("truncated");
        out = {reinterpret_cast<const T*>(bytes.data() + at), n};
        at += n * 4;
    };
    TablesView v;
    next_words(v.place_starts);
    next_words(v.index_starts);
    next_words(v.cell_starts);
    next_words(v.place_rows);
    next_words(v.lats);
    next_words(v.lons);
    next_words(v.populations);
    const std::size_t towns = v.place_rows.size();
    if (at != bytes.size() || counts[k] != sections.places.size() ||
        v.cell_starts.size() != std::size_t(town_grid_columns) * town_grid_rows + 1 ||
        v.lats.size() != towns || v.lons.size() != towns || v.populations.size() != towns ||
        v.cell_starts.back() != towns)
        throw broken("sizes");
    // Every offset inside its section and every town row a place: a stale table must not read
    // past the text.
    const auto inside = [](std::span<const std::uint32_t> starts, std::string_view section) {
        return starts.empty() ||
               (std::is_sorted(starts.begin(), starts.end()) && starts.back() < section.size());
    };
    if (!inside(v.place_starts, sections.places) || !inside(v.index_starts, sections.index) ||
        !std::is_sorted(v.cell_starts.begin(), v.cell_starts.end()) ||
        std::any_of(v.place_rows.begin(), v.place_rows.end(),
                    [&](std::uint32_t row) { return row >= v.place_starts.size(); }))
        throw broken("offsets");
    return v;
}

} // namespace dcmap::geocode::detail
