#include "layout/key.hpp"

#include "layout/legend.hpp"
#include "layout/page.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace dcmap::layout::detail {

namespace {

/// Whether `text` holds a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, NKo
/// and their presentation forms).
bool has_right_to_left(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = [&](std::size_t k) {
            return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
        };
        const unsigned lead = byte(i);
        std::uint32_t code = lead;
        std::size_t length = 1;
        if (lead >= 0xF0) {
            code = ((lead & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) |
                   ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu);
            length = 4;
        } else if (lead >= 0xE0) {
            code = ((lead & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
            length = 3;
        } else if (lead >= 0xC0) {
            code = ((lead & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
            length = 2;
        }
        if ((code >= 0x0590 && code <= 0x08FF) || (code >= 0xFB1D && code <= 0xFDFF) ||
            (code >= 0xFE70 && code <= 0xFEFF))
            return true;
        i += length;
    }
    return false;
}

/// The key panel laid out with its top-left at (0, 0), at most `width` wide and, when
/// `max_height` > 0, at most that tall (entries beyond it are left out).
KeyLayout key_panel(const std::vector<std::string>& entries, double width, double max_height,
                    const Style& style, double scale, const MeasureText& measure) {
    KeyLayout key;
    if (entries.empty() || width <= 0)
        return key;
    const double pad = 8 * scale;
    const double column_gap = 16 * scale;
    const FontSpec font = scaled(style.legend_font, scale);
    key.heading = place_text("Key", scaled(style.legend_title_font, scale), style.legend_text, pad,
                             pad, measure);
    const double top = key.heading.box.max_y + 2 * scale;
    const double room = width - 2 * pad;
    std::vector<std::string> texts;
    std::vector<TextSize> sizes;
    double widest = 0;
    const std::size_t digits = std::to_string(entries.size()).size();
    for (std::size_t k = 0; k < entries.size(); ++k) {
        // Figure spaces (a digit's width) after the shorter numbers line the entries' text up:
        // "10  Tel Aviv" started a digit right of "9  Hermiston".
        std::string number = std::to_string(k + 1);
        for (std::size_t d = number.size(); d < digits; ++d)
            number += "\u2007";
        // An entry wider than the panel is shortened at a character boundary, with an ellipsis.
        // An entry in a right-to-left script would turn the whole line round, its number to the
        // right end: a left-to-right mark first keeps the line, and its number, left to right.
        const std::string start = has_right_to_left(entries[k]) ? "\u200E" : "";
        std::string text =
            shortened_to_width(start + number + "  " + entries[k], font, room, measure);
        const TextSize size = measure(text, font);
        widest = std::max(widest, size.width);
        texts.push_back(std::move(text));
        sizes.push_back(size);
    }
    const double line = measure("8", font).height;
    const auto columns = static_cast<std::size_t>(
        std::max(1.0, std::floor((room + column_gap) / (widest + column_gap))));
    std::size_t rows = (texts.size() + columns - 1) / columns;
    if (max_height > 0) {
        const double fit = std::floor((max_height - top - pad) / line);
        rows = std::min(rows, static_cast<std::size_t>(std::max(0.0, fit)));
    }
    const std::size_t listed = std::min(texts.size(), rows * columns);
    if (listed == 0)
        return KeyLayout{};
    // Column-major, so numbers read down each column. Each column is as wide as its own widest
    // entry: spaced by the widest of all, a column of short names stood far from the next.
    std::vector<double> column_x(1, pad);
    for (std::size_t first = 0; first < listed; first += rows) {
        double column_widest = 0;
        for (std::size_t k = first; k < std::min(listed, first + rows); ++k)
            column_widest = std::max(column_widest, sizes[k].width);
        column_x.push_back(column_x.back() + column_widest + column_gap);
    }
    double right = key.heading.box.max_x;
    for (std::size_t k = 0; k < listed; ++k) {
        const std::size_t column = k / rows, row = k % rows;
        const double x = column_x[column];
        const double y = top + static_cast<double>(row) * line;
        key.entries.push_back({texts[k], font, style.legend_text,
                               Box::from_xywh(x, y, sizes[k].width, sizes[k].height)});
        const TextSize number = measure(std::to_string(k + 1), font);
        key.numbers.push_back(Box::from_xywh(x, y, number.width, number.height));
        right = std::max(right, x + sizes[k].width);
    }
    key.box = {0, 0, right + pad, top + static_cast<double>(rows) * line + pad};
    return key;
}

void move_key(KeyLayout& key, double dx, double dy) {
    auto shift = [&](Box& b) { b = {b.min_x + dx, b.min_y + dy, b.max_x + dx, b.max_y + dy}; };
    shift(key.box);
    shift(key.heading.box);
    for (auto& e : key.entries)
        shift(e.box);
    for (auto& n : key.numbers)
        shift(n);
}

/// The legend as the band shows it: sections side by side when that fits the width.
LegendLayout band_legend(const LegendLayout& legend, double width) {
    LegendLayout wide = legend_side_by_side(legend);
    return wide.box.width() <= width ? wide : legend;
}

struct Arrangement {
    LegendLayout legend;
    KeyLayout key;
    double height = 0;
};

Arrangement arrange(const BandContent& content, double width, double max_height, const Style& style,
                    double scale, const MeasureText& measure) {
    Arrangement a;
    const double gap = 0.5 * style.margin * scale;
    double legend_w = 0, legend_h = 0;
    if (content.legend && !content.legend->box.empty()) {
        a.legend = band_legend(*content.legend, width);
        move_legend(a.legend, -a.legend.box.min_x, gap - a.legend.box.min_y);
        legend_w = a.legend.box.width();
        legend_h = a.legend.box.height();
    }
    if (content.key_entries.empty()) {
        a.height = legend_h > 0 ? gap + legend_h : 0;
        return a;
    }
    // Beside the legend when every entry fits there whole, else below it.
    const double beside = width - legend_w - (legend_w > 0 ? gap : 0);
    const KeyLayout trial = key_panel(content.key_entries, width, 0, style, scale, measure);
    double widest = 0;
    for (const auto& e : trial.entries)
        widest = std::max(widest, e.box.width());
    const auto panel = [&](bool side) {
        const double key_w = side ? beside : width;
        const double key_top = side ? gap : gap + legend_h + gap;
        // No room left under the legend lists nothing (a height of 0 would mean no bound).
        if (max_height > 0 && max_height - key_top <= 0)
            return KeyLayout{};
        KeyLayout key = key_panel(content.key_entries, key_w,
                                  max_height > 0 ? max_height - key_top : 0, style, scale, measure);
        move_key(key, side ? width - key_w : 0, key_top);
        return key;
    };
    const bool whole_beside = legend_w == 0 || widest + 16 * scale + 1 <= beside;
    const bool beside_first = whole_beside || (content.shorten_beside && beside >= 0.4 * width);
    a.key = panel(beside_first);
    // In a band of bounded height, entries shortened beside the legend beat none below it: a
    // 600x400 page's band held its legend and not one row of key under it. Where rows fit below,
    // whole entries there read better than more of them cut short.
    if (!beside_first && max_height > 0 && beside >= 0.25 * width && a.key.entries.empty())
        a.key = panel(true);
    a.height = std::max(gap + legend_h, a.key.box.empty() ? 0.0 : a.key.box.max_y);
    return a;
}

} // namespace

double band_height(const BandContent& content, double width, const Style& style, double scale,
                   const MeasureText& measure) {
    return arrange(content, width, 0, style, scale, measure).height;
}

std::size_t arrange_band(const BandContent& content, const Box& band, LegendLayout& legend,
                         KeyLayout& key, const Style& style, double scale,
                         const MeasureText& measure) {
    key = KeyLayout{};
    if (band.empty())
        return 0;
    Arrangement a = arrange(content, band.width(), band.height(), style, scale, measure);
    if (content.legend && !content.legend->box.empty()) {
        legend = a.legend;
        move_legend(legend, band.min_x, band.min_y);
    }
    key = a.key;
    move_key(key, band.min_x, band.min_y);
    return key.entries.size();
}

} // namespace dcmap::layout::detail
