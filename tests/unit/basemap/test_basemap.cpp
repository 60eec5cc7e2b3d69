#include "basemap/basemap.hpp"
#include "basemap/borders.hpp"
#include "project/projection.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using dcmap::CountryShape;
using dcmap::Point;
using dcmap::Polygon;
using dcmap::ProjectedBasemap;
using dcmap::Ring;
using dcmap::basemap::build_basemap;
using dcmap::basemap::Detail;
using dcmap::project::parse_projection;
using dcmap::project::Projector;

namespace {

struct Case {
    std::string projection;
    std::string center;
};

std::vector<Case> world_cases() {
    std::vector<Case> out;
    for (const char* projection :
         {"equal-earth", "robinson", "natural-earth", "web-mercator", "plate-carree"})
        for (const char* center : {"0", "150", "-90"})
            out.push_back({projection, center});
    for (const char* center : {"0,20", "150,-30", "0,90", "-100,-70", "170,-20", "100,60"})
        out.push_back({"orthographic", center});
    return out;
}

ProjectedBasemap build(const std::string& projection, const std::string& center,
                       Detail detail = Detail::low, double step = 30) {
    return build_basemap(Projector(parse_projection(projection, center)), detail, step);
}

const CountryShape* find_country(const ProjectedBasemap& basemap, const std::string& name) {
    for (const CountryShape& c : basemap.countries)
        if (c.name == name)
            return &c;
    return nullptr;
}

double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

/// Longest step between neighbours, the closing step of a ring included.
double longest_step(const std::vector<Point>& points, bool closed) {
    double longest = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        longest = std::max(longest, distance(points[i - 1], points[i]));
    if (closed && points.size() > 2)
        longest = std::max(longest, distance(points.back(), points.front()));
    return longest;
}

template <typename F> void for_each_ring(const ProjectedBasemap& basemap, F f) {
    for (const CountryShape& c : basemap.countries)
        for (const Polygon& p : c.polygons)
            for (const Ring& r : p.rings)
                f(r, true);
    for (const Polygon& p : basemap.land)
        for (const Ring& r : p.rings)
            f(r, true);
    for (const auto& line : basemap.graticule)
        f(line, false);
}

double ring_area(const Ring& ring) {
    double twice = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Point a = ring[i], b = ring[(i + 1) % ring.size()];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2;
}

/// Area of a polygon list, outer rings minus holes, in projected square units.
double area(const std::vector<Polygon>& polygons) {
    double total = 0;
    for (const Polygon& p : polygons)
        for (std::size_t i = 0; i < p.rings.size(); ++i)
            total += (i == 0 ? 1 : -1) * ring_area(p.rings[i]);
    return total;
}

double countries_area(const ProjectedBasemap& basemap) {
    double total = 0;
    for (const CountryShape& c : basemap.countries)
        total += area(c.polygons);
    return total;
}

} // namespace

TEST_CASE("basemap: no ring or graticule line jumps across the map", "[basemap]") {
    for (const Case& c : world_cases()) {
        INFO(c.projection << " centred on " << c.center);
        const auto basemap = build(c.projection, c.center);
        const double limit = basemap.bounds.width() / 3;
        double worst = 0;
        for_each_ring(basemap, [&](const std::vector<Point>& points, bool closed) {
            worst = std::max(worst, longest_step(points, closed));
        });
        CHECK(worst < limit);
        CHECK(longest_step(basemap.outline, true) < limit);
    }
}

TEST_CASE("basemap: 1:50m data has no streaks either", "[basemap]") {
    for (const Case& c : std::vector<Case>{{"equal-earth", "150"}, {"orthographic", "100,60"}}) {
        INFO(c.projection << " centred on " << c.center);
        const auto basemap = build(c.projection, c.center, Detail::medium);
        double worst = 0;
        for_each_ring(basemap, [&](const std::vector<Point>& points, bool closed) {
            worst = std::max(worst, longest_step(points, closed));
        });
        CHECK(worst < basemap.bounds.width() / 3);
        CHECK(basemap.countries.size() > 200);
    }
}

