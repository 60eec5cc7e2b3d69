#include "layout/page.hpp"

#include "model/error.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <utility>

namespace dcmap::layout::detail {

namespace {

/// Vertical extents of the text around the map at one scale.
struct Bands {
    double header = 0; ///< title + subtitle + gap below them; 0 when neither
    double footer = 0; ///< gap above the footer + its lines; 0 when no footer
};

double block_gap(const Style& style, double scale) { return 0.5 * style.margin * scale; }

/// Pieces of `line` that end after ". ", "; " or " · ", each keeping its punctuation.
std::vector<std::string> break_points(const std::string& line) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const bool after_stop = (line[i] == '.' || line[i] == ';') && line[i + 1] == ' ';
        const bool before_dot = line.compare(i, 4, " \u00b7 ") == 0;
        if (!after_stop && !before_dot)
            continue;
        const std::size_t end = after_stop ? i + 1 : i;
        pieces.push_back(line.substr(start, end - start));
        start = after_stop ? i + 2 : i + 4;
        i = start - 1;
    }
    pieces.push_back(line.substr(start));
    return pieces;
}

/// The words of `text` (split at spaces), a Creative Commons licence ("CC BY 4.0", "CC BY-SA
/// 3.0") kept as one: a footer broken inside it read "CC BY" at a line's end and "4.0;" below.
std::vector<std::string> unbreakable_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c != ' ') {
            word += c;
            continue;
        }
        if (!word.empty())
            words.push_back(std::move(word));
        word.clear();
    }
    if (!word.empty())
        words.push_back(std::move(word));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string unit = words[i];
        if (unit == "CC" && i + 1 < words.size() && words[i + 1].rfind("BY", 0) == 0) {
            unit += " " + words[++i];
            if (i + 1 < words.size() && !words[i + 1].empty() &&
                std::isdigit(static_cast<unsigned char>(words[i + 1].front())))
                unit += " " + words[++i];
        }
        out.push_back(std::move(unit));
    }
    return out;
}

/// `text` broken at spaces into lines no wider than `room`, greedily.
std::string wrap_words(const std::string& text, const FontSpec& font, double room,
                       const MeasureText& measure) {
    std::string out, line;
    for (const std::string& word : unbreakable_words(text)) {
        const std::string joined = line.empty() ? word : line + " " + word;
        if (line.empty() || measure(joined, font).width <= room) {
            line = joined;
        } else {
            out += (out.empty() ? "" : "\n") + line;
            line = word;
        }
    }
    if (!line.empty())
        out += (out.empty() ? "" : "\n") + line;
    return out;
}

