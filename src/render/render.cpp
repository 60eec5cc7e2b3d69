#include "render/render.hpp"

#include "io/atomic_file.hpp"
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

std::string encode_map(const MapLayout& layout, const ProjectedBasemap& basemap, const Style& style,
                       Format format, const RenderOptions& options) {
    int width = canvas_side(layout.width, "width");
    int height = canvas_side(layout.height, "height");
    detail::TextContext text;
    detail::Canvas canvas{width, height, {}};
    if (format == Format::png)
        canvas.band_starts = detail::band_starts(layout, basemap, options.png_bands);
    detail::SvgMarkup svg_markup(options.svg_text, options.sites);
    if (format == Format::svg)
        text.set_svg_markup(&svg_markup);
    return detail::encode(
        format, canvas, options,
        [&](cairo_t* cr) {
            if (format != Format::png) {
                detail::paint_map(cr, layout, basemap, style, text);
                return;
            }
            // PNG bands are painted at once: each needs a Pango context of its own.
            const detail::TextContext band_text;
            detail::paint_map(cr, layout, basemap, style, band_text);
        },
        &svg_markup);
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
