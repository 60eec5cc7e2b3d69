#pragma once
// Scene -> positioned markers, labels, legend, title and footer. Pure C++: no I/O, no drawing
// library; text is measured through the function the caller passes in.
#include "model/diagnostics.hpp"
#include "model/layout.hpp"
#include "model/place.hpp"
#include "model/style.hpp"

#include <functional>
#include <string>
#include <vector>

namespace dcmap::layout {

struct TextSize {
    double width = 0;
    double height = 0;
};

/// Measures the logical size of `text` (UTF-8, may hold '\n') in `font`, in pixels.
using MeasureText = std::function<TextSize(const std::string& text, const FontSpec& font)>;

/// A resolved site and where the projection put it.
struct ProjectedSite {
    ResolvedSite site;
    Point projected;       ///< projected units
    bool visible = false;  ///< false on the far side of an orthographic globe
};

/// An inset asked for by name or lon/lat box (see project::inset_area).
struct InsetRequest {
    std::string name;     ///< "europe", "W,S,E,N"
    std::string caption;  ///< "Europe"; empty = no caption
    Box view;             ///< projected units the inset shows
};

struct LayoutRequest {
    std::vector<ProjectedSite> sites;
    Box view;               ///< projected units to fit into the map frame, aspect kept
    std::string title;
    std::string subtitle;
    std::string source;     ///< footer, e.g. "Source: Alibaba Cloud press releases"
    std::string as_of;      ///< footer, e.g. "2026-11-28"
    std::string attribution;  ///< footer line crediting the data
    int width = 0;          ///< canvas pixels at scale 1; 0 = derive from height / aspect
    int height = 0;         ///< canvas pixels at scale 1; 0 = derive from width / aspect
    double scale = 1;       ///< multiplies every pixel size (2 for retina)
    std::vector<InsetRequest> insets;  ///< magnified frames, laid out in this order
    bool auto_inset = false;  ///< add an inset around the most crowded cluster, if any
    /// Land polygons in projected units, so insets prefer the sea; optional, not owned.
    const std::vector<Polygon>* land = nullptr;
};

/// Lays the map out. Deterministic: same request, style and measurer give the same layout.
/// Markers that hide each other are spread on a small ring; sites there sharing a name get one
/// grouped label. Labels move to displaced positions with leader lines before they are dropped;
/// the ones dropped are counted in one warning. docs/labels.md describes the order.
MapLayout make_layout(const LayoutRequest& request, const Style& style,
                      const MeasureText& measure, Diagnostics& diagnostics);

} // namespace dcmap::layout
