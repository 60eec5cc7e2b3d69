// Layout quality and speed over a grid of inputs and canvas widths, with real PROJ (Equal Earth)
// and real Pango metrics: sites named nowhere, the largest distance a marker is drawn from its
// place (pixels and marker diameters), aggregates, keyed sites, the mode `auto` chose, and the
// CPU time make_layout takes (best of a few runs; CPU time, not wall time, so that other work on
// the machine skews it less). Prints a markdown table for bench/README.md.
// Usage: build/bench/layout_grid [runs [input-name-part [width]]]   (Release build; from the repo
// root)
#include "config/site_loader.hpp"
#include "layout/layout.hpp"
#include "project/projection.hpp"
#include "render/render.hpp"
#include "support/workloads.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

using namespace dcmap;

namespace {

/// The sites projected to Equal Earth, the view the whole world's outline spans.
layout::LayoutRequest request_for(const SiteFile& file, const project::Projector& projector) {
    layout::LayoutRequest r;
    for (const auto& s : file.sites) {
        layout::ProjectedSite p;
        p.site.site = s;
        p.site.lon = *s.lon;
        p.site.lat = *s.lat;
        if (auto xy = projector.forward(*s.lon, *s.lat)) {
            p.projected = *xy;
            p.visible = true;
        }
        r.sites.push_back(std::move(p));
    }
    for (double lat = -90; lat <= 90; lat += 1)
        for (double lon : {-180.0, 180.0})
            if (auto xy = projector.forward(lon, lat))
                r.view.expand(*xy);
    r.title = file.title;
    r.attribution = "Base map: Natural Earth. Places: GeoNames.";
    return r;
}

/// CPU time of this process in milliseconds: steadier than wall time on a shared machine.
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const project::Projector projector(project::parse_projection("", ""));
    const Style style; // the built-in default's sizes
    const auto measure = render::pango_measurer();
    struct Input {
        std::string name;
        SiteFile file;
    };
    std::vector<Input> inputs;
    inputs.push_back({"five providers (234)",
                      config::load_site_file("tests/fixtures/layout-five-providers.yaml")});
    inputs.push_back({"colocation (3,000)", workloads::colocation_sites()});
    inputs.push_back({"random 1k", workloads::random_sites(1000, 1)});
    inputs.push_back({"random 10k", workloads::random_sites(10000, 2)});
    inputs.push_back({"random 100k", workloads::random_sites(100000, 3)});

    std::printf("| input | width | mode | unnamed | max shift px (diameters) | aggregates | keyed "
                "| make_layout ms |\n|---|---|---|---|---|---|---|---|\n");
    const std::string only = argc > 2 ? argv[2] : "";
    for (const auto& input : inputs) {
        if (input.name.find(only) == std::string::npos)
            continue;
        const layout::LayoutRequest base = request_for(input.file, projector);
        for (int width : {400, 600, 800, 1200, 2400, 3840}) {
            if (argc > 3 && width != std::atoi(argv[3]))
                continue;
            layout::LayoutRequest request = base;
            request.width = width;
            MapLayout l;
            double best = 1e300;
            for (int i = 0; i < (input.file.sites.size() > 50000 ? 1 : runs); ++i) {
                Diagnostics diagnostics;
                const double t0 = cpu_ms();
                l = layout::make_layout(request, style, measure, diagnostics);
                best = std::min(best, cpu_ms() - t0);
            }
            std::size_t unnamed = 0, keyed = 0;
            for (const auto& [id, o] : l.outcomes) {
                unnamed += o == LabelOutcome::unlabelled;
                keyed += o == LabelOutcome::keyed;
            }
            double shift = 0, diameters = 0;
            auto note = [&](double x, double y, double tx, double ty, double r) {
                const double d = std::hypot(x - tx, y - ty);
                shift = std::max(shift, d);
                diameters = std::max(diameters, d / (2 * r));
            };
            for (const auto& m : l.markers)
                note(m.x, m.y, m.true_x, m.true_y, m.r);
            for (const auto& a : l.aggregates)
                note(a.x, a.y, a.true_x, a.true_y, a.r);
            std::printf("| %s | %d | %s | %zu | %.1f (%.2f) | %zu | %zu | %.0f |\n",
                        input.name.c_str(), width, l.markers_mode.c_str(), unnamed, shift,
                        diameters, l.aggregates.size(), keyed, best);
            std::fflush(stdout);
        }
    }
    return 0;
}
