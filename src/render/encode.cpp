#include "render/encode.hpp"

#include "model/error.hpp"
#include "render/png_writer.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>

namespace dcmap::render::detail {
namespace {

constexpr double kPointsPerPixel = 0.75;

// A fixed creation date keeps PDFs byte-identical from run to run.
constexpr const char *kPdfCreationDate = "2000-01-01T00:00:00Z";
// Cairo 1.16 writes that date without the "D:" prefix PDF readers expect. The replacement has
// the same length (minutes precision is valid PDF), so the cross-reference offsets still hold.
constexpr const char *kCairoCreationDate = "/CreationDate (20000101000000Z)";
constexpr const char *kFixedCreationDate = "/CreationDate (D:200001010000Z)";

cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int length) {
    static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDeleter {
    void operator()(cairo_surface_t *s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

void check(cairo_status_t status, const char *what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(std::string("cannot draw the map (") + what +
                    "): " + cairo_status_to_string(status));
}

void draw(cairo_surface_t *surface, const Paint &paint) {
    check(cairo_surface_status(surface), "creating the surface");
    cairo_t *cr = cairo_create(surface);
    try {
        paint(cr);
    } catch (...) {
        cairo_destroy(cr);
        throw;
    }
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    check(status, "drawing");
}

std::string with_pdf_date_prefix(std::string pdf) {
    std::size_t at = pdf.find(kCairoCreationDate);
    if (at != std::string::npos)
        pdf.replace(at, std::string(kCairoCreationDate).size(), kFixedCreationDate);
    return pdf;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string encode_png(const Canvas &canvas, const RenderOptions &options, const Paint &paint) {
    SurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, canvas.width, canvas.height));
    draw(surface.get(), paint);
    cairo_surface_flush(surface.get());
    return encode_png_bytes(surface.get(), options.dpi, options.png_colors);
}

std::string encode_svg(const Canvas &canvas, const RenderOptions &options, const Paint &paint) {
    std::string svg;
    SurfacePtr surface(
        cairo_svg_surface_create_for_stream(append_bytes, &svg, canvas.width, canvas.height));
    cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_1);
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PX);
    draw(surface.get(), paint);
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "writing SVG");
    return with_svg_metadata(with_stable_svg_ids(svg), options.title, options.description);
}

std::string encode_pdf(const Canvas &canvas, const RenderOptions &options, const Paint &paint) {
    std::string pdf;
    // One canvas pixel is one CSS pixel (0.75 pt), as in the SVG: both vector formats come out
    // the same physical size, and the painter still draws in pixels under a cairo_scale.
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(
        append_bytes, &pdf, canvas.width * kPointsPerPixel, canvas.height * kPointsPerPixel));
    cairo_surface_t *s = surface.get();
    if (!options.title.empty())
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, options.title.c_str());
    if (!options.description.empty())
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, options.description.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "dcmap");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, kPdfCreationDate);
    draw(s, [&](cairo_t *cr) {
        cairo_scale(cr, kPointsPerPixel, kPointsPerPixel);
        paint(cr);
    });
    cairo_surface_finish(s);
    check(cairo_surface_status(s), "writing PDF");
    return with_pdf_date_prefix(pdf);
}

} // namespace

std::string with_stable_svg_ids(const std::string &svg) {
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

std::string xml_escape(const std::string &text) {
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

std::string with_svg_metadata(const std::string &svg, const std::string &title,
                              const std::string &description) {
    std::size_t root = svg.find("<svg");
    std::size_t end_of_tag = root == std::string::npos ? root : svg.find('>', root);
    if (end_of_tag == std::string::npos)
        throw Error("cannot add a title to the SVG: no <svg> element in Cairo's output");
    std::string metadata;
    if (!title.empty())
        metadata += "\n<title>" + xml_escape(title) + "</title>";
    if (!description.empty())
        metadata += "\n<desc>" + xml_escape(description) + "</desc>";
    std::string out = svg;
    out.insert(end_of_tag + 1, metadata);
    return out;
}

std::string encode(Format format, const Canvas &canvas, const RenderOptions &options,
                   const Paint &paint) {
    switch (format) {
    case Format::png:
        return encode_png(canvas, options, paint);
    case Format::svg:
        return encode_svg(canvas, options, paint);
    case Format::pdf:
        return encode_pdf(canvas, options, paint);
    }
    throw Error("unsupported output format");
}

} // namespace dcmap::render::detail