TEST_CASE("basemap: every vertex lies within the outline's bounds", "[basemap]") {
    for (const Case& c : world_cases()) {
        INFO(c.projection << " centred on " << c.center);
        const auto basemap = build(c.projection, c.center);
        REQUIRE_FALSE(basemap.bounds.empty());
        const double eps = basemap.bounds.width() * 1e-9;
        std::size_t outside = 0;
        for_each_ring(basemap, [&](const std::vector<Point>& points, bool) {
            for (const Point& p : points)
                if (p.x < basemap.bounds.min_x - eps || p.x > basemap.bounds.max_x + eps ||
                    p.y < basemap.bounds.min_y - eps || p.y > basemap.bounds.max_y + eps)
                    ++outside;
        });
        CHECK(outside == 0);
    }
}

TEST_CASE("basemap: orthographic keeps every vertex on the visible disc", "[basemap]") {
    for (const char* center : {"0,20", "150,-30", "0,90", "-100,-70"}) {
        INFO(center);
        const auto basemap = build("orthographic", center);
        const double radius = 6371000;
        double farthest = 0;
        for_each_ring(basemap, [&](const std::vector<Point>& points, bool) {
            for (const Point& p : points)
                farthest = std::max(farthest, std::hypot(p.x, p.y));
        });
        CHECK(farthest <= radius * (1 + 1e-9));
        // The outline is the horizon circle.
        for (const Point& p : basemap.outline)
            CHECK(std::hypot(p.x, p.y) == Approx(radius).epsilon(1e-6));
    }
}

TEST_CASE("basemap: orthographic drops the far side and cuts land at the horizon", "[basemap]") {
    const auto basemap = build("orthographic", "0,20");
    const CountryShape* australia = find_country(basemap, "Australia");
    REQUIRE(australia);
    CHECK(australia->polygons.empty());
    // Russia straddles the horizon seen from (0, 20): part of it reaches the rim.
    const CountryShape* russia = find_country(basemap, "Russia");
    REQUIRE(russia);
    REQUIRE_FALSE(russia->polygons.empty());
    double farthest = 0;
    for (const Polygon& p : russia->polygons)
        for (const Point& q : p.rings.front())
            farthest = std::max(farthest, std::hypot(q.x, q.y));
    CHECK(farthest == Approx(6371000).epsilon(1e-4));
}

TEST_CASE("basemap: Russia, Fiji and Antarctica survive the antimeridian", "[basemap]") {
    for (const char* center : {"0", "150", "-90"}) {
        INFO("equal-earth centred on " << center);
        const auto basemap = build("equal-earth", center);
        for (const char* name : {"Russia", "Fiji", "Antarctica"}) {
            INFO(name);
            const CountryShape* country = find_country(basemap, name);
            REQUIRE(country);
            CHECK_FALSE(country->polygons.empty());
            CHECK(area(country->polygons) > 0);
        }
    }
    // Centred on Greenwich, Fiji and Russia are split across both map edges.
    const auto greenwich = build("equal-earth", "0");
    for (const char* name : {"Russia", "Fiji"}) {
        INFO(name);
        bool west = false, east = false;
        for (const Polygon& p : find_country(greenwich, name)->polygons)
            for (const Point& q : p.rings.front()) {
                west = west || q.x < 0;
                east = east || q.x > 0;
            }
        CHECK(west);
        CHECK(east);
    }
}

TEST_CASE("basemap: Antarctica reaches the pole line on world projections", "[basemap]") {
    for (const char* projection : {"equal-earth", "robinson", "plate-carree"}) {
        for (const char* center : {"0", "150"}) {
            INFO(projection << " centred on " << center);
            const auto basemap = build(projection, center);
            const CountryShape* antarctica = find_country(basemap, "Antarctica");
            REQUIRE(antarctica);
            double lowest = 0, west = 0, east = 0;
            for (const Polygon& p : antarctica->polygons)
                for (const Point& q : p.rings.front()) {
                    lowest = std::min(lowest, q.y);
                    west = std::min(west, q.x);
                    east = std::max(east, q.x);
                }
            CHECK(lowest == Approx(basemap.bounds.min_y).epsilon(1e-9));
            // It spans the whole width, and its real area (ice shelves excluded) is ~12.3M km2.
            CHECK(east - west > 0.5 * basemap.bounds.width());
            if (std::string(projection) == "equal-earth")
                CHECK(area(antarctica->polygons) == Approx(12.3e12).epsilon(0.03));
        }
    }
}

