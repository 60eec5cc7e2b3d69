#include "render/painter.hpp"

#include "render/change_marks.hpp"
#include "render/simplify.hpp"
#include "render/svg_markup.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string_view>
#include <unordered_map>

namespace dcmap::render::detail {
namespace {

constexpr double kTau = 2 * std::numbers::pi;

void set_color(cairo_t* cr, Color c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

Color with_alpha(Color c, double alpha) { return {c.r, c.g, c.b, c.a * alpha}; }

// Base-map vertices are snapped to a tenth of a pixel, and vertices that move the line by less
// than a quarter of a pixel are dropped (simplify.hpp): invisible at the canvas size, yet it
// keeps 1:50m coastlines from turning SVG and PDF files into megabytes of sub-pixel zigzags.
constexpr double kSnap = 10;
constexpr double kTolerance = 0.25;

Point snapped_pixel(const ViewTransform& to_px, Point p) {
    Point px = to_px.to_pixels(p);
    return {std::round(px.x * kSnap) / kSnap, std::round(px.y * kSnap) / kSnap};
}

bool finite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }

/// Whether a drawing confined to `b` (user space) can reach the pixels of an image surface.
/// A PNG is painted in bands (encode.cpp), and each band skips the labels and markers of the
/// others: they would be clipped anyway. Vector surfaces keep everything, as they always did.
bool reaches_raster(cairo_t* cr, const Box& b) {
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_IMAGE)
        return true;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
    return b.max_x >= x1 && b.min_x <= x2 && b.max_y >= y1 && b.min_y <= y2;
}

Box grown(const Box& b, double by) {
    return {b.min_x - by, b.min_y - by, b.max_x + by, b.max_y + by};
}

/// A box around (x, y) reaching `reach` pixels each way.
Box around(double x, double y, double reach) { return grown({x, y, x, y}, reach); }

/// Whether a line of `points`, drawn `reach` pixels beyond itself (a stroke's width, joins and
/// caps), may touch the rows an image surface shows. A PNG band (see reaches_raster) then skips
/// the snapping and thinning of rings wholly above or below it, whose edges cross none of its
/// rows; those that may touch are drawn whole, so pixels do not change.
bool may_touch_rows(cairo_t* cr, const std::vector<Point>& points, const ViewTransform& to_px,
                    double reach) {
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    double low = kInfinity, high = -kInfinity;
    for (const Point& p : points) {
        low = std::min(low, p.y);
        high = std::max(high, p.y);
    }
    if (!(low <= high))
        return true; // nothing finite: add_vertices decides
    // Pixel rows grow as projected y falls; a band spans the canvas's whole width.
    const double top = to_px.to_pixels({0, high}).y, bottom = to_px.to_pixels({0, low}).y;
    return reaches_raster(cr, {-kInfinity, top - reach, kInfinity, bottom + reach});
}

// Returns false when no vertex was finite, so nothing was added.
bool add_vertices(cairo_t* cr, const std::vector<Point>& points, const ViewTransform& to_px,
                  double reach) {
    if (!may_touch_rows(cr, points, to_px, reach))
        return false;
    std::vector<Point> pixels;
    pixels.reserve(points.size());
    for (const Point& point : points) {
        Point p = snapped_pixel(to_px, point);
        // A vertex PROJ could not place must not turn into a spike across the map.
        if (finite(p))
            pixels.push_back(p);
    }
    simplify_polyline(pixels, kTolerance);
    if (pixels.empty())
        return false;
    cairo_move_to(cr, pixels.front().x, pixels.front().y);
    for (std::size_t i = 1; i < pixels.size(); ++i)
        cairo_line_to(cr, pixels[i].x, pixels[i].y);
    return true;
}

// `reach`: how far beyond the line its drawing goes, in pixels (see may_touch_rows).
void add_ring(cairo_t* cr, const Ring& ring, const ViewTransform& to_px, double reach) {
    if (ring.size() >= 3 && add_vertices(cr, ring, to_px, reach))
        cairo_close_path(cr);
}

void add_polyline(cairo_t* cr, const Polyline& line, const ViewTransform& to_px, double reach) {
    if (line.size() >= 2)
        add_vertices(cr, line, to_px, reach);
}

void add_polygons(cairo_t* cr, const std::vector<Polygon>& polygons, const ViewTransform& to_px,
                  double reach) {
    for (const auto& polygon : polygons)
        for (const auto& ring : polygon.rings)
            add_ring(cr, ring, to_px, reach);
}

void add_circle(cairo_t* cr, Point c, double r) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, c.x, c.y, std::max(r, 0.0), 0, kTau);
}

void add_box(cairo_t* cr, const Box& b) {
    cairo_rectangle(cr, b.min_x, b.min_y, b.width(), b.height());
}

