#pragma once
// What layout/ decides and render/ draws: every position in canvas pixels (origin top-left,
// y down, already multiplied by --scale). Also what --layout-json writes.
#include "model/change.hpp"
#include "model/geometry.hpp"
#include "model/site.hpp"
#include "model/style.hpp"

#include <string>
#include <utility>
#include <vector>

namespace dcmap {

/// Maps projected units (y north) to canvas pixels (y down): px = (x - x0) * k + ox,
/// py = (y0 - y) * k + oy.
struct ViewTransform {
    double x0 = 0, y0 = 0, k = 1, ox = 0, oy = 0;
    Point to_pixels(Point p) const { return {(p.x - x0) * k + ox, (y0 - p.y) * k + oy}; }
};

struct MarkerLayout {
    std::string id; ///< Site::key()
    double lon = 0, lat = 0;
    double x = 0, y = 0;           ///< pixel centre as drawn
    double true_x = 0, true_y = 0; ///< where the site projects; (x, y) is at most the style's
                                   ///< marker_max_shift diameters away from it
    double r = 0;                  ///< radius in pixels
    Status status = Status::live;
    std::string provider; ///< as in the input; empty when none
    Color color;          ///< fill (live) or ring colour
    int key = 0;          ///< number in the map key when the site is named there; 0 = none
    MapChange change = MapChange::none; ///< on a change map: drawn by change, not by status
    bool has_from = false; ///< moved: (from_x, from_y) is the older position, in pixels
    double from_x = 0, from_y = 0;
};

/// Sites that cannot be drawn apart within the shift bound, drawn as one disc with their count:
/// a pie of the providers' colours.
struct AggregateLayout {
    std::string id;                ///< "+" followed by the first member's id
    double x = 0, y = 0;           ///< pixel centre as drawn
    double true_x = 0, true_y = 0; ///< mean of the members' projected positions
    double r = 0;                  ///< radius in pixels
    double spread = 0; ///< largest distance from (true_x, true_y) to a member's position
    std::vector<std::string> members; ///< site ids, in key order
    /// Provider colour and member count, in legend order; the pie's segments.
    std::vector<std::pair<Color, int>> segments;
    std::vector<std::string> providers; ///< the segments' providers, in the same order
    FontSpec count_font;                ///< for the count drawn inside
    int key = 0;                        ///< number in the map key; 0 = none
};

/// One hexagon of the density surface.
struct DensityCell {
    Point centre;  ///< pixels
    int count = 0; ///< sites inside
    Color color;
};

/// Sites drawn as a density surface of hexagons (pointy-top, `radius` pixels from centre to
/// corner) with a colour ramp, for maps with more sites than markers can show.
struct DensityLayout {
    double radius = 0;
    std::vector<DensityCell> cells;
    int max_count = 0;
};

/// How a site's name ended up on the map.
/// labelled: beside its own marker; leader: at a distance, with a line; grouped: in one label
/// with other sites of its place, or its aggregate's label; keyed: by number in the map key;
/// inset: labelled inside an inset; density: counted in the density surface (no markers);
/// unlabelled: named nowhere.
enum class LabelOutcome { labelled, leader, grouped, keyed, inset, density, unlabelled };

struct LabelLayout {
    std::string id;   ///< Site::key()
    std::string text; ///< UTF-8, may hold several lines separated by '\n'
    Box box; ///< text's logical box in pixels (top-left + size); text is drawn at its top-left
    bool has_leader = false;
    Point leader_from, leader_to; ///< from the marker edge to the label box, when has_leader
    /// Every site a grouped label or its key number names (ids, in key order); empty for a single
    /// site's label.
    std::vector<std::string> members;
    int weight = 0; ///< font weight the box was measured in; 0 = the style's label font weight
    int key = 0;    ///< > 0: this label is the number of a map key entry (text is the number)
};

/// A block of text at a fixed position: title, subtitle, footer lines, legend rows.
struct TextBlock {
    std::string text;
    FontSpec font; ///< already scaled
    Color color;
    Box box; ///< drawn with its top-left at (box.min_x, box.min_y)
};

struct LegendRow {
    /// density: a hexagon; change: a change map's symbol
    enum class Kind { status, provider, size, density, change } kind = Kind::status;
    Status status = Status::live;       ///< the symbol for status rows
    MapChange change = MapChange::none; ///< the symbol for change rows
    Color color;                        ///< symbol colour
    double r = 0;                       ///< symbol radius in pixels
    Point symbol;                       ///< symbol centre
    TextBlock label;                    ///< e.g. "Announced (3)"
};

struct LegendLayout {
    Box box;                         ///< background panel; empty when there is no legend
    std::vector<TextBlock> headings; ///< "Status", "Provider"
    std::vector<LegendRow> rows;
};

/// A magnified frame of a dense area, drawn over the main map where it covers no site.
struct InsetLayout {
    std::string name;         ///< as asked for: "europe", "W,S,E,N", or "auto"
    Box box;                  ///< the inset's frame in canvas pixels
    ViewTransform transform;  ///< projected units -> canvas pixels inside `box`
    Box area;                 ///< the area the inset shows, in main-map pixels (its outline)
    double magnification = 1; ///< inset pixels per main-map pixel
    TextBlock caption;        ///< e.g. "Europe", in the corner with the fewest markers
    /// Single sites inside the area, in drawing order; (true_x, true_y) is where the site
    /// projects in the inset, (x, y) at most the style's marker_max_shift diameters from it.
    std::vector<MarkerLayout> markers;
    std::vector<AggregateLayout> aggregates; ///< merged sites, drawn after the markers
    std::vector<LabelLayout> labels;         ///< their labels and key numbers, placed inside `box`
};

/// The numbered key listing sites whose label found no room: "3  Frankfurt · AWS, Azure".
struct KeyLayout {
    Box box;                        ///< background panel; empty when no site is keyed
    TextBlock heading;              ///< "Key"
    std::vector<TextBlock> entries; ///< one per number, in number order
    /// The box of each entry's leading number, drawn in the tag that marks it on the map.
    std::vector<Box> numbers;
};

struct MapPanel;

struct MapLayout {
    double width = 0, height = 0;            ///< canvas pixels, after scale
    double scale = 1;                        ///< output pixels per style (CSS) pixel
    double dpi = 96;                         ///< output pixels per inch: 72 / dpi points per pixel
    ViewTransform transform;                 ///< projected units -> pixels for the base map
    Box map_frame;                           ///< pixel box the map is clipped to
    std::string markers_mode;                ///< "sites", "clusters" or "density": what was drawn
    std::vector<MarkerLayout> markers;       ///< single sites, in drawing order
    std::vector<AggregateLayout> aggregates; ///< merged sites, drawn after the markers
    DensityLayout density;                   ///< cells when markers_mode is "density"
    std::vector<LabelLayout> labels;
    KeyLayout key;
    std::vector<std::string> dropped; ///< ids of the sites named nowhere (outcome unlabelled)
    std::vector<std::pair<std::string, LabelOutcome>> outcomes; ///< every site, by id
    TextBlock title, subtitle;                                  ///< empty text when absent
    Box title_box; ///< union of title and subtitle; empty when none
    LegendLayout legend;
    std::vector<TextBlock> footer;           ///< source / as-of line, attribution line
    std::vector<std::string> host_countries; ///< ISO alpha-2 of countries holding a site, sorted
    std::vector<InsetLayout> insets; ///< drawn over the main map; their sites are labelled there
    /// Small multiples: maps drawn side by side on this canvas, sharing its title, legend and
    /// footer; this layout then has no markers of its own. Empty for a single map.
    std::vector<MapPanel> panels;
};

/// One map of small multiples, its canvas's top-left at (x, y) on the shared canvas.
struct MapPanel {
    double x = 0, y = 0; ///< pixels
    MapLayout map;       ///< width x height from (x, y); its caption is its subtitle
};

} // namespace dcmap
