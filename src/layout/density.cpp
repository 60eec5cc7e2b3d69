#include "layout/density.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

namespace dcmap::layout::detail {

namespace {

// A sequential ramp from light to dark that stays readable for the common colour-vision
// deficiencies (the viridis end points and steps, reversed so more sites read darker).
// Translucent enough that coastlines and borders still show through.
constexpr std::array<Color, 5> ramp{{{0.99, 0.91, 0.15, 0.72},
                                     {0.48, 0.82, 0.32, 0.72},
                                     {0.13, 0.66, 0.52, 0.72},
                                     {0.16, 0.47, 0.56, 0.72},
                                     {0.27, 0.16, 0.47, 0.72}}};

/// The upper bounds of the classes: quantiles of the cell counts, so each colour covers about as
/// many cells and the ramp shows where sites are denser whatever the spread of the counts.
std::vector<int> class_bounds(std::vector<int> counts) {
    std::vector<int> bounds;
    if (counts.empty())
        return bounds;
    std::sort(counts.begin(), counts.end());
    const std::size_t classes = ramp.size();
    for (std::size_t k = 1; k <= classes; ++k) {
        const std::size_t at =
            std::min(counts.size() - 1, (counts.size() * k + classes - 1) / classes - 1);
        const int b = counts[at];
        if (bounds.empty() || b > bounds.back())
            bounds.push_back(b);
    }
    return bounds;
}

} // namespace

DensitySurface density_surface(const std::vector<Point>& points, const Box& frame,
                               const Style& style, double scale) {
    DensitySurface out;
    const double radius = std::max(3 * style.marker_radius * scale, 6 * scale);
    out.layout.radius = radius;
    const double width = std::sqrt(3.0) * radius; // pointy-top hexagon, flat sides left/right
    const double row = 1.5 * radius;
    // Axial coordinates (q, r) of the hexagon holding each point, by cube rounding.
    std::map<std::pair<int, int>, int> counts; // ordered by row, then column
    for (const Point& p : points) {
        const double x = p.x - frame.min_x, y = p.y - frame.min_y;
        const double fq = (std::sqrt(3.0) / 3 * x - y / 3) / radius;
        const double fr = (2.0 / 3 * y) / radius;
        const double fs = -fq - fr;
        double q = std::round(fq), r = std::round(fr), s = std::round(fs);
        const double dq = std::abs(q - fq), dr = std::abs(r - fr), ds = std::abs(s - fs);
        if (dq > dr && dq > ds)
            q = -r - s;
        else if (dr > ds)
            r = -q - s;
        ++counts[{static_cast<int>(r), static_cast<int>(q)}];
    }
    std::vector<int> all;
    for (const auto& [rq, n] : counts) {
        out.layout.max_count = std::max(out.layout.max_count, n);
        all.push_back(n);
    }
    const std::vector<int> bounds = class_bounds(all);
    // With fewer classes than colours, spread them over the whole ramp.
    auto colour_of_class = [&](std::size_t k) {
        const std::size_t n = bounds.size();
        return ramp[n <= 1 ? ramp.size() - 1 : k * (ramp.size() - 1) / (n - 1)];
    };
    for (const auto& [rq, n] : counts) {
        const auto [r, q] = rq;
        DensityCell cell;
        cell.centre = {frame.min_x + width * (q + r / 2.0), frame.min_y + row * r};
        cell.count = n;
        const auto k = static_cast<std::size_t>(std::lower_bound(bounds.begin(), bounds.end(), n) -
                                                bounds.begin());
        cell.color = colour_of_class(std::min(k, bounds.size() - 1));
        out.layout.cells.push_back(cell);
    }
    int low = 1;
    for (std::size_t k = 0; k < bounds.size(); ++k) {
        const std::string text = low == bounds[k]
                                     ? std::to_string(low)
                                     : std::to_string(low) + "\u2013" + std::to_string(bounds[k]);
        out.classes.emplace_back(colour_of_class(k), text);
        low = bounds[k] + 1;
    }
    return out;
}

} // namespace dcmap::layout::detail
