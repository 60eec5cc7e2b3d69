#include "layout/layout.hpp"

#include "layout/changes.hpp"
#include "layout/clusters.hpp"
#include "layout/declutter.hpp"
#include "layout/density.hpp"
#include "layout/insets.hpp"
#include "layout/key.hpp"
#include "layout/label_order.hpp"
#include "layout/label_placer.hpp"
#include "layout/legend.hpp"
#include "layout/markers.hpp"
#include "layout/naming.hpp"
#include "layout/page.hpp"
#include "layout/spatial_grid.hpp"
#include "layout/union_find.hpp"
#include "model/error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace dcmap::layout {

namespace {

using detail::aggregate_radius;
using detail::count_font;
using detail::marker_gap;
using detail::Naming;
using detail::ProviderColors;
using detail::Scene;
using detail::SizeRange;
using detail::Symbol;

// The warning lists at most this many ids, so a huge drop count stays readable.
constexpr std::size_t max_listed_ids = 20;

// Above this many shown sites `--markers auto` draws a density surface without trying clusters:
// no map names that many places, and clustering them repeatedly would cost more than it shows.
constexpr std::size_t density_without_trying = 50000;

// Cluster radii `--markers clusters` and `auto` try, in marker diameters, until every symbol is
// named on the map or in the key; auto starts at 0 (merge only what cannot be drawn apart).
constexpr double cluster_radii[] = {2, 4, 8, 16};

// Rounds of joining symbols named nowhere to their nearest neighbour, per cluster radius.
constexpr int local_merge_steps = 16;

// From this many symbols, a merge loop's first round tries near label positions alone first.
constexpr std::size_t quick_round_symbols = 300;

// Merging to name sites stops where an aggregate would reach this share of the map's longer side
// from one of its sites.
constexpr double max_spread_share = 0.15;

// A band goes in a column beside the map only where that map is larger by this factor in area
// than the map above a band: the page reads less plainly with its legend at the side.
constexpr double beside_gain = 1.25;

// A density map keeps at most this many `priority:` sites as named markers on top.
constexpr std::size_t max_important_on_density = 200;

// A longer key stops being read: beyond it, sites cluster more coarsely instead.
constexpr std::size_t max_key_entries = 60;

/// Sites in a fixed order that does not depend on the input order.
std::vector<const ProjectedSite*> sorted_by_key(const std::vector<ProjectedSite>& sites) {
    std::vector<const ProjectedSite*> sorted;
    sorted.reserve(sites.size());
    for (const auto& s : sites)
        sorted.push_back(&s);
    std::sort(sorted.begin(), sorted.end(), [](const ProjectedSite* a, const ProjectedSite* b) {
        const Site& x = a->site.site;
        const Site& y = b->site.site;
        // Keys are almost always unique: one comparison settles most pairs.
        if (const int c = x.key().compare(y.key()); c != 0)
            return c < 0;
        return std::forward_as_tuple(x.key(), x.name, a->site.lon, a->site.lat, x.provider,
                                     x.status, x.label) <
               std::forward_as_tuple(y.key(), y.name, b->site.lon, b->site.lat, y.provider,
                                     y.status, y.label);
    });
    return sorted;
}

bool inside(const Box& frame, Point p) {
    // Half a pixel of slack keeps sites exactly on the view's edge.
    return p.x >= frame.min_x - 0.5 && p.x <= frame.max_x + 0.5 && p.y >= frame.min_y - 0.5 &&
           p.y <= frame.max_y + 0.5;
}

/// Whether a site's marker can be drawn: on the visible side and inside the map frame.
bool is_shown(const ProjectedSite& s, const detail::Page& page) {
    if (!s.visible || !std::isfinite(s.projected.x) || !std::isfinite(s.projected.y))
        return false;
    return inside(page.map_frame, page.transform.to_pixels(s.projected));
}

ProviderColors provider_colors(const LayoutRequest& request,
                               const std::vector<const ProjectedSite*>& sites, const Style& style) {
    if (!request.providers.empty())
        return ProviderColors(request.providers, style.palette);
    std::set<std::string> providers;
    for (const auto* s : sites)
        providers.insert(s->site.site.provider);
    return ProviderColors({providers.begin(), providers.end()}, style.palette, style.providers);
}

SizeRange size_range(const std::vector<const ProjectedSite*>& shown, SizeBy size_by) {
    SizeRange range;
    for (const auto* s : shown) {
        const auto v = detail::size_value(s->site.site, size_by);
        if (!v) {
            if (size_by != SizeBy::none)
                ++range.missing;
            continue;
        }
        range.min = range.any ? std::min(range.min, *v) : *v;
        range.max = range.any ? std::max(range.max, *v) : *v;
        range.any = true;
    }
    return range;
}

MarkerLayout make_marker(const ProjectedSite& s, const detail::Page& page, const Style& style,
                         double scale, const SizeRange& sizes, const ProviderColors& colors) {
    MarkerLayout m;
    m.id = s.site.site.key();
    m.lon = s.site.lon;
    m.lat = s.site.lat;
    const Point p = page.transform.to_pixels(s.projected);
    m.x = m.true_x = p.x;
    m.y = m.true_y = p.y;
    m.r =
        detail::marker_radius(detail::size_value(s.site.site, style.size_by), sizes, style, scale);
    if (detail::is_pending(s.site.site.status))
        m.r *= style.pending_marker_scale;
    m.status = s.site.site.status;
    m.provider = s.site.site.provider;
    m.color = colors.of(m.provider);
    detail::mark_change(m, s, page.transform);
    return m;
}

std::string listed_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < max_listed_ids; ++i)
        out += (i ? ", " : "") + ids[i];
    if (ids.size() > max_listed_ids)
        out += " and " + std::to_string(ids.size() - max_listed_ids) + " more";
    return out;
}