TEST_CASE("basemap: Antarctica has no edge along 180 degrees on a map centred elsewhere",
          "[basemap]") {
    // Natural Earth's Antarctica ring starts and ends at 180 degrees; closed round the pole
    // there, it would become two polygons meeting along that meridian from the coast to the
    // pole, and their outlines would draw a hair line across the ice.
    for (const Detail detail : {Detail::low, Detail::medium}) {
        for (const auto& [projection, center] : std::vector<Case>{{"plate-carree", "180"},
                                                                  {"web-mercator", "150"},
                                                                  {"equal-earth", "150"},
                                                                  {"robinson", "-170"}}) {
            INFO(projection << " centred on " << center
                            << (detail == Detail::low ? " (1:110m)" : " (1:50m)"));
            const Projector projector(parse_projection(projection, center));
            const auto basemap = build_basemap(projector, detail, 30);
            const double at_180 = projector.forward(180, -80)->x;
            const double tolerance = 1e-6 * basemap.bounds.width();
            // South of 60°S: Fiji and Chukotka are split at 180° in the 1:50m data itself.
            const double south_of_60 = projector.forward(180, -60)->y;
            const auto on_180 = [&](Point p) {
                return std::abs(p.x - at_180) < tolerance && p.y < south_of_60;
            };
            int edges_on_180 = 0;
            const auto count = [&](const std::vector<Polygon>& polygons) {
                for (const Polygon& p : polygons)
                    for (const Ring& r : p.rings)
                        for (std::size_t i = 0; i < r.size(); ++i)
                            if (on_180(r[i]) && on_180(r[(i + 1) % r.size()]))
                                ++edges_on_180;
            };
            count(basemap.land);
            const CountryShape* antarctica = find_country(basemap, "Antarctica");
            REQUIRE(antarctica);
            count(antarctica->polygons);
            CHECK(edges_on_180 == 0);
        }
    }
}

TEST_CASE("basemap: equal-earth land area does not depend on the centre", "[basemap]") {
    for (Detail detail : {Detail::low, Detail::medium}) {
        const double reference = countries_area(build("equal-earth", "0", detail));
        // Natural Earth's land without ice shelves is ~147M km2.
        CHECK(reference == Approx(147e12).epsilon(0.02));
        for (const char* center : {"150", "-90", "33.3"}) {
            INFO(center);
            const auto basemap = build("equal-earth", center, detail);
            CHECK(countries_area(basemap) == Approx(reference).epsilon(1e-3));
            CHECK(area(basemap.land) == Approx(reference).epsilon(2e-3));
        }
    }
}

TEST_CASE("basemap: countries carry ISO alpha-2 codes and names", "[basemap]") {
    const auto basemap = build("robinson", "0");
    CHECK(basemap.countries.size() > 150);
    for (const auto& [name, iso2] : std::vector<std::pair<std::string, std::string>>{
             {"Germany", "DE"}, {"Brazil", "BR"}, {"China", "CN"}, {"Kosovo", "XK"}}) {
        INFO(name);
        const CountryShape* country = find_country(basemap, name);
        REQUIRE(country);
        CHECK(country->iso2 == iso2);
    }
}

TEST_CASE("basemap: graticule lines follow the step and stay inside the outline", "[basemap]") {
    const auto coarse = build("equal-earth", "0", Detail::low, 30);
    const auto fine = build("equal-earth", "0", Detail::low, 15);
    // 30 degrees: 11 inner meridians (the edge ones are the outline) and 5 parallels.
    CHECK(coarse.graticule.size() == 11 + 5);
    CHECK(fine.graticule.size() == 23 + 11);
    const auto none = build("equal-earth", "0", Detail::low, 0);
    CHECK(none.graticule.empty());
}

TEST_CASE("basemap: web-mercator outline is the square clipped at 85.05 degrees", "[basemap]") {
    const auto basemap = build("web-mercator", "0");
    CHECK(basemap.bounds.width() == Approx(2 * 20037508.342789244).epsilon(1e-6));
    CHECK(basemap.bounds.height() == Approx(basemap.bounds.width()).epsilon(1e-6));
}

