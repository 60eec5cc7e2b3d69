#pragma once
// The gazetteer's lookup tables (internal to geocode/): where each line starts and the towns
// bucketed for nearest_town. Built from the text at run time for a gazetteer handed in as text,
// and at build time for the embedded one (tool/index_gazetteer.cpp), which is then only read.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dcmap::geocode::detail {

/// The gazetteer text's two sections: places, one per line sorted by key, then after the
/// "#index" line "key<TAB>kind<TAB>rows" lines.
struct GazetteerSections {
    std::string_view places, index;
};
GazetteerSections split_sections(std::string_view text);

// nearest_town's grid: cells of 1 / town_grid_per_degree degrees, rows from the south pole,
// columns from the antimeridian.
inline constexpr int town_grid_per_degree = 2;
inline constexpr int town_grid_rows = 180 * town_grid_per_degree;
inline constexpr int town_grid_columns = 360 * town_grid_per_degree;

/// The grid row and column of a point.
std::pair<int, int> town_grid_cell(double lon, double lat);

/// Towns of nearby_town_min_population or more, bucketed by grid cell; within a cell in place
/// order.
struct TownGridTables {
    std::vector<std::uint32_t> cell_starts; ///< cell c's towns: [cell_starts[c], [c + 1])
    std::vector<float> lats, lons, populations;
    std::vector<std::uint32_t> place_rows; ///< each town's row in the places section
};

/// Where each line of both sections starts.
struct LineStarts {
    std::vector<std::uint32_t> places, index;
};
LineStarts line_starts_of(const GazetteerSections& sections);

/// Every line start of both sections and the town grid.
struct GazetteerTables {
    std::vector<std::uint32_t> place_starts, index_starts;
    TownGridTables towns;
    std::size_t places_bytes = 0; ///< the length of the places section they index
};

/// The town grid of the places section (two threads).
TownGridTables build_town_grid(std::string_view places, std::span<const std::uint32_t> starts);

/// Everything GazetteerTables holds, for the whole text.
GazetteerTables build_tables(std::string_view text);

/// The same tables as spans, over packed bytes or over a GazetteerTables.
struct TablesView {
    std::span<const std::uint32_t> place_starts, index_starts;
    std::span<const std::uint32_t> cell_starts, place_rows;
    std::span<const float> lats, lons, populations;
};
TablesView view_of(const GazetteerTables& tables);

/// The tables as bytes to embed: a header, then each array in the order of TablesView.
std::string pack_tables(const GazetteerTables& tables);

/// Views into bytes from pack_tables (4-byte aligned), checked against the text they were built
/// from: sizes and bounds. Throws Error when they do not fit it.
TablesView view_packed_tables(std::string_view bytes, const GazetteerSections& sections);

} // namespace dcmap::geocode::detail
