// Layout speed on the third workload of issue 4: 10,000 random sites (seeded) on a 2400x1200
// world map, labels and all. Built by CMake (target layout_bench), never run by ctest.
// Text is measured by a fixed-width rule (7 px per character at 12 px, like the layout unit
// tests), so the figure is the layout's own cost, without Pango.
// Usage: build-dir/bench/layout_bench [runs]   (Release build)
#include "layout/label_placer.hpp"
#include "layout/layout.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace dcmap;
using namespace dcmap::layout;

namespace {

TextSize fixed_measure(const std::string& text, const FontSpec& font) {
    double chars = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++chars;
    return {chars * 7 * font.size / 12, 1.3 * font.size};
}

LayoutRequest random_sites(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(-180, 180);
    std::uniform_real_distribution<double> lat(-85, 85);
    std::uniform_int_distribution<int> status(0, 4);
    std::uniform_int_distribution<int> provider(0, 3);
    const char* providers[] = {"AWS", "Microsoft Azure", "Google Cloud", "Alibaba Cloud"};
    LayoutRequest r;
    for (int i = 0; i < n; ++i) {
        ProjectedSite p;
        p.site.site.id = "site-" + std::to_string(i);
        p.site.site.name = (i % 7 == 0 ? "Longer site name " : "Site ") + std::to_string(i);
        p.site.site.provider = providers[provider(rng)];
        p.site.site.status = static_cast<Status>(status(rng));
        p.site.lon = lon(rng);
        p.site.lat = lat(rng);
        p.projected = {p.site.lon, p.site.lat};
        p.visible = true;
        r.sites.push_back(p);
    }
    r.view = {-180, -90, 180, 90};
    r.title = "10,000 random sites";
    r.source = "bench/layout_bench.cpp";
    r.attribution = "Made with Natural Earth.";
    r.width = 2400;
    r.height = 1200;
    return r;
}

template <class F> double best_ms(int runs, F f) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    return best;
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const LayoutRequest request = random_sites(10000, 20261128);
    const Style style;

    MapLayout layout;
    const double full = best_ms(runs, [&] {
        Diagnostics diagnostics;
        layout = make_layout(request, style, fixed_measure, diagnostics);
    });
    std::size_t counts[4] = {0, 0, 0, 0};
    for (const auto& [id, outcome] : layout.outcomes)
        ++counts[static_cast<int>(outcome)];
    std::printf("make_layout, 10000 random sites, 2400x1200: best of %d runs %.1f ms\n", runs,
                full);
    std::printf("  labelled %zu, leader %zu, grouped %zu, unlabelled %zu (%.1f%%)\n", counts[0],
                counts[1], counts[2], counts[3], 100.0 * static_cast<double>(counts[3]) / 10000);

    // The placer alone, greedy pass only and with the repair pass, on the same markers.
    std::vector<detail::MarkerDisc> discs;
    std::vector<detail::LabelRequest> requests;
    FontSpec font;
    for (std::size_t i = 0; i < layout.markers.size(); ++i) {
        const auto& m = layout.markers[i];
        discs.push_back({{m.x, m.y}, m.r});
        requests.emplace_back(m.id, m.id, fixed_measure(m.id, font), static_cast<int>(i));
    }
    detail::PlacerSettings settings;
    settings.canvas = {0, 0, layout.width, layout.height};
    settings.frame = layout.map_frame;
    settings.cell = 48;
    for (bool repair : {false, true}) {
        settings.repair = repair;
        std::size_t placed = 0;
        const double ms = best_ms(runs, [&] {
            const auto out = detail::place_labels(requests, discs, settings);
            placed = static_cast<std::size_t>(
                std::count_if(out.begin(), out.end(), [](const auto& l) { return l.has_value(); }));
        });
        std::printf("place_labels %s: %.1f ms, %zu of %zu placed\n",
                    repair ? "greedy + repair" : "greedy only    ", ms, placed, requests.size());
    }
    return 0;
}
