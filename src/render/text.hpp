#pragma once
// Pango text set-up shared by drawing and measuring, so both see the same fonts and metrics.
#include "model/style.hpp"
#include "model/text_measure.hpp"

#include <pango/pangocairo.h>

#include <memory>
#include <string>

namespace dcmap::render::detail {

/// Owns one PangoContext configured for deterministic metrics (gray antialiasing, no hinting,
/// hint metrics off) on the process-wide pango-cairo font map.
class TextContext {
  public:
    TextContext();
    ~TextContext();
    TextContext(const TextContext &) = delete;
    TextContext &operator=(const TextContext &) = delete;

    /// A new layout of `text` in `font`; lines are aligned within the widest line. The caller
    /// owns it (g_object_unref).
    PangoLayout *make_layout(const std::string &text, const FontSpec &font,
                             PangoAlignment align = PANGO_ALIGN_LEFT) const;
    /// Logical size of `text` in `font`, in pixels (unrounded).
    TextSize measure(const std::string &text, const FontSpec &font) const;
    /// Binds the context to `cr` so layouts made afterwards draw under its transformation.
    void attach(cairo_t *cr) const;

  private:
    PangoContext *context_;
};

/// Pango font description for a FontSpec: family list, absolute size in pixels, weight, style.
PangoFontDescription *font_description(const FontSpec &font);

} // namespace dcmap::render::detail
