#pragma once
// Small multiples: several maps of one view laid out in a grid on one canvas, with one title,
// one legend and one footer. Each panel is an ordinary layout (make_layout), so its markers and
// labels follow the same rules as a single map's.
#include "layout/layout.hpp"

#include <vector>

namespace dcmap::layout {

/// Lays out `panels` (each with its caption as its subtitle, and the sites it shows) in a grid
/// on a canvas of `page.width` pixels (the style's default width when 0), under `page`'s title
/// and subtitle, above its footer, with one legend for every panel's symbols: in the grid's
/// empty last cell when it fits there, else below the grid.
/// Columns: as many as keep panels at least 560 px wide (at scale 1), balanced over the rows.
/// The panels' own titles, footers, legends and widths are replaced. Panel warnings are passed
/// on with the panel's caption. Throws Error as make_layout does, or when `panels` is empty.
MapLayout make_facet_layout(const LayoutRequest& page, std::vector<LayoutRequest> panels,
                            const Style& style, const MeasureText& measure,
                            Diagnostics& diagnostics);

} // namespace dcmap::layout
