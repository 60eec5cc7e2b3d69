#include "render/encode.hpp"

#include "model/error.hpp"

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
    // Cairo writes an opaque ARGB32 image as an RGB PNG by itself.
    SurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, canvas.width, canvas.height));
    draw(surface.get(), paint);
    cairo_surface_flush(surface.get());
    std::string png;
    check(cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png), "writing PNG");
    return options.dpi > 0 ? with_png_dpi(png, options.dpi) : png;
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

void put_u32(std::string &out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xff);
}

std::uint32_t get_u32(const std::string &in, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<unsigned char>(in[at + i]);
    return v;
}

std::string png_chunk(const std::string &type, const std::string &data) {
    std::string chunk;
    put_u32(chunk, static_cast<std::uint32_t>(data.size()));
    chunk += type + data;
    put_u32(chunk, static_cast<std::uint32_t>(crc32_of(type + data)));
    return chunk;
}

} // namespace

unsigned long crc32_of(const std::string &bytes) {
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char byte : bytes) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
}

std::string with_png_dpi(const std::string &png, double dpi) {
    constexpr std::size_t kSignature = 8;
    if (png.size() < kSignature + 12 || png.compare(kSignature + 4, 4, "IHDR") != 0)
        throw Error("cannot add the resolution to the PNG: unexpected PNG layout");
    std::string out = png.substr(0, kSignature);
    std::string phys_data;
    auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    put_u32(phys_data, per_metre);
    put_u32(phys_data, per_metre);
    phys_data += '\x01'; // unit: metre
    for (std::size_t at = kSignature; at + 12 <= png.size();) {
        std::size_t length = 12 + get_u32(png, at);
        std::string type = png.substr(at + 4, 4);
        if (type != "pHYs")
            out += png.substr(at, length);
        if (type == "IHDR")
            out += png_chunk("pHYs", phys_data);
        at += length;
    }
    return out;
}

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