/// Clips to `b`, on an image surface grown to whole pixels. Cairo rasterises a clip edge inside
/// a pixel differently when the surface is a band of the canvas (encode.cpp paints PNGs in
/// bands), so a fractional edge would make the pixels depend on the bands; at most a pixel more
/// of what lies under a frame's edge shows. SVG and PDF keep the exact frame.
void clip_to_pixels(cairo_t* cr, const Box& b) {
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_IMAGE) {
        add_box(cr, b);
        cairo_clip(cr);
        return;
    }
    double x0 = b.min_x, y0 = b.min_y, x1 = b.max_x, y1 = b.max_y;
    cairo_user_to_device(cr, &x0, &y0);
    cairo_user_to_device(cr, &x1, &y1);
    x0 = std::floor(x0);
    y0 = std::floor(y0);
    x1 = std::ceil(x1);
    y1 = std::ceil(y1);
    cairo_device_to_user(cr, &x0, &y0);
    cairo_device_to_user(cr, &x1, &y1);
    cairo_new_path(cr);
    cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
    cairo_clip(cr);
}

void stroke_path(cairo_t* cr, Color color, double width) {
    if (width <= 0 || color.a <= 0) {
        cairo_new_path(cr);
        return;
    }
    set_color(cr, color);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
}

void fill_path(cairo_t* cr, Color color) {
    set_color(cr, color);
    cairo_fill(cr);
}

// How far a fill's antialiasing reaches beyond its outline, in pixels.
constexpr double kFillReach = 2;

/// How far a stroke of `width` reaches beyond its line: its width (round joins and caps need
/// half of it; a whole one leaves room) plus antialiasing.
double stroke_reach(double width) { return std::max(width, 0.0) + kFillReach; }

Box canvas_clip(const MapLayout& layout) {
    if (!layout.map_frame.empty())
        return layout.map_frame;
    return Box::from_xywh(0, 0, layout.width, layout.height);
}

void paint_ocean(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                 const Style& style) {
    if (basemap.outline.size() >= 3) {
        add_ring(cr, basemap.outline, layout.transform, kFillReach);
    } else {
        Box frame = canvas_clip(layout);
        cairo_rectangle(cr, frame.min_x, frame.min_y, frame.width(), frame.height());
    }
    fill_path(cr, style.ocean);
}

void paint_graticule(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                     const Style& style) {
    const double width = style.graticule_width * layout.scale;
    for (const auto& line : basemap.graticule)
        add_polyline(cr, line, layout.transform, stroke_reach(width));
    stroke_path(cr, style.graticule, width);
}

bool hosts_a_site(const MapLayout& layout, const std::string& iso2) {
    return !iso2.empty() && std::find(layout.host_countries.begin(), layout.host_countries.end(),
                                      iso2) != layout.host_countries.end();
}

void paint_land(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                const Style& style) {
    // Land goes under the countries so hairline seams between neighbours never show the ocean;
    // with land drawn, only tinted countries need a fill of their own.
    add_polygons(cr, basemap.land, layout.transform, kFillReach);
    fill_path(cr, style.land);
    bool land_drawn = !basemap.land.empty();
    for (const auto& country : basemap.countries) {
        bool tinted = style.tint_host_countries && hosts_a_site(layout, country.iso2);
        if (land_drawn && !tinted)
            continue;
        add_polygons(cr, country.polygons, layout.transform, kFillReach);
        fill_path(cr, tinted ? style.host_country : style.land);
    }
}

void paint_borders(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                   const Style& style) {
    // Each edge two countries share, once; coasts are the coastline stroke's.
    const double border = style.border_width * layout.scale;
    for (const auto& line : basemap.borders)
        add_polyline(cr, line, layout.transform, stroke_reach(border));
    stroke_path(cr, style.border, border);
    const double coast = style.coastline_width * layout.scale;
    add_polygons(cr, basemap.land, layout.transform, stroke_reach(coast));
    stroke_path(cr, style.coastline, coast);
}

void paint_outline(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                   const Style& style) {
    if (basemap.outline.size() < 3)
        return;
    const double width = style.outline_width * layout.scale;
    add_ring(cr, basemap.outline, layout.transform, stroke_reach(width));
    stroke_path(cr, style.outline, width);
}

/// The extra layers drawn under the sites (`over` false) or over them: polygons filled and
/// outlined, lines stroked, points as dots, in the layer's colours at the map's scale.
void paint_layers(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                  bool over) {
    const double s = layout.scale;
    for (const auto& layer : basemap.layers) {
        if (layer.style.over_sites != over)
            continue;
        const LayerStyle& st = layer.style;
        const double reach = stroke_reach(st.width * s);
        if (!layer.polygons.empty()) {
            add_polygons(cr, layer.polygons, layout.transform, reach);
            if (st.fill.a > 0) {
                set_color(cr, st.fill);
                cairo_fill_preserve(cr);
            }
            stroke_path(cr, st.stroke, st.width * s);
        }
        for (const auto& line : layer.lines)
            add_polyline(cr, line, layout.transform, reach);
        stroke_path(cr, st.stroke, st.width * s);
        for (const auto& p : layer.points) {
            const Point c = layout.transform.to_pixels(p);
            add_circle(cr, c, st.point_radius * s);
        }
        if (!layer.points.empty()) {
            set_color(cr, st.fill.a > 0 ? st.fill : st.stroke);
            cairo_fill(cr);
        }
    }
}

