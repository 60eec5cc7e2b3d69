#include "cli/layout_json.hpp"

#include "cli/json_writer.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace dcmap::cli {

namespace {

const char* outcome_name(LabelOutcome o) {
    switch (o) {
    case LabelOutcome::labelled:
        return "labelled";
    case LabelOutcome::leader:
        return "leader";
    case LabelOutcome::grouped:
        return "grouped";
    case LabelOutcome::keyed:
        return "keyed";
    case LabelOutcome::inset:
        return "inset";
    case LabelOutcome::density:
        return "density";
    case LabelOutcome::unlabelled:
        return "unlabelled";
    }
    return "unlabelled";
}

/// "#rrggbb", or "#rrggbbaa" when not opaque: the colour as a style file writes it.
std::string hex(const Color& c) {
    const auto byte = [](double v) {
        return static_cast<unsigned>(std::lround(std::fmin(std::fmax(v, 0.0), 1.0) * 255));
    };
    char text[16];
    if (byte(c.a) == 255)
        std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    else
        std::snprintf(text, sizeof text, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b),
                      byte(c.a));
    return text;
}

void write_box(JsonWriter& j, const Box& b) {
    if (b.empty()) {
        j.null();
        return;
    }
    j.begin_object();
    j.key("x").value(b.min_x).key("y").value(b.min_y);
    j.key("w").value(b.width()).key("h").value(b.height());
    j.end_object();
}

/// The "labels" array and the "leaders" array of the labels that have a leader line.
void write_labels(JsonWriter& j, const std::vector<LabelLayout>& labels) {
    j.key("labels").begin_array();
    for (const auto& l : labels) {
        j.begin_object();
        j.key("id").value(l.id).key("text").value(l.text);
        j.key("x").value(l.box.min_x).key("y").value(l.box.min_y);
        j.key("w").value(l.box.width()).key("h").value(l.box.height());
        if (!l.members.empty()) {
            j.key("members").begin_array();
            for (const auto& id : l.members)
                j.value(id);
            j.end_array();
        }
        if (l.key > 0)
            j.key("key").value(l.key);
        j.end_object();
    }
    j.end_array();
    j.key("leaders").begin_array();
    for (const auto& l : labels) {
        if (!l.has_leader)
            continue;
        j.begin_object();
        j.key("id").value(l.id);
        j.key("x1").value(l.leader_from.x).key("y1").value(l.leader_from.y);
        j.key("x2").value(l.leader_to.x).key("y2").value(l.leader_to.y);
        j.end_object();
    }
    j.end_array();
}

/// A marker: its drawn centre (x, y) and its true projected position (true_x, true_y).
void write_marker(JsonWriter& j, const MarkerLayout& m) {
    j.begin_object();
    j.key("id").value(m.id);
    j.key("lon").value(m.lon, 6).key("lat").value(m.lat, 6);
    j.key("x").value(m.x).key("y").value(m.y).key("r").value(m.r);
    j.key("true_x").value(m.true_x).key("true_y").value(m.true_y);
    j.key("status").value(to_string(m.status));
    j.key("provider").value(m.provider);
    j.key("color").value(hex(m.color));
    if (m.key > 0)
        j.key("key").value(m.key);
    if (m.change != MapChange::none)
        j.key("change").value(to_string(m.change));
    if (m.has_from)
        j.key("from_x").value(m.from_x).key("from_y").value(m.from_y);
    j.end_object();
}

/// The "aggregates" array: each with its drawn and true centre, count, providers and members.
void write_aggregates(JsonWriter& j, const std::vector<AggregateLayout>& aggregates) {
    j.key("aggregates").begin_array();
    for (const auto& a : aggregates) {
        j.begin_object();
        j.key("id").value(a.id);
        j.key("x").value(a.x).key("y").value(a.y).key("r").value(a.r);
        j.key("true_x").value(a.true_x).key("true_y").value(a.true_y);
        j.key("spread").value(a.spread);
        j.key("count").value(static_cast<long long>(a.members.size()));
        if (a.key > 0)
            j.key("key").value(a.key);
        j.key("providers").begin_array();
        for (std::size_t k = 0; k < a.providers.size(); ++k) {
            j.begin_object();
            j.key("provider").value(a.providers[k]).key("count").value(a.segments[k].second);
            j.end_object();
        }
        j.end_array();
        j.key("members").begin_array();
        for (const auto& id : a.members)
            j.value(id);
        j.end_array();
        j.end_object();
    }
    j.end_array();
}

