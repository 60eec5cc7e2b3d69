#pragma once
// Scene -> positioned markers, labels, legend, title and footer. Pure C++: no I/O, no drawing
// library; text is measured through the function the caller passes in.
#include "model/diagnostics.hpp"
#include "model/layout.hpp"
#include "model/place.hpp"
#include "model/style.hpp"
#include "model/text_measure.hpp"

#include <functional>
#include <string>
#include <vector>

namespace dcmap::layout {

// The text-measurement types live in model/ so render/ can answer them without layout/.
using dcmap::MeasureText;
using dcmap::TextSize;

/// A resolved site and where the projection put it.
struct ProjectedSite {
    ResolvedSite site;
    Point projected;      ///< projected units
    bool visible = false; ///< false on the far side of an orthographic globe
    /// The town the site is in (the place it resolved to, or the nearest gazetteer town for
    /// lat/lon sites), for labels that name places; empty when unknown.
    std::string locality;
    /// The continent of the site's country ("Europe"), for naming a group that spans
    /// countries; empty when unknown.
    std::string continent;
    MapChange change = MapChange::none; ///< on a change map; none on an ordinary map
    bool has_from = false;              ///< moved: `from` is the older position, projected units
    Point from;
};

/// How sites are drawn: one marker each (merged only where they cannot be told apart), clusters
/// with counts, a density surface, or chosen from how crowded the map is.
enum class MarkerMode { automatic, sites, clusters, density };

/// What a single site's label shows: its name, its place, or the name unless it is long.
enum class LabelText { automatic, name, place };

/// When sites whose label finds no room are numbered and listed in a key below the map.
enum class KeyMode { automatic, always, never };

/// An inset asked for by name or lon/lat box (see project::inset_area).
struct InsetRequest {
    std::string name;    ///< "europe", "W,S,E,N"
    std::string caption; ///< "Europe"; empty = no caption
    Box view;            ///< projected units the inset shows
};

struct LayoutRequest {
    std::vector<ProjectedSite> sites;
    Box view; ///< projected units to fit into the map frame, aspect kept
    /// Where the view may grow to fill a frame of another shape (the projection's bounds), and
    /// what it must keep when it is cut down instead; empty: the view is fitted as it is.
    Box world;
    Box content;
    std::string title;
    std::string subtitle;
    std::string source;      ///< footer, e.g. "Source: Alibaba Cloud press releases"
    std::string as_of;       ///< footer, e.g. "2026-11-28"
    std::string attribution; ///< footer line crediting the data
    double width = 0;        ///< canvas CSS pixels (scale 1); 0 = derive from height / aspect
    double height = 0;       ///< canvas CSS pixels (scale 1); 0 = derive from width / aspect
    double scale = 1;        ///< output pixels per CSS pixel: --scale x dpi / 96
    std::vector<InsetRequest> insets; ///< magnified frames, laid out in this order
    bool auto_inset = false;          ///< add an inset around the most crowded cluster, if any
    MarkerMode markers = MarkerMode::automatic;
    LabelText labels = LabelText::automatic;
    KeyMode key = KeyMode::automatic;
    /// Land polygons in projected units, so insets prefer the sea; optional, not owned.
    const std::vector<Polygon>* land = nullptr;
    /// Providers that index the palette, sorted; empty = those of `sites`. Panels of one
    /// canvas give them all, so a provider has one colour on every panel.
    std::vector<std::string> providers;
    bool legend = true; ///< false: no legend (a panel of small multiples shares one)
    /// Called, when set, with each page make_layout is about to lay the map out in: a MapLayout
    /// with the page's width, height, scale, transform, map frame and host countries. What
    /// depends on those alone (a PNG's base map, render::Underlay) can be painted meanwhile.
    /// Called on the layout's thread; the last page offered need not be the one returned.
    std::function<void(const MapLayout& page)> on_page;
};

/// The height / width of a canvas whose other side is derived from `view`: the view's own,
/// made at most square so a tall region is widened across rather than drawn down a long page;
/// views taller than three times their width (a transverse world) keep theirs.
double derived_aspect(const Box& view);

/// Lays the map out. Deterministic: same request, style and measurer give the same layout.
/// Markers that overlap are nudged apart by at most the style's marker_max_shift; those that
/// still overlap merge into a counted aggregate. Sites of one place share a label; labels move
/// to leader positions before they give up, and a site whose label finds no room is numbered
/// and listed in the key. Sites named nowhere are counted in one warning. docs/labels.md
/// describes the order.
MapLayout make_layout(const LayoutRequest& request, const Style& style, const MeasureText& measure,
                      Diagnostics& diagnostics);

} // namespace dcmap::layout
