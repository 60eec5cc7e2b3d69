#pragma once
// Shared inputs for the layout tests: a deterministic text measurer, site builders, and checks
// that a layout keeps its promises (no overlaps, everything inside the frame).
#include "layout/layout.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace dcmap::layout::testing {

/// 7 px per UTF-8 code point at 12 px, 1.3 x size per line: simple, but behaves like real text.
inline TextSize fixed_measure(const std::string& text, const FontSpec& font) {
    double widest = 0;
    double current = 0;
    int lines = 1;
    for (unsigned char c : text) {
        if (c == '\n') {
            widest = std::max(widest, current);
            current = 0;
            ++lines;
        } else if ((c & 0xC0) != 0x80) {
            current += 7 * font.size / 12;
        }
    }
    widest = std::max(widest, current);
    return {widest, lines * 1.3 * font.size};
}

/// A visible site whose projected point is simply (lon, lat).
inline ProjectedSite make_site(const std::string& id, double lon, double lat,
                               const std::string& provider = "Alibaba Cloud",
                               Status status = Status::live) {
    ProjectedSite p;
    p.site.site.id = id;
    p.site.site.name = id;
    p.site.site.provider = provider;
    p.site.site.status = status;
    p.site.lon = lon;
    p.site.lat = lat;
    p.projected = {lon, lat};
    p.visible = true;
    return p;
}

/// A world view in (lon, lat) units on a 1200 px wide canvas with title and footer.
inline LayoutRequest world_request(std::vector<ProjectedSite> sites) {
    LayoutRequest r;
    r.sites = std::move(sites);
    r.view = {-180, -90, 180, 90};
    r.title = "Cloud regions";
    r.subtitle = "Alibaba Cloud, 2026";
    r.source = "provider websites";
    r.as_of = "2026-11-28";
    r.attribution = "Made with Natural Earth.";
    r.width = 1200;
    return r;
}

inline MapLayout run_layout(const LayoutRequest& request, const Style& style = {}) {
    Diagnostics diagnostics;
    return make_layout(request, style, fixed_measure, diagnostics);
}

/// The layout of `sites` on a world view `width` pixels wide, in marker mode `mode`.
inline MapLayout run_world(std::vector<ProjectedSite> sites, double width,
                           MarkerMode mode = MarkerMode::automatic) {
    auto request = world_request(std::move(sites));
    request.width = width;
    request.markers = mode;
    return run_layout(request);
}

inline Box marker_box(const MarkerLayout& m) {
    return {m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r};
}

/// Whether `box` overlaps the disc of marker `m` (a label may sit by its bounding square's
/// corner, never on the disc).
inline bool overlaps_disc(const Box& box, const MarkerLayout& m) {
    const double dx = std::max({box.min_x - m.x, 0.0, m.x - box.max_x});
    const double dy = std::max({box.min_y - m.y, 0.0, m.y - box.max_y});
    return std::hypot(dx, dy) < m.r - 1e-9;
}

/// Every number and string of a layout in one text, so layouts compare exactly.
inline std::string dump(const MapLayout& l) {
    std::ostringstream out;
    out.precision(17);
    auto box = [&](const Box& b) {
        out << b.min_x << ',' << b.min_y << ',' << b.max_x << ',' << b.max_y << ';';
    };
    auto text = [&](const TextBlock& t) {
        out << t.text << '|' << t.font.size << '|';
        box(t.box);
    };
    out << l.width << 'x' << l.height << ' ' << l.scale << '\n';
    out << l.transform.x0 << ',' << l.transform.y0 << ',' << l.transform.k << ',' << l.transform.ox
        << ',' << l.transform.oy << '\n';
    box(l.map_frame);
    for (const auto& m : l.markers)
        out << m.id << ' ' << m.x << ' ' << m.y << ' ' << m.r << ' ' << m.color.r << m.color.g
            << m.color.b << '\n';
    for (const auto& lb : l.labels) {
        out << lb.id << ' ' << lb.text << ' ' << lb.has_leader << ' ' << lb.leader_from.x << ' '
            << lb.leader_from.y << ' ' << lb.leader_to.x << ' ' << lb.leader_to.y << ' ';
        box(lb.box);
        out << '\n';
    }
    for (const auto& d : l.dropped)
        out << "dropped " << d << '\n';
    for (const auto& [id, o] : l.outcomes)
        out << id << '=' << static_cast<int>(o) << '\n';
    text(l.title);
    text(l.subtitle);
    box(l.title_box);
    box(l.legend.box);
    for (const auto& h : l.legend.headings)
        text(h);
    for (const auto& r : l.legend.rows) {
        text(r.label);
        out << r.symbol.x << ',' << r.symbol.y << ',' << r.r << '\n';
    }
    for (const auto& f : l.footer)
        text(f);
    for (const auto& c : l.host_countries)
        out << c << ' ';
    return out.str();
}

/// Asserts the placement promises: labels never overlap each other, markers, the legend, the
/// title or the footer, stay inside the frame, and leaders cross no other marker or leader.
inline void require_clean_labels(const MapLayout& l) {
    for (std::size_t i = 0; i < l.labels.size(); ++i) {
        const Box& a = l.labels[i].box;
        INFO("label " << l.labels[i].id);
        REQUIRE(l.map_frame.contains(a));
        REQUIRE_FALSE(a.intersects(l.legend.box));
        REQUIRE_FALSE(a.intersects(l.title_box));
        for (const auto& f : l.footer)
            REQUIRE_FALSE(a.intersects(f.box));
        for (std::size_t j = i + 1; j < l.labels.size(); ++j) {
            INFO("other label " << l.labels[j].id);
            REQUIRE_FALSE(a.intersects(l.labels[j].box));
        }
    }
    // Sorting label boxes by x lets the marker check skip far-away pairs.
    std::vector<Box> label_boxes;
    for (const auto& lb : l.labels)
        label_boxes.push_back(lb.box);
    std::sort(label_boxes.begin(), label_boxes.end(),
              [](const Box& a, const Box& b) { return a.min_x < b.min_x; });
    double widest = 0;
    for (const auto& b : label_boxes)
        widest = std::max(widest, b.width());
    for (const auto& m : l.markers) {
        const Box mb = marker_box(m);
        auto it = std::lower_bound(label_boxes.begin(), label_boxes.end(), mb.min_x - widest,
                                   [](const Box& b, double x) { return b.min_x < x; });
        for (; it != label_boxes.end() && it->min_x < mb.max_x; ++it) {
            INFO("marker " << m.id);
            REQUIRE_FALSE(overlaps_disc(*it, m));
        }
    }
}

} // namespace dcmap::layout::testing
