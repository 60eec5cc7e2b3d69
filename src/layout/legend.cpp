#include "layout/legend.hpp"

#include "layout/changes.hpp"
#include "layout/page.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <string>
#include <utility>

namespace dcmap::layout::detail {

namespace {

constexpr std::array<Status, 5> all_statuses{Status::live, Status::announced, Status::planned,
                                             Status::under_construction, Status::retired};

/// Symbol colour for status and size rows when markers have several provider colours: the
/// legend's text colour, a little lighter, so it reads on light and dark legend panels alike.
Color status_symbol_color(const Style& style) {
    Color c = style.legend_text;
    c.a *= 0.72;
    return c;
}

/// "12", "2.5": at most one decimal, no locale.
std::string format_number(double value) {
    const double rounded = std::round(value * 10) / 10;
    char buffer[32];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed,
                      rounded == std::floor(rounded) ? 0 : 1);
    return std::string(buffer, result.ptr);
}

std::string with_count(const std::string& text, int count) {
    return text + " (" + std::to_string(count) + ")";
}

/// The quantities shown as size rows: smallest, a middle one on the square-root scale, largest.
std::vector<double> size_samples(const SizeRange& sizes, SizeBy size_by) {
    if (!sizes.any)
        return {};
    if (sizes.max <= sizes.min)
        return {sizes.max};
    double mid = std::pow((std::sqrt(sizes.min) + std::sqrt(sizes.max)) / 2, 2);
    mid = size_by == SizeBy::zones ? std::round(mid) : std::round(mid * 10) / 10;
    if (mid <= sizes.min || mid >= sizes.max)
        return {sizes.min, sizes.max};
    return {sizes.min, mid, sizes.max};
}

std::string size_text(double value, SizeBy size_by) {
    if (size_by == SizeBy::zones)
        return format_number(value) + (value == 1 ? " zone" : " zones");
    return format_number(value) + " MW";
}

/// Rows and headings stacked from the top, left-aligned at a symbol column.
class LegendBuilder {
public:
    LegendBuilder(const Style& style, double scale, const MeasureText& measure, double symbol_r,
                  double max_width = 0)
        : style_(style), scale_(scale), measure_(measure), pad_(8 * scale),
          symbol_column_(2 * symbol_r), text_gap_(6 * scale), y_(8 * scale),
          text_room_(max_width > 0 ? max_width - 2 * pad_ - symbol_column_ - text_gap_ : 0) {}

    void heading(const std::string& text) {
        if (!legend_.headings.empty() || !legend_.rows.empty())
            y_ += 6 * scale_;
        legend_.headings.push_back(place_text(text, scaled(style_.legend_title_font, scale_),
                                              style_.legend_text, pad_, y_, measure_));
        y_ = legend_.headings.back().box.max_y + 2 * scale_;
    }

    void row(LegendRow::Kind kind, Status status, Color color, double r, const std::string& text) {
        LegendRow row;
        row.kind = kind;
        row.status = status;
        row.color = color;
        row.r = r;
        const FontSpec font = scaled(style_.legend_font, scale_);
        std::string shown = text;
        if (text_room_ > 0 && measure_(text, font).width > text_room_) {
            // The name is shortened, not its count: "Teraco Data Environ… (6)".
            const auto open = text.rfind(" (");
            const bool counted = open != std::string::npos && text.back() == ')';
            const std::string count = counted ? text.substr(open) : std::string();
            shown = shortened_to_width(text.substr(0, counted ? open : text.size()), font,
                                       text_room_ - measure_(count, font).width, measure_) +
                    count;
        }
        const TextSize size = measure_(shown, font);
        const double height = std::max(size.height, 2 * r + 2 * scale_);
        row.symbol = {pad_ + symbol_column_ / 2, y_ + height / 2};
        row.label = {shown, font, style_.legend_text,
                     Box::from_xywh(pad_ + symbol_column_ + text_gap_,
                                    y_ + (height - size.height) / 2, size.width, size.height)};
        legend_.rows.push_back(row);
        y_ += height;
    }

