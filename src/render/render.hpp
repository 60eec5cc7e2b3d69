#pragma once
// MapLayout + base map -> PNG/SVG/PDF. The only stage that includes Cairo/Pango.
#include "io/zeroed_pages.hpp"
#include "model/basemap.hpp"
#include "model/layout.hpp"
#include "model/map_settings.hpp"
#include "model/style.hpp"
#include "model/text_measure.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dcmap::render {

enum class Format { png, svg, pdf };

/// Format from the output path's extension (.png, .svg, .pdf, any case). Throws Error otherwise.
Format format_from_path(const std::string& path);

/// How PNG pixels are stored: 24/32-bit colour, or indexed (8 bits or fewer a pixel; exact when
/// the map has at most 256 colours, else quantised).
enum class PngColors { truecolor, palette };

/// How an SVG carries its words: as <text> elements (searchable, selectable, read aloud by
/// screen readers, drawn by the viewer in the fonts named) or as glyph outlines (the same look
/// in every viewer, whatever fonts it has).
enum class SvgText { text, paths };

/// What an SVG tooltip says about one site.
struct SiteSummary {
    std::string name;     ///< the site's name
    std::string provider; ///< as the input and the legend write it; empty when none
    Status status = Status::live;
    std::string place; ///< where it is ("Hangzhou, Zhejiang, CN"); empty when unknown
};

struct RenderOptions {
    /// Output pixels per inch: the PNG's pHYs, the SVG's width and height in `unit`, the PDF's
    /// page size in points.
    double pixels_per_inch = 96;
    LengthUnit unit = LengthUnit::px;            ///< of the SVG's width and height
    PngColors png_colors = PngColors::truecolor; ///< PNG only
    /// PNG only: rows painted at once in this many bands (detail::encode). The bytes may depend
    /// on it, so it is fixed, never the machine's core count; 1 paints in one pass (for tests).
    int png_bands = 2;
    std::string title;       ///< SVG <title>, PDF title
    std::string description; ///< SVG <desc>, PDF subject: one line saying what the map shows
    /// Put before every id in an SVG (`--svg-id-prefix`); empty = derived from svg_name and
    /// the map's content (see detail::default_svg_id_prefix).
    std::string svg_id_prefix;
    std::string svg_name; ///< output file name without folder or extension, for the prefix
    SvgText svg_text = SvgText::text; ///< `--svg-text`
    /// Site id (Site::key()) -> its SVG tooltip; a marker whose id is missing is named by its id.
    std::map<std::string, SiteSummary> sites;
    std::string source;      ///< PNG "Source" text: where the data came from; may be empty
    std::string attribution; ///< PNG "Copyright" text: the data credit; may be empty
    /// PDF creation date in seconds since 1970 (SOURCE_DATE_EPOCH); unset = 2000-01-01.
    std::optional<long long> creation_epoch;
};

/// A PNG's background and base map for one map frame, painted apart from the rest of the map
/// so that it can be painted while the layout is still working on that frame (app/ does, on
/// the core the layout leaves idle). Its rows are split into parts painted separately, at a
/// row that depends only on the frame and the base map: the pixels are the same whoever
/// paints which part, and encode_map paints one the same way when none was painted ahead.
struct Underlay {
    /// The page painted: its width, height, scale, transform, map frame and host countries.
    MapLayout page;
    int first_row = 0, end_row = 0; ///< canvas rows painted: the map frame's, grown to whole pixels
    std::vector<int> part_starts;   ///< first canvas row of each part, from first_row
    int rows = 0; ///< canvas rows `pixels` has room for: as many as the page may grow to
    /// rows x width pixels from the canvas's top, premultiplied ARGB32 as Cairo stores them:
    /// transparent, like a new Cairo surface, but for the rows painted. encode_map paints the
    /// rest of the map onto these pixels, so an underlay serves one PNG.
    io::ZeroedPages pixels;
};

/// Whether `page` (a MapLayout with at least its width, scale, transform, map frame and host
/// countries) can be painted with an underlay: not for small multiples or a frameless map.
bool takes_underlay(const MapLayout& page);

/// An underlay for `page`'s frame with its parts planned and its pixels reserved, unpainted,
/// with room for the page to grow by a band below its map (layout's band search).
/// Requires takes_underlay(page).
Underlay plan_underlay(const MapLayout& page, const ProjectedBasemap& basemap);

/// Paints part `part` of `underlay`, planned by plan_underlay. Parts touch only
/// their own rows, so two threads may paint two parts of one underlay at once.
void paint_underlay_part(Underlay& underlay, std::size_t part, const ProjectedBasemap& basemap,
                         const Style& style);

/// Whether pages `a` and `b` have the same underlay: the same width, scale, transform, map
/// frame and host countries, and both take one.
bool same_underlay(const MapLayout& a, const MapLayout& b);

/// Whether `underlay` was painted for the frame `layout` is drawn in.
bool underlay_fits(const Underlay& underlay, const MapLayout& layout);

/// Draws the map and writes it to `output_path` atomically (temp file in the same folder, then
/// rename): a failure leaves no partial file and keeps an earlier file intact. Byte-identical
/// output for identical input. Canvas = layout.width x layout.height pixels; SVG and PDF have
/// the physical size those pixels have at options.pixels_per_inch (96: SVG width="Npx", PDF
/// page N * 0.75 pt). Throws IoError when writing fails, Error
/// when the canvas size is not 1..32767 px or Cairo fails.
void render_map(const MapLayout& layout, const ProjectedBasemap& basemap, const Style& style,
                Format format, const RenderOptions& options, const std::string& output_path);

/// The bytes render_map would write, for callers that write several files only once every one
/// of them has been drawn. Throws Error as render_map does.
/// A PNG uses `ready`, every part painted, when it fits `layout` (underlay_fits), and takes
/// its pixels; the bytes are the same with or without it.
std::string encode_map(const MapLayout& layout, const ProjectedBasemap& basemap, const Style& style,
                       Format format, const RenderOptions& options, Underlay* ready = nullptr);

/// Text measurement with Pango, matching how render_map draws text.
MeasureText pango_measurer();

/// Loads what the first text measure of a process would: fontconfig's configuration and font
/// caches and the default font, regular and bold (~10 ms). Meant for an idle core while the
/// input is read; measures and drawings are the same with or without it. Any thread, any time.
void warm_up_text();

} // namespace dcmap::render