void paint_basemap(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                   const Style& style) {
    cairo_save(cr);
    clip_to_pixels(cr, canvas_clip(layout));
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    paint_ocean(cr, layout, basemap, style);
    paint_graticule(cr, layout, basemap, style);
    paint_land(cr, layout, basemap, style);
    paint_borders(cr, layout, basemap, style);
    paint_layers(cr, layout, basemap, false);
    paint_outline(cr, layout, basemap, style);
    cairo_restore(cr);
}

/// The layers drawn over the sites, clipped to the map frame like the base map.
void paint_layers_over(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap) {
    cairo_save(cr);
    clip_to_pixels(cr, canvas_clip(layout));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    paint_layers(cr, layout, basemap, true);
    cairo_restore(cr);
}

void paint_leaders(cairo_t* cr, const MapLayout& layout, const Style& style) {
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (const auto& label : layout.labels) {
        if (!label.has_leader)
            continue;
        const Box ends{std::min(label.leader_from.x, label.leader_to.x),
                       std::min(label.leader_from.y, label.leader_to.y),
                       std::max(label.leader_from.x, label.leader_to.x),
                       std::max(label.leader_from.y, label.leader_to.y)};
        if (!reaches_raster(cr, grown(ends, 4 * layout.scale)))
            continue;
        for (int pass = 0; pass < 2; ++pass) {
            cairo_move_to(cr, label.leader_from.x, label.leader_from.y);
            cairo_line_to(cr, label.leader_to.x, label.leader_to.y);
            // A halo under the line keeps it readable where it crosses borders and coastlines.
            if (pass == 0)
                stroke_path(cr, style.label_halo, 2.6 * layout.scale);
            else
                stroke_path(cr, with_alpha(style.label_color, 0.75), 0.9 * layout.scale);
        }
    }
    cairo_restore(cr);
}

void show_layout(cairo_t* cr, PangoLayout* pango, Color color, Point top_left) {
    cairo_move_to(cr, top_left.x, top_left.y);
    set_color(cr, color);
    pango_cairo_show_layout(cr, pango);
}

void paint_text(cairo_t* cr, const TextContext& text, const std::string& content,
                const FontSpec& font, Color color, Point top_left,
                PangoAlignment align = PANGO_ALIGN_LEFT) {
    if (content.empty())
        return;
    const LayoutPtr pango = text.make_layout(content, font, align);
    if (SvgMarkup* svg = text.svg_markup(); svg && svg->writes_text()) {
        svg->add_text(cr, pango.get(), top_left, font, color, {}, 0);
    } else {
        show_layout(cr, pango.get(), color, top_left);
    }
}

struct Halo {
    Color color;
    double width = 0;
};

void paint_haloed_text(cairo_t* cr, const TextContext& text, const std::string& content,
                       const FontSpec& font, Color color, Halo halo, Point top_left,
                       PangoAlignment align) {
    if (content.empty())
        return;
    // One layout for the halo and the text: shaping is most of a short label's cost.
    const LayoutPtr pango = text.make_layout(content, font, align);
    if (SvgMarkup* svg = text.svg_markup(); svg && svg->writes_text()) {
        svg->add_text(cr, pango.get(), top_left, font, color, halo.color, halo.width);
        return;
    }
    if (halo.width > 0 && halo.color.a > 0) {
        cairo_save(cr);
        cairo_move_to(cr, top_left.x, top_left.y);
        pango_cairo_layout_path(cr, pango.get());
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        // The stroke is centred on the outline, so twice the width leaves halo.width outside.
        stroke_path(cr, halo.color, halo.width * 2);
        cairo_restore(cr);
    }
    show_layout(cr, pango.get(), color, top_left);
}

/// The first marker of each id, for finding a label's marker without a scan per label.
std::unordered_map<std::string_view, const MarkerLayout*>
markers_by_id(const std::vector<MarkerLayout>& markers) {
    std::unordered_map<std::string_view, const MarkerLayout*> out;
    out.reserve(markers.size());
    for (const MarkerLayout& m : markers)
        out.emplace(m.id, &m);
    return out;
}

// Lines of a multi-line label line up on the side that faces their marker.
PangoAlignment
label_alignment(const LabelLayout& label,
                const std::unordered_map<std::string_view, const MarkerLayout*>& markers) {
    const auto found = markers.find(label.id);
    if (found == markers.end())
        return PANGO_ALIGN_LEFT;
    const MarkerLayout* marker = found->second;
    if (label.box.max_x <= marker->x)
        return PANGO_ALIGN_RIGHT;
    if (label.box.min_x < marker->x)
        return PANGO_ALIGN_CENTER;
    return PANGO_ALIGN_LEFT;
}

void add_rounded_box(cairo_t* cr, const Box& box, double radius) {
    radius = std::min({radius, box.width() / 2, box.height() / 2});
    double quarter = kTau / 4;
    cairo_new_sub_path(cr);
    cairo_arc(cr, box.max_x - radius, box.min_y + radius, radius, -quarter, 0);
    cairo_arc(cr, box.max_x - radius, box.max_y - radius, radius, 0, quarter);
    cairo_arc(cr, box.min_x + radius, box.max_y - radius, radius, quarter, 2 * quarter);
    cairo_arc(cr, box.min_x + radius, box.min_y + radius, radius, 2 * quarter, 3 * quarter);
    cairo_close_path(cr);
}

