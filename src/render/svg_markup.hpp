#pragma once
// What an SVG gets beyond Cairo's drawing: a group with a tooltip around each marker and
// aggregate, and, with SvgText::text, real <text> elements in place of glyph outlines.
//
// Cairo's SVG surface has no way to open a group or write text, so the painter draws a
// sentinel (a speck of one reserved colour) wherever markup belongs and SvgMarkup records what
// goes there; with_markup() then puts the i-th recorded piece in place of the i-th sentinel of
// Cairo's output. Each piece so lands at its place in the drawing order and inside the clip
// group it was drawn under.
#include "model/layout.hpp"
#include "render/render.hpp"

#include <cairo.h>

#include <map>
#include <string>
#include <vector>

// As Pango declares it; the header stays usable where only Cairo is on the include path.
typedef struct _PangoLayout PangoLayout; // NOLINT(bugprone-reserved-identifier): Pango's name

namespace dcmap::render::detail {

/// The tooltip of a single site's marker: its name, then provider and status, then its place
/// (lines separated by '\n'); the id alone when `sites` does not know it. At most a few hundred
/// characters, whatever the input.
std::string marker_tooltip(const std::string& id, const std::map<std::string, SiteSummary>& sites);

/// The tooltip of an aggregate: "N sites", then one line per member ("Name (Provider, status)")
/// up to a bound, then "and K more".
std::string aggregate_tooltip(const AggregateLayout& aggregate,
                              const std::map<std::string, SiteSummary>& sites);

/// `families` (a fontconfig list: "DejaVu Sans, Noto Sans CJK SC") as a CSS font-family value
/// with metric look-alikes of the first family and a generic family at the end:
/// "'DejaVu Sans','Bitstream Vera Sans',Verdana,'Noto Sans CJK SC',sans-serif".
std::string css_font_family(const std::string& families);

class SvgMarkup {
public:
    /// `sites` must outlive this object.
    SvgMarkup(SvgText text, const std::map<std::string, SiteSummary>& sites);

    /// True when words are written as <text> elements and not drawn as glyphs.
    bool writes_text() const { return text_ == SvgText::text; }

    /// Opens the group of a marker (closed by end_group) with its tooltip.
    void begin_marker(cairo_t* cr, const MarkerLayout& marker);
    /// Opens the group of an aggregate (closed by end_group) with its tooltip.
    void begin_aggregate(cairo_t* cr, const AggregateLayout& aggregate);
    /// Closes the group opened last; `at` is its marker's centre in pixels.
    void end_group(cairo_t* cr, Point at);

    /// One <text> element per line of `layout` drawn with its top-left at `top_left` (pixels):
    /// baseline and alignment as Pango placed them, the font named with a fallback stack, and
    /// a halo of `halo_width` pixels outside the glyphs when it is > 0 (a stroke painted under
    /// the fill).
    void add_text(cairo_t* cr, PangoLayout* layout, Point top_left, const FontSpec& font,
                  Color color, Color halo, double halo_width);

    /// `svg` (Cairo's output, before any other post-processing) with every sentinel replaced by
    /// its piece. Throws Error when the sentinels and the pieces do not pair up.
    std::string with_markup(const std::string& svg) const;

private:
    void record(cairo_t* cr, Point at, std::string piece);

    SvgText text_;
    const std::map<std::string, SiteSummary>& sites_;
    std::vector<std::string> pieces_;
};

} // namespace dcmap::render::detail
