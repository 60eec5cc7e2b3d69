#pragma once
// What layout/ decides and render/ draws: every position in canvas pixels (origin top-left,
// y down, already multiplied by --scale). Also what --layout-json writes.
#include "model/geometry.hpp"
#include "model/site.hpp"
#include "model/style.hpp"

#include <string>
#include <vector>

namespace dcmap {

/// Maps projected units (y north) to canvas pixels (y down): px = (x - x0) * k + ox,
/// py = (y0 - y) * k + oy.
struct ViewTransform {
    double x0 = 0, y0 = 0, k = 1, ox = 0, oy = 0;
    Point to_pixels(Point p) const { return {(p.x - x0) * k + ox, (y0 - p.y) * k + oy}; }
};

struct MarkerLayout {
    std::string id;        ///< Site::key()
    double lon = 0, lat = 0;
    double x = 0, y = 0;   ///< pixel centre
    double r = 0;          ///< radius in pixels
    Status status = Status::live;
    std::string provider;  ///< as in the input; empty when none
    Color color;           ///< fill (live) or ring colour
};

/// How a site's name ended up on the map.
enum class LabelOutcome { labelled, leader, grouped, unlabelled };

struct LabelLayout {
    std::string id;    ///< Site::key()
    std::string text;  ///< UTF-8, may hold several lines separated by '\n'
    Box box;           ///< text's logical box in pixels (top-left + size); text is drawn at its top-left
    bool has_leader = false;
    Point leader_from, leader_to;  ///< from the marker edge to the label box, when has_leader
    /// Every site a grouped label names (ids, in key order); empty for a single site's label.
    std::vector<std::string> members;
    int weight = 0;    ///< font weight the box was measured in; 0 = the style's label font weight
};

/// A block of text at a fixed position: title, subtitle, footer lines, legend rows.
struct TextBlock {
    std::string text;
    FontSpec font;  ///< already scaled
    Color color;
    Box box;        ///< drawn with its top-left at (box.min_x, box.min_y)
};

struct LegendRow {
    enum class Kind { status, provider, size } kind = Kind::status;
    Status status = Status::live;  ///< the symbol for status rows
    Color color;                   ///< symbol colour
    double r = 0;                  ///< symbol radius in pixels
    Point symbol;                  ///< symbol centre
    TextBlock label;               ///< e.g. "Announced (3)"
};

struct LegendLayout {
    Box box;                       ///< background panel; empty when there is no legend
    std::vector<TextBlock> headings;  ///< "Status", "Provider"
    std::vector<LegendRow> rows;
};

/// A magnified frame of a dense area, drawn over the main map where it covers no site.
struct InsetLayout {
    std::string name;          ///< as asked for: "europe", "W,S,E,N", or "auto"
    Box box;                   ///< the inset's frame in canvas pixels
    ViewTransform transform;   ///< projected units -> canvas pixels inside `box`
    Box area;                  ///< the area the inset shows, in main-map pixels (its outline)
    double magnification = 1;  ///< inset pixels per main-map pixel
    TextBlock caption;         ///< e.g. "Europe" in the inset's top-left corner; empty text = none
    std::vector<MarkerLayout> markers;  ///< the sites inside the area, in drawing order
    std::vector<LabelLayout> labels;    ///< their labels, placed inside `box`
};

struct MapLayout {
    double width = 0, height = 0;  ///< canvas pixels, after scale
    double scale = 1;
    ViewTransform transform;       ///< projected units -> pixels for the base map
    Box map_frame;                 ///< pixel box the map is clipped to
    std::vector<MarkerLayout> markers;  ///< in drawing order
    std::vector<LabelLayout> labels;
    std::vector<std::string> dropped;   ///< ids whose label was not placed
    std::vector<std::pair<std::string, LabelOutcome>> outcomes;  ///< every site, by id
    TextBlock title, subtitle;     ///< empty text when absent
    Box title_box;                 ///< union of title and subtitle; empty when none
    LegendLayout legend;
    std::vector<TextBlock> footer; ///< source / as-of line, attribution line
    std::vector<std::string> host_countries;  ///< ISO alpha-2 of countries holding a site, sorted
    std::vector<InsetLayout> insets;  ///< drawn over the main map; their sites are labelled there
};

} // namespace dcmap