/// Each inset: its frame and the area it magnifies (pixels), its markers, aggregates, labels
/// and leaders, all in canvas pixels like the main map's.
void write_insets(JsonWriter& j, const std::vector<InsetLayout>& insets) {
    j.key("insets").begin_array();
    for (const auto& inset : insets) {
        j.begin_object();
        j.key("name").value(inset.name).key("caption").value(inset.caption.text);
        j.key("box");
        write_box(j, inset.box);
        j.key("area");
        write_box(j, inset.area);
        j.key("caption_box");
        write_box(j, inset.caption.box);
        j.key("magnification").value(inset.magnification);
        j.key("markers").begin_array();
        for (const auto& m : inset.markers)
            write_marker(j, m);
        j.end_array();
        write_aggregates(j, inset.aggregates);
        write_labels(j, inset.labels);
        j.end_object();
    }
    j.end_array();
}

/// Site id -> name of the inset that shows it.
std::map<std::string, std::string> insets_by_site(const MapLayout& layout) {
    std::map<std::string, std::string> out;
    for (const auto& inset : layout.insets) {
        for (const auto& m : inset.markers)
            out.emplace(m.id, inset.name);
        for (const auto& a : inset.aggregates)
            for (const auto& id : a.members)
                out.emplace(id, inset.name);
    }
    return out;
}

/// The whole layout as one JSON object; small multiples' panels each as a layout of their own.
void write_layout(JsonWriter& j, const MapLayout& layout) {
    j.begin_object();
    j.key("width").value(layout.width).key("height").value(layout.height);
    j.key("scale").value(layout.scale);
    j.key("dpi").value(layout.dpi);
    j.key("map_frame");
    write_box(j, layout.map_frame);
    j.key("markers_mode").value(layout.markers_mode);

    j.key("markers").begin_array();
    for (const auto& m : layout.markers)
        write_marker(j, m);
    j.end_array();
    write_aggregates(j, layout.aggregates);

    j.key("key").begin_array();
    for (std::size_t k = 0; k < layout.key.entries.size(); ++k) {
        j.begin_object();
        j.key("number").value(static_cast<long long>(k) + 1);
        j.key("text").value(layout.key.entries[k].text);
        j.end_object();
    }
    j.end_array();
    j.key("key_box");
    write_box(j, layout.key.box);
    if (!layout.density.cells.empty()) {
        j.key("density").begin_object();
        j.key("radius").value(layout.density.radius);
        j.key("cells").value(static_cast<long long>(layout.density.cells.size()));
        j.key("max_count").value(layout.density.max_count);
        j.end_object();
    }

    write_labels(j, layout.labels);

    j.key("dropped").begin_array();
    for (const auto& id : layout.dropped)
        j.value(id);
    j.end_array();

    const auto in_inset = insets_by_site(layout);
    j.key("sites").begin_array();
    for (const auto& [id, outcome] : layout.outcomes) {
        j.begin_object().key("id").value(id).key("outcome").value(outcome_name(outcome));
        // Sites in an inset are named there: outcome "inset" (a label), "keyed" or "unlabelled".
        if (const auto it = in_inset.find(id); it != in_inset.end())
            j.key("inset").value(it->second);
        j.end_object();
    }
    j.end_array();

    // The legend's provider rows as drawn (name with count, colour), and the tinted countries.
    j.key("legend_providers").begin_array();
    for (const auto& row : layout.legend.rows) {
        if (row.kind != LegendRow::Kind::provider)
            continue;
        j.begin_object().key("text").value(row.label.text).key("color").value(hex(row.color));
        j.end_object();
    }
    j.end_array();
    j.key("host_countries").begin_array();
    for (const auto& iso2 : layout.host_countries)
        j.value(iso2);
    j.end_array();

    write_insets(j, layout.insets);

    j.key("legend");
    write_box(j, layout.legend.box);
    j.key("title");
    write_box(j, layout.title_box);
    if (!layout.panels.empty()) {
        // Each panel's coordinates are its own canvas's; (x, y) is where that canvas sits.
        j.key("panels").begin_array();
        for (const auto& panel : layout.panels) {
            j.begin_object();
            j.key("x").value(panel.x).key("y").value(panel.y);
            j.key("caption").value(panel.map.subtitle.text);
            j.key("layout");
            write_layout(j, panel.map);
            j.end_object();
        }
        j.end_array();
    }
    j.end_object();
}

} // namespace

std::string layout_to_json(const MapLayout& layout) {
    JsonWriter j(true);
    write_layout(j, layout);
    return j.str() + "\n";
}

} // namespace dcmap::cli
