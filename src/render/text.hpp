#pragma once
// Pango text set-up shared by drawing and measuring, so both see the same fonts and metrics.
#include "model/style.hpp"
#include "model/text_measure.hpp"
#include "render/handles.hpp"

#include <pango/pangocairo.h>

#include <memory>
#include <string>

namespace dcmap::render::detail {

class SvgMarkup;

/// Owns one PangoContext configured for deterministic metrics (gray antialiasing, no hinting,
/// hint metrics off) on the process-wide pango-cairo font map.
class TextContext {
public:
    TextContext();
    TextContext(const TextContext&) = delete;
    TextContext& operator=(const TextContext&) = delete;

    /// A new layout of `text` in `font`; lines are aligned within the widest line.
    LayoutPtr make_layout(const std::string& text, const FontSpec& font,
                          PangoAlignment align = PANGO_ALIGN_LEFT) const;
    /// Logical size of `text` in `font`, in pixels (unrounded).
    TextSize measure(const std::string& text, const FontSpec& font) const;
    /// Binds the context to `cr` so layouts made afterwards draw under its transformation.
    void attach(cairo_t* cr) const;

    /// Where an SVG's tooltips and <text> elements are collected while it is drawn (every
    /// painter that draws words or markers has the text context at hand); null otherwise.
    SvgMarkup* svg_markup() const { return svg_markup_; }
    void set_svg_markup(SvgMarkup* markup) { svg_markup_ = markup; }

private:
    PangoContextPtr context_;
    SvgMarkup* svg_markup_ = nullptr;
};

/// Pango font description for a FontSpec: family list, absolute size in pixels, weight, style.
FontDescriptionPtr font_description(const FontSpec& font);

} // namespace dcmap::render::detail