/// Footer lines wider than `max_width` broken at sentence ends so they stay on the canvas; a
/// piece still too wide on its own is broken at spaces (only a single word wider than the
/// canvas stays whole). No limit when max_width <= 0.
std::vector<std::string> fit_lines(const std::vector<std::string>& lines, const FontSpec& font,
                                   double max_width, const MeasureText& measure) {
    if (max_width <= 0)
        return lines;
    std::vector<std::string> out;
    const auto emit = [&](const std::string& text) {
        if (measure(text, font).width <= max_width) {
            out.push_back(text);
            return;
        }
        const std::string wrapped = wrap_words(text, font, max_width, measure);
        for (std::size_t start = 0;;) {
            const std::size_t end = wrapped.find('\n', start);
            out.push_back(wrapped.substr(start, end - start));
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
    };
    for (const auto& line : lines) {
        if (measure(line, font).width <= max_width) {
            out.push_back(line);
            continue;
        }
        std::string current;
        for (const auto& piece : break_points(line)) {
            const std::string joined = current.empty() ? piece : current + " " + piece;
            if (current.empty() || measure(joined, font).width <= max_width) {
                current = joined;
            } else {
                emit(current);
                current = piece;
            }
        }
        emit(current);
    }
    return out;
}

/// The canvas width at scale 1 when it is known before the height (given, or the default).
double known_width(const LayoutRequest& request, const Style& style) {
    if (request.width > 0)
        return request.width;
    return request.height > 0 ? 0.0 : style.default_width;
}

/// The footer's lines, broken so each fits between the margins at `scale`.
std::vector<std::string> fitted_footer(const LayoutRequest& request, const Style& style,
                                       const MeasureText& measure, double scale) {
    const double width = known_width(request, style);
    const double room = width > 0 ? (width - 2 * style.margin) * scale : 0;
    return fit_lines(footer_lines(request), scaled_font(style.footer_font, scale), room, measure);
}

double text_height(const std::string& text, const FontSpec& font, const MeasureText& measure) {
    return text.empty() ? 0.0 : measure(text, font).height;
}

/// A title or subtitle that fits `room` pixels across: wrapped at spaces, and when a word is
/// still too wide, set smaller, down to `smallest` pixels. No limit when room <= 0.
struct Heading {
    std::string text;
    FontSpec font;
};

Heading fitted_heading(const std::string& text, FontSpec font, double room, double smallest,
                       std::size_t most_lines, const MeasureText& measure) {
    if (text.empty() || room <= 0 || measure(text, font).width <= room)
        return {text, font};
    for (;;) {
        const std::string wrapped = wrap_words(text, font, room, measure);
        const auto lines =
            static_cast<std::size_t>(std::count(wrapped.begin(), wrapped.end(), '\n')) + 1;
        if ((measure(wrapped, font).width <= room && lines <= most_lines) || font.size <= smallest)
            return {wrapped, font};
        font.size = std::max(smallest, font.size * 0.9);
    }
}

/// Title and subtitle fitted between the margins at `scale`.
std::pair<Heading, Heading> fitted_headings(const LayoutRequest& request, const Style& style,
                                            const MeasureText& measure, double scale) {
    const double width = known_width(request, style);
    const double room = width > 0 ? (width - 2 * style.margin) * scale : 0;
    const double smallest = std::max(kMinTextPx, 14 * scale);
    // A title of more than three lines (six on a 6 cm figure, taller than its map) is set
    // smaller, down to `smallest`, and its subtitle by as much, so it stays the lesser line.
    const FontSpec title_font = scaled(style.title_font, scale);
    Heading title = fitted_heading(request.title, title_font, room, smallest, 3, measure);
    const double shrink = title.font.size / title_font.size;
    const double subtitle_smallest = std::max(kMinTextPx, 11 * scale);
    FontSpec subtitle_font = scaled(style.subtitle_font, scale);
    subtitle_font.size = std::max(subtitle_smallest, subtitle_font.size * shrink);
    Heading subtitle = fitted_heading(request.subtitle, subtitle_font, room, subtitle_smallest,
                                      std::numeric_limits<std::size_t>::max(), measure);
    return {std::move(title), std::move(subtitle)};
}

Bands measure_bands(const LayoutRequest& request, const Style& style, const MeasureText& measure,
                    double scale) {
    Bands bands;
    const auto [title, subtitle] = fitted_headings(request, style, measure, scale);
    bands.header = text_height(title.text, title.font, measure) +
                   text_height(subtitle.text, subtitle.font, measure);
    if (bands.header > 0)
        bands.header += block_gap(style, scale);
    const FontSpec footer_font = scaled(style.footer_font, scale);
    for (const auto& line : fitted_footer(request, style, measure, scale))
        bands.footer += measure(line, footer_font).height;
    if (bands.footer > 0)
        bands.footer += block_gap(style, scale);
    return bands;
}

void require_view_area(const Box& view) {
    if (view.empty() || !(view.width() > 0) || !(view.height() > 0) ||
        !std::isfinite(view.width()) || !std::isfinite(view.height()))
        throw Error("layout: the map view has no area; give an extent that covers more than one "
                    "point");
}

bool starts_with_source_prefix(const std::string& text) {
    static const std::string prefix = "source:";
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
            return false;
    return true;
}

/// The largest box with the view's aspect ratio, centred in `area`, and the matching transform.
/// `view` reshaped to the aspect of `area`: grown on its short axis, centred and kept inside
/// `world`; where the world stops it, cut down on the long axis, never below `content`. What
/// still differs is left to fit_view's letterboxing. Unchanged when `world` is empty.
Box view_for_frame(Box view, const Box& area, const Box& world, const Box& content) {
    if (world.empty() || view.empty() || area.empty())
        return view;
    const double target = area.height() / area.width();
    const double aspect = view.height() / view.width();
    // A hair's difference is the page's pixel rounding, not a frame of another shape.
    if (std::abs(aspect / target - 1) < 0.01)
        return view;
    const auto grow = [](double& lo, double& hi, double want, double world_lo, double world_hi) {
        want = std::min(want, world_hi - world_lo);
        if (want <= hi - lo)
            return;
        const double mid = (lo + hi) / 2;
        lo = std::max(world_lo, mid - want / 2);
        hi = lo + want;
        if (hi > world_hi) {
            hi = world_hi;
            lo = hi - want;
        }
    };
    const auto cut = [](double& lo, double& hi, double want, double keep_lo, double keep_hi) {
        want = std::max(want, keep_hi - keep_lo);
        if (want >= hi - lo)
            return;
        const double mid = std::clamp((keep_lo + keep_hi) / 2, lo + want / 2, hi - want / 2);
        lo = mid - want / 2;
        hi = mid + want / 2;
    };
    const Box keep = content.empty() ? view : content;
    if (aspect < target) {
        grow(view.min_y, view.max_y, view.width() * target, world.min_y, world.max_y);
        cut(view.min_x, view.max_x, view.height() / target, keep.min_x, keep.max_x);
    } else {
        grow(view.min_x, view.max_x, view.height() / target, world.min_x, world.max_x);
        cut(view.min_y, view.max_y, view.width() * target, keep.min_y, keep.max_y);
    }
    return view;
}

void fit_view(const Box& view, const Box& area, Box& frame, ViewTransform& transform) {
    const double k = std::min(area.width() / view.width(), area.height() / view.height());
    const double w = view.width() * k;
    const double h = view.height() * k;
    frame = Box::from_xywh(area.min_x + (area.width() - w) / 2,
                           area.min_y + (area.height() - h) / 2, w, h);
    transform = {view.min_x, view.max_y, k, frame.min_x, frame.min_y};
}

} // namespace

