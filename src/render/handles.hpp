#pragma once
// Owning pointers for the Cairo, Pango and GLib objects render/ creates, so each is released
// exactly once on every path out of a function, exceptions included.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace dcmap::render::detail {

/// Calls `release` on the pointer; one type per release function, so the pointers stay small.
template <auto release> struct Release {
    template <class T> void operator()(T* handle) const { release(handle); }
};

using CairoPtr = std::unique_ptr<cairo_t, Release<cairo_destroy>>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, Release<cairo_surface_destroy>>;
using CairoPathPtr = std::unique_ptr<cairo_path_t, Release<cairo_path_destroy>>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, Release<cairo_font_options_destroy>>;
using LayoutPtr = std::unique_ptr<PangoLayout, Release<g_object_unref>>;
using PangoContextPtr = std::unique_ptr<PangoContext, Release<g_object_unref>>;
using FontMapPtr = std::unique_ptr<PangoFontMap, Release<g_object_unref>>;
using FontDescriptionPtr =
    std::unique_ptr<PangoFontDescription, Release<pango_font_description_free>>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, Release<pango_layout_iter_free>>;

} // namespace dcmap::render::detail