/// The tag a key number wears, on the map and in the key: a bold digit beside a disc would
/// otherwise read as part of the count printed in it ("2 3").
void paint_number_tag(cairo_t* cr, const Box& number, const Style& style, double scale) {
    // Out to the space kept free around every label, and no further.
    const double side = 1.5 * scale;
    add_rounded_box(cr,
                    {number.min_x - side, number.min_y + 0.5 * scale, number.max_x + side,
                     number.max_y - 0.5 * scale},
                    2 * scale);
    set_color(cr, style.label_halo.a > 0
                      ? Color{style.label_halo.r, style.label_halo.g, style.label_halo.b, 1}
                      : style.legend_background);
    cairo_fill_preserve(cr);
    stroke_path(cr, style.label_color, 0.8 * scale);
}

void paint_labels(cairo_t* cr, const MapLayout& layout, const Style& style,
                  const TextContext& text) {
    const FontSpec font = scaled_font(style.label_font, layout.scale);
    Halo halo{style.label_halo, style.label_halo_width * layout.scale};
    const auto markers = markers_by_id(layout.markers);
    for (const auto& label : layout.labels) {
        // Glyphs may overhang their logical box; a label's height is a generous allowance.
        if (!reaches_raster(cr, grown(label.box, 2 * halo.width + label.box.height())))
            continue;
        FontSpec label_font = font;
        if (label.weight > 0)
            label_font.weight = label.weight;
        if (label.key > 0)
            paint_number_tag(cr, label.box, style, layout.scale);
        paint_haloed_text(cr, text, label.text, label_font, style.label_color,
                          label.key > 0 ? Halo{} : halo, {label.box.min_x, label.box.min_y},
                          label_alignment(label, markers));
    }
}

void paint_block(cairo_t* cr, const TextContext& text, const TextBlock& block) {
    paint_text(cr, text, block.text, block.font, block.color, {block.box.min_x, block.box.min_y});
}

