#include "render/png_writer.hpp"

#include "io/threads.hpp"
#include "io/zeroed_pages.hpp"
#include "model/error.hpp"

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <libimagequant.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

namespace dcmap::render::detail {
namespace {

// PNG chunks carry at most 2^31 - 1 bytes; IDAT is split well below that.
constexpr std::size_t kMaxIdat = std::size_t(1) << 30;

void put_u32(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v >> 24);
    out += static_cast<char>(v >> 16);
    out += static_cast<char>(v >> 8);
    out += static_cast<char>(v);
}

void put_chunk(std::string& out, const char* type, const unsigned char* data, std::size_t size) {
    put_u32(out, static_cast<std::uint32_t>(size));
    const std::size_t start = out.size();
    out.append(type, 4);
    out.append(reinterpret_cast<const char*>(data), size);
    put_u32(out, crc32_gzip_refl(0, reinterpret_cast<const unsigned char*>(out.data()) + start,
                                 size + 4));
}

void put_chunk(std::string& out, const char* type, const std::string& data) {
    put_chunk(out, type, reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

/// Cairo stores premultiplied native-endian ARGB; PNG wants straight RGB(A) bytes.
void unpremultiply(std::uint32_t p, bool alpha, unsigned char*& out) {
    const unsigned a = p >> 24;
    unsigned r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
    if (a != 0 && a != 255) {
        r = (r * 255 + a / 2) / a;
        g = (g * 255 + a / 2) / a;
        b = (b * 255 + a / 2) / a;
    }
    *out++ = static_cast<unsigned char>(r);
    *out++ = static_cast<unsigned char>(g);
    *out++ = static_cast<unsigned char>(b);
    if (alpha)
        *out++ = static_cast<unsigned char>(a);
}

struct Pixels {
    const unsigned char* data;
    int width, height, stride;
    const std::uint32_t* row(int y) const {
        return reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
    }
};

bool is_opaque(const Pixels& px) {
    for (int y = 0; y < px.height; ++y) {
        const std::uint32_t* row = px.row(y);
        for (int x = 0; x < px.width; ++x)
            if ((row[x] >> 24) != 255)
                return false;
    }
    return true;
}

/// A zlib stream: its bytes and how many of them are used.
struct ZlibStream {
    std::unique_ptr<unsigned char[]> bytes;
    std::size_t size = 0;
};

/// The filtered rows as one zlib stream, by ISA-L's igzip at `level` (0..3).
ZlibStream zlib_stream(std::span<const unsigned char> rows, int level) {
    static constexpr std::uint32_t level_buffer[] = {0, ISAL_DEF_LVL1_DEFAULT,
                                                     ISAL_DEF_LVL2_DEFAULT, ISAL_DEF_LVL3_DEFAULT};
    level = std::clamp(level, 0, 3);
    // Zeroed, as is the stream below: isal_deflate_stateless read fields of the stream its init
    // leaves unset (valgrind: "depends on uninitialised value", traced to the stack), and one
    // render of the same map in ~20 wrote other bytes. No igzip state comes from leftovers.
    const std::unique_ptr<unsigned char[]> work(new unsigned char[level_buffer[level] + 1]());
    // Deflate's worst case grows data by a few bytes per 64 KiB stored block. Not zero-filled:
    // a map shrinks tenfold, and the pages of the bound it leaves untouched cost nothing.
    const std::size_t bound = rows.size() + rows.size() / 8 + 4096;
    if (bound > UINT32_MAX)
        throw Error("cannot encode the PNG: the image is too large");
    ZlibStream z{std::unique_ptr<unsigned char[]>(new unsigned char[bound]), 0};
    isal_zstream stream{};
    isal_deflate_stateless_init(&stream);
    stream.level = static_cast<std::uint32_t>(level);
    stream.level_buf = work.get();
    stream.level_buf_size = level_buffer[level];
    stream.gzip_flag = IGZIP_ZLIB;
    stream.end_of_stream = 1;
    stream.flush = NO_FLUSH;
    stream.next_in = const_cast<unsigned char*>(rows.data());
    stream.avail_in = static_cast<std::uint32_t>(rows.size());
    stream.next_out = z.bytes.get();
    stream.avail_out = static_cast<std::uint32_t>(bound);
    if (isal_deflate_stateless(&stream) != COMP_OK)
        throw Error("cannot encode the PNG: compression failed");
    z.size = stream.total_out;
    return z;
}

/// The PNG around filtered scanlines: signature, IHDR, PLTE/tRNS when given, pHYs, IDAT, IEND.
std::string png_file(int width, int height, int bit_depth, int color_type, const std::string& plte,
                     const std::string& trns, double dpi, std::span<const unsigned char> rows,
                     int level) {
    const ZlibStream z = zlib_stream(rows, level);
    const std::size_t z_size = z.size;

    std::string out("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    put_u32(ihdr, static_cast<std::uint32_t>(width));
    put_u32(ihdr, static_cast<std::uint32_t>(height));
    ihdr += static_cast<char>(bit_depth);
    ihdr += static_cast<char>(color_type);
    ihdr.append(3, '\0'); // deflate, adaptive filtering, no interlace
    put_chunk(out, "IHDR", ihdr);
    if (!plte.empty())
        put_chunk(out, "PLTE", plte);
    if (!trns.empty())
        put_chunk(out, "tRNS", trns);
    if (dpi > 0) {
        const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
        std::string phys;
        put_u32(phys, per_metre);
        put_u32(phys, per_metre);
        phys += '\1'; // metres
        put_chunk(out, "pHYs", phys);
    }
    for (std::size_t at = 0; at < z_size; at += kMaxIdat)
        put_chunk(out, "IDAT", z.bytes.get() + at, std::min(kMaxIdat, z_size - at));
    put_chunk(out, "IEND", nullptr, 0);
    return out;
}

/// One row as straight RGB(A) bytes. Nearly every pixel of a map is opaque, where straight and
/// premultiplied agree: the division is only for the antialiased edges of a transparent canvas.
template <bool Alpha> void straight_row(const std::uint32_t* in, int width, unsigned char* out) {
    for (int x = 0; x < width; ++x) {
        const std::uint32_t p = in[x];
        if ((p >> 24) == 255) {
            out[0] = static_cast<unsigned char>(p >> 16);
            out[1] = static_cast<unsigned char>(p >> 8);
            out[2] = static_cast<unsigned char>(p);
            if constexpr (Alpha)
                out[3] = 255;
            out += Alpha ? 4 : 3;
        } else {
            unpremultiply(p, Alpha, out);
        }
    }
}

// The rows never overlap; saying so lets the compiler vectorise the loops.
void up_filter(const unsigned char* __restrict current, const unsigned char* __restrict previous,
               unsigned char* __restrict out, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i)
        out[i] = static_cast<unsigned char>(current[i] - previous[i]);
}

void sub_filter(const unsigned char* __restrict current, std::size_t bpp,
                unsigned char* __restrict out, std::size_t size) {
    for (std::size_t i = 0; i < bpp && i < size; ++i)
        out[i] = current[i];
    for (std::size_t i = bpp; i < size; ++i)
        out[i] = static_cast<unsigned char>(current[i] - current[i - bpp]);
}

/// The usual guess at how well a filtered row compresses: the sum of its bytes as distances
/// from zero (PNG specification, "filter selection"); lower is better.
unsigned long filtered_cost(const unsigned char* row, std::size_t size) {
    unsigned long sum = 0;
    for (std::size_t i = 0; i < size; ++i)
        sum += row[i] < 128 ? row[i] : 256u - row[i];
    return sum;
}

std::string encode_truecolor(const Pixels& px, double dpi, int level) {
    const bool alpha = !is_opaque(px);
    const std::size_t bpp = alpha ? 4 : 3;
    const std::size_t line = 1 + bpp * std::size_t(px.width);
    // Every byte is written below: zeroed pages (huge where the system allows) spare the
    // clearing and most of the page faults of a vector.
    const io::ZeroedPages rows(line * std::size_t(px.height));
    const auto straight = [&](int y, unsigned char* out) {
        if (alpha)
            straight_row<true>(px.row(y), px.width, out);
        else
            straight_row<false>(px.row(y), px.width, out);
    };
    // Rows in bands, one per core: each band converts the row above its first itself, so the
    // bands share nothing and the bytes do not depend on how many there are.
    const std::size_t bands = px.height >= 256 ? io::cores(2) : 1;
    io::run_in_slices(
        std::size_t(px.height), bands, [&](std::size_t, std::size_t top, std::size_t bottom) {
            const auto first = static_cast<int>(top), end = static_cast<int>(bottom);
            std::vector<unsigned char> previous(line - 1, 0), current(line - 1), sub(line - 1);
            if (first > 0)
                straight(first - 1, previous.data());
            for (int y = first; y < end; ++y) {
                straight(y, current.data());
                // UP or SUB, whichever the row's cost guess prefers: UP suits the flat areas of a
                // map, SUB the rows along horizontal edges (5% smaller at 2400 px than UP alone).
                // Paeth and Average bought under 1% more here for twice the filtering.
                unsigned char* filtered = rows.data() + line * std::size_t(y);
                filtered[0] = 2;
                up_filter(current.data(), previous.data(), filtered + 1, line - 1);
                sub_filter(current.data(), bpp, sub.data(), line - 1);
                if (filtered_cost(sub.data(), line - 1) < filtered_cost(filtered + 1, line - 1)) {
                    filtered[0] = 1;
                    std::copy(sub.begin(), sub.end(), filtered + 1);
                }
                std::swap(previous, current);
            }
        });
    return png_file(px.width, px.height, 8, alpha ? 6 : 2, {}, {}, dpi, {rows.data(), rows.size()},
                    level);
}

/// Indices into a palette of at most 256 colours, and that palette as straight RGBA.
struct Indexed {
    std::vector<unsigned char> index;      ///< width * height
    std::vector<unsigned char> r, g, b, a; ///< the palette, one entry per index
};

/// The exact palette, in order of first appearance, when the image has at most 256 colours.
bool exact_palette(const Pixels& px, Indexed& out) {
    std::unordered_map<std::uint32_t, unsigned char> seen;
    std::vector<std::uint32_t> colours;
    // Reserved, not filled: the pages are touched only as rows are read, and growing row by
    // row never holds a second copy.
    out.index.reserve(std::size_t(px.width) * px.height);
    std::size_t at = 0;
    for (int y = 0; y < px.height; ++y) {
        // Grown row by row: most maps pass 256 colours within a few rows.
        out.index.resize(at + std::size_t(px.width));
        const std::uint32_t* row = px.row(y);
        std::uint32_t last = 0;
        unsigned char last_index = 0;
        bool have_last = false;
        for (int x = 0; x < px.width; ++x, ++at) {
            const std::uint32_t p = row[x];
            if (!have_last || p != last) {
                auto [it, added] = seen.try_emplace(p, static_cast<unsigned char>(colours.size()));
                if (added) {
                    if (colours.size() == 256)
                        return false;
                    colours.push_back(p);
                }
                last = p;
                last_index = it->second;
                have_last = true;
            }
            out.index[at] = last_index;
        }
    }
    for (std::uint32_t p : colours) {
        unsigned char rgba[4];
        unsigned char* cursor = rgba;
        unpremultiply(p, true, cursor);
        out.r.push_back(rgba[0]);
        out.g.push_back(rgba[1]);
        out.b.push_back(rgba[2]);
        out.a.push_back(rgba[3]);
    }
    return true;
}

struct LiqDeleter {
    void operator()(liq_attr* p) const { liq_attr_destroy(p); }
    void operator()(liq_image* p) const { liq_image_destroy(p); }
    void operator()(liq_result* p) const { liq_result_destroy(p); }
};

/// 256 colours chosen by libimagequant (the quantiser behind pngquant), with its dithering.
void quantised_palette(const Pixels& px, Indexed& out) {
    std::vector<unsigned char> straight(std::size_t(px.width) * px.height * 4);
    for (int y = 0; y < px.height; ++y)
        straight_row<true>(px.row(y), px.width, straight.data() + std::size_t(y) * px.width * 4);
    std::unique_ptr<liq_attr, LiqDeleter> attr(liq_attr_create());
    if (!attr)
        throw Error("cannot encode the palette PNG: out of memory");
    liq_set_max_colors(attr.get(), 256);
    std::unique_ptr<liq_image, LiqDeleter> image(
        liq_image_create_rgba(attr.get(), straight.data(), px.width, px.height, 0));
    liq_result* raw_result = nullptr;
    if (!image || liq_image_quantize(image.get(), attr.get(), &raw_result) != LIQ_OK)
        throw Error("cannot encode the palette PNG: quantisation failed");
    std::unique_ptr<liq_result, LiqDeleter> result(raw_result);
    liq_set_dithering_level(result.get(), 1.0f);
    out.index.resize(std::size_t(px.width) * px.height);
    if (liq_write_remapped_image(result.get(), image.get(), out.index.data(), out.index.size()) !=
        LIQ_OK)
        throw Error("cannot encode the palette PNG: remapping failed");
    const liq_palette* palette = liq_get_palette(result.get());
    for (unsigned i = 0; i < palette->count; ++i) {
        out.r.push_back(palette->entries[i].r);
        out.g.push_back(palette->entries[i].g);
        out.b.push_back(palette->entries[i].b);
        out.a.push_back(palette->entries[i].a);
    }
}

std::string encode_indexed(const Pixels& px, const Indexed& indexed, double dpi, int level) {
    const std::size_t colours = indexed.r.size();
    const int depth = colours <= 2 ? 1 : colours <= 4 ? 2 : colours <= 16 ? 4 : 8;
    std::string plte, trns;
    std::size_t last_translucent = 0;
    for (std::size_t i = 0; i < colours; ++i) {
        plte += static_cast<char>(indexed.r[i]);
        plte += static_cast<char>(indexed.g[i]);
        plte += static_cast<char>(indexed.b[i]);
        if (indexed.a[i] != 255)
            last_translucent = i + 1;
    }
    for (std::size_t i = 0; i < last_translucent; ++i)
        trns += static_cast<char>(indexed.a[i]);
    // Filter type 0 (none) on every row: filters help smooth images, not palette indices.
    const std::size_t line = 1 + (std::size_t(px.width) * depth + 7) / 8;
    std::vector<unsigned char> rows(line * std::size_t(px.height), 0);
    for (int y = 0; y < px.height; ++y) {
        unsigned char* out = rows.data() + line * std::size_t(y) + 1;
        const unsigned char* in = indexed.index.data() + std::size_t(y) * px.width;
        for (int x = 0; x < px.width; ++x) {
            const int bit = x * depth;
            out[bit / 8] |= static_cast<unsigned char>(in[x] << (8 - depth - bit % 8));
        }
    }
    return png_file(px.width, px.height, depth, 3, plte, trns, dpi, rows, level);
}

std::string encode_palette(const Pixels& px, double dpi, int level) {
    Indexed indexed;
    if (!exact_palette(px, indexed)) {
        indexed = {};
        quantised_palette(px, indexed);
    }
    return encode_indexed(px, indexed, dpi, level);
}

} // namespace

std::string encode_png_bytes(cairo_surface_t* surface, double dpi, PngColors colors, int level) {
    const Pixels px{cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                    cairo_image_surface_get_height(surface),
                    cairo_image_surface_get_stride(surface)};
    if (colors == PngColors::palette)
        return encode_palette(px, dpi, level);
    // A map of at most 256 colours (no antialiasing, say) loses nothing as a palette PNG, and
    // the count stops at the 257th colour, which an antialiased map reaches within a few rows.
    Indexed indexed;
    if (exact_palette(px, indexed))
        return encode_indexed(px, indexed, dpi, level);
    return encode_truecolor(px, dpi, level);
}

} // namespace dcmap::render::detail
