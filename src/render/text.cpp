#include "render/text.hpp"

#include <cmath>
#include <map>
#include <mutex>
#include <tuple>

namespace dcmap::render::detail {
namespace {

// One font map per thread (Pango font maps are not thread-safe): creating a fontconfig font map
// is expensive, so a thread keeps its own. The measurer and the PNG bands may run on different
// threads; their maps come from the same fontconfig configuration and font options, so they
// shape and measure alike (the band test compares bands painted on different threads).
PangoFontMap* shared_font_map() {
    thread_local const FontMapPtr map(pango_cairo_font_map_new());
    return map.get();
}

// Explicit options so that metrics do not depend on the desktop's fontconfig or Xft settings.
FontOptionsPtr deterministic_font_options() {
    FontOptionsPtr owner(cairo_font_options_create());
    cairo_font_options_t* options = owner.get();
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT);
    return owner;
}

} // namespace

FontDescriptionPtr font_description(const FontSpec& font) {
    FontDescriptionPtr owner(pango_font_description_new());
    PangoFontDescription* desc = owner.get();
    pango_font_description_set_family(desc, font.family.c_str());
    pango_font_description_set_absolute_size(desc, font.size * PANGO_SCALE);
    pango_font_description_set_weight(desc, static_cast<PangoWeight>(font.weight));
    pango_font_description_set_style(desc, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return owner;
}

TextContext::TextContext() : context_(pango_font_map_create_context(shared_font_map())) {
    pango_cairo_context_set_font_options(context_.get(), deterministic_font_options().get());
    // Sizes are absolute pixels, so the resolution only matters if a size were in points.
    pango_cairo_context_set_resolution(context_.get(), 96);
    pango_context_set_round_glyph_positions(context_.get(), FALSE);
}

LayoutPtr TextContext::make_layout(const std::string& text, const FontSpec& font,
                                   PangoAlignment align) const {
    LayoutPtr layout(pango_layout_new(context_.get()));
    pango_layout_set_font_description(layout.get(), font_description(font).get());
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
}

TextSize TextContext::measure(const std::string& text, const FontSpec& font) const {
    const LayoutPtr layout = make_layout(text, font);
    PangoRectangle logical{};
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE,
            static_cast<double>(logical.height) / PANGO_SCALE};
}

void TextContext::attach(cairo_t* cr) const { pango_cairo_update_context(cr, context_.get()); }

} // namespace dcmap::render::detail
