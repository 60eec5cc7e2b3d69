#include "layout/facets.hpp"

#include "layout/legend.hpp"
#include "layout/markers.hpp"
#include "layout/page.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace dcmap::layout {

namespace {

// Narrower panels leave too little room for labels; 1280 px holds two columns, 2400 px three
// or four.
constexpr double min_panel_width = 560;

/// "Announced (3)" -> "Announced": a count in a shared legend would add up sites over panels.
std::string without_count(const std::string& text) {
    const std::size_t open = text.rfind(" (");
    if (open == std::string::npos || text.back() != ')')
        return text;
    return text.substr(0, open);
}

/// One legend for every panel: each status and provider drawn on any panel, without counts.
LegendLayout shared_legend(const std::vector<MapLayout>& maps,
                           const std::vector<std::string>& providers, const Style& style,
                           double scale, const MeasureText& measure, double max_width) {
    std::vector<MarkerLayout> markers;
    std::set<std::pair<std::string, Status>> seen;
    for (const auto& map : maps) {
        std::vector<const MarkerLayout*> all;
        for (const auto& m : map.markers)
            all.push_back(&m);
        for (const auto& inset : map.insets)
            for (const auto& m : inset.markers)
                all.push_back(&m);
        for (const auto* m : all)
            if (seen.insert({m->id, m->status}).second)
                markers.push_back(*m);
    }
    const detail::ProviderColors colors(providers, style.palette);
    LegendLayout legend = detail::build_legend(markers, colors, detail::SizeRange{}, style, scale,
                                               measure, max_width);
    if (legend.box.empty())
        return legend;
    for (auto& row : legend.rows) {
        row.label.text = without_count(row.label.text);
        row.label.box.max_x = row.label.box.min_x + measure(row.label.text, row.label.font).width;
    }
    const LegendLayout wide = detail::legend_side_by_side(legend);
    if (wide.box.width() <= max_width)
        legend = wide;
    double right = 0;
    for (const auto& h : legend.headings)
        right = std::max(right, h.box.max_x);
    for (const auto& r : legend.rows)
        right = std::max(right, r.label.box.max_x);
    legend.box.max_x = right + 8 * scale;
    return legend;
}

} // namespace

MapLayout make_facet_layout(const LayoutRequest& page, std::vector<LayoutRequest> panels,
                            const Style& style, const MeasureText& measure,
                            Diagnostics& diagnostics) {
    if (panels.empty())
        throw Error("layout: small multiples need at least one panel");
    const double s = page.scale;
    const int n = static_cast<int>(panels.size());
    const double width = page.width > 0 ? page.width : style.default_width;
    const double gap = std::round(style.margin / 2);
    const double grid_width = width - 2 * style.margin;
    int columns = std::clamp(static_cast<int>((grid_width + gap) / (min_panel_width + gap)), 1, n);
    const int rows = (n + columns - 1) / columns;
    columns = (n + rows - 1) / rows; // 6 panels in 4 columns would leave a half-empty row
    const double panel_width = std::floor((grid_width - (columns - 1) * gap) / columns);

    std::set<std::string> all_providers;
    for (const auto& p : panels)
        for (const auto& site : p.sites)
            all_providers.insert(site.site.site.provider);
    const std::vector<std::string> providers(all_providers.begin(), all_providers.end());
    for (auto& p : panels) {
        p.width = static_cast<int>(panel_width);
        p.height = 0;
        p.title.clear();
        p.source.clear();
        p.as_of.clear();
        p.attribution.clear();
        p.scale = s;
        p.legend = false;
        p.providers = providers;
    }
    // One height for all, from the first panel's aspect: a panel whose key needs a band takes
    // it from its map rather than growing out of the grid.
    const double panel_height =
        detail::canvas_size_at_scale_one(panels.front(), style, measure).height;
    std::vector<MapLayout> maps;
    for (auto& p : panels) {
        p.height = static_cast<int>(panel_height);
        Diagnostics own;
        maps.push_back(make_layout(p, style, measure, own));
        for (auto& w : own.warnings) {
            w.message = p.subtitle + ": " + w.message;
            diagnostics.warnings.push_back(std::move(w));
        }
        for (auto& note : own.notes)
            diagnostics.note(p.subtitle + ": " + note.message);
    }

    LegendLayout legend = shared_legend(maps, providers, style, s, measure, grid_width * s);
    const double grid_height = rows * panel_height + (rows - 1) * gap;
    // An empty cell at the end of the grid holds the legend when it fits; else a band below.
    const bool legend_in_cell = !legend.box.empty() && rows * columns > n &&
                                legend.box.width() <= panel_width * s &&
                                legend.box.height() <= panel_height * s;
    const double legend_band =
        legend.box.empty() || legend_in_cell ? 0 : gap + legend.box.height() / s;

    // The page around the grid: its "view" is the grid itself, so the page's map frame is
    // exactly the grid's room and a derived height fits it.
    LayoutRequest outer = page;
    outer.sites.clear();
    outer.insets.clear();
    outer.auto_inset = false;
    outer.width = width;
    outer.height = 0;
    outer.view = {0, 0, grid_width, grid_height + legend_band};
    outer.world = {}; // the grid is drawn as it is: neither reshaped nor capped to a square
    outer.content = {};
    const detail::Page frame = detail::compose_page(outer, style, measure);

    MapLayout out = detail::layout_from_page(frame, s);
    out.markers_mode = "panels";
    std::set<std::string> countries;
    for (int k = 0; k < n; ++k) {
        MapPanel panel;
        panel.x =
            frame.map_frame.min_x + static_cast<double>(k % columns) * (panel_width + gap) * s;
        panel.y =
            frame.map_frame.min_y + static_cast<double>(k / columns) * (panel_height + gap) * s;
        panel.map = std::move(maps[static_cast<std::size_t>(k)]);
        const std::string& caption = panels[static_cast<std::size_t>(k)].subtitle;
        for (const auto& [id, outcome] : panel.map.outcomes)
            out.outcomes.emplace_back(caption + ": " + id, outcome);
        for (const auto& id : panel.map.dropped)
            out.dropped.push_back(caption + ": " + id);
        countries.insert(panel.map.host_countries.begin(), panel.map.host_countries.end());
        out.panels.push_back(std::move(panel));
    }
    out.host_countries.assign(countries.begin(), countries.end());
    if (!legend.box.empty()) {
        // Centred in the empty cell, or below the grid: it covers no panel.
        double x = frame.map_frame.min_x + (frame.map_frame.width() - legend.box.width()) / 2;
        double y = frame.map_frame.min_y + (grid_height + gap) * s;
        if (legend_in_cell) {
            x = frame.map_frame.min_x + static_cast<double>(n % columns) * (panel_width + gap) * s +
                (panel_width * s - legend.box.width()) / 2;
            y = frame.map_frame.min_y +
                static_cast<double>(n / columns) * (panel_height + gap) * s +
                (panel_height * s - legend.box.height()) / 2;
        }
        detail::move_legend(legend, x - legend.box.min_x, y - legend.box.min_y);
        out.legend = std::move(legend);
    }
    return out;
}

} // namespace dcmap::layout