    LegendLayout finish() {
        double right = 0;
        for (const auto& h : legend_.headings)
            right = std::max(right, h.box.max_x);
        for (const auto& r : legend_.rows)
            right = std::max(right, r.label.box.max_x);
        legend_.box = {0, 0, right + pad_, y_ + pad_};
        return legend_;
    }

private:
    const Style& style_;
    double scale_;
    const MeasureText& measure_;
    double pad_, symbol_column_, text_gap_, y_;
    double text_room_; ///< widest a row's text may be; 0 for no limit
    LegendLayout legend_;
};

void shift_legend(LegendLayout& legend, double dx, double dy) {
    auto shift = [&](Box& b) { b = {b.min_x + dx, b.min_y + dy, b.max_x + dx, b.max_y + dy}; };
    shift(legend.box);
    for (auto& h : legend.headings)
        shift(h.box);
    for (auto& row : legend.rows) {
        shift(row.label.box);
        row.symbol = {row.symbol.x + dx, row.symbol.y + dy};
    }
}

int markers_covered(const Box& panel, const std::vector<MarkerLayout>& markers) {
    int covered = 0;
    for (const auto& m : markers)
        if (panel.intersects({m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r}))
            ++covered;
    return covered;
}

/// Top-left corners to try for a w x h legend, best first: the four corners, then steps along
/// the bottom, top, left and right edges for when every corner holds markers.
std::vector<Point> legend_spots(const Box& frame, double inset, double w, double h) {
    const double left = frame.min_x + inset;
    const double right = frame.max_x - inset - w;
    const double top = frame.min_y + inset;
    const double bottom = frame.max_y - inset - h;
    std::vector<Point> spots{{left, bottom}, {right, bottom}, {left, top}, {right, top}};
    constexpr int steps = 8;
    for (int i = 1; i < steps; ++i) {
        const double x = left + (right - left) * i / steps;
        spots.push_back({x, bottom});
        spots.push_back({x, top});
    }
    for (int i = 1; i < steps; ++i) {
        const double y = top + (bottom - top) * i / steps;
        spots.push_back({left, y});
        spots.push_back({right, y});
    }
    return spots;
}

/// The top-left corner for the legend that covers the fewest markers, and how many it covers.
std::pair<Point, int> best_spot(const LegendLayout& legend, const Box& frame, double inset,
                                const std::vector<MarkerLayout>& markers) {
    const std::vector<Point> spots =
        legend_spots(frame, inset, legend.box.width(), legend.box.height());
    Point best = spots.front();
    int best_covered = -1;
    for (Point spot : spots) {
        const int covered = markers_covered(
            Box::from_xywh(spot.x, spot.y, legend.box.width(), legend.box.height()), markers);
        if (best_covered < 0 || covered < best_covered) {
            best = spot;
            best_covered = covered;
        }
        if (covered == 0)
            break;
    }
    return {best, best_covered};
}

/// The legend with each section (a heading and the rows under it) in a column of its own, top
/// aligned, instead of stacked: wider and shorter.
LegendLayout sections_side_by_side(const LegendLayout& legend) {
    LegendLayout out = legend;
    const double pad = legend.headings.front().box.min_x - legend.box.min_x;
    const double top = legend.headings.front().box.min_y;
    double content_bottom = 0;
    for (const auto& h : legend.headings)
        content_bottom = std::max(content_bottom, h.box.max_y);
    for (const auto& r : legend.rows)
        content_bottom = std::max({content_bottom, r.label.box.max_y, r.symbol.y + r.r});
    const double pad_bottom = legend.box.max_y - content_bottom;

    double right = legend.box.min_x + pad; // right edge of the columns placed so far
    double bottom = top;
    for (std::size_t i = 0; i < out.headings.size(); ++i) {
        const double from = legend.headings[i].box.min_y;
        const double to =
            i + 1 < legend.headings.size() ? legend.headings[i + 1].box.min_y : legend.box.max_y;
        const double dx = i == 0 ? 0.0 : right + 2 * pad - (legend.box.min_x + pad);
        const double dy = top - from;
        auto shift = [&](Box& b) { b = {b.min_x + dx, b.min_y + dy, b.max_x + dx, b.max_y + dy}; };
        shift(out.headings[i].box);
        double column_right = out.headings[i].box.max_x;
        bottom = std::max(bottom, out.headings[i].box.max_y);
        for (std::size_t k = 0; k < out.rows.size(); ++k) {
            const double y = legend.rows[k].label.box.min_y;
            if (y < from || y >= to)
                continue;
            LegendRow& row = out.rows[k];
            shift(row.label.box);
            row.symbol = {row.symbol.x + dx, row.symbol.y + dy};
            column_right = std::max(column_right, row.label.box.max_x);
            bottom = std::max({bottom, row.label.box.max_y, row.symbol.y + row.r});
        }
        right = column_right;
    }
    out.box = {legend.box.min_x, legend.box.min_y, right + pad, bottom + pad_bottom};
    return out;
}

} // namespace

const char* status_title(Status status) {
    switch (status) {
    case Status::live:
        return "Live";
    case Status::announced:
        return "Announced";
    case Status::planned:
        return "Planned";
    case Status::under_construction:
        return "Under construction";
    case Status::retired:
        return "Retired";
    }
    return "Live";
}

