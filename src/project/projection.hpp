#pragma once
// lon/lat -> projected x/y. The only stage that includes PROJ.
#include "model/geometry.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace dcmap::project {

/// A projection chosen by name or PROJ string, with its centre.
struct ProjectionSpec {
    std::string name;          ///< "equal-earth", ..., or "custom" for a raw PROJ string
    std::string definition;    ///< full PROJ string passed to PROJ, centre included
    double center_lon = 0;     ///< central meridian, degrees
    double center_lat = 0;     ///< latitude looked at (orthographic only)
    bool orthographic = false; ///< shows one hemisphere; the far side must be clipped
    double max_abs_lat = 90;   ///< web-mercator clips at ~85.05
};

/// Parses `--projection` (name or PROJ string) and `--center LON[,LAT]`. Throws InputError
/// (with no position) for unknown names or malformed centres; names the valid choices.
ProjectionSpec parse_projection(const std::string& projection, const std::string& center = "");

/// Forward projection through PROJ. Not copyable; cheap to move.
class Projector {
public:
    /// Throws ProjectionError when PROJ rejects the definition.
    explicit Projector(ProjectionSpec spec);
    Projector(Projector&&) noexcept;
    Projector& operator=(Projector&&) noexcept;
    ~Projector();

    /// Projected metres for degrees lon/lat; nullopt when the point is not visible (far
    /// hemisphere of orthographic, beyond web-mercator's latitude limit) or PROJ fails.
    std::optional<Point> forward(double lon, double lat) const;

    /// forward() for a whole line or ring in one call to PROJ's array API: `points` hold
    /// lon/lat degrees on entry and projected metres on return, bit for bit what forward()
    /// gives; `visible[i]` is 0 where forward() would give nullopt (that point is then
    /// unspecified).
    void forward_in_place(std::span<Point> points, std::vector<unsigned char>& visible) const;

    const ProjectionSpec& spec() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace dcmap::project
