#pragma once
// Page composition: canvas size, title block, map frame and footer, in canvas pixels.
#include "layout/layout.hpp"

#include <string>
#include <vector>

namespace dcmap::layout::detail {

/// The fixed parts of the page, positioned.
struct Page {
    double width = 0, height = 0; ///< canvas pixels, after scale
    ViewTransform transform;
    Box map_frame;
    Box map_area; ///< the room the map frame was fitted into (wider or taller than the frame)
    Box band;     ///< room kept between the map and the footer for the legend and key; may be empty
    TextBlock title, subtitle;
    Box title_box;
    std::vector<TextBlock> footer;
};

/// `font` with its size multiplied by `scale`, never below kMinTextPx (model/style.hpp).
FontSpec scaled(FontSpec font, double scale);

/// A text block of `text` with its top-left corner at (x, y), measured in `font` (already scaled).
TextBlock place_text(const std::string& text, const FontSpec& font, const Color& color, double x,
                     double y, const MeasureText& measure);

/// `text` cut at a character boundary and ended with an ellipsis so it measures at most `room`
/// pixels wide in `font`; `text` itself when it fits.
std::string shortened_to_width(const std::string& text, const FontSpec& font, double room,
                               const MeasureText& measure);

/// The footer's lines: "Source: ... · As of ..." and the attribution; empty lines left out.
std::vector<std::string> footer_lines(const LayoutRequest& request);

/// Canvas size in whole pixels at scale 1: the given width/height, or the missing one derived so
/// the map keeps the view's aspect ratio. Throws Error when the view has no area or the canvas
/// leaves no room for the map.
/// `band` (pixels at scale 1) is kept below the map: it makes a derived height taller, or the map
/// smaller when both sizes are given.
TextSize canvas_size_at_scale_one(const LayoutRequest& request, const Style& style,
                                  const MeasureText& measure, double band = 0);

/// Whether the canvas height follows from the width (none given, or one that rounds to 0).
bool height_is_derived(const LayoutRequest& request);

/// A band of at least `needed` output pixels at `scale`, rounded up to whole CSS pixels where
/// those are whole output pixels (integer scales), else to whole output pixels: so the page
/// stays a whole image.
double whole_band(double needed, double scale);

/// Where a page keeps its band for the legend and key.
enum class BandPlace {
    below,  ///< between the map frame and the footer
    split,  ///< a given height's map as small as with the band, half its room above and half
            ///< below, and no band (for a band left empty)
    beside, ///< a column right of the map, `band` pixels wide, for a given height whose map is
            ///< bound by its height: the map and the column are centred together
};

/// Lays out title, subtitle, map frame and footer on the scaled canvas, with a band of `band`
/// output pixels (whole_band) placed as `place` says. A derived height grows by a band below
/// and its map frame is the same bits as without it (it has no split or beside); a given
/// height keeps its canvas and the map shrinks.
Page compose_page(const LayoutRequest& request, const Style& style, const MeasureText& measure,
                  double band = 0, BandPlace place = BandPlace::below);

/// A layout holding the page's fixed parts (size, transform, map frame, title, footer) at `scale`,
/// for the markers, labels and legend to be added to.
MapLayout layout_from_page(const Page& page, double scale);

} // namespace dcmap::layout::detail
