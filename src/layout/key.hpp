#pragma once
// The band below the map: the legend when inside the map it would hide sites, and the numbered
// key of sites whose label found no room on the map.
#include "layout/layout.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace dcmap::layout::detail {

/// What the band holds: the legend (null when it stays on the map) and the key's entry texts,
/// entry k naming number k + 1.
struct BandContent {
    const LegendLayout* legend = nullptr;
    const std::vector<std::string>& key_entries;
    /// A given height's band: entries too wide to stand beside the legend go there shortened
    /// rather than under it, where they would take the map's room (a 720x480 map fell from
    /// 549x223 to 364x148 for one entry).
    bool shorten_beside = false;
};

/// Pixels the band needs below the map for `content` across `width` pixels; 0 when empty.
double band_height(const BandContent& content, double width, const Style& style, double scale,
                   const MeasureText& measure);

/// Places the legend (when the band holds it) and the key inside `band`; entries that do not
/// fit are left out. Returns how many key entries were listed (the first ones).
std::size_t arrange_band(const BandContent& content, const Box& band, LegendLayout& legend,
                         KeyLayout& key, const Style& style, double scale,
                         const MeasureText& measure);

} // namespace dcmap::layout::detail
