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

/// Measures the logical size of `text` (UTF-8, may hold '\n') in `font`, in pixels.
using MeasureText = std::function<TextSize(const std::string& text, const FontSpec& font)>;

} // namespace dcmap