LegendLayout build_legend(const std::vector<MarkerLayout>& markers, const ProviderColors& colors,
                          const SizeRange& sizes, const Style& style, double scale,
                          const MeasureText& measure, double max_width) {
    if (markers.empty())
        return {};
    std::map<Status, int> status_counts;
    std::map<std::string, int> provider_counts;
    for (const auto& m : markers) {
        ++status_counts[m.status];
        ++provider_counts[m.provider];
    }
    const bool several_providers = provider_counts.size() > 1;
    const std::vector<double> samples = size_samples(sizes, style.size_by);
    // Status symbols match the map: not-yet-live ones are drawn larger there too.
    const auto status_r = [&](Status status) {
        return style.marker_radius * scale * (is_pending(status) ? style.pending_marker_scale : 1);
    };
    double symbol_r = style.marker_radius * scale;
    for (const auto& [status, count] : status_counts)
        symbol_r = std::max(symbol_r, status_r(status));
    for (double v : samples)
        symbol_r = std::max(symbol_r, marker_radius(v, sizes, style, scale));

    LegendBuilder builder(style, scale, measure, symbol_r, max_width);
    builder.heading("Status");
    const Color status_color =
        several_providers ? status_symbol_color(style) : colors.of(markers.front().provider);
    for (Status status : all_statuses) {
        const auto it = status_counts.find(status);
        if (it == status_counts.end())
            continue;
        builder.row(LegendRow::Kind::status, status, status_color, status_r(status),
                    with_count(status_title(status), it->second));
    }
    // A single named provider still gets its row: the reader learns whose footprint it is.
    const bool show_providers = several_providers || !provider_counts.begin()->first.empty();
    if (show_providers) {
        builder.heading("Provider");
        for (const auto& provider : colors.providers()) {
            const auto count = provider_counts.find(provider);
            if (count == provider_counts.end())
                continue;
            builder.row(LegendRow::Kind::provider, Status::live, colors.of(provider),
                        style.marker_radius * scale,
                        with_count(provider.empty() ? "Unspecified" : provider, count->second));
        }
    }
    if (!samples.empty()) {
        builder.heading(style.size_by == SizeBy::zones ? "Availability zones" : "Capacity");
        for (double v : samples)
            builder.row(LegendRow::Kind::size, Status::live, status_color,
                        marker_radius(v, sizes, style, scale), size_text(v, style.size_by));
        // Sites without the quantity share the smallest symbol; say so, or a reader takes
        // them for the smallest value.
        if (sizes.missing > 0)
            builder.row(LegendRow::Kind::size, Status::live, status_color,
                        marker_radius(std::nullopt, sizes, style, scale),
                        with_count("Not given", sizes.missing));
    }
    return builder.finish();
}

int place_legend(LegendLayout& legend, const Box& frame, double inset,
                 const std::vector<MarkerLayout>& markers) {
    if (legend.box.empty())
        return 0;
    auto [best, best_covered] = best_spot(legend, frame, inset, markers);
    // A tall legend on a small map can find no free spot; its sections side by side are shorter
    // and may fit where the column does not.
    if (best_covered > 0 && legend.headings.size() > 1) {
        LegendLayout wide = sections_side_by_side(legend);
        const auto [wide_best, wide_covered] = best_spot(wide, frame, inset, markers);
        const bool fits = wide.box.width() <= frame.width() - 2 * inset;
        if (fits && wide_covered < best_covered) {
            legend = std::move(wide);
            best = wide_best;
            best_covered = wide_covered;
        }
    }
    shift_legend(legend, best.x - legend.box.min_x, best.y - legend.box.min_y);
    return best_covered;
}

void move_legend(LegendLayout& legend, double dx, double dy) { shift_legend(legend, dx, dy); }

LegendLayout legend_side_by_side(const LegendLayout& legend) {
    return legend.headings.size() > 1 ? sections_side_by_side(legend) : legend;
}

LegendLayout build_density_legend(const std::vector<std::pair<Color, std::string>>& classes,
                                  const Style& style, double scale, const MeasureText& measure) {
    const double r = 1.6 * style.marker_radius * scale;
    LegendBuilder builder(style, scale, measure, r);
    builder.heading("Sites per hexagon");
    for (const auto& [color, text] : classes)
        builder.row(LegendRow::Kind::density, Status::live, color, r, text);
    return builder.finish();
}

LegendLayout build_change_legend(const std::vector<std::pair<MapChange, int>>& counts,
                                 const Style& style, double scale, const MeasureText& measure) {
    const double r = 1.2 * style.marker_radius * scale;
    LegendBuilder builder(style, scale, measure, r);
    builder.heading("Changes");
    for (const auto& [change, n] : counts) {
        builder.row(LegendRow::Kind::change, Status::live, change_color(change),
                    change == MapChange::unchanged ? 0.7 * r : r,
                    change == MapChange::moved
                        ? std::string("Moved (") + std::to_string(n) + "), from the ring"
                        : with_count(change_title(change), n));
    }
    LegendLayout legend = builder.finish();
    for (std::size_t i = 0; i < legend.rows.size(); ++i)
        legend.rows[i].change = counts[i].first;
    return legend;
}

} // namespace dcmap::layout::detail
