#pragma once
// Text measurement as layout asks for it and render answers it: layout places labels by size
// without knowing the drawing library, render measures with Pango.
#include "model/style.hpp"

#include <functional>
#include <string>

namespace dcmap {

struct TextSize {
    double width = 0;
    double height = 0;
};

/// Measures the logical size of `text` (UTF-8, may hold '\n') in `font`, in pixels. Layout calls
/// it from two threads at once when naming many groups, so it must be safe to.
using MeasureText = std::function<TextSize(const std::string& text, const FontSpec& font)>;

} // namespace dcmap
