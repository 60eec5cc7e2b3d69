#include "render/change_marks.hpp"

#include <cmath>
#include <numbers>

namespace dcmap::render::detail {

namespace {

constexpr double kTau = 2 * std::numbers::pi;

void set_color(cairo_t* cr, Color c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

/// A closed polygon of `corners` corners on a circle of radius `r`, the first at `angle`.
void add_regular(cairo_t* cr, Point c, double r, int corners, double angle) {
    for (int k = 0; k < corners; ++k) {
        const double a = angle + kTau * k / corners;
        const double x = c.x + r * std::cos(a), y = c.y + r * std::sin(a);
        if (k == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
    cairo_close_path(cr);
}

/// Fills the current path in `color` over an outline in the style's marker stroke, which
/// separates the symbol from the base map below.
void fill_outlined(cairo_t* cr, Color color, const Style& style, double scale) {
    set_color(cr, style.marker_stroke);
    cairo_set_line_width(cr, 2 * style.marker_stroke_width * scale);
    cairo_stroke_preserve(cr);
    set_color(cr, color);
    cairo_fill(cr);
}

} // namespace

void paint_change_marker(cairo_t* cr, MapChange change, Point c, double r, Color color,
                         const Style& style, double scale) {
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_new_path(cr);
    switch (change) {
    case MapChange::added:
        // Pointing up, and a little larger: a triangle of the same circumradius looks smaller.
        add_regular(cr, {c.x, c.y + 0.15 * r}, 1.35 * r, 3, -kTau / 4);
        fill_outlined(cr, color, style, scale);
        break;
    case MapChange::removed: {
        // Hollow: the site is no longer there.
        const double half = 0.9 * r, w = std::max(1.5 * scale, 0.45 * r);
        cairo_rectangle(cr, c.x - half, c.y - half, 2 * half, 2 * half);
        set_color(cr, style.marker_stroke);
        cairo_set_line_width(cr, w + 2 * style.marker_stroke_width * scale);
        cairo_stroke_preserve(cr);
        set_color(cr, {color.r, color.g, color.b, 0.15});
        cairo_fill_preserve(cr);
        set_color(cr, color);
        cairo_set_line_width(cr, w);
        cairo_stroke(cr);
        break;
    }
    case MapChange::status:
        add_regular(cr, c, 1.3 * r, 4, -kTau / 4);
        fill_outlined(cr, color, style, scale);
        break;
    case MapChange::moved:
    case MapChange::unchanged:
    case MapChange::none:
        cairo_arc(cr, c.x, c.y, r, 0, kTau);
        fill_outlined(cr, color, style, scale);
        break;
    }
    cairo_restore(cr);
}

void paint_move(cairo_t* cr, Point from, Point to, double r, Color color, const Style& style,
                double scale) {
    const double dx = to.x - from.x, dy = to.y - from.y;
    const double length = std::hypot(dx, dy);
    const double ring = 0.55 * r;
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    const double w = std::max(1.5 * scale, 0.3 * r);
    if (length > r + ring) {
        const double ux = dx / length, uy = dy / length;
        const Point start{from.x + ux * ring, from.y + uy * ring};
        const Point end{to.x - ux * r, to.y - uy * r};
        // The arrowhead sits halfway, where no label of either end covers it.
        const double head = std::min(3.5 * w + 2 * scale, 0.4 * length);
        const Point tip{(start.x + end.x) / 2 + ux * head / 2,
                        (start.y + end.y) / 2 + uy * head / 2};
        const Point base{tip.x - ux * head, tip.y - uy * head};
        for (int pass = 0; pass < 2; ++pass) {
            // A halo first, so the line reads across coastlines and borders.
            const double width = pass == 0 ? w + 2 * style.marker_stroke_width * scale : w;
            set_color(cr, pass == 0 ? style.marker_stroke : color);
            cairo_set_line_width(cr, width);
            cairo_move_to(cr, start.x, start.y);
            cairo_line_to(cr, end.x, end.y);
            cairo_stroke(cr);
            cairo_move_to(cr, tip.x, tip.y);
            cairo_line_to(cr, base.x - uy * head * 0.6, base.y + ux * head * 0.6);
            cairo_line_to(cr, base.x + uy * head * 0.6, base.y - ux * head * 0.6);
            cairo_close_path(cr);
            if (pass == 0)
                cairo_stroke(cr);
            else
                cairo_fill(cr);
        }
    }
    // The older position: a ring, hollow like a removed site's square.
    cairo_new_path(cr);
    cairo_arc(cr, from.x, from.y, ring, 0, kTau);
    set_color(cr, style.marker_stroke);
    cairo_set_line_width(cr, w + 2 * style.marker_stroke_width * scale);
    cairo_stroke_preserve(cr);
    set_color(cr, color);
    cairo_set_line_width(cr, w);
    cairo_stroke(cr);
    cairo_restore(cr);
}

} // namespace dcmap::render::detail