/// A pointy-top hexagon of circumradius `r` around `c`.
void add_hexagon(cairo_t* cr, Point c, double r) {
    for (int k = 0; k < 6; ++k) {
        const double a = kTau / 6 * k + kTau / 12 * 3;
        const double x = c.x + r * std::cos(a), y = c.y + r * std::sin(a);
        if (k == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
    cairo_close_path(cr);
}

void paint_density(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap) {
    if (layout.density.cells.empty())
        return;
    cairo_save(cr);
    clip_to_pixels(cr, layout.map_frame);
    // Cells stop at the world's edge: an oval map's corner cells stood out past it, on nothing.
    if (basemap.outline.size() >= 3) {
        add_ring(cr, basemap.outline, layout.transform, 0);
        cairo_clip(cr);
    }
    // A hair larger than the grid so neighbouring cells leave no antialiased seam between them.
    const double r = layout.density.radius + 0.35 * layout.scale;
    for (const auto& cell : layout.density.cells) {
        add_hexagon(cr, cell.centre, r);
        fill_path(cr, cell.color);
    }
    cairo_restore(cr);
}

/// An aggregate: a pie of its providers' colours, separated from the map by the marker stroke,
/// with its count in bold white on a dark halo in the middle.
void paint_aggregate(cairo_t* cr, const AggregateLayout& a, const Style& style, double scale,
                     const TextContext& text) {
    const Point c{a.x, a.y};
    int total = 0;
    for (const auto& [colour, n] : a.segments)
        total += n;
    double angle = -kTau / 4;
    for (const auto& [colour, n] : a.segments) {
        const double sweep = kTau * n / std::max(total, 1);
        cairo_move_to(cr, c.x, c.y);
        cairo_arc(cr, c.x, c.y, a.r, angle, angle + sweep);
        cairo_close_path(cr);
        fill_path(cr, colour);
        angle += sweep;
    }
    add_circle(cr, c, a.r);
    stroke_path(cr, style.marker_stroke, style.marker_stroke_width * scale * 1.2);
    const std::string count = std::to_string(a.members.size());
    const TextSize size = text.measure(count, a.count_font);
    paint_haloed_text(cr, text, count, a.count_font, {1, 1, 1, 1},
                      {{0.1, 0.1, 0.12, 0.75}, 1.6 * scale},
                      {c.x - size.width / 2, c.y - size.height / 2}, PANGO_ALIGN_LEFT);
}

/// Single sites' markers, then aggregates; in an SVG each is a group with a tooltip.
void paint_site_marker(cairo_t* cr, const MarkerLayout& m, const Style& style, double scale);

void paint_sites(cairo_t* cr, const std::vector<MarkerLayout>& markers,
                 const std::vector<AggregateLayout>& aggregates, const Style& style, double scale,
                 const TextContext& text) {
    SvgMarkup* svg = text.svg_markup();
    // Change marks, rings and halos reach beyond a marker's radius: by the stroke widths (a mark
    // is stroked at twice the marker's, mitred) and by half the radius for a mark's corner.
    const double stroke = style.marker_stroke_width * scale;
    for (const auto& marker : markers) {
        const double reach = 2 * marker.r + 4 * stroke + 10 * scale;
        Box drawn = around(marker.x, marker.y, reach);
        if (marker.has_from) // a moved site's path, arrow and old ring reach its old place
            drawn.expand(around(marker.from_x, marker.from_y, reach));
        if (!reaches_raster(cr, drawn))
            continue;
        if (svg)
            svg->begin_marker(cr, marker);
        paint_site_marker(cr, marker, style, scale);
        if (svg)
            svg->end_group(cr, {marker.x, marker.y});
    }
    for (const auto& aggregate : aggregates) {
        const double reach = 2 * aggregate.r + 4 * aggregate.count_font.size + 4 * stroke +
                             10 * scale; // the count may be wider than the disc
        if (!reaches_raster(cr, around(aggregate.x, aggregate.y, reach)))
            continue;
        if (svg)
            svg->begin_aggregate(cr, aggregate);
        paint_aggregate(cr, aggregate, style, scale, text);
        if (svg)
            svg->end_group(cr, {aggregate.x, aggregate.y});
    }
}

/// The rounded, bordered background the legend and the key share.
void paint_panel(cairo_t* cr, const Box& box, const Style& style, double scale) {
    add_rounded_box(cr, box, 6 * scale);
    set_color(cr, style.legend_background);
    cairo_fill_preserve(cr);
    stroke_path(cr, style.legend_border, 1.0 * scale);
}

void paint_key(cairo_t* cr, const MapLayout& layout, const Style& style, const TextContext& text) {
    const KeyLayout& key = layout.key;
    if (key.box.empty())
        return;
    paint_panel(cr, key.box, style, layout.scale);
    paint_block(cr, text, key.heading);
    for (const auto& number : key.numbers)
        paint_number_tag(cr, number, style, layout.scale);
    for (const auto& entry : key.entries)
        paint_block(cr, text, entry);
}

void paint_legend(cairo_t* cr, const MapLayout& layout, const Style& style,
                  const TextContext& text) {
    const LegendLayout& legend = layout.legend;
    if (legend.box.empty())
        return;
    paint_panel(cr, legend.box, style, layout.scale);
    for (const auto& heading : legend.headings)
        paint_block(cr, text, heading);
    for (const auto& row : legend.rows) {
        // Provider and size rows show a plain filled symbol: only status rows vary the shape.
        if (row.kind == LegendRow::Kind::density) {
            add_hexagon(cr, row.symbol, row.r);
            fill_path(cr, row.color);
            paint_block(cr, text, row.label);
            continue;
        }
        if (row.kind == LegendRow::Kind::change) {
            paint_change_marker(cr, row.change, row.symbol, row.r, row.color, style, layout.scale);
            paint_block(cr, text, row.label);
            continue;
        }
        Status shape = row.kind == LegendRow::Kind::status ? row.status : Status::live;
        paint_marker(cr, shape, row.symbol, row.r, row.color, style, layout.scale);
        paint_block(cr, text, row.label);
    }
}

// Marker symbols. Every status differs in shape, not only in colour, so the map survives
// grey-scale printing and colour-blind readers.

void paint_live(cairo_t* cr, Point c, double r, Color color, const Style& style, double scale) {
    add_circle(cr, c, r);
    fill_path(cr, color);
    double w = style.marker_stroke_width * scale;
    add_circle(cr, c, r + w / 2);
    stroke_path(cr, style.marker_stroke, w);
}

void add_separation_ring(cairo_t* cr, Point c, double r, const Style& style, double scale) {
    double w = style.marker_stroke_width * scale;
    add_circle(cr, c, r + w / 2);
    stroke_path(cr, with_alpha(style.marker_stroke, 0.85), w);
}

double ring_width(const Style& style, double r, double scale) {
    return std::min(style.ring_width * scale, r * 0.6);
}

void paint_ring(cairo_t* cr, Point c, double r, Color color, const Style& style, double scale,
                double fill_alpha) {
    double w = ring_width(style, r, scale);
    add_separation_ring(cr, c, r, style, scale);
    add_circle(cr, c, r);
    fill_path(cr, with_alpha(color, fill_alpha));
    add_circle(cr, c, r - w / 2);
    stroke_path(cr, color, w);
}

void paint_dashed_ring(cairo_t* cr, Point c, double r, Color color, const Style& style,
                       double scale) {
    double w = ring_width(style, r, scale);
    double centre_r = r - w / 2;
    add_circle(cr, c, r);
    fill_path(cr, with_alpha(color, 0.12));
    // A whole, even number of dashes so the ring looks the same all the way round.
    int dashes = std::max(4, 2 * static_cast<int>(std::lround(kTau * centre_r / (5 * w))));
    double period = kTau * centre_r / dashes;
    double pattern[] = {period * 0.55, period * 0.45};
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, pattern, 2, 0);
    cairo_new_sub_path(cr);
    cairo_arc(cr, c.x, c.y, centre_r, -kTau / 4, 3 * kTau / 4);
    stroke_path(cr, color, w);
    cairo_restore(cr);
}

void paint_half_filled(cairo_t* cr, Point c, double r, Color color, const Style& style,
                       double scale) {
    paint_ring(cr, c, r, color, style, scale, 0.15);
    // The lower half filled: a site that is partly built.
    cairo_new_sub_path(cr);
    cairo_arc(cr, c.x, c.y, r, 0, kTau / 2);
    cairo_close_path(cr);
    fill_path(cr, color);
}

void paint_cross(cairo_t* cr, Point c, double r, const Style& style, double scale) {
    const Color grey{0.45, 0.47, 0.50, 1};
    double arm = r * 0.72;
    double w = std::max(1.5 * scale, ring_width(style, r, scale) * 0.9);
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    const double halo = w + 2 * style.marker_stroke_width * scale;
    // Each arm is its own stroke: Cairo 1.16 fills one stroke of both crossing arms wrongly in
    // the first row of a band that cuts it (a full pixel where one pass has a light one).
    const auto arms = [&](Color color, double width) {
        for (double dy : {arm, -arm}) {
            cairo_move_to(cr, c.x - arm, c.y - dy);
            cairo_line_to(cr, c.x + arm, c.y + dy);
            stroke_path(cr, color, width);
        }
    };
    if (style.marker_stroke.a < 1) {
        // A see-through halo is drawn opaque into a group and laid on once, or it would be
        // doubled where the arms cross. The clip keeps the group to the cross's own pixels.
        cairo_save(cr);
        const double reach = arm + halo;
        cairo_rectangle(cr, c.x - reach, c.y - reach, 2 * reach, 2 * reach);
        cairo_clip(cr);
        cairo_push_group(cr);
        Color opaque = style.marker_stroke;
        opaque.a = 1;
        arms(opaque, halo);
        cairo_pop_group_to_source(cr);
        cairo_paint_with_alpha(cr, style.marker_stroke.a);
        cairo_restore(cr);
    } else {
        arms(style.marker_stroke, halo);
    }
    arms(grey, w);
    cairo_restore(cr);
}

/// A site's marker: by its status, or on a change map by its change (a moved site's path first).
void paint_site_marker(cairo_t* cr, const MarkerLayout& m, const Style& style, double scale) {
    if (m.change == MapChange::none) {
        paint_marker(cr, m.status, {m.x, m.y}, m.r, m.color, style, scale);
        return;
    }
    if (m.has_from)
        paint_move(cr, {m.from_x, m.from_y}, {m.x, m.y}, m.r, m.color, style, scale);
    paint_change_marker(cr, m.change, {m.x, m.y}, m.r, m.color, style, scale);
}

// Insets: the frame and the area outline share one colour, so the reader pairs them at once.
Color inset_line_color(const Style& style) { return with_alpha(style.title_color, 0.7); }

/// On the main map, the outline of every area an inset magnifies, over a thin halo.
void paint_inset_areas(cairo_t* cr, const MapLayout& layout, const Style& style) {
    if (layout.insets.empty())
        return;
    cairo_save(cr);
    clip_to_pixels(cr, canvas_clip(layout));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    for (const auto& inset : layout.insets) {
        add_box(cr, inset.area);
        stroke_path(cr, with_alpha(style.background, 0.8), 3.0 * layout.scale);
        add_box(cr, inset.area);
        stroke_path(cr, inset_line_color(style), 1.2 * layout.scale);
    }
    cairo_restore(cr);
}

Box bounds_of(const std::vector<Point>& points) {
    Box b;
    for (const Point& p : points)
        if (finite(p))
            b.expand(p);
    return b;
}

bool polygon_touches(const Polygon& polygon, const Box& view) {
    return !polygon.rings.empty() && bounds_of(polygon.rings.front()).intersects(view);
}

/// The part of the base map that can show in `view` (projected units): whole polygons and lines
/// whose bounds meet it. An inset draws only these, so an SVG or PDF does not carry the whole
/// world a second time under the inset's clip.
ProjectedBasemap basemap_within(const ProjectedBasemap& basemap, const Box& view) {
    ProjectedBasemap out;
    out.outline = basemap.outline;
    out.bounds = basemap.bounds;
    for (const auto& country : basemap.countries) {
        CountryShape kept{country.iso2, country.name, {}};
        for (const auto& polygon : country.polygons)
            if (polygon_touches(polygon, view))
                kept.polygons.push_back(polygon);
        if (!kept.polygons.empty())
            out.countries.push_back(std::move(kept));
    }
    for (const auto& polygon : basemap.land)
        if (polygon_touches(polygon, view))
            out.land.push_back(polygon);
    for (const auto& line : basemap.graticule)
        if (bounds_of(line).intersects(view))
            out.graticule.push_back(line);
    for (const auto& line : basemap.borders)
        if (bounds_of(line).intersects(view))
            out.borders.push_back(line);
    out.layers = basemap.layers;
    return out;
}

/// One inset: a band of page colour around it, then its own base map, markers, aggregates,
/// labels and caption, drawn by the main map's painters through the inset's view, and its frame.
void paint_inset(cairo_t* cr, const MapLayout& layout, const InsetLayout& inset,
                 const ProjectedBasemap& basemap, const Style& style, const TextContext& text) {
    MapLayout view;
    view.width = layout.width;
    view.height = layout.height;
    view.scale = layout.scale;
    view.transform = inset.transform;
    view.map_frame = inset.box;
    view.markers = inset.markers;
    view.labels = inset.labels;
    view.host_countries = layout.host_countries;
    const double s = layout.scale;
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    add_box(cr, inset.box);
    stroke_path(cr, style.background, 8 * s);
    add_box(cr, inset.box);
    fill_path(cr, style.background);
    cairo_restore(cr);
    const ViewTransform& t = inset.transform;
    const Box projected{t.x0, t.y0 - inset.box.height() / t.k, t.x0 + inset.box.width() / t.k,
                        t.y0};
    paint_basemap(cr, view, basemap_within(basemap, projected), style);
    cairo_save(cr);
    clip_to_pixels(cr, inset.box);
    paint_leaders(cr, view, style);
    paint_sites(cr, view.markers, inset.aggregates, style, s, text);
    paint_layers(cr, view, basemap, true);
    paint_labels(cr, view, style, text);
    if (!inset.caption.text.empty()) {
        const double pad = 3 * s;
        const Box& c = inset.caption.box;
        add_rounded_box(cr, {c.min_x - pad, c.min_y - pad / 2, c.max_x + pad, c.max_y + pad / 2},
                        3 * s);
        fill_path(cr, style.legend_background);
        paint_block(cr, text, inset.caption);
    }
    cairo_restore(cr);
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    add_box(cr, inset.box);
    stroke_path(cr, inset_line_color(style), 1.2 * s);
    cairo_restore(cr);
}

/// Small multiples: each panel drawn as a whole map through its own origin and clip, then the
/// canvas's shared legend, title and footer.
void paint_panels(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                  const Style& style, const TextContext& text) {
    for (const auto& panel : layout.panels) {
        cairo_save(cr);
        cairo_translate(cr, panel.x, panel.y);
        clip_to_pixels(cr, Box::from_xywh(0, 0, panel.map.width, panel.map.height));
        paint_map(cr, panel.map, basemap, style, text);
        cairo_restore(cr);
        cairo_save(cr);
        add_box(cr, Box::from_xywh(panel.x, panel.y, panel.map.width, panel.map.height));
        stroke_path(cr, style.legend_border, 1.0 * layout.scale);
        cairo_restore(cr);
    }
    paint_legend(cr, layout, style, text);
    paint_block(cr, text, layout.title);
    paint_block(cr, text, layout.subtitle);
    for (const auto& line : layout.footer)
        paint_block(cr, text, line);
}

} // namespace