std::string count_phrase(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// Countries of the sites that are or will be in service: a retired site no longer makes its
/// country part of the footprint.
std::vector<std::string> host_countries(const std::vector<const ProjectedSite*>& sites) {
    std::set<std::string> countries;
    for (const auto* s : sites)
        if (!s->site.country.empty() && s->site.site.status != Status::retired)
            countries.insert(s->site.country);
    return {countries.begin(), countries.end()};
}

/// Each site's place in label order (0 = labelled first).
std::vector<int> label_ranks(const std::vector<const ProjectedSite*>& shown) {
    std::vector<const Site*> sites;
    sites.reserve(shown.size());
    for (const auto* s : shown)
        sites.push_back(&s->site.site);
    const auto order = detail::label_order(sites);
    std::vector<int> rank(order.size(), 0);
    for (std::size_t k = 0; k < order.size(); ++k)
        rank[static_cast<std::size_t>(order[k])] = static_cast<int>(k);
    return rank;
}

/// How markers are nudged and merged on this page (the cluster radius is set per attempt).
detail::DeclutterSettings declutter_settings(const Scene& scene, const FontSpec& counts) {
    detail::DeclutterSettings settings;
    settings.frame = scene.page.map_frame;
    settings.shift_diameters = scene.style.marker_max_shift;
    settings.gap = marker_gap * scene.scale;
    settings.aggregate_radius = aggregate_radius(scene.style, scene.scale, scene.measure, counts);
    return settings;
}

/// One candidate map for a cluster radius: the symbols and how they are named.
struct Candidate {
    std::vector<Symbol> symbols;
    Naming naming;
    double radius = 0;
    std::size_t key_room = 0; ///< key entries the page can list beside this candidate
};

/// Key entries that fit in the room a key may take below a map of this page.
std::size_t key_capacity(const Scene& scene) {
    // A column beside the map bounds its key by its own room (arrange_band), not the map's.
    const Box& band = scene.page.band;
    if (!band.empty() && band.min_x >= scene.page.map_frame.max_x)
        return max_key_entries;
    const FontSpec font = detail::scaled(scene.style.legend_font, scene.scale);
    const double line = scene.measure("8", font).height;
    const double room = 0.45 * scene.page.map_frame.height();
    const double column = scene.measure(std::string(28, 'n'), font).width;
    const auto rows = static_cast<std::size_t>(std::max(0.0, std::floor(room / line) - 1));
    const auto columns =
        static_cast<std::size_t>(std::max(1.0, std::floor(scene.page.map_frame.width() / column)));
    return std::min(rows * columns, max_key_entries);
}

/// What is drawn on one page's map frame: markers or density, labels, legend, insets, and each
/// shown site's outcome. Band and footer come later.
struct Content {
    MapLayout out;
    std::vector<const ProjectedSite*> shown;
    std::vector<LabelOutcome> outcome; ///< per shown site
    std::vector<std::string> key_entries;
    bool legend_in_band = false;
    Box stacked_legend; ///< the legend's box with its sections stacked, as a column holds it
    detail::InsetsResult insets;
    std::vector<std::string> notes;
    Diagnostics diagnostics; ///< what laying this page out warned about
};

Content lay_out_map(const LayoutRequest& request, const Style& style, const MeasureText& measure,
                    double scale, const detail::Page& page,
                    const std::vector<const ProjectedSite*>& sites, bool legend_below,
                    bool show_legend) {
    Content content;
    MapLayout& out = content.out;
    Diagnostics& diagnostics = content.diagnostics;
    out = detail::layout_from_page(page, scale);
    Scene scene{
        request, style, measure, scale, page, {}, {}, {}, provider_colors(request, sites, style),
        false,   {},    {}};
    for (const auto* s : sites)
        if (is_shown(*s, page))
            scene.shown.push_back(s);
    const SizeRange sizes = size_range(scene.shown, style.size_by);
    std::set<std::string> providers;
    for (const auto* s : scene.shown)
        providers.insert(s->site.site.provider);
    scene.name_providers = providers.size() > 1;
    scene.font = detail::scaled(style.label_font, scale);
    scene.pending_font = scene.font;
    scene.pending_font.weight = style.pending_label_weight;

    MarkerMode mode = request.markers;
    if (mode == MarkerMode::automatic && scene.shown.size() > density_without_trying)
        mode = MarkerMode::density;
    // A density surface needs only positions: no marker per site, which at 10^5 sites is most
    // of the memory and time.
    if (mode != MarkerMode::density)
        for (const auto* s : scene.shown)
            scene.markers.push_back(make_marker(*s, page, style, scale, sizes, scene.colors));
    // Label order matters only where labels are placed.
    if (mode != MarkerMode::density)
        scene.rank = label_ranks(scene.shown);

    const double inset = 0.5 * style.margin * scale;
    std::vector<LabelOutcome> outcome(scene.shown.size(), LabelOutcome::unlabelled);
    std::vector<std::string> key_entries;
    bool legend_in_band = false;
    std::vector<std::string> notes;

    auto draw_density = [&]() {
        std::vector<Point> points;
        points.reserve(scene.shown.size());
        for (const auto* s : scene.shown)
            points.push_back(page.transform.to_pixels(s->projected));
        const auto density = detail::density_surface(points, page.map_frame, style, scale);
        out.markers_mode = "density";
        out.markers.clear();
        out.aggregates.clear();
        out.labels.clear();
        out.density = density.layout;
        out.legend = detail::build_density_legend(density.classes, style, scale, measure);
        std::vector<MarkerLayout> cells;
        for (const auto& c : out.density.cells) {
            MarkerLayout m;
            m.x = c.centre.x;
            m.y = c.centre.y;
            m.r = out.density.radius;
            cells.push_back(m);
        }
        if (!show_legend)
            out.legend = {};
        content.stacked_legend = out.legend.box;
        legend_in_band =
            show_legend && detail::place_legend(out.legend, page.map_frame, inset, cells) > 0;
        std::fill(outcome.begin(), outcome.end(), LabelOutcome::density);
        // Sites given a `priority:` stay markers on top of the surface, and are named there: a
        // scene of their own, whose indices `which` maps back to the shown sites.
        Scene important{request,      style,
                        measure,      scale,
                        page,         {},
                        {},           {},
                        scene.colors, scene.name_providers,
                        scene.font,   scene.pending_font};
        std::vector<std::size_t> which;
        for (std::size_t i = 0; i < scene.shown.size(); ++i)
            if (scene.shown[i]->site.site.priority > 0) {
                important.shown.push_back(scene.shown[i]);
                important.markers.push_back(
                    make_marker(*scene.shown[i], page, style, scale, sizes, scene.colors));
                which.push_back(i);
            }
        if (which.empty() || which.size() > max_important_on_density)
            return;
        important.rank = label_ranks(important.shown);
        const FontSpec counts = count_font(style, scale);
        detail::DeclutterSettings settings = declutter_settings(scene, counts);
        const std::vector<Symbol> symbols = detail::declutter(important.markers, settings);
        std::vector<Box> blocked;
        if (!legend_in_band)
            blocked.push_back(out.legend.box);
        Naming naming = name_symbols(important, symbols, blocked,
                                     std::vector<bool>(important.shown.size(), false), false);
        emit_symbols(important, symbols, naming.symbol_key, counts, out);
        detail::sort_for_drawing(out.markers);
        out.labels = std::move(naming.labels);
        for (std::size_t k = 0; k < which.size(); ++k)
            if (naming.outcome[k] != LabelOutcome::unlabelled)
                outcome[which[k]] = naming.outcome[k];
    };

    detail::InsetsResult insets;
    insets.inset_of.assign(scene.shown.size(), -1);
    insets.outcome.assign(scene.shown.size(), LabelOutcome::unlabelled);
    if (mode == MarkerMode::density) {
        draw_density();
    } else {
        out.legend = detail::is_change_map(request)
                         ? detail::build_change_legend(detail::change_counts(request.sites), style,
                                                       scale, measure)
                         : detail::build_legend(scene.markers, scene.colors, sizes, style, scale,
                                                measure, page.map_frame.width());
        if (!show_legend)
            out.legend = {};
        const LegendLayout stacked = out.legend;
        content.stacked_legend = stacked.box;
        legend_in_band = show_legend && (detail::place_legend(out.legend, page.map_frame, inset,
                                                              scene.markers) > 0 ||
                                         legend_below);
        // The band arranges the legend afresh, from its stacked sections.
        if (legend_in_band)
            out.legend = stacked;
        const LegendLayout no_legend;
        insets = detail::layout_insets(scene, legend_in_band ? no_legend : out.legend, diagnostics);
        std::vector<bool> in_inset(scene.shown.size(), false);
        for (std::size_t i = 0; i < scene.shown.size(); ++i)
            in_inset[i] = insets.inset_of[i] >= 0;
        std::vector<Box> blocked = insets.blocked;
        if (!legend_in_band && !out.legend.box.empty())
            blocked.push_back(out.legend.box);

        const FontSpec counts = count_font(style, scale);
        detail::DeclutterSettings settings = declutter_settings(scene, counts);
        const bool use_key = request.key != KeyMode::never;
        const std::size_t capacity = use_key ? key_capacity(scene) : 0;
        const double diameter = 2 * style.marker_radius * scale;
        // How much of the frame the markers would cover side by side: a crowded map starts
        // from clusters, which also keeps the nudging cheap at 10^4 sites.
        const double crowding = static_cast<double>(scene.shown.size()) *
                                (diameter + settings.gap) * (diameter + settings.gap) /
                                (page.map_frame.width() * page.map_frame.height());
        std::vector<double> radii;
        if (mode == MarkerMode::sites || (mode == MarkerMode::automatic && crowding < 0.25))
            radii.push_back(0);
        if (mode != MarkerMode::sites)
            for (double r : cluster_radii)
                radii.push_back(r);
        std::optional<Candidate> best;
        // A given height's band is laid out before the map: the key it can list bounds the map's,
        // and what it cannot list merges further, so the page holds its key in this layout (a band
        // grown to the key instead shrank the map, whose key then changed: 10,000 sites took three
        // layouts, 5,000 at 1280x720 five, ending with a band of 318 px for one entry).
        const bool band_bounds_key = !page.band.empty() && !detail::height_is_derived(request);
        auto room_for_key = [&](const std::vector<std::string>& entries) {
            if (!band_bounds_key || entries.empty())
                return capacity;
            LegendLayout legend = out.legend;
            KeyLayout key;
            const std::size_t listed =
                detail::arrange_band({legend_in_band ? &out.legend : nullptr, entries, true},
                                     page.band, legend, key, style, scale, measure);
            return std::min(capacity, listed);
        };
        auto unnamed = [&](const Candidate& c) {
            const std::size_t keyed = c.naming.key_entries.size();
            return static_cast<std::size_t>(c.naming.unnamed) +
                   (keyed > c.key_room ? keyed - c.key_room : 0);
        };
        // How far an aggregate may reach from its sites when merging to name them. Unbounded, a
        // small figure merged all 153 regions of three providers into one disc in the Atlantic
        // named "Ashburn area"; past this, a site goes unnamed (and is warned about) rather than
        // drawn where it is not.
        const double max_spread =
            max_spread_share * std::max(page.map_frame.width(), page.map_frame.height());
        // Which markers stand on one place: the same for every attempt below.
        const std::vector<int> places = detail::same_places(scene.markers);
        for (double radius : radii) {
            // With many sites, dense cores (markers more than half on top of each other) merge
            // up front: they would merge anyway, and nudging hundreds of them is slow.
            // A cluster takes sites within its radius of its first site (its mean may then lie
            // up to twice that from a site). Half the bound left 67 of 100 random sites unnamed
            // at 300 px, so the radius takes the bound itself.
            settings.cluster_radius =
                std::min(std::max(radius * diameter, scene.shown.size() > 500 ? diameter / 2 : 0.0),
                         max_spread);
            // Symbols named nowhere join their nearest neighbour and the map is named again,
            // so only the crowded spots condense while the rest keeps its detail.
            std::vector<std::vector<int>> together;
            // `--markers sites` merges only markers that cannot be drawn apart.
            const int steps = mode == MarkerMode::sites ? 1 : local_merge_steps;
            int without_progress = 0;
            for (int step = 0; step < steps && without_progress < 3; ++step) {
                Candidate c;
                c.radius = radius;
                c.symbols = detail::declutter(scene.markers, settings, together, places);
                // Hundreds of symbols in a first round mostly find no room, and trying every
                // leader position for each was 60% of a 10,000-site layout. A round with near
                // positions only comes first there; where it leaves most sites unnamed, leaders
                // and the repair pass would not change that (they named 3% more of 10,000
                // random sites), and its unnamed symbols merge instead.
                bool settled = false;
                if (step == 0 && c.symbols.size() >= quick_round_symbols) {
                    detail::PlacerSettings near_only =
                        detail::placer_settings(scene, scene.page.map_frame, blocked);
                    near_only.leader_steps = 0;
                    near_only.repair = false;
                    c.naming = name_symbols(scene, c.symbols, near_only, in_inset, use_key,
                                            insets.key_entries);
                    c.key_room = room_for_key(c.naming.key_entries);
                    settled = 2 * unnamed(c) > scene.shown.size();
                }
                if (!settled) {
                    c.naming = name_symbols(scene, c.symbols, blocked, in_inset, use_key,
                                            insets.key_entries);
                    c.key_room = room_for_key(c.naming.key_entries);
                }
                std::vector<int> stuck = c.naming.unnamed_symbols;
                for (std::size_t k = 0; k < c.symbols.size(); ++k)
                    if (static_cast<std::size_t>(c.naming.symbol_key[k]) > c.key_room)
                        stuck.push_back(static_cast<int>(k));
                const bool better = !best || unnamed(c) < unnamed(*best);
                without_progress = better ? 0 : without_progress + 1;
                if (better)
                    best = std::move(c);
                if (unnamed(*best) == 0 || stuck.empty())
                    break;
                // NOLINTNEXTLINE(bugprone-use-after-move): c is read only when it was not moved.
                const auto joined =
                    nearest_neighbours(better ? best->symbols : c.symbols, stuck, max_spread);
                if (joined.empty())
                    break;
                for (const auto& group : joined)
                    together.push_back(group);
            }
            if (unnamed(*best) == 0)
                break;
        }
        if (mode == MarkerMode::automatic && best && unnamed(*best) > 0 &&
            scene.shown.size() > 1000) {
            notes.push_back("--markers auto: " + std::to_string(scene.shown.size()) +
                            " sites are too many to name at this size; drawn as a density "
                            "surface (--markers clusters keeps counted markers)");
            draw_density();
        } else if (best) {
            Candidate& c = *best;
            // The key holds what fits; the rest stays unnamed and is warned about.
            if (c.naming.key_entries.size() > c.key_room) {
                // Numbers above the room are taken back from labels and symbols.
                const int limit = static_cast<int>(c.key_room);
                auto& labels = c.naming.labels;
                labels.erase(std::remove_if(labels.begin(), labels.end(),
                                            [&](const LabelLayout& l) { return l.key > limit; }),
                             labels.end());
                for (auto& k : c.naming.symbol_key)
                    if (k > limit)
                        k = 0;
                c.naming.key_entries.resize(c.key_room);
            }
            out.markers_mode = std::any_of(c.symbols.begin(), c.symbols.end(),
                                           [](const Symbol& s) { return s.is_aggregate(); })
                                   ? "clusters"
                                   : "sites";
            emit_symbols(scene, c.symbols, c.naming.symbol_key, counts, out);
            detail::sort_for_drawing(out.markers);
            out.labels = std::move(c.naming.labels);
            key_entries = std::move(c.naming.key_entries);
            outcome = c.naming.outcome;
            for (std::size_t i = 0; i < outcome.size(); ++i)
                if (outcome[i] == LabelOutcome::keyed && key_entries.empty())
                    outcome[i] = LabelOutcome::unlabelled;
            if (mode == MarkerMode::automatic && c.radius > 0)
                notes.push_back("--markers auto: " + std::to_string(scene.shown.size()) +
                                " sites drawn as " + std::to_string(c.symbols.size()) +
                                " markers and clusters so that each can be named");
        }
    }

    content.shown = std::move(scene.shown);
    content.outcome = std::move(outcome);
    content.key_entries = std::move(key_entries);
    content.legend_in_band = legend_in_band;
    content.insets = std::move(insets);
    content.notes = std::move(notes);
    return content;
}

/// The width of a column `height` pixels tall beside the map for `map`'s band: its legend with
/// the sections stacked, and its key entries under it, the widest shortened to a third of the
/// page. Where not one key row fits under the legend, the legend's width.
double column_width(const Content& map, double height, double page_width, const Style& style,
                    double scale, const MeasureText& measure) {
    const FontSpec font = detail::scaled(style.legend_font, scale);
    const double gap = 0.5 * style.margin * scale, pad = 8 * scale;
    const double legend = map.stacked_legend.empty() ? 0 : gap + map.stacked_legend.height();
    const double one_row = gap + 2 * pad + 2 * scale + measure("8", font).height +
                           measure("Key", detail::scaled(style.legend_title_font, scale)).height;
    double key = 0;
    if (legend + one_row <= height) {
        const std::string number(std::to_string(map.key_entries.size()).size(), '8');
        for (const auto& entry : map.key_entries)
            key = std::max(key, measure(number + "  " + entry, font).width);
        if (key > 0)
            key = std::min(key + 2 * pad, page_width / 3);
    }
    return detail::whole_band(std::max(map.stacked_legend.width(), key), scale);
}

} // namespace

