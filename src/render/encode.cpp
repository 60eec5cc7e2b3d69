#include "render/encode.hpp"

#include "io/threads.hpp"
#include "model/error.hpp"
#include "render/handles.hpp"
#include "render/png_text.hpp"
#include "render/png_writer.hpp"
#include "render/svg_ids.hpp"
#include "render/svg_markup.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace dcmap::render::detail {
namespace {

// A fixed creation date keeps PDFs byte-identical from run to run: 2000-01-01 unless
// SOURCE_DATE_EPOCH (reproducible-builds.org) gives one.
constexpr long long kDefaultCreationEpoch = 946684800;

/// The creation date as Cairo takes it (ISO 8601, UTC) and as Cairo 1.16 writes it into the
/// PDF ("YYYYMMDDHHMMSSZ", without the "D:" prefix PDF readers expect), and the text that
/// replaces the latter: same length, minutes precision (valid PDF), so the cross-reference
/// offsets still hold.
struct PdfDate {
    std::string iso, written, fixed;
};

PdfDate pdf_date(long long epoch) {
    const auto t = static_cast<std::time_t>(epoch);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char iso[32], written[48], fixed[48];
    std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::strftime(written, sizeof written, "/CreationDate (%Y%m%d%H%M%SZ)", &utc);
    std::strftime(fixed, sizeof fixed, "/CreationDate (D:%Y%m%d%H%MZ)", &utc);
    return {iso, written, fixed};
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(std::string("cannot draw the map (") + what +
                    "): " + cairo_status_to_string(status));
}

void draw(cairo_surface_t* surface, const Paint& paint) {
    check(cairo_surface_status(surface), "creating the surface");
    const CairoPtr cr(cairo_create(surface));
    paint(cr.get());
    check(cairo_status(cr.get()), "drawing");
}

std::string with_pdf_date_prefix(std::string pdf, const PdfDate& date) {
    std::size_t at = pdf.find(date.written);
    if (at != std::string::npos && date.written.size() == date.fixed.size())
        pdf.replace(at, date.written.size(), date.fixed);
    return pdf;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

} // namespace

void draw_rows(unsigned char* data, int width, int stride, int first, int end, const Paint& paint) {
    if (end <= first)
        return;
    SurfacePtr rows(
        cairo_image_surface_create_for_data(data, CAIRO_FORMAT_ARGB32, width, end - first, stride));
    check(cairo_surface_status(rows.get()), "creating the surface");
    const CairoPtr cr(cairo_create(rows.get()));
    cairo_translate(cr.get(), 0, -first);
    paint(cr.get());
    check(cairo_status(cr.get()), "drawing");
    cairo_surface_flush(rows.get());
}

namespace {

/// Paints the canvas in the bands that start at `starts` at once, each through a cairo context of
/// its own onto its own rows of the one surface; `paint` runs once per band. A band's context is
/// shifted up by its first row, a whole pixel, so its pixels come from the same geometry as in
/// one pass (tested). The bands come from the map, never from the machine's core count, so the
/// bytes cannot depend on the machine.
void draw_in_bands(cairo_surface_t* surface, std::vector<int> starts, const Paint& paint) {
    check(cairo_surface_status(surface), "creating the surface");
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    if (starts.empty() || starts.front() != 0)
        starts.insert(starts.begin(), 0);
    starts.push_back(height);
    const std::size_t bands = starts.size() - 1;
    io::run_tasks(bands, std::min(bands, io::cores()), [&](std::size_t band) {
        draw_rows(data + std::size_t(starts[band]) * stride, width, stride, starts[band],
                  starts[band + 1], paint);
    });
    cairo_surface_mark_dirty(surface);
}

std::string encode_png(const Canvas& canvas, const RenderOptions& options, const Paint& paint) {
    SurfacePtr surface(
        canvas.pixels
            ? cairo_image_surface_create_for_data(canvas.pixels, CAIRO_FORMAT_ARGB32, canvas.width,
                                                  canvas.height, canvas.width * 4)
            : cairo_image_surface_create(CAIRO_FORMAT_ARGB32, canvas.width, canvas.height));
    if (canvas.under)
        draw(surface.get(), canvas.under);
    draw_in_bands(surface.get(), canvas.band_starts, paint);
    cairo_surface_flush(surface.get());
    return with_png_text(
        encode_png_bytes(surface.get(), options.pixels_per_inch, options.png_colors),
        {{"Title", options.title},
         {"Description", options.description},
         {"Source", options.source},
         {"Copyright", options.attribution},
         {"Software", "dcmap"}});
}

/// `pixels` as a length in options.unit at options.pixels_per_inch: "2400px", "16cm".
std::string physical_length(double pixels, const RenderOptions& options) {
    const double value = pixels / options.pixels_per_inch / inches_per(options.unit);
    char text[64];
    std::snprintf(text, sizeof text, "%.2f", value);
    std::string out = text;
    while (out.back() == '0')
        out.pop_back();
    if (out.back() == '.')
        out.pop_back();
    return out + unit_name(options.unit);
}

std::string encode_svg(const Canvas& canvas, const RenderOptions& options, const Paint& paint,
                       const SvgMarkup* markup) {
    std::string svg;
    SurfacePtr surface(
        cairo_svg_surface_create_for_stream(append_bytes, &svg, canvas.width, canvas.height));
    cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_1);
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PX);
    draw(surface.get(), paint);
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "writing SVG");
    // Tooltip groups and <text> go in first, so the id prefix below hashes them too.
    if (markup)
        svg = markup->with_markup(svg);
    // The land is filled and then stroked as the coastline: one shape, used twice.
    constexpr std::size_t kSharedShapeMin = 4096;
    svg = with_shared_svg_shapes(with_compact_svg_paths(with_stable_svg_ids(svg)), kSharedShapeMin);
    // Ids are prefixed per map so that several maps inlined in one HTML page keep their own
    // glyphs, clip paths and shapes.
    const std::string prefix =
        options.svg_id_prefix.empty()
            ? default_svg_id_prefix(options.svg_name,
                                    svg + '\0' + options.title + '\0' + options.description)
            : options.svg_id_prefix;
    const std::string sized =
        with_svg_size(with_prefixed_svg_ids(svg, prefix), physical_length(canvas.width, options),
                      physical_length(canvas.height, options));
    return with_accessible_svg_metadata(sized, prefix, options.title, options.description);
}

