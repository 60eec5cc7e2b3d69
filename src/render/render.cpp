#include "render/render.hpp"

#include "io/atomic_file.hpp"
#include "io/threads.hpp"
#include "model/error.hpp"
#include "render/encode.hpp"
#include "render/painter.hpp"
#include "render/svg_markup.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace dcmap::render {
namespace {

// Cairo's image surfaces stop at 32767 pixels a side.
constexpr double kMaxCanvasSide = 32767;

std::string lower_extension(const std::string& path) {
    std::size_t slash = path.find_last_of('/');
    std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

int canvas_side(double pixels, const char* name) {
    if (!std::isfinite(pixels) || pixels < 1 || pixels > kMaxCanvasSide)
        throw Error(std::string("cannot draw the map: canvas ") + name + " " +
                    std::to_string(pixels) + " px is outside 1..32767");
    return static_cast<int>(std::lround(pixels));
}

using FontKey = std::tuple<std::string, std::string, double, int, bool>;

// The measurer's state: a cache shared by every copy of the std::function. Layout measures from
// two threads at once, so the lock guards the cache only; each thread measures with a Pango
// context of its own (contexts of one process shape alike, see text.cpp).
struct MeasureCache {
    std::mutex mutex;
    std::map<FontKey, TextSize> sizes;

    TextSize measure(const std::string& content, const FontSpec& font) {
        FontKey key{content, font.family, font.size, font.weight, font.italic};
        {
            std::lock_guard lock(mutex);
            auto found = sizes.find(key);
            if (found != sizes.end())
                return found->second;
        }
        thread_local const detail::TextContext text;
        const TextSize size = text.measure(content, font);
        std::lock_guard lock(mutex);
        sizes.emplace(std::move(key), size);
        return size;
    }
};

} // namespace

Format format_from_path(const std::string& path) {
    std::string ext = lower_extension(path);
    if (ext == "png")
        return Format::png;
    if (ext == "svg")
        return Format::svg;
    if (ext == "pdf")
        return Format::pdf;
    std::string shown = ext.empty() ? path : "." + ext;
    throw Error("unsupported output format '" + shown + "': use .png, .svg or .pdf");
}

bool takes_underlay(const MapLayout& page) {
    return page.panels.empty() && !page.map_frame.empty() && page.scale > 0;
}

Underlay plan_underlay(const MapLayout& page, const ProjectedBasemap& basemap) {
    Underlay underlay;
    underlay.page.width = page.width;
    underlay.page.height = page.height;
    underlay.page.scale = page.scale;
    underlay.page.map_frame = page.map_frame;
    underlay.page.transform = page.transform;
    underlay.page.host_countries = page.host_countries;
    // The base map is clipped to the frame grown to whole pixels (painter.cpp, clip_to_pixels).
    const int width = canvas_side(page.width, "width");
    const int height = canvas_side(page.height, "height");
    underlay.first_row = std::clamp(static_cast<int>(std::floor(page.map_frame.min_y)), 0, height);
    underlay.end_row =
        std::clamp(static_cast<int>(std::ceil(page.map_frame.max_y)), underlay.first_row, height);
    // Two parts: one for each core of the machines maps are made on; a part more repeats the
    // preparation of every path that reaches it (four PNG bands were 6% slower than two).
    underlay.part_starts =
        detail::underlay_part_starts(page, basemap, underlay.first_row, underlay.end_row, 2);
    // A band search may add a band of up to twice the map's height below a derived height's
    // map (layout.cpp, max_band); untouched rows cost nothing (io::ZeroedPages).
    const double most = page.height + 2 * page.map_frame.height() + 2;
    underlay.rows = static_cast<int>(std::min(std::ceil(most), kMaxCanvasSide));
    underlay.pixels = io::ZeroedPages(std::size_t(underlay.rows) * std::size_t(width) * 4);
    return underlay;
}

void paint_underlay_part(Underlay& underlay, std::size_t part, const ProjectedBasemap& basemap,
                         const Style& style) {
    const auto& starts = underlay.part_starts;
    if (part >= starts.size())
        return;
    const int first = starts[part];
    const int end = part + 1 < starts.size() ? starts[part + 1] : underlay.end_row;
    const int width = static_cast<int>(std::lround(underlay.page.width));
    unsigned char* data = underlay.pixels.data() + std::size_t(first) * std::size_t(width) * 4;
    detail::draw_rows(data, width, width * 4, first, end, [&](cairo_t* cr) {
        detail::paint_underlay(cr, underlay.page, basemap, style);
    });
}

bool same_underlay(const MapLayout& a, const MapLayout& b) {
    const auto same_box = [](const Box& p, const Box& q) {
        return p.min_x == q.min_x && p.min_y == q.min_y && p.max_x == q.max_x && p.max_y == q.max_y;
    };
    const ViewTransform& s = a.transform;
    const ViewTransform& t = b.transform;
    return takes_underlay(a) && takes_underlay(b) && a.width == b.width && a.scale == b.scale &&
           same_box(a.map_frame, b.map_frame) && s.x0 == t.x0 && s.y0 == t.y0 && s.k == t.k &&
           s.ox == t.ox && s.oy == t.oy && a.host_countries == b.host_countries;
}

bool underlay_fits(const Underlay& underlay, const MapLayout& layout) {
    return underlay.pixels && same_underlay(underlay.page, layout) &&
           canvas_side(layout.height, "height") <= underlay.rows;
}

std::string encode_map(const MapLayout& layout, const ProjectedBasemap& basemap, const Style& style,
                       Format format, const RenderOptions& options, Underlay* ready) {
    int width = canvas_side(layout.width, "width");
    int height = canvas_side(layout.height, "height");
    detail::TextContext text;
    detail::Canvas canvas{width, height, {}, nullptr, {}};
    detail::SvgMarkup svg_markup(options.svg_text, options.sites);
    if (format == Format::svg)
        text.set_svg_markup(&svg_markup);
    if (format != Format::png)
        return detail::encode(
            format, canvas, options,
            [&](cairo_t* cr) { detail::paint_map(cr, layout, basemap, style, text); }, &svg_markup);

    // PNG bands are painted at once: each needs a Pango context of its own.
    if (!takes_underlay(layout)) {
        canvas.band_starts = detail::band_starts(layout, basemap, options.png_bands);
        return detail::encode(format, canvas, options, [&](cairo_t* cr) {
            const detail::TextContext band_text;
            detail::paint_map(cr, layout, basemap, style, band_text);
        });
    }
    // The background and base map come from an underlay, painted ahead or now, in its own
    // parts: the bytes do not depend on which. The rest is painted onto its pixels.
    Underlay own;
    Underlay* under = ready && underlay_fits(*ready, layout) ? ready : nullptr;
    if (!under) {
        own = plan_underlay(layout, basemap);
        const std::size_t parts = own.part_starts.size();
        io::run_tasks(parts, io::cores(parts),
                      [&](std::size_t part) { paint_underlay_part(own, part, basemap, style); });
        under = &own;
    }
    const io::ZeroedPages pixels = std::move(under->pixels);
    canvas.pixels = pixels.data();
    const int first_row = under->first_row, end_row = under->end_row;
    canvas.under = [&](cairo_t* cr) {
        // Rows outside the frame hold the background only.
        cairo_rectangle(cr, 0, 0, width, first_row);
        cairo_rectangle(cr, 0, end_row, width, height - end_row);
        cairo_clip(cr);
        detail::paint_background(cr, style);
    };
    canvas.band_starts = detail::band_starts(layout, basemap, options.png_bands, false);
    return detail::encode(format, canvas, options, [&](cairo_t* cr) {
        const detail::TextContext band_text;
        detail::paint_overlay(cr, layout, basemap, style, band_text);
    });
}

void render_map(const MapLayout& layout, const ProjectedBasemap& basemap, const Style& style,
                Format format, const RenderOptions& options, const std::string& output_path) {
    io::write_file_atomically(output_path, encode_map(layout, basemap, style, format, options));
}

void warm_up_text() {
    const detail::TextContext text;
    FontSpec font;
    text.measure("dcmap", font);
    font.weight = 700;
    text.measure("dcmap", font);
}

MeasureText pango_measurer() {
    auto cache = std::make_shared<MeasureCache>();
    return [cache](const std::string& content, const FontSpec& font) {
        return cache->measure(content, font);
    };
}

} // namespace dcmap::render
