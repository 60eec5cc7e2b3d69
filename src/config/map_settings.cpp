#include "config/map_settings.hpp"

#include "config/yaml_reader.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"
#include "model/named_areas.hpp"

#include <cmath>
#include <locale>
#include <sstream>
#include <vector>

namespace dcmap::config {

namespace {

std::vector<std::string_view> split(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        parts.push_back(
            text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
        if (comma == std::string_view::npos)
            return parts;
        start = comma + 1;
    }
}

/// The four numbers of "W,S,E,N" with south below north, or nullopt.
std::optional<LonLatBox> parse_box(std::string_view text, bool allow_equal_lons) {
    const auto parts = split(text);
    if (parts.size() != 4)
        return std::nullopt;
    double v[4];
    for (std::size_t i = 0; i < 4; ++i) {
        const auto value = detail::parse_number(parts[i]);
        if (!value)
            return std::nullopt;
        v[i] = *value;
    }
    const bool ok = std::abs(v[0]) <= 180 && std::abs(v[2]) <= 180 && v[1] >= -90 && v[3] <= 90 &&
                    v[1] < v[3] && (allow_equal_lons || v[0] != v[2]);
    if (!ok)
        return std::nullopt;
    return LonLatBox{v[0], v[1], v[2], v[3]};
}

std::string degrees(double value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(15);
    out << value;
    return out.str();
}

std::string box_text(const LonLatBox& b) {
    return degrees(b.west) + "," + degrees(b.south) + "," + degrees(b.east) + "," +
           degrees(b.north);
}

} // namespace

MapCenter parse_center(std::string_view text) {
    const auto parts = split(text);
    bool ok = parts.size() <= 2;
    MapCenter center;
    for (std::size_t i = 0; ok && i < parts.size(); ++i) {
        const auto value = detail::parse_number(parts[i]);
        const double limit = i == 0 ? 180 : 90;
        ok = value && *value >= -limit && *value <= limit;
        if (ok && i == 0)
            center.lon = *value;
        else if (ok)
            center.lat = *value;
    }
    if (!ok)
        throw InputError({}, "center must be a longitude, \"LON,LAT\" or [lon, lat] in degrees",
                         "e.g. center: 105 or center: \"105,35\"");
    return center;
}

MapExtent parse_extent(std::string_view text) {
    MapExtent extent;
    if (text == "world")
        return extent;
    if (text == "auto") {
        extent.kind = MapExtent::Kind::fit_sites;
        return extent;
    }
    if (find_named_extent(text)) {
        extent.kind = MapExtent::Kind::named;
        extent.name = std::string(text);
        return extent;
    }
    // W == E is a full turn of longitude, which compute_view reads as "all longitudes".
    if (auto box = parse_box(text, true)) {
        extent.kind = MapExtent::Kind::box;
        extent.box = *box;
        return extent;
    }
    throw InputError({}, "extent must be world, auto, a name or \"W,S,E,N\" in degrees",
                     "names: " + named_area_list() +
                         "; a box is e.g. \"60,-15,150,55\" (south below north)");
}

MapInset parse_inset(std::string_view text) {
    MapInset inset;
    if (text == "auto")
        return inset;
    if (find_inset_area(text) || find_named_extent(text)) {
        inset.kind = MapInset::Kind::named;
        inset.name = std::string(text);
        return inset;
    }
    if (auto box = parse_box(text, false)) {
        inset.kind = MapInset::Kind::box;
        inset.box = *box;
        return inset;
    }
    throw InputError({}, "inset must be auto, a name or \"W,S,E,N\" in degrees",
                     "names: " + named_area_list() + "; a box is e.g. \"-11,35,30,62\"");
}

MapDetail parse_detail(std::string_view text) {
    if (text == "auto")
        return MapDetail::by_scale;
    if (text == "low")
        return MapDetail::low;
    if (text == "medium")
        return MapDetail::medium;
    throw InputError({}, "detail must be auto, low or medium",
                     "low is Natural Earth 1:110m, medium 1:50m; auto picks by the map's scale");
}

namespace {

/// `text` when it is one of `choices`, else an InputError "KEY must be a, b or c; HINT".
std::string parse_choice(std::string_view text, const std::string& key,
                         const std::vector<std::string>& choices, const std::string& hint) {
    for (const auto& choice : choices)
        if (text == choice)
            return choice;
    std::string list;
    for (std::size_t i = 0; i < choices.size(); ++i)
        list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    throw InputError({}, key + " must be " + list, hint);
}

} // namespace

std::string parse_markers(std::string_view text) {
    return parse_choice(text, "markers", {"auto", "sites", "clusters", "density"},
                        "sites draws one marker per site, clusters counted markers, density a "
                        "hexagon surface; auto chooses by how crowded it is");
}

std::string parse_labels(std::string_view text) {
    return parse_choice(text, "labels", {"auto", "name", "place"},
                        "name shows each site's name, place the town it is in; auto shows the "
                        "name unless it is long");
}

std::string parse_key(std::string_view text) {
    return parse_choice(text, "key", {"auto", "always", "never"},
                        "the key numbers and lists sites whose label finds no room");
}

int check_canvas_side(double pixels, const std::string& key) {
    if (!(pixels >= limits::canvas_side_min && pixels <= limits::canvas_side_max) ||
        pixels != std::floor(pixels))
        throw InputError({},
                         key + " must be a whole number of pixels from " +
                             std::to_string(limits::canvas_side_min) + " to " +
                             std::to_string(limits::canvas_side_max),
                         "e.g. " + key + ": 2400; use --scale for a denser image");
    return static_cast<int>(pixels);
}

Length parse_length(std::string_view text, const std::string& key) {
    const auto unit_start = text.find_first_not_of("0123456789.+-eE ");
    std::string_view number = text.substr(0, unit_start);
    std::string_view unit = unit_start == std::string_view::npos ? "" : text.substr(unit_start);
    while (!number.empty() && number.back() == ' ')
        number.remove_suffix(1);
    const std::string hint = "e.g. " + key + ": 2400 (pixels), 16cm, 160mm, 6.5in or 460pt";
    Length length;
    if (unit.empty() || unit == "px")
        length.unit = LengthUnit::px;
    else if (unit == "mm")
        length.unit = LengthUnit::mm;
    else if (unit == "cm")
        length.unit = LengthUnit::cm;
    else if (unit == "in")
        length.unit = LengthUnit::in;
    else if (unit == "pt")
        length.unit = LengthUnit::pt;
    else
        throw InputError({}, key + " has an unknown unit \"" + std::string(unit) + "\"", hint);
    const auto value = detail::parse_number(number);
    if (!value)
        throw InputError({}, key + " must be a number with an optional unit", hint);
    length.value = *value;
    if (length.unit == LengthUnit::px) {
        check_canvas_side(length.value, key);
        return length;
    }
    const double css_pixels = length.value * inches_per(length.unit) * 96;
    if (!(css_pixels >= limits::canvas_side_min && css_pixels <= limits::canvas_side_max))
        throw InputError({}, key + " " + std::string(text) + " is outside the canvas limits", hint);
    return length;
}

double check_dpi(double dpi) {
    if (!(std::isfinite(dpi) && dpi >= 10 && dpi <= 2400))
        throw InputError({}, "dpi must be a number from 10 to 2400",
                         "e.g. dpi: 300 for print, 96 for screens");
    return dpi;
}

double parse_dpi(std::string_view text) {
    const auto value = detail::parse_number(text);
    return check_dpi(value ? *value : std::nan(""));
}

std::string parse_size(std::string_view text) {
    return parse_choice(text, "size", {"report", "slide", "web", "poster"},
                        "report is 16 cm at 300 dpi, slide 1280 x 720 px, web 720 px wide, "
                        "poster 59.4 cm at 150 dpi");
}

SizePreset size_preset(const std::string& name) {
    if (name == "report")
        return {{16, LengthUnit::cm}, std::nullopt, 300};
    if (name == "slide")
        return {{1280, LengthUnit::px}, Length{720, LengthUnit::px}, 96};
    if (name == "poster")
        return {{59.4, LengthUnit::cm}, std::nullopt, 150};
    return {{720, LengthUnit::px}, std::nullopt, 96};
}

PageSize page_size(const MapSettings& map, double scale) {
    std::optional<Length> width, height;
    std::optional<double> dpi;
    if (map.size) {
        const SizePreset preset = size_preset(map.size->value);
        width = preset.width;
        height = preset.height;
        dpi = preset.dpi;
    }
    // A side given explicitly replaces the preset's pair, as width and height travel together.
    if (map.width || map.height) {
        width = map.width ? std::optional<Length>(map.width->value) : std::nullopt;
        height = map.height ? std::optional<Length>(map.height->value) : std::nullopt;
    }
    const auto physical = [](const std::optional<Length>& l) {
        return l && l->unit != LengthUnit::px;
    };
    PageSize page;
    page.unit = width ? width->unit : height ? height->unit : LengthUnit::px;
    if (map.dpi)
        dpi = map.dpi->value;
    else if (!map.size)
        dpi = physical(width) || physical(height) ? 300.0 : 96.0;
    const double css_per_output = 96 / *dpi;
    page.scale = scale / css_per_output;
    page.pixels_per_inch = *dpi * scale;
    const auto css = [&](const std::optional<Length>& l) {
        if (!l)
            return 0.0;
        if (l->unit == LengthUnit::px)
            return l->value * css_per_output;
        return l->value * inches_per(l->unit) * 96;
    };
    page.width = css(width);
    page.height = css(height);
    return page;
}

std::string to_text(const MapCenter& center) {
    std::string text = degrees(center.lon);
    if (center.lat) {
        text += ',';
        text += degrees(*center.lat);
    }
    return text;
}

std::string to_text(const MapExtent& extent) {
    switch (extent.kind) {
    case MapExtent::Kind::world:
        return "world";
    case MapExtent::Kind::fit_sites:
        return "auto";
    case MapExtent::Kind::named:
        return extent.name;
    case MapExtent::Kind::box:
        return box_text(extent.box);
    }
    return "world";
}

std::string to_text(const MapInset& inset) {
    switch (inset.kind) {
    case MapInset::Kind::automatic:
        return "auto";
    case MapInset::Kind::named:
        return inset.name;
    case MapInset::Kind::box:
        return box_text(inset.box);
    }
    return "auto";
}

} // namespace dcmap::config