std::string encode_pdf(const Canvas& canvas, const RenderOptions& options, const Paint& paint) {
    std::string pdf;
    // The page has the physical size the pixels have at the map's dpi, as the SVG does; the
    // painter still draws in pixels under a cairo_scale.
    const double points_per_pixel = 72 / options.pixels_per_inch;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(
        append_bytes, &pdf, canvas.width * points_per_pixel, canvas.height * points_per_pixel));
    cairo_surface_t* s = surface.get();
    if (!options.title.empty())
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, options.title.c_str());
    if (!options.description.empty())
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, options.description.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "dcmap");
    const PdfDate date = pdf_date(options.creation_epoch.value_or(kDefaultCreationEpoch));
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.iso.c_str());
    draw(s, [&](cairo_t* cr) {
        cairo_scale(cr, points_per_pixel, points_per_pixel);
        paint(cr);
    });
    cairo_surface_finish(s);
    check(cairo_surface_status(s), "writing PDF");
    return with_pdf_date_prefix(pdf, date);
}

// ---- compact SVG path data ------------------------------------------------------------------

// Cairo writes path data as absolute coordinates with up to six decimals ("M 1300.5 904.625
// L 1298.625 902.125 ..."). Rounded to a hundredth of a pixel and rewritten relative, with
// implicit repeated commands and no redundant separators, the same drawing takes a third of the
// bytes. The arithmetic is exact: every number is read as an integer count of millionths, and
// relative steps are taken between the rounded positions, so no error accumulates.
constexpr std::int64_t kMicro = 1000000;
constexpr std::int64_t kHundredth = kMicro / 100;

/// `v` millionths rounded to the nearest hundredth (halves away from zero).
std::int64_t round_hundredth(std::int64_t v) {
    const std::int64_t half = kHundredth / 2;
    return (v >= 0 ? (v + half) / kHundredth : -((-v + half) / kHundredth)) * kHundredth;
}

