#include "project/extent.hpp"

#include "model/error.hpp"
#include "model/named_areas.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>

namespace dcmap::project {

namespace detail {

/// Degrees of padding and minimum view size, as fractions of the world's width.
constexpr double auto_padding = 0.10;          // of the sites' own span, each side
constexpr double auto_min_span = 25.0 / 360.0; // so one site does not zoom to a street
constexpr int box_edge_steps = 64;

InputError malformed_extent(const std::string& extent, const std::string& why) {
    return InputError({}, "invalid --extent '" + extent + "': " + why,
                      "use world, auto, a name (" + named_area_list() +
                          "), or W,S,E,N in degrees, e.g. -30,30,60,72 "
                          "(W > E crosses the antimeridian)");
}

struct LonLatBox {
    double west = 0, south = 0, east = 0, north = 0;
};

LonLatBox parse_lonlat_box(const std::string& extent) {
    std::vector<double> values;
    std::stringstream in(extent);
    std::string field;
    while (std::getline(in, field, ',')) {
        std::size_t used = 0;
        double v = 0;
        try {
            v = std::stod(field, &used);
        } catch (const std::exception&) {
            throw malformed_extent(extent, "'" + field + "' is not a number");
        }
        if (field.find_first_not_of(" \t", used) != std::string::npos || !std::isfinite(v))
            throw malformed_extent(extent, "'" + field + "' is not a number");
        values.push_back(v);
    }
    if (values.size() != 4 || extent.back() == ',')
        throw malformed_extent(extent, "expected four numbers");
    LonLatBox box{values[0], values[1], values[2], values[3]};
    if (std::abs(box.west) > 180 || std::abs(box.east) > 180)
        throw malformed_extent(extent, "longitudes must be within -180..180");
    if (std::abs(box.south) > 90 || std::abs(box.north) > 90)
        throw malformed_extent(extent, "latitudes must be within -90..90");
    if (box.south >= box.north)
        throw malformed_extent(extent, "south must be less than north");
    if (box.west == box.east)
        throw malformed_extent(extent, "west and east are equal");
    return box;
}

/// The box's east edge, counted past 180 when the box crosses the antimeridian.
double east_of(const LonLatBox& box) { return box.east < box.west ? box.east + 360 : box.east; }

/// `lon` in -180..180.
double normalized(double lon) {
    while (lon > 180)
        lon -= 360;
    while (lon < -180)
        lon += 360;
    return lon;
}

std::string degrees_text(double lon) {
    std::ostringstream out;
    out << std::round(normalized(lon) * 100) / 100;
    return out.str();
}

/// The meridian where a map in this projection is cut (opposite its central meridian) when it
/// runs through the inside of `box`; nothing when it does not, or for a globe, which is not cut.
std::optional<double> edge_inside(const LonLatBox& box, const Projector& projector) {
    if (projector.spec().orthographic)
        return std::nullopt;
    const double edge = projector.spec().center_lon + 180;
    for (double e : {edge - 720, edge - 360, edge, edge + 360})
        if (e > box.west + 1e-9 && e < east_of(box) - 1e-9)
            return normalized(e);
    return std::nullopt;
}

/// The box's middle meridian, in -180..180.
double middle_lon(const LonLatBox& box) { return normalized((box.west + east_of(box)) / 2); }

/// Refuses a box that the map's edge would cut in two: its projected bounds would span the map
/// between the two halves, the rest of the world, instead of the box.
void check_not_cut(const LonLatBox& box, const Projector& projector, const std::string& what,
                   const std::string& hint) {
    if (const auto edge = edge_inside(box, projector))
        throw InputError({},
                         what + " is cut in two by the map's edge at " + degrees_text(*edge) +
                             "\u00b0 (opposite the central meridian " +
                             degrees_text(projector.spec().center_lon) +
                             "\u00b0), so it would frame the rest of the world instead",
                         hint + " --center " + degrees_text(middle_lon(box)));
}

/// Projected bounds of the box's densified edges and interior grid (a box's projected
/// extreme need not lie on its corners).
Box project_lonlat_box(const LonLatBox& box, const Projector& projector) {
    const double east = east_of(box);
    Box out;
    for (int i = 0; i <= box_edge_steps; ++i) {
        for (int j = 0; j <= box_edge_steps; ++j) {
            const double lon = box.west + (east - box.west) * i / box_edge_steps;
            const double lat = box.south + (box.north - box.south) * j / box_edge_steps;
            if (auto p = projector.forward(lon > 180 ? lon - 360 : lon, lat))
                out.expand(*p);
        }
    }
    return out;
}

/// Shrinks or slides `box` so it stays inside `world`, keeping its size where it fits.
Box keep_inside(Box box, const Box& world) {
    if (world.empty())
        return box;
    auto fit = [](double& lo, double& hi, double wlo, double whi) {
        const double span = hi - lo;
        if (span >= whi - wlo) {
            lo = wlo;
            hi = whi;
        } else if (lo < wlo) {
            lo = wlo;
            hi = wlo + span;
        } else if (hi > whi) {
            hi = whi;
            lo = whi - span;
        }
    };
    fit(box.min_x, box.max_x, world.min_x, world.max_x);
    fit(box.min_y, box.max_y, world.min_y, world.max_y);
    return box;
}

Box auto_view(const Projector& projector, const Box& world,
              const std::vector<Point>& site_lonlats) {
    Box sites;
    for (const Point& ll : site_lonlats)
        if (auto p = projector.forward(ll.x, ll.y))
            sites.expand(*p);
    if (sites.empty())
        return world;
    const double min_span = world.empty() ? 0 : world.width() * auto_min_span;
    const double pad_x = std::max(sites.width() * auto_padding, (min_span - sites.width()) / 2);
    const double pad_y = std::max(sites.height() * auto_padding, (min_span - sites.height()) / 2);
    Box view{sites.min_x - pad_x, sites.min_y - pad_y, sites.max_x + pad_x, sites.max_y + pad_y};
    return keep_inside(view, world);
}

/// Whether the projection's outline fills its bounding box, as a cylindrical projection's does
/// (web-mercator, plate carrée, Miller): its poles are lines as long as the equator. Only the
/// tall ones (web-mercator, Miller: more than 0.6 as high as wide) lose their polar band;
/// plate carrée's world is 2:1 and keeps Antarctica.
bool is_rectangular(const std::vector<Point>& outline, const Box& bounds) {
    if (outline.size() < 3 || bounds.empty())
        return false;
    double twice_area = 0;
    for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++)
        twice_area += outline[j].x * outline[i].y - outline[i].x * outline[j].y;
    return std::abs(twice_area) / 2 > 0.98 * bounds.width() * bounds.height();
}

/// Latitudes a world map needs: from south of Cape Horn to north of Greenland. Below and
/// above, a cylindrical projection stretches empty ice and sea across most of the canvas.
constexpr double land_south = -60, land_north = 84;

/// The world's projected bounds cropped to the land's latitudes and the sites' (with auto's
/// margin), for a cylindrical projection.
Box land_band(const Projector& projector, const Box& world, const std::vector<Point>& sites) {
    const double lon = projector.spec().center_lon;
    Box band = world;
    const auto south = projector.forward(lon, land_south);
    const auto north = projector.forward(lon, land_north);
    if (!south || !north)
        return world;
    band.min_y = std::max(world.min_y, std::min(south->y, north->y));
    band.max_y = std::min(world.max_y, std::max(south->y, north->y));
    const bool any_visible = std::any_of(sites.begin(), sites.end(), [&](const Point& ll) {
        return projector.forward(ll.x, ll.y).has_value();
    });
    if (any_visible) {
        const Box around_sites = auto_view(projector, world, sites);
        band.min_y = std::min(band.min_y, around_sites.min_y);
        band.max_y = std::max(band.max_y, around_sites.max_y);
    }
    return band;
}

} // namespace detail

