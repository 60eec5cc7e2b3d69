#include "project/projection.hpp"

#include "model/error.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <sstream>
#include <vector>

namespace dcmap::project {

namespace detail {

constexpr double web_mercator_max_lat = 85.0511287798066;

struct NamedProjection {
    const char* name;
    const char* base; ///< PROJ string without the centre
};

// Spheres for web-mercator and orthographic so the visibility tests below are exact. Only PROJ's
// built-in operations and ellipsoids: a named projection gets no data directory (no grids, no
// EPSG codes; see create_named_transform).
const NamedProjection named_projections[] = {
    {"equal-earth", "+proj=eqearth +ellps=WGS84"},    {"robinson", "+proj=robin +ellps=WGS84"},
    {"natural-earth", "+proj=natearth +ellps=WGS84"}, {"web-mercator", "+proj=merc +R=6378137"},
    {"plate-carree", "+proj=eqc +ellps=WGS84"},       {"orthographic", "+proj=ortho +R=6371000"},
};

std::string valid_names() {
    std::string out;
    for (const auto& p : named_projections) {
        if (!out.empty())
            out += ", ";
        out += p.name;
    }
    return out + ", or a PROJ string such as \"+proj=moll\"";
}

/// Text of a number with enough digits to round-trip, without trailing noise for integers.
std::string number_text(double value) {
    std::ostringstream out;
    out.precision(12);
    out << value;
    return out.str();
}

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    const auto end = text.find_last_not_of(" \t");
    return text.substr(begin, end - begin + 1);
}

bool parse_number(const std::string& text, double& value) {
    const std::string t = trim(text);
    if (t.empty())
        return false;
    std::size_t used = 0;
    try {
        value = std::stod(t, &used);
    } catch (const std::exception&) {
        return false;
    }
    return used == t.size() && std::isfinite(value);
}

struct Center {
    std::optional<double> lon;
    std::optional<double> lat;
};

Center parse_center(const std::string& center) {
    Center out;
    if (trim(center).empty())
        return out;
    const auto comma = center.find(',');
    const std::string lon_text = center.substr(0, comma);
    double lon = 0;
    double lat = 0;
    const bool lon_ok = parse_number(lon_text, lon) && lon >= -180 && lon <= 360;
    const bool lat_ok = comma == std::string::npos ||
                        (parse_number(center.substr(comma + 1), lat) && lat >= -90 && lat <= 90);
    if (!lon_ok || !lat_ok)
        throw InputError({}, "invalid --center '" + center + "'",
                         "use LON or LON,LAT in degrees, e.g. 150 or -40,30");
    if (lon > 180)
        lon -= 360;
    out.lon = lon;
    if (comma != std::string::npos)
        out.lat = lat;
    return out;
}

/// The value of "+key=" in a PROJ string, when present and numeric.
std::optional<double> proj_parameter(const std::string& definition, const std::string& key) {
    const std::string needle = "+" + key + "=";
    const auto at = definition.find(needle);
    if (at == std::string::npos)
        return std::nullopt;
    const auto start = at + needle.size();
    const auto end = definition.find_first_of(" \t", start);
    double value = 0;
    if (!parse_number(definition.substr(start, end - start), value))
        return std::nullopt;
    return value;
}

ProjectionSpec named_spec(const NamedProjection& named, const Center& center) {
    ProjectionSpec spec;
    spec.name = named.name;
    spec.center_lon = center.lon.value_or(0);
    spec.orthographic = spec.name == "orthographic";
    spec.definition = std::string(named.base) + " +lon_0=" + number_text(spec.center_lon);
    if (spec.orthographic) {
        // A slightly northern default shows the populated hemisphere rather than the equator.
        spec.center_lat = center.lat.value_or(20);
        spec.definition += " +lat_0=" + number_text(spec.center_lat);
    }
    if (spec.name == "web-mercator")
        spec.max_abs_lat = web_mercator_max_lat;
    return spec;
}

ProjectionSpec custom_spec(const std::string& definition, const Center& center) {
    ProjectionSpec spec;
    spec.name = "custom";
    spec.definition = definition;
    const bool is_proj_string = definition.rfind("+proj=", 0) == 0;
    if (is_proj_string) {
        if (center.lon && !proj_parameter(definition, "lon_0"))
            spec.definition += " +lon_0=" + number_text(*center.lon);
        spec.orthographic = definition == "+proj=ortho" || definition.rfind("+proj=ortho ", 0) == 0;
        if (spec.orthographic && center.lat && !proj_parameter(definition, "lat_0"))
            spec.definition += " +lat_0=" + number_text(*center.lat);
        if (definition.rfind("+proj=merc", 0) == 0)
            spec.max_abs_lat = web_mercator_max_lat;
        spec.center_lon = proj_parameter(spec.definition, "lon_0").value_or(0);
        spec.center_lat = proj_parameter(spec.definition, "lat_0").value_or(0);
    }
    return spec;
}

/// Great-circle angle in degrees between two lon/lat points.
double angular_distance(double lon1, double lat1, double lon2, double lat2) {
    constexpr double rad = M_PI / 180;
    const double c = std::sin(lat1 * rad) * std::sin(lat2 * rad) +
                     std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::cos((lon2 - lon1) * rad);
    return std::acos(std::clamp(c, -1.0, 1.0)) / rad;
}

} // namespace detail

ProjectionSpec parse_projection(const std::string& projection, const std::string& center) {
    const detail::Center parsed_center = detail::parse_center(center);
    const std::string name = detail::trim(projection);
    const std::string wanted = name.empty() ? "equal-earth" : name;
    for (const auto& named : detail::named_projections)
        if (wanted == named.name)
            return detail::named_spec(named, parsed_center);
    const bool looks_like_proj =
        wanted.rfind("+proj=", 0) == 0 || wanted.find(':') != std::string::npos;
    if (!looks_like_proj)
        throw InputError({}, "unknown projection '" + wanted + "'",
                         "valid projections are " + detail::valid_names());
    return detail::custom_spec(wanted, parsed_center);
}