TEST_CASE("basemap: the same input gives identical output", "[basemap]") {
    const auto a = build("orthographic", "150,-30");
    const auto b = build("orthographic", "150,-30");
    REQUIRE(a.countries.size() == b.countries.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.countries.size(); ++i) {
        const auto& pa = a.countries[i].polygons;
        const auto& pb = b.countries[i].polygons;
        if (pa.size() != pb.size()) {
            ++differing;
            continue;
        }
        for (std::size_t j = 0; j < pa.size(); ++j) {
            if (pa[j].rings.size() != pb[j].rings.size()) {
                ++differing;
                continue;
            }
            for (std::size_t k = 0; k < pa[j].rings.size(); ++k)
                for (std::size_t m = 0; m < pa[j].rings[k].size(); ++m)
                    if (pa[j].rings[k][m].x != pb[j].rings[k][m].x ||
                        pa[j].rings[k][m].y != pb[j].rings[k][m].y)
                        ++differing;
        }
    }
    CHECK(differing == 0);
}

TEST_CASE("basemap: inner borders are the edges two countries share, once, without coasts",
          "[basemap]") {
    // Two squares side by side sharing the edge x = 1; land is their union's outline.
    const Ring west{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    const Ring east{{1, 1}, {1, 0}, {2, 0}, {2, 1}};
    const Ring outline{{0, 0}, {1, 0}, {2, 0}, {2, 1}, {1, 1}, {0, 1}};
    const std::vector<CountryShape> countries{{"AA", "West", {Polygon{{west}}}},
                                              {"BB", "East", {Polygon{{east}}}}};
    const auto borders = dcmap::basemap::detail::inner_borders(countries, {Polygon{{outline}}});
    REQUIRE(borders.size() == 1);
    REQUIRE(borders[0].size() == 2);
    CHECK(borders[0][0].x == 1);
    CHECK(borders[0][1].x == 1);
    CHECK(std::abs(borders[0][0].y - borders[0][1].y) == 1);
    // With no land, every country edge is a border, the shared one still once.
    const auto all = dcmap::basemap::detail::inner_borders(countries, {});
    std::size_t edges = 0;
    for (const auto& line : all)
        edges += line.size() - 1;
    CHECK(edges == 7);
}

TEST_CASE("basemap: on the real base map, a border edge lies between two countries and never "
          "on the coast",
          "[basemap]") {
    for (const char* centre : {"", "150"}) {
        const Projector projector(parse_projection("robinson", centre));
        const ProjectedBasemap map = build_basemap(projector, Detail::medium, 30);
        REQUIRE_FALSE(map.borders.empty());
        // Count how many country rings hold each undirected edge, and which edges are coast.
        std::map<std::array<double, 4>, int> owners;
        std::set<std::array<double, 4>> coast;
        const auto key = [](Point p, Point q) {
            if (std::tie(q.x, q.y) < std::tie(p.x, p.y))
                std::swap(p, q);
            return std::array<double, 4>{p.x, p.y, q.x, q.y};
        };
        const auto each_edge = [](const Ring& ring, auto visit) {
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const Point p = ring[i], q = ring[(i + 1) % ring.size()];
                if (p.x != q.x || p.y != q.y)
                    visit(p, q);
            }
        };
        std::size_t country_edges = 0;
        for (const auto& country : map.countries)
            for (const auto& polygon : country.polygons)
                for (const auto& ring : polygon.rings)
                    each_edge(ring, [&](Point p, Point q) {
                        ++owners[key(p, q)];
                        ++country_edges;
                    });
        for (const auto& polygon : map.land)
            for (const auto& ring : polygon.rings)
                each_edge(ring, [&](Point p, Point q) { coast.insert(key(p, q)); });
        std::set<std::array<double, 4>> seen;
        std::size_t border_edges = 0, shared = 0;
        for (const auto& line : map.borders) {
            REQUIRE(line.size() >= 2);
            for (std::size_t i = 0; i + 1 < line.size(); ++i) {
                const auto k = key(line[i], line[i + 1]);
                INFO("centre '" << centre << "' edge " << k[0] << "," << k[1] << " - " << k[2]
                                << "," << k[3]);
                CHECK(owners.count(k) == 1);  // a country edge
                CHECK(coast.count(k) == 0);   // not coast
                CHECK(seen.insert(k).second); // drawn once
                shared += owners[k] >= 2;
                ++border_edges;
            }
        }
        // Nearly all are shared by two countries (the rest: seams where land and country pieces
        // were cut apart), and they are a small part of all country edges.
        CHECK(shared * 100 >= border_edges * 95);
        CHECK(border_edges * 4 < country_edges);
    }
}