Box view_content(const std::string& extent, const Projector& projector, const Box& view,
                 const ProjectedBasemap& basemap, const std::vector<Point>& site_lonlats) {
    if (!(extent.empty() || extent == "world"))
        return view;
    if (projector.spec().orthographic)
        return {};
    const bool any_visible =
        std::any_of(site_lonlats.begin(), site_lonlats.end(),
                    [&](const Point& ll) { return projector.forward(ll.x, ll.y).has_value(); });
    if (!any_visible)
        return {};
    return detail::auto_view(projector, basemap.bounds, site_lonlats);
}

Box compute_view(const std::string& extent, const Projector& projector,
                 const ProjectedBasemap& basemap, const std::vector<Point>& site_lonlats) {
    const Box& world = basemap.bounds;
    if (extent.empty() || extent == "world")
        return detail::is_rectangular(basemap.outline, world) &&
                       world.height() > 0.6 * world.width()
                   ? detail::land_band(projector, world, site_lonlats)
                   : world;
    if (extent == "auto")
        return detail::auto_view(projector, world, site_lonlats);
    detail::LonLatBox box;
    if (const auto named = find_named_extent(extent))
        box = {named->west, named->south, named->east, named->north};
    else if (extent.find(',') != std::string::npos)
        box = detail::parse_lonlat_box(extent);
    else
        throw detail::malformed_extent(extent, "no extent has that name");
    detail::check_not_cut(box, projector, "--extent '" + extent + "'",
                          "leave --center out to centre the map on the box, or give one inside "
                          "it, e.g.");
    const Box view = detail::project_lonlat_box(box, projector);
    if (view.empty())
        throw InputError({}, "--extent '" + extent + "' is not visible in this projection",
                         "choose another --center or --projection");
    return view;
}