void paint_marker(cairo_t* cr, Status status, Point centre, double r, Color color,
                  const Style& style, double scale) {
    switch (status) {
    case Status::live:
        paint_live(cr, centre, r, color, style, scale);
        break;
    case Status::announced:
        paint_ring(cr, centre, r, color, style, scale, 0.2);
        break;
    case Status::planned:
        paint_dashed_ring(cr, centre, r, color, style, scale);
        break;
    case Status::under_construction:
        paint_half_filled(cr, centre, r, color, style, scale);
        break;
    case Status::retired:
        paint_cross(cr, centre, r, style, scale);
        break;
    }
}

void paint_map(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
               const Style& style, const TextContext& text) {
    if (!layout.panels.empty()) {
        text.attach(cr);
        paint_background(cr, style);
        paint_panels(cr, layout, basemap, style, text);
        return;
    }
    paint_underlay(cr, layout, basemap, style);
    paint_overlay(cr, layout, basemap, style, text);
}

void paint_underlay(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                    const Style& style) {
    paint_background(cr, style);
    // Only what reaches the map frame: a regional map's SVG or PDF then does not carry the rest
    // of the world's outlines under the clip (dense Europe at 480 px: 3.7 MB of SVG otherwise).
    const ViewTransform& t = layout.transform;
    const Box frame = canvas_clip(layout);
    const Box view{t.x0 + (frame.min_x - t.ox) / t.k, t.y0 - (frame.max_y - t.oy) / t.k,
                   t.x0 + (frame.max_x - t.ox) / t.k, t.y0 - (frame.min_y - t.oy) / t.k};
    if (view.contains(basemap.bounds))
        paint_basemap(cr, layout, basemap, style); // a whole-world map: nothing to leave out
    else
        paint_basemap(cr, layout, basemap_within(basemap, view), style);
}