/// `text` as millionths (digits past the sixth decimal round to the nearest); false when it is
/// not a plain decimal. Cairo writes six decimals, and more for numbers under 0.1.
bool parse_micro(std::string_view text, std::int64_t& out) {
    std::size_t i = 0;
    const bool negative = i < text.size() && text[i] == '-';
    if (negative)
        ++i;
    std::int64_t whole = 0, fraction = 0;
    int decimals = 0;
    bool digits = false, point = false, round_up = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && !point) {
            point = true;
        } else if (is_digit(c)) {
            digits = true;
            if (!point) {
                whole = whole * 10 + (c - '0');
                if (whole > (std::int64_t(1) << 40))
                    return false;
            } else if (decimals < 6) {
                fraction = fraction * 10 + (c - '0');
                ++decimals;
            } else if (decimals++ == 6) {
                round_up = c >= '5';
            }
        } else {
            return false;
        }
    }
    if (!digits)
        return false;
    for (; decimals < 6; ++decimals)
        fraction *= 10;
    out = whole * kMicro + fraction + (round_up ? 1 : 0);
    if (negative)
        out = -out;
    return true;
}

/// Millionths as the shortest decimal: "1.5", ".25", "-.125", "3".
std::string format_micro(std::int64_t v);

/// Millionths in units of `unit` millionths: as an integer when `unit` is a tenth (the caller
/// scales the path by 0.1), else as the shortest decimal.
std::string format_in(std::int64_t v, std::int64_t unit) {
    return unit == kMicro / 10 ? std::to_string(v / unit) : format_micro(v);
}

std::string format_micro(std::int64_t v) {
    std::string out;
    if (v < 0) {
        out += '-';
        v = -v;
    }
    const std::int64_t whole = v / kMicro;
    std::int64_t fraction = v % kMicro;
    if (whole != 0 || fraction == 0)
        out += std::to_string(whole);
    if (fraction != 0) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, 6 - digits.size(), '0');
        while (digits.back() == '0')
            digits.pop_back();
        out += '.';
        out += digits;
    }
    return out;
}

/// Appends a number to path data, with a space only where the grammar needs one.
void append_number(std::string& out, const std::string& number, bool& last_has_point) {
    const char previous = out.empty() ? ' ' : out.back();
    const bool after_number = is_digit(previous) || previous == '.';
    const bool self_separating = number[0] == '-' || (number[0] == '.' && last_has_point);
    if (after_number && !self_separating)
        out += ' ';
    out += number;
    last_has_point = number.find('.') != std::string::npos;
}