InsetArea inset_area(const std::string& spec, const Projector& projector) {
    InsetArea out;
    out.name = spec;
    detail::LonLatBox box;
    if (const auto named = find_inset_area(spec)) {
        box = {named->west, named->south, named->east, named->north};
        out.caption = named->caption;
    } else if (spec.find(',') != std::string::npos) {
        try {
            box = detail::parse_lonlat_box(spec);
        } catch (const InputError& e) {
            throw InputError({}, "invalid --inset '" + spec + "': " + e.message(),
                             "use a name (" + named_area_list() +
                                 "), auto, or W,S,E,N in degrees, e.g. -11,35,30,62");
        }
    } else {
        throw InputError({}, "invalid --inset '" + spec + "': no inset area has that name",
                         "use a name (" + named_area_list() +
                             "), auto, or W,S,E,N in degrees, e.g. -11,35,30,62");
    }
    if (out.caption.empty())
        out.caption = box_caption(box.west, box.south, box.east, box.north);
    detail::check_not_cut(box, projector, "--inset '" + spec + "'",
                          "turn the map so the area lies inside it, e.g.");
    out.view = detail::project_lonlat_box(box, projector);
    if (out.view.empty() || !(out.view.width() > 0) || !(out.view.height() > 0))
        throw InputError({}, "--inset '" + spec + "' is not visible in this projection",
                         "choose another --center or --projection, or leave the inset out");
    return out;
}

std::optional<Point> default_centre(const std::string& extent) {
    detail::LonLatBox box;
    if (const auto named = find_named_extent(extent)) {
        box = {named->west, named->south, named->east, named->north};
    } else {
        if (extent.find(',') == std::string::npos)
            return std::nullopt;
        try {
            box = detail::parse_lonlat_box(extent);
        } catch (const InputError&) {
            return std::nullopt; // compute_view reports it where the extent was given
        }
        if (box.west < box.east)
            return std::nullopt;
    }
    return Point{detail::middle_lon(box), (box.south + box.north) / 2};
}

double units_per_degree(const Projector& projector) {
    const double lon = projector.spec().center_lon;
    const auto west = projector.forward(lon - 0.5, 0);
    const auto east = projector.forward(lon + 0.5, 0);
    if (west && east) {
        const double d = std::hypot(east->x - west->x, east->y - west->y);
        if (std::isfinite(d) && d > 0)
            return d;
    }
    return 111319.49; // a degree of the equator on the WGS84 ellipsoid, in metres
}

} // namespace dcmap::project