void paint_overlay(cairo_t* cr, const MapLayout& layout, const ProjectedBasemap& basemap,
                   const Style& style, const TextContext& text) {
    text.attach(cr);
    paint_inset_areas(cr, layout, style);
    paint_density(cr, layout, basemap);
    paint_leaders(cr, layout, style);
    paint_sites(cr, layout.markers, layout.aggregates, style, layout.scale, text);
    paint_layers_over(cr, layout, basemap);
    paint_labels(cr, layout, style, text);
    for (const auto& inset : layout.insets)
        paint_inset(cr, layout, inset, basemap, style, text);
    paint_legend(cr, layout, style, text);
    paint_key(cr, layout, style, text);
    paint_block(cr, text, layout.title);
    paint_block(cr, text, layout.subtitle);
    for (const auto& line : layout.footer)
        paint_block(cr, text, line);
}

namespace {

/// Adds `amount` to the work of each row a base-map vertex falls in, for rows [0, work.size()).
void add_basemap_work(std::vector<double>& work, const MapLayout& layout,
                      const ProjectedBasemap& basemap, double amount) {
    const ViewTransform& t = layout.transform;
    const auto add_rings = [&](const std::vector<Polygon>& polygons) {
        for (const auto& polygon : polygons)
            for (const auto& ring : polygon.rings)
                for (const Point& p : ring) {
                    const double y = t.to_pixels(p).y;
                    if (y >= 0 && y < static_cast<double>(work.size()))
                        work[static_cast<std::size_t>(y)] += amount;
                }
    };
    add_rings(basemap.land);
    for (const auto& country : basemap.countries)
        add_rings(country.polygons);
}

/// Where rows [first, end) with `work` (indexed from row 0) split into `parts` parts of about the
/// same work, each at least `min_rows` rows: the first row of each part, `first` first.
std::vector<int> split_rows(const std::vector<double>& work, int first, int end, int parts,
                            int min_rows) {
    double total = 0;
    for (int y = first; y < end; ++y)
        total += work[static_cast<std::size_t>(y)];
    std::vector<int> starts{first};
    double done = 0;
    for (int y = first; y < end && static_cast<int>(starts.size()) < parts; ++y) {
        done += work[static_cast<std::size_t>(y)];
        const double share = total * static_cast<double>(starts.size()) / parts;
        if (done >= share && y + 1 - starts.back() >= min_rows && end - (y + 1) >= min_rows)
            starts.push_back(y + 1);
    }
    return starts;
}

} // namespace