FontSpec scaled(FontSpec font, double scale) { return scaled_font(std::move(font), scale); }

TextBlock place_text(const std::string& text, const FontSpec& font, const Color& color, double x,
                     double y, const MeasureText& measure) {
    const TextSize size = measure(text, font);
    return {text, font, color, Box::from_xywh(x, y, size.width, size.height)};
}

std::string shortened_to_width(const std::string& text, const FontSpec& font, double room,
                               const MeasureText& measure) {
    std::string base = text, out = text;
    while (measure(out, font).width > room && !base.empty()) {
        std::size_t cut = base.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80)
            --cut;
        base.resize(cut);
        while (!base.empty() && base.back() == ' ')
            base.pop_back();
        out = base + "\u2026";
    }
    return out;
}

std::vector<std::string> footer_lines(const LayoutRequest& request) {
    std::string first;
    if (!request.source.empty())
        first = starts_with_source_prefix(request.source) ? request.source
                                                          : "Source: " + request.source;
    if (!request.as_of.empty())
        first += (first.empty() ? "" : " \u00b7 ") + ("As of " + request.as_of);
    std::vector<std::string> lines;
    if (!first.empty())
        lines.push_back(first);
    if (!request.attribution.empty())
        lines.push_back(request.attribution);
    return lines;
}

namespace {

/// Whether `css` CSS pixels are whole output pixels at scale `s` (to within float error).
bool whole_at_scale(double css, double s) { return std::abs(css * s - std::round(css * s)) < 1e-6; }

/// A side in pixels at scale 1, rounded so that it is whole pixels at scale `s` too: whole CSS
/// pixels where that gives whole output pixels (so --scale 2 doubles exactly).
double whole_pixels(double side, double s) {
    const double css = std::round(side);
    return whole_at_scale(css, s) ? css : std::round(side * s) / s;
}

} // namespace

bool height_is_derived(const LayoutRequest& request) {
    return whole_pixels(request.height, request.scale) <= 0;
}

double whole_band(double needed, double scale) {
    const double css = std::ceil(needed / scale);
    return whole_at_scale(css, scale) ? std::round(css * scale) : std::ceil(needed);
}

TextSize canvas_size_at_scale_one(const LayoutRequest& request, const Style& style,
                                  const MeasureText& measure, double band) {
    require_view_area(request.view);
    const double aspect = request.world.empty() ? request.view.height() / request.view.width()
                                                : derived_aspect(request.view);
    const Bands bands = measure_bands(request, style, measure, 1.0);
    const double chrome_w = 2 * style.margin;
    const double chrome_h = 2 * style.margin + bands.header + bands.footer + band;
    // Sides are rounded to whole output pixels, so a page at any scale is a whole image.
    const double s = request.scale;
    const auto whole = [s](double side) { return whole_pixels(side, s); };
    double width = whole(request.width);
    double height = whole(request.height);
    if (width <= 0 && height <= 0)
        width = style.default_width;
    if (height <= 0) {
        height = whole(chrome_h + (width - chrome_w) * aspect);
    } else if (width <= 0) {
        width = whole(chrome_w + (height - chrome_h) / aspect);
    }
    if (!(width - chrome_w >= 1) || !(height - chrome_h >= 1)) // NaN too
        throw Error("layout: a " + std::to_string(static_cast<long>(width)) + "x" +
                    std::to_string(static_cast<long>(height)) +
                    " px canvas leaves no room for the map after the title, footer and margins; "
                    "use a larger --width or --height");
    return {width, height};
}

