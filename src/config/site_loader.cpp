#include "config/site_loader.hpp"

#include "config/map_settings.hpp"
#include "config/style_loader.hpp"
#include "config/yaml_reader.hpp"
#include "io/input_file.hpp"
#include "io/threads.hpp"
#include "io/zeroed_pages.hpp"
#include "model/limits.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace dcmap::config {

namespace {

using detail::Entry;
using detail::find;
using detail::Reader;
using detail::YamlValue;

const std::vector<std::string> kSiteKeys = {
    "name",        "id",     "provider",  "status", "location", "lat",      "lon",    "zones",
    "capacity_mw", "opened", "announced", "label",  "note",     "priority", "region", "country"};

const std::vector<detail::Alias> kSiteAliases = {
    {"latitude", "lat"},  {"longitude", "lon"},        {"lng", "lon"},
    {"long", "lon"},      {"capacity", "capacity_mw"}, {"mw", "capacity_mw"},
    {"city", "location"}, {"place", "location"},       {"address", "location"},
    {"azs", "zones"},     {"region_code", "region"},   {"cc", "country"}};

const std::vector<std::string> kFileKeys = {"title", "subtitle", "source",    "as_of",
                                            "map",   "sites",    "catalogue", "layers"};
const std::vector<std::string> kLayerKeys = {"file",  "layer",  "color", "fill",
                                             "width", "radius", "draw"};
const std::vector<std::string> kMapKeys = {"projection", "center", "extent", "style",   "width",
                                           "height",     "insets", "detail", "markers", "labels",
                                           "key",        "dpi",    "size"};
const std::vector<std::string> kStatusNames = {"live", "announced", "planned", "under-construction",
                                               "retired"};

Status status_from(const std::string& name) {
    if (name == "announced")
        return Status::announced;
    if (name == "planned")
        return Status::planned;
    if (name == "under-construction")
        return Status::under_construction;
    if (name == "retired")
        return Status::retired;
    return Status::live;
}

/// "lat" or "lon" in range, else an error naming the range.
std::optional<double> read_coordinate(Reader& r, const Entry& e, bool is_lat) {
    const auto value = r.number(e, is_lat ? "lat: 30.27" : "lon: 120.15");
    if (!value)
        return std::nullopt;
    const double limit = is_lat ? 90 : 180;
    if (*value < -limit || *value > limit) {
        r.error(r.value_pos(e),
                e.key + " " + e.value.Scalar() + " is outside -" + std::to_string(int(limit)) +
                    ".." + std::to_string(int(limit)),
                is_lat ? "latitude is degrees north (-90..90); are lat and lon swapped?"
                       : "longitude is degrees east (-180..180)");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> read_date(Reader& r, const Entry& e, bool full_only) {
    auto value = r.text(e);
    if (!value)
        return std::nullopt;
    if (detail::is_valid_date(*value, full_only))
        return value;
    const std::string forms = full_only ? "YYYY-MM-DD" : "YYYY, YYYY-MM or YYYY-MM-DD";
    r.error(r.value_pos(e), e.key + " must be a date " + forms + ", not \"" + *value + "\"",
            "e.g. " + e.key + (full_only ? ": 2025-09-24" : ": 2019-09"));
    return std::nullopt;
}

std::string site_name_for_messages(const Site& site) {
    if (!site.name.empty())
        return "site '" + site.name + "'";
    if (!site.id.empty())
        return "site '" + site.id + "'";
    return "this site";
}

/// A lat/lon pair from `lat:`/`lon:` entries (in the site itself or under `location:`).
/// `place` names the place in messages; empty for the site itself (its name, made only when a
/// message needs it: a long list of good sites builds no message text).
void read_lat_lon(Reader& r, const Entry* lat, const Entry* lon, const SourcePos& missing_at,
                  std::string_view place, Site& site) {
    const auto where = [&] {
        return place.empty() ? site_name_for_messages(site) : std::string(place);
    };
    if (lat && !lon) {
        r.error(r.pos(lat->key_node), "lat without lon in " + where(),
                "add lon: (degrees east) next to lat");
    } else if (lon && !lat) {
        r.error(r.pos(lon->key_node), "lon without lat in " + where(),
                "add lat: (degrees north) next to lon");
    } else if (!lat && !lon) {
        r.error(missing_at, where() + " needs lat and lon",
                "e.g. location: {lat: 41.03, lon: 113.13}");
    }
    if (lat)
        site.lat = read_coordinate(r, *lat, true);
    if (lon)
        site.lon = read_coordinate(r, *lon, false);
}

/// Exactly one of `location` (text or {lat, lon}) or `lat`+`lon`.
void read_place(Reader& r, const std::vector<Entry>& entries, const YamlValue& site_node,
                Site& site) {
    const Entry* location = find(entries, "location");
    const Entry* lat = find(entries, "lat");
    const Entry* lon = find(entries, "lon");
    const auto who = [&] { return site_name_for_messages(site); };
    if (location && (lat || lon)) {
        const Entry* coordinate = lat ? lat : lon;
        const Entry* later = r.pos(coordinate->key_node).line > r.pos(location->key_node).line
                                 ? coordinate
                                 : location;
        r.error(r.pos(later->key_node), who() + " has both location and lat/lon",
                "keep one: location: \"City, Country\" to geocode, or lat: and lon: for exact "
                "coordinates");
        return;
    }
    if (location) {
        if (!r.expect_value(*location))
            return;
        site.location_pos = r.value_pos(*location);
        if (location->value.IsMap()) {
            const auto inner =
                r.entries(location->value, {"lat", "lon"}, "location",
                          {{"latitude", "lat"}, {"longitude", "lon"}, {"lng", "lon"}});
            read_lat_lon(r, find(inner, "lat"), find(inner, "lon"), site.location_pos, "location",
                         site);
            return;
        }
        if (!location->value.IsScalar() ||
            location->value.Scalar().find_first_not_of(" \t") == std::string::npos) {
            r.error(r.value_pos(*location),
                    "location must be text (\"City, Country\") or a mapping {lat:, lon:}",
                    "e.g. location: \"Hangzhou, China\"");
            return;
        }
        if (!r.check_text(*location, location->value.Scalar()))
            return;
        site.location_query = location->value.Scalar();
        return;
    }
    if (lat || lon) {
        site.location_pos = r.value_pos(lat ? *lat : *lon);
        read_lat_lon(r, lat, lon, site.location_pos, {}, site);
        return;
    }
    if (!site.region.empty())
        return; // the catalogue places it
    r.error(r.pos(site_node), who() + " has no place",
            "add location: \"City, Country\", region: aws:eu-central-1, or lat: and lon:");
}

void read_site_text_fields(Reader& r, const std::vector<Entry>& entries, Site& site) {
    const std::pair<const char*, std::string*> fields[] = {
        {"name", &site.name},      {"id", &site.id},     {"provider", &site.provider},
        {"label", &site.label},    {"note", &site.note}, {"region", &site.region},
        {"country", &site.country}};
    for (const auto& [key, target] : fields)
        if (const Entry* e = find(entries, key))
            if (auto value = r.text(*e))
                *target = std::move(*value);
    if (const Entry* e = find(entries, "region"))
        site.region_pos = r.value_pos(*e);
    if (const Entry* e = find(entries, "country"))
        site.country_pos = r.value_pos(*e);
}

void read_site_quantities(Reader& r, const std::vector<Entry>& entries, Site& site) {
    if (const Entry* e = find(entries, "zones")) {
        if (auto zones = r.integer(*e, "zones: 3")) {
            if (*zones <= 0 || *zones > 1000)
                r.error(r.value_pos(*e),
                        "zones must be a positive whole number, not " + e->value.Scalar(),
                        "give the number of availability zones, or leave zones out");
            else
                site.zones = static_cast<int>(*zones);
        }
    }
    if (const Entry* e = find(entries, "capacity_mw")) {
        if (auto mw = r.number(*e, "capacity_mw: 120")) {
            if (*mw <= 0)
                r.error(r.value_pos(*e), "capacity_mw must be positive, not " + e->value.Scalar(),
                        "give the power capacity in megawatts, or leave capacity_mw out");
            else
                site.capacity_mw = mw;
        }
    }
    if (const Entry* e = find(entries, "priority")) {
        if (auto priority = r.integer(*e, "priority: 10")) {
            if (*priority < -1000000 || *priority > 1000000)
                r.error(r.value_pos(*e), "priority must be between -1000000 and 1000000");
            else
                site.priority = static_cast<int>(*priority);
        }
    }
}

std::optional<Site> read_site(Reader& r, const YamlValue& node) {
    if (node.IsNull()) {
        // yaml-cpp marks an empty entry at the token after it, so say so rather than mislead.
        r.error(r.pos(node), "an empty '-' entry in the sites list ends just before here",
                "remove the lone '-' or give the site's keys after it");
        return std::nullopt;
    }
    if (!node.IsMap()) {
        r.error(r.pos(node),
                "each site must be a mapping of keys, not " +
                    std::string(node.IsSequence() ? "a list" : "plain text"),
                "write a site as \"- name: Hangzhou\" with its other keys indented below");
        return std::nullopt;
    }
    Site site;
    site.pos = r.pos(node);
    const auto entries = r.entries(node, kSiteKeys, "site", kSiteAliases);
    read_site_text_fields(r, entries, site);
    const Entry* name = find(entries, "name");
    if (!name && !site.region.empty()) {
        // The region's display name fills it when the sites are resolved.
    } else if (!name) {
        r.error(site.pos, (site.id.empty() ? "site" : "site '" + site.id + "'") + " has no name",
                "add name: (the text shown on the map)");
    } else if (name->value.IsScalar() && name->value.Scalar().empty()) {
        r.error(r.value_pos(*name), "name is empty", "give the text shown on the map");
    }
    if (const Entry* e = find(entries, "status"))
        if (auto status = r.choice(*e, kStatusNames))
            site.status = status_from(*status);
    if (const Entry* e = find(entries, "opened"))
        if (auto date = read_date(r, *e, false))
            site.opened = *date;
    if (const Entry* e = find(entries, "announced"))
        if (auto date = read_date(r, *e, false))
            site.announced = *date;
    read_site_quantities(r, entries, site);
    read_place(r, entries, node, site);
    return site;
}

/// Ids must be unique; the error points at the second and names the first's line.
void check_unique_ids(Reader& r, const std::vector<Site>& sites,
                      const std::vector<SourcePos>& id_positions) {
    // A site without an id is known by its name (Site::key()) in layouts, warnings and
    // --layout-json, so names standing in for ids must be unique too.
    // key -> line, had an explicit id. Views of the sites' own keys, hashed: only looked up,
    // never iterated, so the order of the table reaches no output.
    std::unordered_map<std::string_view, std::pair<int, bool>> first;
    first.reserve(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const std::string& key = sites[i].key();
        if (key.empty())
            continue;
        const bool has_id = !sites[i].id.empty();
        const SourcePos& pos = has_id ? id_positions[i] : sites[i].pos;
        const auto [it, inserted] = first.emplace(key, std::make_pair(pos.line, has_id));
        if (inserted)
            continue;
        const std::string first_line = std::to_string(it->second.first);
        if (has_id && it->second.second)
            r.error(pos, "duplicate id '" + key + "'",
                    "first used on line " + first_line + "; ids must be unique within a file");
        else
            r.error(pos,
                    "two sites are both known as '" + key + "' (the other is on line " +
                        first_line + ")",
                    "give each site an id: (e.g. id: eu-central-1) so labels and --layout-json "
                    "can tell them apart");
    }
}

SourcePos id_position(Reader& r, const YamlValue& node) {
    if (!node.IsMap())
        return {};
    for (const auto& [key, value] : node.pairs())
        if (key.IsScalar() && key.Scalar() == "id")
            return r.pos(value);
    return {};
}

/// Reads the items of the sites list one by one as the parser hands them over (parse_yaml's
/// SiteSink), so the list is never held as a tree.
struct SiteCollector {
    Reader& r;
    SiteFile& file;
    std::vector<SourcePos> id_positions;

    void add(const YamlValue& node) {
        if (auto site = read_site(r, node)) {
            file.sites.push_back(std::move(*site));
            id_positions.push_back(id_position(r, node));
        }
    }
};

/// Runs a config/map_settings.hpp parser on an entry's text and records its error at the value.
template <typename Parse>
auto parse_setting(Reader& r, const Entry& e, const std::string& text, Parse&& parse)
    -> std::optional<Setting<decltype(parse(text))>> {
    try {
        return Setting<decltype(parse(text))>{parse(text), r.value_pos(e)};
    } catch (const InputError& error) {
        r.error(r.value_pos(e), error.message(), error.hint());
        return std::nullopt;
    }
}

/// A scalar as written, or a flow list [a, b, ...] joined with commas ("?" for a non-scalar).
std::optional<std::string> list_or_text(Reader& r, const Entry& e) {
    if (!r.expect_value(e))
        return std::nullopt;
    if (!e.value.IsSequence())
        return r.text(e);
    std::string text;
    for (const auto& item : e.value)
        text += (text.empty() ? "" : ",") + (item.IsScalar() ? item.Scalar() : std::string("?"));
    return text;
}

/// `insets:` a list of names, "W,S,E,N" boxes or auto (or one of them alone).
std::optional<Setting<std::vector<MapInset>>> read_insets(Reader& r, const Entry& e) {
    if (!r.expect_value(e))
        return std::nullopt;
    std::vector<const YamlValue*> items;
    if (e.value.IsSequence())
        for (const auto& item : e.value)
            items.push_back(&item);
    else
        items.push_back(&e.value);
    Setting<std::vector<MapInset>> out{{}, r.value_pos(e)};
    bool ok = true;
    for (const YamlValue* item_pointer : items) {
        const YamlValue& item = *item_pointer;
        std::string text;
        if (item.IsScalar()) {
            text = item.Scalar();
        } else if (item.IsSequence()) {
            for (const auto& v : item)
                text += (text.empty() ? "" : ",") + (v.IsScalar() ? v.Scalar() : "?");
        }
        try {
            out.value.push_back(parse_inset(text));
        } catch (const InputError& error) {
            r.error(r.pos(item), error.message(), error.hint());
            ok = false;
        }
    }
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<Setting<Length>> read_length(Reader& r, const Entry& e) {
    const auto text = r.text(e);
    if (!text)
        return std::nullopt;
    return parse_setting(r, e, *text, [&](const std::string& t) { return parse_length(t, e.key); });
}

void read_map_settings(Reader& r, const Entry& map_entry, MapSettings& map) {
    if (!r.expect_mapping(map_entry))
        return;
    const auto entries = r.entries(map_entry.value, kMapKeys, "map");
    if (const Entry* e = find(entries, "projection"))
        if (auto text = r.text(*e))
            map.projection = Setting<std::string>{*text, r.value_pos(*e)};
    if (const Entry* e = find(entries, "center"))
        if (auto text = list_or_text(r, *e))
            map.center =
                parse_setting(r, *e, *text, [](const std::string& t) { return parse_center(t); });
    if (const Entry* e = find(entries, "extent"))
        if (auto text = list_or_text(r, *e))
            map.extent =
                parse_setting(r, *e, *text, [](const std::string& t) { return parse_extent(t); });
    if (const Entry* e = find(entries, "style"))
        if (auto text = r.text(*e))
            map.style = Setting<std::string>{*text, r.value_pos(*e)};
    if (const Entry* e = find(entries, "width"))
        map.width = read_length(r, *e);
    if (const Entry* e = find(entries, "height"))
        map.height = read_length(r, *e);
    if (const Entry* e = find(entries, "dpi"))
        if (const auto value = r.number(*e, "dpi: 300"))
            map.dpi = parse_setting(r, *e, e->value.Scalar(),
                                    [&](const std::string&) { return check_dpi(*value); });
    if (const Entry* e = find(entries, "size"))
        if (auto text = r.text(*e))
            map.size =
                parse_setting(r, *e, *text, [](const std::string& t) { return parse_size(t); });
    if (const Entry* e = find(entries, "insets"))
        map.insets = read_insets(r, *e);
    if (const Entry* e = find(entries, "detail"))
        if (auto text = r.text(*e))
            map.detail =
                parse_setting(r, *e, *text, [](const std::string& t) { return parse_detail(t); });
    if (const Entry* e = find(entries, "markers"))
        if (auto text = r.text(*e))
            map.markers =
                parse_setting(r, *e, *text, [](const std::string& t) { return parse_markers(t); });
    if (const Entry* e = find(entries, "labels"))
        if (auto text = r.text(*e))
            map.labels =
                parse_setting(r, *e, *text, [](const std::string& t) { return parse_labels(t); });
    if (const Entry* e = find(entries, "key"))
        if (auto text = r.text(*e))
            map.key =
                parse_setting(r, *e, *text, [](const std::string& t) { return parse_key(t); });
}

/// `layers:` a list of {file, layer, color, fill, width, radius, draw: under|over}.
void read_layers(Reader& r, const Entry& e, SiteFile& file) {
    if (!e.value.IsSequence()) {
        r.error(r.value_pos(e), "layers must be a list",
                "write each layer as \"- file: cables.geojson\" indented below layers:");
        return;
    }
    for (const auto& item : e.value) {
        if (!item.IsMap()) {
            r.error(r.pos(item),
                    "a layer must be a mapping with file:", "write \"- file: cables.geojson\"");
            continue;
        }
        const auto entries = r.entries(item, kLayerKeys, "layer");
        LayerRequest layer;
        layer.pos = r.pos(item);
        const Entry* path = find(entries, "file");
        if (!path) {
            r.error(r.pos(item), "a layer needs file:", "name a GeoJSON, GeoPackage, Shapefile...");
            continue;
        }
        if (auto text = r.text(*path)) {
            layer.path = *text;
            layer.pos = r.value_pos(*path);
        }
        if (const Entry* x = find(entries, "layer"))
            if (auto text = r.text(*x))
                layer.layer = *text;
        if (const Entry* x = find(entries, "color"))
            if (auto color = r.color(*x))
                layer.style.stroke = *color;
        if (const Entry* x = find(entries, "fill"))
            if (auto color = r.color(*x))
                layer.style.fill = *color;
        const auto size = [&](const char* key, double max, double& target) {
            if (const Entry* x = find(entries, key))
                if (auto value = r.number(*x, std::string(key) + ": 1.5")) {
                    if (*value > 0 && *value <= max)
                        target = *value;
                    else
                        r.error(r.value_pos(*x),
                                std::string(key) + " must be more than 0 and at most " +
                                    std::to_string(static_cast<int>(max)) + " pixels");
                }
        };
        size("width", 50, layer.style.width);
        size("radius", 50, layer.style.point_radius);
        if (const Entry* x = find(entries, "draw"))
            if (auto where = r.choice(*x, {"under", "over"}))
                layer.style.over_sites = *where == "over";
        if (!layer.path.empty())
            file.layers.push_back(std::move(layer));
    }
}

const char* kNoSitesHint =
    "list sites as \"- name: Hangzhou\" entries, or under a sites: key with title: and source:";

/// The mapping form: metadata keys plus `sites:`.
void read_file_mapping(Reader& r, const YamlValue& root, SiteFile& file) {
    const auto entries = r.entries(root, kFileKeys, "the file");
    const std::pair<const char*, std::string*> texts[] = {
        {"title", &file.title}, {"subtitle", &file.subtitle}, {"source", &file.source}};
    for (const auto& [key, target] : texts)
        if (const Entry* e = find(entries, key))
            if (auto value = r.text(*e))
                *target = *value;
    if (const Entry* e = find(entries, "as_of"))
        if (auto date = read_date(r, *e, true))
            file.as_of = *date;
    if (const Entry* e = find(entries, "map"))
        read_map_settings(r, *e, file.map);
    if (const Entry* e = find(entries, "catalogue")) {
        if (auto value = r.text(*e)) {
            file.catalogue = *value;
            file.catalogue_pos = r.value_pos(*e);
        }
    }
    if (const Entry* e = find(entries, "layers"))
        read_layers(r, *e, file);
    // No sites (no sites: key, `sites:` left empty or `sites: []`) is a base map alone; the
    // commands that draw or check it say so.
    const Entry* sites = find(entries, "sites");
    if (!sites || sites->value.IsNull() || (sites->value.IsSequence() && sites->value.size() == 0))
        return;
    if (!sites->value.IsSequence())
        r.error(r.value_pos(*sites), "sites must be a list of sites",
                "write each site as \"- name: ...\" indented below sites:");
    // The list's items were read as the parser streamed them (SiteCollector).
}

/// The whole file in one parse: every problem reported, in order of position.
SiteFile parse_whole(std::string_view yaml_text, const std::string& path) {
    Reader r(path);
    SiteFile file;
    file.path = path;
    SiteCollector sites{r, file, {}};
    const detail::SiteSink sink = [&sites](const YamlValue& item) { sites.add(item); };
    const YamlValue root = detail::parse_yaml(yaml_text, path, &sink);
    check_unique_ids(r, file.sites, sites.id_positions);
    // NOLINTNEXTLINE(bugprone-branch-clone): an empty branch per shape says what each one means.
    if (root.IsSequence()) {
        // Read as they were parsed; an empty list, like an empty file, is a base map alone.
    } else if (root.IsMap()) {
        read_file_mapping(r, root, file);
    } else if (root.IsNull()) {
        // Nothing but comments: a base map without sites.
    } else {
        r.error(r.pos(root), "expected a list of sites or a mapping with sites:, not plain text",
                kNoSitesHint);
    }
    r.throw_if_errors();
    return file;
}

/// Files this long (about 4,000 sites) are read in parts, one per core, when they can be.
constexpr std::size_t kPartsFromBytes = 256 * 1024;

/// The lines of a text, each without its line end ("\n" or "\r\n"), with their byte offsets.
struct Line {
    std::size_t begin = 0; ///< offset of the line's first byte
    std::string_view text;
};

bool blank_or_comment(std::string_view line) {
    const auto first = line.find_first_not_of(' ');
    return first == std::string_view::npos || line[first] == '#';
}

/// A sequence entry at exactly `indent` spaces: "- ..." or a lone "-".
bool item_at(std::string_view line, std::size_t indent) {
    return line.size() > indent && line.find_first_not_of(' ') == indent && line[indent] == '-' &&
           (line.size() == indent + 1 || line[indent + 1] == ' ');
}

/// A carriage return not followed by a line feed: a part without any "\n" would read it as a
/// line end (parse_yaml's CR-only files) where the whole file does not.
bool cr_alone(std::string_view text) {
    for (std::size_t at = text.find('\r'); at != std::string_view::npos;
         at = text.find('\r', at + 1))
        if (at + 1 == text.size() || text[at + 1] != '\n')
            return true;
    return false;
}

} // namespace

namespace detail {

std::optional<SiteListParts> split_site_list(std::string_view text, std::size_t parts) {
    // What makes a part mean something else alone than in the whole file is refused: aliases
    // (an anchor may sit in another part), directives and document markers, UTF-16/32, tabs
    // and CR-only line ends (a line test below could misread them).
    if (parts < 2 || text.empty() || text.find('\n') == std::string_view::npos || cr_alone(text) ||
        text.find('*') != std::string_view::npos || text.find('\t') != std::string_view::npos ||
        read_as_utf16_or_32(text))
        return std::nullopt;
    std::vector<Line> lines;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        end = end == std::string_view::npos ? text.size() : end;
        if (end > at && text[end - 1] == '\r')
            --end;
        const std::string_view line = text.substr(at, end - at);
        if (line.rfind("---", 0) == 0 || line.rfind("...", 0) == 0 || line.rfind('%', 0) == 0)
            return std::nullopt;
        lines.push_back({at, line});
        at = next;
    }
    // The list: the root list, or the value of a root `sites:` key written alone on its line.
    std::size_t first = 0;
    while (first < lines.size() && blank_or_comment(lines[first].text))
        ++first;
    if (first == lines.size())
        return std::nullopt;
    int sites_line = -1;
    if (!item_at(lines[first].text, 0)) {
        const auto is_sites_key = [](std::string_view line) {
            if (line.rfind("sites:", 0) != 0)
                return false;
            return blank_or_comment(line.substr(6));
        };
        while (first < lines.size() && !is_sites_key(lines[first].text))
            ++first;
        if (first == lines.size())
            return std::nullopt;
        sites_line = static_cast<int>(first);
        for (++first; first < lines.size() && blank_or_comment(lines[first].text);)
            ++first;
        if (first >= lines.size())
            return std::nullopt;
    }
    const std::size_t indent = lines[first].text.find_first_not_of(' ');
    if (indent == std::string_view::npos || !item_at(lines[first].text, indent))
        return std::nullopt;
    // Every entry of the list starts a line at its indent with "- "; anything less indented
    // ends the list, which must then be the end of the file.
    std::vector<std::size_t> items{first};
    std::size_t end = lines.size();
    for (std::size_t i = first + 1; i < lines.size(); ++i) {
        const std::string_view line = lines[i].text;
        if (blank_or_comment(line))
            continue;
        const std::size_t ind = line.find_first_not_of(' ');
        if (ind > indent)
            continue;
        if (ind == indent && item_at(line, indent)) {
            items.push_back(i);
            continue;
        }
        end = i;
        break;
    }
    for (std::size_t i = end; i < lines.size(); ++i)
        if (!blank_or_comment(lines[i].text))
            return std::nullopt;
    // Parts of about equal size, each starting at an entry.
    SiteListParts split;
    split.sites_line = sites_line;
    split.list_begin = lines[first].begin;
    const std::size_t list_bytes = text.size() - split.list_begin;
    std::size_t item = 0;
    for (std::size_t k = 0; k < parts; ++k) {
        const std::size_t target = split.list_begin + list_bytes * k / parts;
        while (item < items.size() && lines[items[item]].begin < target)
            ++item;
        if (item == items.size())
            break;
        if (!split.begins.empty() && split.begins.back() == lines[items[item]].begin)
            continue;
        split.begins.push_back(lines[items[item]].begin);
        split.first_lines.push_back(static_cast<int>(items[item]));
    }
    if (split.begins.size() < 2)
        return std::nullopt;
    return split;
}

std::optional<SiteFile> parse_site_file_in_parts(std::string_view yaml_text,
                                                 const std::string& path, std::size_t parts) {
    const auto split = split_site_list(yaml_text, parts);
    if (!split)
        return std::nullopt;
    struct Part {
        std::vector<Site> sites;
        std::vector<SourcePos> id_positions;
        bool read = false;
    };
    std::vector<Part> read(split->begins.size());
    const auto read_part = [&](std::size_t k) {
        try {
            const std::size_t begin = split->begins[k];
            const std::size_t end =
                k + 1 < split->begins.size() ? split->begins[k + 1] : yaml_text.size();
            Reader r(path);
            SiteFile part;
            // At most a site a line, reserved untouched: growing the list moved every site
            // read so far, each time.
            const std::string_view text = yaml_text.substr(begin, end - begin);
            io::reserve_on_huge_pages(
                part.sites,
                static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
            SiteCollector sites{r, part, {}};
            const detail::SiteSink sink = [&sites](const YamlValue& item) { sites.add(item); };
            const YamlValue root = detail::parse_yaml(text, path, &sink, split->first_lines[k]);
            if (root.IsSequence() && !r.has_errors())
                read[k] = {std::move(part.sites), std::move(sites.id_positions), true};
        } catch (...) { // reported by reading the whole file again
        }
    };
    io::run_tasks(read.size(), read.size(), read_part);
    if (!std::all_of(read.begin(), read.end(), [](const Part& p) { return p.read; }))
        return std::nullopt;

    // What comes before the list (title:, map:, ... and `sites:` with no value yet), then the
    // sites in file order, checked as the whole file's parse checks them.
    Reader r(path);
    SiteFile file;
    file.path = path;
    std::vector<SourcePos> id_positions;
    std::size_t total = 0;
    for (const Part& part : read)
        total += part.sites.size();
    // Sized once, and each part freed as it is moved: never two copies of the list at once.
    io::reserve_on_huge_pages(file.sites, total);
    id_positions.reserve(total);
    for (Part& part : read) {
        file.sites.insert(file.sites.end(), std::make_move_iterator(part.sites.begin()),
                          std::make_move_iterator(part.sites.end()));
        id_positions.insert(id_positions.end(), part.id_positions.begin(), part.id_positions.end());
        std::vector<Site>().swap(part.sites);
        std::vector<SourcePos>().swap(part.id_positions);
    }
    try {
        // Brackets are counted over the whole text, as the whole read counts them.
        detail::check_flow_depth(yaml_text, path);
        const YamlValue root = detail::parse_yaml(yaml_text.substr(0, split->list_begin), path);
        // The text before the list must end in the very `sites:` key the cut was made after
        // (not, say, one inside a quoted title), with no value yet; a root list has nothing
        // before it.
        if (split->sites_line < 0) {
            if (!root.IsNull())
                return std::nullopt;
        } else {
            if (!root.IsMap() || root.pairs().empty())
                return std::nullopt;
            const auto& [key, value] = root.pairs().back();
            if (!key.IsScalar() || key.Scalar() != "sites" || !value.IsNull() ||
                key.Mark().line != split->sites_line || key.Mark().column != 0)
                return std::nullopt;
        }
        check_unique_ids(r, file.sites, id_positions);
        if (root.IsMap())
            read_file_mapping(r, root, file);
    } catch (const Error&) {
        return std::nullopt;
    }
    if (r.has_errors())
        return std::nullopt;
    return file;
}

} // namespace detail

SiteFile parse_site_file(std::string_view yaml_text, const std::string& path) {
    // A long list is read in parts on every core. Any problem, or a file whose parts could
    // mean something else alone, is read whole, which reports every problem in order.
    if (yaml_text.size() >= kPartsFromBytes) {
        if (const std::size_t cores = io::cores(); cores > 1)
            if (auto file = detail::parse_site_file_in_parts(yaml_text, path, cores))
                return std::move(*file);
    }
    return parse_whole(yaml_text, path);
}

SiteFile load_site_file(const std::string& path) {
    const std::string text = io::read_input_file(path, limits::site_file_bytes, "site file");
    SiteFile file = parse_site_file(text, path);
    // A catalogue named in the file is relative to the file, like the style.
    if (!file.catalogue.empty() && std::filesystem::path(file.catalogue).is_relative())
        file.catalogue = (std::filesystem::path(path).parent_path() / file.catalogue)
                             .lexically_normal()
                             .string();
    // Layers too are relative to the file.
    for (auto& layer : file.layers)
        if (std::filesystem::path(layer.path).is_relative())
            layer.path = (std::filesystem::path(path).parent_path() / layer.path)
                             .lexically_normal()
                             .string();
    // A style named in the file is relative to the file, like an include, not to the shell.
    if (file.map.style && !is_builtin_style(file.map.style->value)) {
        const std::filesystem::path style(file.map.style->value);
        if (style.is_relative())
            file.map.style->value =
                (std::filesystem::path(path).parent_path() / style).lexically_normal().string();
    }
    return file;
}

} // namespace dcmap::config