void paint_background(cairo_t* cr, const Style& style) {
    set_color(cr, style.background);
    cairo_paint(cr);
}

std::vector<int> underlay_part_starts(const MapLayout& page, const ProjectedBasemap& basemap,
                                      int first_row, int end_row, int parts) {
    // Work by row as band_starts weighs it, the base map alone: its fills by row, its
    // vertices by where they fall. Only the frame and the base map count, never the sites.
    std::vector<double> work(static_cast<std::size_t>(std::max(end_row, 0)), page.width / 25);
    add_basemap_work(work, page, basemap, 1);
    return split_rows(work, std::max(first_row, 0), end_row, std::max(parts, 1), 50);
}

std::vector<int> band_starts(const MapLayout& layout, const ProjectedBasemap& basemap, int bands,
                             bool with_basemap) {
    // Below this many rows a band costs more in repeated text and path preparation than it saves.
    constexpr int kMinBandRows = 200;
    const int height = static_cast<int>(std::lround(layout.height));
    bands = std::clamp(height / kMinBandRows, 1, std::max(bands, 1));
    if (bands == 1)
        return {0};
    // Work by row: some for every row (fills, PNG rows), one unit per base-map vertex (its
    // share of snapping, thinning and stroking), more for each label and marker. The rows'
    // share is measured: at a width/100 per row the lower band of 2400x1200 maps painted for
    // 10-40 ms after the upper one had finished (100 and 10,000 sites, aws-azure-gcp).
    // Without the base map, a row has only the PNG's own share of it left.
    std::vector<double> work(static_cast<std::size_t>(height),
                             layout.width / (with_basemap ? 25 : 100));
    // Only what lies on the canvas: a regional map's base map reaches far beyond it.
    const auto add = [&](double y, double amount) {
        if (y >= 0 && y < height)
            work[static_cast<std::size_t>(y)] += amount;
    };
    if (layout.panels.empty() && with_basemap)
        add_basemap_work(work, layout, basemap, 1);
    // Text costs the same wherever it is: uncounted, the key below a crowded map (45 entries
    // at 10,000 sites) kept the lower band painting after the upper one had finished.
    const auto add_text = [&](const TextBlock& block) {
        if (!block.text.empty())
            add((block.box.min_y + block.box.max_y) / 2, 300);
    };
    for (const auto& label : layout.labels)
        add((label.box.min_y + label.box.max_y) / 2, 300);
    for (const auto& entry : layout.key.entries)
        add_text(entry);
    for (const auto& row : layout.legend.rows)
        add_text(row.label);
    for (const auto& line : layout.footer)
        add_text(line);
    add_text(layout.title);
    add_text(layout.subtitle);
    for (const auto& marker : layout.markers)
        add(marker.y, 30);
    // Each band keeps at least kMinBandRows / 2 rows.
    return split_rows(work, 0, height, bands, kMinBandRows / 2);
}

} // namespace dcmap::render::detail
