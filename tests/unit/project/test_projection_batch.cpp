// The projector gives PROJ's own answer bit for bit, one point at a time and through the
// array call it uses for whole lines (basemap/), so batching can never move a pixel.
#include "project/projection.hpp"

#include <catch2/catch.hpp>
#include <proj.h>

#include <cstring>
#include <random>
#include <vector>

using dcmap::Point;
using dcmap::project::parse_projection;
using dcmap::project::ProjectionSpec;
using dcmap::project::Projector;

namespace {

/// What PROJ's documented path gives: geodetic CRS -> CRS, normalised for lon/lat order,
/// one proj_trans per point.
class ReferenceTransform {
public:
    explicit ReferenceTransform(const std::string& definition) {
        context_ = proj_context_create();
        proj_log_level(context_, PJ_LOG_NONE);
        std::string crs = definition;
        if (crs.rfind("+proj=", 0) == 0)
            crs += " +type=crs";
        PJ* target = proj_create(context_, crs.c_str());
        PJ* geographic = proj_crs_get_geodetic_crs(context_, target);
        PJ* raw = proj_create_crs_to_crs_from_pj(context_, geographic, target, nullptr, nullptr);
        transform_ = proj_normalize_for_visualization(context_, raw);
        proj_destroy(raw);
        proj_destroy(geographic);
        proj_destroy(target);
    }
    ~ReferenceTransform() {
        proj_destroy(transform_);
        proj_context_destroy(context_);
    }
    ReferenceTransform(const ReferenceTransform&) = delete;
    ReferenceTransform& operator=(const ReferenceTransform&) = delete;
    PJ_COORD forward(double lon, double lat) const {
        return proj_trans(transform_, PJ_FWD, proj_coord(lon, lat, 0, 0));
    }

private:
    PJ_CONTEXT* context_ = nullptr;
    PJ* transform_ = nullptr;
};

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

} // namespace

TEST_CASE("project: forward and forward_in_place give PROJ's crs-to-crs answer bit for bit",
          "[project]") {
    const std::vector<ProjectionSpec> specs{parse_projection("equal-earth"),
                                            parse_projection("robinson", "150"),
                                            parse_projection("natural-earth", "-100"),
                                            parse_projection("web-mercator"),
                                            parse_projection("plate-carree", "30"),
                                            parse_projection("orthographic", "100,30"),
                                            parse_projection("+proj=moll"),
                                            parse_projection("+proj=utm +zone=33 +datum=WGS84"),
                                            parse_projection("EPSG:3035")};
    std::mt19937 random(7);
    std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90);
    for (const ProjectionSpec& spec : specs) {
        INFO(spec.definition);
        const Projector projector(spec);
        const ReferenceTransform reference(spec.definition);
        // Random points, a line along a meridian and one along a parallel (as the base map
        // projects them), and points no projection shows.
        std::vector<Point> points;
        for (int i = 0; i < 5000; ++i)
            points.push_back({lon(random), lat(random)});
        for (int i = 0; i <= 180; ++i)
            points.push_back({spec.center_lon + 179.9999999, -90.0 + i});
        for (int i = 0; i <= 360; ++i)
            points.push_back({-180.0 + i, 45});
        points.push_back({0, 91});
        points.push_back({std::nan(""), 0});
        std::vector<Point> batch = points;
        std::vector<unsigned char> visible;
        projector.forward_in_place(batch, visible);
        REQUIRE(visible.size() == points.size());
        int shown = 0, mismatches = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const auto one = projector.forward(points[i].x, points[i].y);
            CHECK(static_cast<bool>(one) == static_cast<bool>(visible[i]));
            if (!one)
                continue;
            ++shown;
            const PJ_COORD want = reference.forward(points[i].x, points[i].y);
            if (!same_bits(one->x, want.xy.x) || !same_bits(one->y, want.xy.y) ||
                !same_bits(batch[i].x, one->x) || !same_bits(batch[i].y, one->y))
                ++mismatches;
        }
        CHECK(mismatches == 0);
        CHECK(shown > 1000); // every projection shows a good part of the random points
    }
}

TEST_CASE("project: forward_in_place of nothing and of nothing visible", "[project]") {
    const Projector projector(parse_projection("web-mercator"));
    std::vector<Point> none;
    std::vector<unsigned char> visible{1, 1};
    projector.forward_in_place(none, visible);
    CHECK(visible.empty());
    std::vector<Point> polar{{0, 89}, {10, -89.5}};
    projector.forward_in_place(polar, visible);
    CHECK(visible == std::vector<unsigned char>{0, 0});
}
