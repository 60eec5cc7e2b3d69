#pragma once
// --layout-json: what was drawn, in canvas pixels (origin top-left, after --scale).
#include "model/layout.hpp"

#include <string>

namespace dcmap::cli {

/// The layout as JSON: width, height, markers, labels, leaders, dropped, outcomes, legend and
/// title boxes. Stable key order and number formatting.
std::string layout_to_json(const MapLayout& layout);

} // namespace dcmap::cli