MapLayout make_layout(const LayoutRequest& request, const Style& style, const MeasureText& measure,
                      Diagnostics& diagnostics) {
    if (!(request.scale > 0) || !std::isfinite(request.scale))
        throw Error("layout: scale must be a positive number, got " +
                    std::to_string(request.scale));
    const double scale = request.scale;
    const auto sites = sorted_by_key(request.sites);

    // A band below the map holds the legend when it would hide sites inside, and the key; its
    // height is known only once the map is laid out, so the page is composed again with it.
    double band = 0;
    double max_band = 0;
    // Set when the legend, placed clear of the sites, still covered an aggregate or a nudged
    // marker: it then goes below the map.
    bool legend_below = false;
    // Each map laid out so far, by frame and legend place: the band search may come back to a
    // band it tried (10,000 sites at 2400x1200: bands of 242, 197, then 242 px again).
    struct Laid {
        bool legend_below = false;
        bool legend_left_out = false;
        Content content;
    };
    std::vector<Laid> laid;
    const std::vector<std::string> hosts = host_countries(sites);
    // For a given height: the smallest band that held its page (0: none yet), and the most a
    // smaller band's page needed.
    double holding_band = 0;
    double most_needed_below = 0;
    // A given height's band that holds nothing (the map it shrank names every site itself)
    // is split above and below the map instead of left blank under it: tried once, and kept
    // when that map too needs no band.
    detail::BandPlace place = detail::BandPlace::below;
    bool centring_tried = false;
    // A given height whose map is bound by its height may keep its band in a column beside the
    // map: decided once, when the first layout asks for a band.
    bool beside_tried = false, column_widened = false;
    // A legend taller than any band the page allows is left out (and warned about) rather than
    // run over the footer: 400x300 with a two-line title and eight providers.
    bool legend_left_out = false;
    double area_below = 0; // the map's area above a band, where a column was tried
    for (int pass = 0;; ++pass) {
        const detail::Page page = detail::compose_page(request, style, measure, band, place);
        // The band may take at most this much of the map's height: a key longer than that lists
        // what fits, and the rest is warned about.
        if (pass == 0)
            max_band = detail::height_is_derived(request)
                           ? 2.0 * page.map_frame.height()
                           // The room a width-bound map leaves under it costs the map nothing:
                           // capped below it, a tall page's key was cut short beside the legend.
                           : std::max(0.6 * page.map_frame.height(),
                                      page.map_area.height() - page.map_frame.height());
        // For a derived height only the band changes between passes; the map is the same.
        auto same = [&](const Laid& l) {
            const Box& frame = l.content.out.map_frame;
            return l.legend_below == legend_below && l.legend_left_out == legend_left_out &&
                   frame.min_x == page.map_frame.min_x && frame.min_y == page.map_frame.min_y &&
                   frame.max_x == page.map_frame.max_x && frame.max_y == page.map_frame.max_y;
        };
        auto found = std::find_if(laid.begin(), laid.end(), same);
        if (found == laid.end()) {
            if (request.on_page) {
                MapLayout offered = detail::layout_from_page(page, scale);
                offered.host_countries = hosts;
                request.on_page(offered);
            }
            laid.push_back({legend_below, legend_left_out,
                            lay_out_map(request, style, measure, scale, page, sites, legend_below,
                                        request.legend && !legend_left_out)});
            found = laid.end() - 1;
        }
        const Content& map = found->content;
        MapLayout out = map.out;
        const auto& scene_shown = map.shown;
        std::vector<LabelOutcome> outcome = map.outcome;
        const auto& key_entries = map.key_entries;
        const bool legend_in_band = map.legend_in_band;
        const auto& insets = map.insets;
        // The page's own parts (canvas size, footer) follow this pass's band.
        {
            const MapLayout fixed = detail::layout_from_page(page, scale);
            out.width = fixed.width;
            out.height = fixed.height;
            out.footer = fixed.footer;
        }

        if (!legend_in_band && !out.legend.box.empty() && pass < 4) {
            const auto covers = [&](double x, double y, double r) {
                return out.legend.box.intersects({x - r, y - r, x + r, y + r});
            };
            bool covered = false;
            for (const auto& m : out.markers)
                covered = covered || covers(m.x, m.y, m.r);
            for (const auto& a : out.aggregates)
                covered = covered || covers(a.x, a.y, a.r);
            if (covered) {
                legend_below = true;
                continue;
            }
        }

        // Sites in insets: named there, or nowhere.
        for (std::size_t i = 0; i < scene_shown.size(); ++i)
            if (insets.inset_of[i] >= 0 && outcome[i] != LabelOutcome::density)
                outcome[i] = insets.outcome[i];

        // Is the band big enough for what it must hold?
        const detail::BandContent content{legend_in_band ? &out.legend : nullptr, key_entries,
                                          !detail::height_is_derived(request)};
        // The band spans the page between its margins: a map narrowed by a given height is
        // narrower, and a band measured at its width stacked what sits side by side.
        const double band_width = page.width - 2 * style.margin * scale;
        const double needed = detail::band_height(content, band_width, style, scale, measure);
        // A derived height fits the band exactly (compose_page keeps the map as it was, so the
        // layout above is the one drawn); a given height gives the band room at the map's
        // expense. The band is whole pixels, so the page stays a whole image.
        const double wanted = detail::whole_band(std::min(needed, max_band), scale);
        const bool derived_height = detail::height_is_derived(request);
        const bool grow = derived_height ? std::abs(wanted - band) > 0.5 : wanted > band + 0.5;
        // A column beside the map, where it leaves the map clearly larger than a band below
        // would (600x400 with a two-line title: 183x74 px below a band, 372x187 beside one).
        if (!derived_height && grow && band == 0 && !beside_tried) {
            beside_tried = true;
            // A column spans the map's room top to bottom, as this page without a band has it.
            const double column =
                column_width(map, page.map_area.height(), page.width, style, scale, measure);
            const Box below = detail::compose_page(request, style, measure, wanted).map_frame;
            const detail::Page beside =
                detail::compose_page(request, style, measure, column, detail::BandPlace::beside);
            const double gap = 0.5 * style.margin * scale;
            const bool holds_legend = gap + map.stacked_legend.height() <= beside.band.height();
            area_below = below.width() * below.height();
            if (column > 0 && holds_legend &&
                beside.map_frame.width() * beside.map_frame.height() > beside_gain * area_below) {
                place = detail::BandPlace::beside;
                band = column;
                legend_below = true;
                continue;
            }
        }
        // The column was sized for the first layout's key; this map's may be wider. It widens
        // once, while the map stays clearly larger than above a band, so entries are not cut.
        if (place == detail::BandPlace::beside && !column_widened) {
            column_widened = true;
            const double column =
                column_width(map, page.band.height(), page.width, style, scale, measure);
            const Box wider =
                detail::compose_page(request, style, measure, column, detail::BandPlace::beside)
                    .map_frame;
            // A legend wider than the column widens it in any case: it would run off the page
            // (a density legend, wider than the markers' one the column was sized for).
            const bool legend_cut = legend_in_band && map.stacked_legend.width() > band + 0.5;
            if (column > band + 0.5 &&
                (legend_cut || wider.width() * wider.height() > beside_gain * area_below)) {
                band = column;
                continue;
            }
        }
        if (place == detail::BandPlace::below && legend_in_band && !derived_height) {
            const std::vector<std::string> no_entries;
            const detail::BandContent legend_only{&out.legend, no_entries};
            if (detail::band_height(legend_only, band_width, style, scale, measure) > max_band) {
                legend_left_out = true;
                legend_below = false;
                band = 0;
                continue;
            }
        }
        // Beside the map, the column was sized before this layout, which its room bounded.
        if (place != detail::BandPlace::beside) {
            const bool band_unused = !derived_height && band > 0 && wanted == 0;
            if (place == detail::BandPlace::split && !band_unused) {
                place = detail::BandPlace::below; // back to the map with its band
                continue;
            }
            if (place == detail::BandPlace::below && band_unused && !centring_tried) {
                place = detail::BandPlace::split;
                centring_tried = true;
                continue;
            }
            // A given height's band must hold what its page needs; but a shorter map may merge more
            // and need less than the band was grown for, leaving rows of it empty (1100x550, 151
            // sites: 161 px). Need does not fall steadily as the band grows, so the smallest band
            // found to hold its page is kept, and a smaller one is tried while passes last: at
            // least the most any smaller band's page needed (the first pass, with no band, has a
            // taller map than any and does not count).
            if (!derived_height && grow && band > 0)
                most_needed_below = std::max(most_needed_below, wanted);
            if (!derived_height && grow && holding_band > 0 && pass < 7) {
                band = holding_band; // the smaller band did not hold its page
                continue;
            }
            if (pass < 3 && grow) {
                band = wanted;
                continue;
            }
            if (!derived_height) {
                if (!grow) {
                    holding_band = holding_band > 0 ? std::min(holding_band, band) : band;
                    const double row =
                        measure("8", detail::scaled(style.legend_font, scale)).height;
                    const double smaller = std::max(wanted, most_needed_below);
                    if (place == detail::BandPlace::below && pass < 5 && band - wanted > 2 * row &&
                        smaller < band - 0.5) {
                        band = smaller;
                        continue;
                    }
                }
            }
        }
        const std::size_t listed =
            detail::arrange_band(content, page.band.empty() ? Box{} : page.band, out.legend,
                                 out.key, style, scale, measure);
        // A band still too short for the legend would run it over the footer: left out too.
        if (legend_in_band && !page.band.empty() && out.legend.box.max_y > page.band.max_y + 0.5)
            legend_left_out = true;
        if (legend_left_out)
            out.legend = {};
        out.labels.erase(std::remove_if(out.labels.begin(), out.labels.end(),
                                        [&](const LabelLayout& l) {
                                            return static_cast<std::size_t>(l.key) > listed;
                                        }),
                         out.labels.end());

        // The key number each site is drawn with; a site in an inset is numbered there only,
        // so insets come last. (Searched per keyed site, this was 4% of a 10,000-site render.)
        std::unordered_map<std::string_view, int> key_of;
        const auto note_keys = [&](const std::vector<MarkerLayout>& markers,
                                   const std::vector<AggregateLayout>& aggregates) {
            for (const auto& m : markers)
                key_of[m.id] = m.key;
            for (const auto& a : aggregates)
                for (const auto& member : a.members)
                    key_of[member] = a.key;
        };
        note_keys(out.markers, out.aggregates);
        for (const auto& inset : insets.insets)
            note_keys(inset.markers, inset.aggregates);
        // Every site, in key order, with its outcome; unnamed and hidden ones warned about.
        std::vector<std::string> hidden, unnamed_ids;
        std::size_t next_shown = 0;
        for (const auto* s : sites) {
            const std::string& id = s->site.site.key();
            if (next_shown < scene_shown.size() && scene_shown[next_shown] == s) {
                LabelOutcome o = outcome[next_shown];
                if (o == LabelOutcome::keyed) {
                    // Entries the key could not list leave their sites unnamed.
                    const auto found = key_of.find(id);
                    const bool listed_here = found != key_of.end() && found->second > 0 &&
                                             static_cast<std::size_t>(found->second) <= listed;
                    if (!listed_here)
                        o = LabelOutcome::unlabelled;
                }
                out.outcomes.emplace_back(id, o);
                if (o == LabelOutcome::unlabelled) {
                    out.dropped.push_back(id);
                    unnamed_ids.push_back(id);
                }
                ++next_shown;
                continue;
            }
            out.outcomes.emplace_back(id, LabelOutcome::unlabelled);
            out.dropped.push_back(id);
            hidden.push_back(id);
        }
        for (auto& m : out.markers)
            if (static_cast<std::size_t>(m.key) > listed)
                m.key = 0;
        for (auto& a : out.aggregates)
            if (static_cast<std::size_t>(a.key) > listed)
                a.key = 0;
        for (const auto& w : map.diagnostics.warnings)
            diagnostics.warnings.push_back(w);
        for (const auto& n : map.diagnostics.notes)
            diagnostics.notes.push_back(n);
        if (!hidden.empty())
            diagnostics.warn(count_phrase(hidden.size(), "site lies", "sites lie") +
                             " outside the visible map and " + (hidden.size() == 1 ? "is" : "are") +
                             " not drawn: " + listed_ids(hidden) +
                             " (widen --extent or change --center to show them)");
        if (!unnamed_ids.empty())
            diagnostics.warn(count_phrase(unnamed_ids.size(), "site is", "sites are") +
                             " named nowhere on the map (no room for a label or a key number): " +
                             listed_ids(unnamed_ids) +
                             " (use a larger --width or --size, an inset, or `label:` to shorten)");
        if (legend_left_out)
            diagnostics.warn("the legend does not fit on this " +
                             std::to_string(std::lround(page.width)) + "x" +
                             std::to_string(std::lround(page.height)) +
                             " px page and is left out (use a larger --height, or give --width "
                             "alone so the height follows the map)");
        for (const auto& n : map.notes)
            diagnostics.note(n);
        out.width = page.width;
        out.height = page.height;
        out.host_countries = hosts;
        out.insets = insets.insets;
        for (auto& inset : out.insets) {
            auto& labels = inset.labels;
            labels.erase(std::remove_if(labels.begin(), labels.end(),
                                        [&](const LabelLayout& l) {
                                            return static_cast<std::size_t>(l.key) > listed;
                                        }),
                         labels.end());
            for (auto& m : inset.markers)
                if (static_cast<std::size_t>(m.key) > listed)
                    m.key = 0;
            for (auto& a : inset.aggregates)
                if (static_cast<std::size_t>(a.key) > listed)
                    a.key = 0;
        }
        return out;
    }
}

} // namespace dcmap::layout