/// Cairo's absolute path data rewritten compactly; nullopt when it holds anything this does not
/// read (then the caller keeps the original).
std::optional<std::string> compact_path_data(std::string_view d, bool round, bool tenths_allowed,
                                             bool& tenths) {
    std::vector<std::string_view> tokens;
    for (std::size_t i = 0; i < d.size();) {
        if (d[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = d.find(' ', i);
        if (end == std::string_view::npos)
            end = d.size();
        tokens.push_back(d.substr(i, end - i));
        i = end;
    }
    // Base-map paths sit on a tenth-of-a-pixel grid (painter.cpp): written in tenths under a
    // scale(.1), every number loses its decimal point.
    // (Cairo keeps paths in 24.8 fixed point, so 904.6 comes out as 904.601562; the rounding
    // to hundredths brings it back.) Short paths are left in pixels: the transform would cost
    // more than it saves.
    constexpr std::size_t kTenthsMinTokens = 64;
    tenths = tenths_allowed && round && tokens.size() >= kTenthsMinTokens;
    for (std::size_t i = 0; tenths && i < tokens.size(); ++i) {
        std::int64_t v;
        if (parse_micro(tokens[i], v) && round_hundredth(v) % (kMicro / 10) != 0)
            tenths = false;
    }
    const std::int64_t unit = tenths ? kMicro / 10 : 1;
    std::string out;
    out.reserve(d.size() / 2);
    std::int64_t cx = 0, cy = 0, sx = 0, sy = 0;
    char last_command = 0;
    bool last_has_point = false;
    auto number_at = [&](std::size_t i, std::int64_t& v) {
        if (i >= tokens.size() || !parse_micro(tokens[i], v))
            return false;
        if (round)
            v = round_hundredth(v);
        return true;
    };
    auto command = [&](char c) {
        if (c != last_command || c == 'M') {
            out += c;
            last_has_point = false;
        }
        last_command = c;
    };
    for (std::size_t i = 0; i < tokens.size();) {
        const std::string_view t = tokens[i];
        if (t == "M") {
            std::int64_t x, y;
            if (!number_at(i + 1, x) || !number_at(i + 2, y))
                return std::nullopt;
            i += 3;
            // A move followed by nothing but another move draws nothing; Cairo ends every
            // closed subpath with one.
            if (i == tokens.size() || tokens[i] == "M")
                continue;
            command('M');
            append_number(out, format_in(x, unit), last_has_point);
            append_number(out, format_in(y, unit), last_has_point);
            cx = sx = x;
            cy = sy = y;
        } else if (t == "L") {
            std::int64_t x, y;
            if (!number_at(i + 1, x) || !number_at(i + 2, y))
                return std::nullopt;
            i += 3;
            command('l');
            append_number(out, format_in(x - cx, unit), last_has_point);
            append_number(out, format_in(y - cy, unit), last_has_point);
            cx = x;
            cy = y;
        } else if (t == "C") {
            std::int64_t v[6];
            for (int k = 0; k < 6; ++k)
                if (!number_at(i + 1 + k, v[k]))
                    return std::nullopt;
            i += 7;
            command('c');
            for (int k = 0; k < 6; k += 2) {
                append_number(out, format_in(v[k] - cx, unit), last_has_point);
                append_number(out, format_in(v[k + 1] - cy, unit), last_has_point);
            }
            cx = v[4];
            cy = v[5];
        } else if (t == "Z") {
            ++i;
            out += 'z';
            last_command = 'z';
            last_has_point = false;
            cx = sx;
            cy = sy;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

/// The style `style` (a `style="..."` attribute's value) for a path drawn under scale(.1):
/// stroke-width times ten. Empty when that cannot be done exactly or the style has dashes.
std::optional<std::string> style_for_tenths(std::string_view style) {
    if (style.find("dash") != std::string_view::npos)
        return std::nullopt;
    static constexpr std::string_view kWidth = "stroke-width:";
    const std::size_t at = style.find(kWidth);
    if (at == std::string_view::npos) {
        // A stroke with the default width would shrink with the scale.
        const std::size_t stroke = style.find("stroke:");
        if (stroke != std::string_view::npos && style.substr(stroke, 11) != "stroke:none")
            return std::nullopt;
        return std::string(style);
    }
    const std::size_t begin = at + kWidth.size();
    const std::size_t end = std::min(style.find(';', begin), style.size());
    std::int64_t width;
    if (!parse_micro(style.substr(begin, end - begin), width) || width % 10 != 0)
        return std::nullopt;
    std::string out(style.substr(0, begin));
    out += format_micro(width * 10);
    out += style.substr(end);
    return out;
}

} // namespace

std::string with_compact_svg_paths(const std::string& svg) {
    static constexpr std::string_view kPath = "<path ";
    static constexpr std::string_view kD = " d=\"";
    static constexpr std::string_view kStyle = "style=\"";
    const std::string_view text(svg);
    std::string out;
    out.reserve(svg.size());
    std::size_t at = 0;
    for (std::size_t tag = text.find(kPath); tag != std::string_view::npos;
         tag = text.find(kPath, tag + 1)) {
        const std::size_t tag_end = text.find('>', tag);
        const std::size_t found = text.find(kD, tag);
        if (tag_end == std::string_view::npos || found == std::string_view::npos || found > tag_end)
            continue;
        const std::size_t begin = found + kD.size();
        const std::size_t end = text.find('"', begin);
        if (end == std::string_view::npos || end > tag_end)
            continue;
        const std::string_view element = text.substr(tag, tag_end - tag);
        // A hundredth of a unit is a hundredth of a pixel only where no transform scales the
        // path (the painter draws in pixels; Cairo writes none today).
        const bool transformed = element.find("transform=") != std::string_view::npos;
        std::string_view style;
        const std::size_t style_at = element.find(kStyle);
        if (style_at != std::string_view::npos) {
            const std::size_t style_begin = style_at + kStyle.size();
            style = element.substr(style_begin, element.find('"', style_begin) - style_begin);
        }
        const std::optional<std::string> tenths_style =
            transformed ? std::nullopt : style_for_tenths(style);
        bool tenths = false;
        const auto compact = compact_path_data(text.substr(begin, end - begin), !transformed,
                                               tenths_style.has_value(), tenths);
        if (!compact)
            continue;
        out.append(svg, at, tag - at);
        out += "<path ";
        if (tenths)
            out += "transform=\"scale(.1)\" ";
        if (tenths && style_at != std::string_view::npos) {
            out.append(element.substr(kPath.size(), style_at - kPath.size()));
            out += kStyle;
            out += *tenths_style;
            out.append(element.substr(style_at + kStyle.size() + style.size(),
                                      found + kD.size() - tag -
                                          (style_at + kStyle.size() + style.size())));
        } else {
            out.append(svg, tag + kPath.size(), begin - tag - kPath.size());
        }
        out += *compact;
        at = end;
    }
    out.append(svg, at, std::string::npos);
    return out;
}

std::string with_shared_svg_shapes(const std::string& svg, std::size_t min_size) {
    struct Element {
        std::size_t begin, end;     // the whole <path .../>
        std::size_t d_begin, d_end; // the path data
    };
    static constexpr std::string_view kPath = "<path ";
    std::vector<Element> elements;
    std::map<std::string_view, std::vector<std::size_t>> by_data;
    const std::string_view text(svg);
    for (std::size_t at = text.find(kPath); at != std::string_view::npos;
         at = text.find(kPath, at + 1)) {
        const std::size_t close = text.find("/>", at);
        const std::size_t d = text.find(" d=\"", at);
        if (close == std::string_view::npos || d == std::string_view::npos || d > close)
            continue;
        const std::size_t d_end = text.find('"', d + 4);
        if (d_end == std::string_view::npos || d_end > close || d_end - (d + 4) < min_size)
            continue;
        elements.push_back({at, close + 2, d + 4, d_end});
        by_data[text.substr(d + 4, d_end - d - 4)].push_back(elements.size() - 1);
    }
    // Number shared shapes in order of first appearance, so the output is deterministic.
    std::vector<int> shape_of(elements.size(), 0);
    int shapes = 0;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const Element& e = elements[i];
        const auto& same = by_data[text.substr(e.d_begin, e.d_end - e.d_begin)];
        if (same.size() < 2)
            continue;
        if (same.front() == i)
            shape_of[i] = ++shapes;
        else
            shape_of[i] = shape_of[same.front()];
    }
    if (shapes == 0)
        return svg;
    std::string out;
    out.reserve(svg.size());
    std::size_t at = 0;
    std::vector<bool> defined(shapes + 1, false);
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (shape_of[i] == 0)
            continue;
        const Element& e = elements[i];
        const std::string id = "dcmap-shape" + std::to_string(shape_of[i]);
        out.append(svg, at, e.begin - at);
        if (!defined[shape_of[i]]) {
            out += "<defs><path id=\"" + id + "\" d=\"";
            out.append(svg, e.d_begin, e.d_end - e.d_begin);
            out += "\"/></defs>";
            defined[shape_of[i]] = true;
        }
        // The element's other attributes (style, clip-path) move to the <use>, whose shape
        // inherits them.
        out += "<use xlink:href=\"#" + id + "\"";
        out.append(svg, e.begin + kPath.size() - 1, e.d_begin - 4 - (e.begin + kPath.size() - 1));
        out.append(svg, e.d_end + 1, e.end - (e.d_end + 1));
        at = e.end;
    }
    out.append(svg, at, std::string::npos);
    return out;
}

std::string with_stable_svg_ids(const std::string& svg) {
    std::map<std::string, std::string> renamed;
    std::string out;
    out.reserve(svg.size());
    std::size_t at = 0;
    while (at < svg.size()) {
        std::size_t next = svg.find("surface", at);
        if (next == std::string::npos)
            break;
        std::size_t digits = next + 7;
        std::size_t end = digits;
        while (end < svg.size() && is_digit(svg[end]))
            ++end;
        bool is_id = next > 0 && (svg[next - 1] == '"' || svg[next - 1] == '#') && end > digits;
        out.append(svg, at, next - at);
        if (is_id) {
            std::string old_id = svg.substr(next, end - next);
            auto [entry, added] = renamed.try_emplace(old_id, "");
            if (added)
                entry->second = "surface" + std::to_string(renamed.size());
            out += entry->second;
        } else {
            out.append(svg, next, end - next);
        }
        at = end;
    }
    out.append(svg, at, std::string::npos);
    return out;
}

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            // XML 1.0 forbids other control characters even when escaped.
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                out += c;
        }
    }
    return out;
}

std::string encode(Format format, const Canvas& canvas, const RenderOptions& options,
                   const Paint& paint, const SvgMarkup* svg_markup) {
    switch (format) {
    case Format::png:
        return encode_png(canvas, options, paint);
    case Format::svg:
        return encode_svg(canvas, options, paint, svg_markup);
    case Format::pdf:
        return encode_pdf(canvas, options, paint);
    }
    throw Error("unsupported output format");
}

} // namespace dcmap::render::detail