namespace {

// PROJ's handles, each released by its own function; a context outlives the objects made in it.
struct DestroyPj {
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
struct DestroyContext {
    void operator()(PJ_CONTEXT* context) const { proj_context_destroy(context); }
};
using PjPtr = std::unique_ptr<PJ, DestroyPj>;
using ContextPtr = std::unique_ptr<PJ_CONTEXT, DestroyContext>;

} // namespace

struct Projector::Impl {
    ProjectionSpec spec;
    ContextPtr context; // declared first: destroyed after the transform made in it
    PjPtr transform;
};

namespace {

std::string crs_definition(const std::string& definition) {
    if (definition.rfind("+proj=", 0) == 0 && definition.find("+type=") == std::string::npos)
        return definition + " +type=crs";
    return definition;
}

/// Geographic (lon, lat) -> the spec's projected CRS, on the projection's own datum so no
/// datum shift is involved. Null when PROJ refuses the definition.
PjPtr create_transform(PJ_CONTEXT* context, const std::string& definition) {
    const PjPtr target(proj_create(context, crs_definition(definition).c_str()));
    if (!target)
        return nullptr;
    const PjPtr geographic(proj_crs_get_geodetic_crs(context, target.get()));
    if (!geographic)
        return nullptr;
    const PjPtr raw(
        proj_create_crs_to_crs_from_pj(context, geographic.get(), target.get(), nullptr, nullptr));
    if (!raw)
        return nullptr;
    return PjPtr(proj_normalize_for_visualization(context, raw.get()));
}

/// The same transform for a named projection, written out: degrees to radians, then the
/// projection on its own ellipsoid, which is the pipeline create_transform() finds. It uses only
/// PROJ's built-in operations, yet proj_create would still open proj.db (SQLite, ~10 ms of a
/// 180 ms render) to describe it; given a data directory that cannot exist, PROJ skips that, and
/// its complaint about the missing file goes to a silent logger (PJ_LOG_NONE does not stop it).
PjPtr create_named_transform(PJ_CONTEXT* context, const std::string& definition) {
    const char* no_data[] = {"/dev/null"};
    proj_context_set_search_paths(context, 1, no_data);
    proj_log_func(context, nullptr, [](void*, int, const char*) {});
    const std::string pipeline =
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " + definition;
    return PjPtr(proj_create(context, pipeline.c_str()));
}

} // namespace

Projector::Projector(ProjectionSpec spec) : impl_(std::make_unique<Impl>()) {
    impl_->spec = std::move(spec);
    impl_->context.reset(proj_context_create());
    proj_log_level(impl_->context.get(), PJ_LOG_NONE);
    const bool named =
        std::any_of(std::begin(detail::named_projections), std::end(detail::named_projections),
                    [&](const auto& p) { return impl_->spec.name == p.name; });
    impl_->transform = named ? create_named_transform(impl_->context.get(), impl_->spec.definition)
                             : create_transform(impl_->context.get(), impl_->spec.definition);
    if (!impl_->transform)
        throw ProjectionError("PROJ cannot use projection '" + impl_->spec.definition +
                              "'; check the PROJ string or use a named projection");
}

Projector::Projector(Projector&&) noexcept = default;
Projector& Projector::operator=(Projector&&) noexcept = default;
Projector::~Projector() = default;

namespace {

/// Whether forward() may show (lon, lat) at all, before asking PROJ.
bool may_show(const ProjectionSpec& spec, double lon, double lat) {
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lat) > spec.max_abs_lat)
        return false;
    return !spec.orthographic ||
           detail::angular_distance(spec.center_lon, spec.center_lat, lon, lat) <= 90;
}

bool projected_ok(double x, double y) {
    return std::isfinite(x) && std::isfinite(y) && x != HUGE_VAL;
}

} // namespace

std::optional<Point> Projector::forward(double lon, double lat) const {
    if (!may_show(impl_->spec, lon, lat))
        return std::nullopt;
    PJ_COORD out = proj_trans(impl_->transform.get(), PJ_FWD, proj_coord(lon, lat, 0, 0));
    if (!projected_ok(out.xy.x, out.xy.y))
        return std::nullopt;
    return Point{out.xy.x, out.xy.y};
}

void Projector::forward_in_place(std::span<Point> points,
                                 std::vector<unsigned char>& visible) const {
    visible.assign(points.size(), 0);
    // Points PROJ must not see (far side, beyond the latitude limit, not finite) are moved to
    // a harmless place for the one array call and marked invisible, so the others keep their
    // positions in the array.
    for (std::size_t i = 0; i < points.size(); ++i) {
        visible[i] = may_show(impl_->spec, points[i].x, points[i].y);
        if (!visible[i])
            points[i] = {0, 0};
    }
    if (points.empty())
        return;
    // z and t as forward() gives them (proj_coord(lon, lat, 0, 0)): constants of 0, which
    // PROJ broadcasts along the arrays (and overwrites; they are not read again).
    double z = 0, t = 0;
    static_assert(sizeof(Point) == 2 * sizeof(double), "Point is x, y and nothing else");
    proj_trans_generic(impl_->transform.get(), PJ_FWD, &points[0].x, sizeof(Point), points.size(),
                       &points[0].y, sizeof(Point), points.size(), &z, 0, 1, &t, 0, 1);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (visible[i] && !projected_ok(points[i].x, points[i].y))
            visible[i] = 0;
}

const ProjectionSpec& Projector::spec() const { return impl_->spec; }

} // namespace dcmap::project