Page compose_page(const LayoutRequest& request, const Style& style, const MeasureText& measure,
                  double band, BandPlace place) {
    const double s = request.scale;
    // A derived height grows by the band below the map and the map stays as it was without
    // it, to the last bit: the layout made before the band was known is the one drawn.
    const bool derived_height = height_is_derived(request);
    if (derived_height || !(band > 0))
        place = BandPlace::below;
    const double band_below = place == BandPlace::below ? band : 0;
    const TextSize canvas =
        canvas_size_at_scale_one(request, style, measure, derived_height ? 0 : band_below / s);
    Page page;
    page.width = canvas.width * s;
    const double height_without_band = canvas.height * s;
    page.height = derived_height ? height_without_band + band : height_without_band;
    const double margin = style.margin * s;

    double y = margin;
    const auto [title, subtitle] = fitted_headings(request, style, measure, s);
    if (!request.title.empty()) {
        page.title = place_text(title.text, title.font, style.title_color, margin, y, measure);
        page.title_box.expand(page.title.box);
        y = page.title.box.max_y;
    }
    if (!request.subtitle.empty()) {
        page.subtitle =
            place_text(subtitle.text, subtitle.font, style.subtitle_color, margin, y, measure);
        page.title_box.expand(page.subtitle.box);
        y = page.subtitle.box.max_y;
    }
    const Bands bands = measure_bands(request, style, measure, s);
    const double lowered = place == BandPlace::split ? std::round(band / 2) : 0;
    const double kept_below = place == BandPlace::beside ? 0 : band;
    const double map_top = margin + bands.header + lowered;
    const double map_bottom = derived_height
                                  ? height_without_band - margin - bands.footer
                                  : page.height - margin - bands.footer - kept_below + lowered;
    if (place == BandPlace::below && band > 0)
        page.band = {margin, map_bottom, page.width - margin, map_bottom + band};

    double footer_y =
        map_bottom + kept_below - lowered + (bands.footer > 0 ? block_gap(style, s) : 0);
    const FontSpec footer_font = scaled(style.footer_font, s);
    for (const auto& line : fitted_footer(request, style, measure, s)) {
        page.footer.push_back(
            place_text(line, footer_font, style.footer_color, margin, footer_y, measure));
        footer_y = page.footer.back().box.max_y;
    }

    const double gap = block_gap(style, s);
    const double column = place == BandPlace::beside ? band + gap : 0;
    const Box area{margin, map_top, page.width - margin - column, map_bottom};
    const Box view = view_for_frame(request.view, area, request.world, request.content);
    fit_view(view, area, page.map_frame, page.transform);
    page.map_area = area;
    if (place == BandPlace::beside) {
        // The map and its column are centred together, on whole pixels, and share their top:
        // a width-bound map centred in its room stood lower than the legend beside it.
        const double left =
            margin + std::floor((page.width - 2 * margin - page.map_frame.width() - column) / 2);
        const Box moved{left, map_top, left + page.map_frame.width(),
                        map_top + page.map_frame.height()};
        fit_view(view, moved, page.map_frame, page.transform);
        page.band = {moved.max_x + gap, map_top, moved.max_x + column, map_bottom};
    }
    return page;
}

MapLayout layout_from_page(const Page& page, double scale) {
    MapLayout out;
    out.width = page.width;
    out.height = page.height;
    out.scale = scale;
    out.transform = page.transform;
    out.map_frame = page.map_frame;
    out.title = page.title;
    out.subtitle = page.subtitle;
    out.title_box = page.title_box;
    out.footer = page.footer;
    return out;
}

} // namespace dcmap::layout::detail

namespace dcmap::layout {

double derived_aspect(const Box& view) {
    const double aspect = view.height() / view.width();
    return aspect > 3 ? aspect : std::min(aspect, 1.0);
}

} // namespace dcmap::layout
