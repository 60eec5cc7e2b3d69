#include "render/svg_markup.hpp"

#include "model/error.hpp"
#include "render/encode.hpp"
#include "render/handles.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace dcmap::render::detail {
namespace {

// The sentinel's colour, and the text Cairo 1.16 writes for it into the fill (percentages with
// trailing zeros trimmed). No style can ask for it: colours in styles are 8 bits a channel, and
// 1.23 % is not a multiple of 1/255.
constexpr Color kSentinelColor{0.0123, 0.0456, 0.0789, 1};
constexpr std::string_view kSentinelFill = "fill:rgb(1.23%,4.56%,7.89%)";
constexpr double kSentinelSide = 0.1;

// Tooltips stay readable, and a hostile file cannot make one huge.
constexpr std::size_t kMaxLine = 100;
constexpr std::size_t kMaxMembersListed = 12;

/// `text` cut to at most `limit` bytes at a UTF-8 character boundary, with "…" when cut.
std::string bounded(const std::string& text, std::size_t limit) {
    if (text.size() <= limit)
        return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end) + "\u2026";
}

/// Markup text: XML-escaped, and '#' as a character reference too, so that no later pass over
/// the SVG (id prefixes, Cairo's surface ids) can take a site's name for a reference.
std::string markup_text(const std::string& text) {
    std::string out;
    for (char c : xml_escape(text)) {
        if (c == '#')
            out += "&#35;";
        else
            out += c;
    }
    return out;
}

/// A number with at most two decimals: "12", "3.5", "-0.25".
std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
    std::string s = buf;
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

/// "#rrggbb", and ";NAME-opacity:A" appended to `style` when the colour is translucent.
std::string colour(Color c, const char* name, std::string& style) {
    auto channel = [](double v) {
        return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
    std::string out = std::string(name) + ":" + buf;
    if (c.a < 1)
        out += std::string(";") + name + "-opacity:" + number(std::clamp(c.a, 0.0, 1.0));
    style += out;
    return out;
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

std::string site_line(const std::string& id, const std::map<std::string, SiteSummary>& sites) {
    const auto found = sites.find(id);
    if (found == sites.end())
        return bounded(id, kMaxLine);
    const SiteSummary& s = found->second;
    std::string detail = s.provider.empty() ? "" : s.provider + ", ";
    return bounded(s.name + " (" + detail + to_string(s.status) + ")", kMaxLine);
}

/// The point the sentinel goes at: `wanted` when it lies well inside the current clip, else
/// the clip's centre (Cairo drops a drawing that falls outside the clip, and the sentinel must
/// not be dropped). False when everything is clipped away: then nothing shows and nothing is
/// recorded.
bool sentinel_point(cairo_t* cr, Point wanted, Point& at) {
    double x1, y1, x2, y2;
    cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
    if (!(x2 - x1 > 2 * kSentinelSide && y2 - y1 > 2 * kSentinelSide))
        return false;
    const double margin = std::min({1.0, (x2 - x1) / 4, (y2 - y1) / 4});
    const bool inside = std::isfinite(wanted.x) && std::isfinite(wanted.y) &&
                        wanted.x > x1 + margin && wanted.x < x2 - margin &&
                        wanted.y > y1 + margin && wanted.y < y2 - margin;
    at = inside ? wanted : Point{(x1 + x2) / 2, (y1 + y2) / 2};
    return true;
}

} // namespace

std::string marker_tooltip(const std::string& id, const std::map<std::string, SiteSummary>& sites) {
    const auto found = sites.find(id);
    if (found == sites.end())
        return bounded(id, kMaxLine);
    const SiteSummary& s = found->second;
    std::string out = bounded(s.name, kMaxLine);
    out += '\n';
    if (!s.provider.empty())
        out += bounded(s.provider, kMaxLine) + " \u00b7 ";
    out += to_string(s.status);
    if (!s.place.empty())
        out += '\n' + bounded(s.place, kMaxLine);
    return out;
}

std::string aggregate_tooltip(const AggregateLayout& aggregate,
                              const std::map<std::string, SiteSummary>& sites) {
    const std::size_t n = aggregate.members.size();
    std::string out = std::to_string(n) + (n == 1 ? " site" : " sites");
    const std::size_t listed = n > kMaxMembersListed ? kMaxMembersListed - 1 : n;
    for (std::size_t i = 0; i < listed; ++i)
        out += '\n' + site_line(aggregate.members[i], sites);
    if (listed < n)
        out += "\nand " + std::to_string(n - listed) + " more";
    return out;
}

std::string css_font_family(const std::string& families) {
    // Fonts drawn with the same advance widths, so text laid out for the first family keeps its
    // length in a viewer that lacks it.
    static const std::map<std::string, std::vector<std::string>> look_alikes = {
        {"DejaVu Sans", {"Bitstream Vera Sans", "Verdana"}},
        {"DejaVu Serif", {"Bitstream Vera Serif"}},
        {"DejaVu Sans Mono", {"Bitstream Vera Sans Mono"}},
    };
    std::vector<std::string> names;
    std::string_view rest(families);
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        std::string name;
        // Only characters that are safe inside a quoted CSS name in an XML attribute.
        for (char c : trimmed(rest.substr(0, comma)))
            if (c != '\'' && c != '"' && c != '\\' && c != ';' && c != '<' && c != '>' &&
                c != '&' && static_cast<unsigned char>(c) >= 0x20)
                name += c;
        if (!name.empty())
            names.push_back(name);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    if (!names.empty()) {
        const auto alike = look_alikes.find(names.front());
        if (alike != look_alikes.end())
            names.insert(names.begin() + 1, alike->second.begin(), alike->second.end());
    }
    std::string generic = "sans-serif";
    for (const auto& name : names) {
        if (name.find("Mono") != std::string::npos)
            generic = "monospace";
        else if (name.find("Serif") != std::string::npos && name.find("Sans") == std::string::npos)
            generic = "serif";
    }
    std::string out;
    bool has_generic = false;
    for (const auto& name : names) {
        const bool is_generic = name == "sans-serif" || name == "serif" || name == "monospace";
        has_generic = has_generic || is_generic;
        out += (out.empty() ? "" : ",") + (is_generic ? name : "'" + name + "'");
    }
    if (!has_generic)
        out += (out.empty() ? "" : ",") + generic;
    return out;
}

SvgMarkup::SvgMarkup(SvgText text, const std::map<std::string, SiteSummary>& sites)
    : text_(text), sites_(sites) {}

void SvgMarkup::record(cairo_t* cr, Point wanted, std::string piece) {
    Point at;
    if (!sentinel_point(cr, wanted, at))
        return;
    pieces_.push_back(std::move(piece));
    // The path being built, if any, survives the sentinel.
    const CairoPathPtr pending(cairo_copy_path(cr));
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_set_source_rgba(cr, kSentinelColor.r, kSentinelColor.g, kSentinelColor.b,
                          kSentinelColor.a);
    cairo_rectangle(cr, at.x, at.y, kSentinelSide, kSentinelSide);
    cairo_fill(cr);
    cairo_restore(cr);
    cairo_append_path(cr, pending.get());
}

void SvgMarkup::begin_marker(cairo_t* cr, const MarkerLayout& marker) {
    record(cr, {marker.x, marker.y},
           "<g class=\"dcmap-site\"><title>" + markup_text(marker_tooltip(marker.id, sites_)) +
               "</title>\n");
}

void SvgMarkup::begin_aggregate(cairo_t* cr, const AggregateLayout& aggregate) {
    record(cr, {aggregate.x, aggregate.y},
           "<g class=\"dcmap-aggregate\"><title>" +
               markup_text(aggregate_tooltip(aggregate, sites_)) + "</title>\n");
}

void SvgMarkup::end_group(cairo_t* cr, Point at) { record(cr, at, "</g>\n"); }

void SvgMarkup::add_text(cairo_t* cr, PangoLayout* layout, Point top_left, const FontSpec& font,
                         Color color, Color halo, double halo_width) {
    std::string style =
        "font-family:" + css_font_family(font.family) + ";font-size:" + number(font.size) + "px";
    if (font.weight != 400)
        style += ";font-weight:" + std::to_string(font.weight);
    if (font.italic)
        style += ";font-style:italic";
    style += ';';
    colour(color, "fill", style);
    const bool haloed = halo_width > 0 && halo.a > 0;
    if (haloed) {
        // The glyph drawing strokes the outline twice the halo's width and fills over it.
        style += ';';
        colour(halo, "stroke", style);
        style +=
            ";stroke-width:" + number(2 * halo_width) + ";stroke-linejoin:round;paint-order:stroke";
    }
    const char* text = pango_layout_get_text(layout);
    const PangoAlignment align = pango_layout_get_alignment(layout);
    std::string piece;
    const LayoutIterPtr owner(pango_layout_get_iter(layout));
    PangoLayoutIter* iter = owner.get();
    do {
        const PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
        const std::string content(text + line->start_index, static_cast<std::size_t>(line->length));
        if (trimmed(content).empty())
            continue;
        PangoRectangle logical{};
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        const double left = top_left.x + static_cast<double>(logical.x) / PANGO_SCALE;
        const double width = static_cast<double>(logical.width) / PANGO_SCALE;
        const double baseline =
            top_left.y + static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
        // Anchored on the side the line is aligned to, so that in a viewer whose fonts run
        // narrower or wider the line still faces its marker.
        const char* anchor = align == PANGO_ALIGN_RIGHT    ? "end"
                             : align == PANGO_ALIGN_CENTER ? "middle"
                                                           : nullptr;
        const double x = align == PANGO_ALIGN_RIGHT    ? left + width
                         : align == PANGO_ALIGN_CENTER ? left + width / 2
                                                       : left;
        piece += "<text x=\"" + number(x) + "\" y=\"" + number(baseline) + "\"";
        if (anchor)
            piece += std::string(" text-anchor=\"") + anchor + "\"";
        // Text without a halo is spaced out to the width Pango measured, so a legend row
        // stays inside its panel in any font. Not haloed text: Chromium then paints glyph by
        // glyph, each one's halo over its neighbour's fill.
        if (!haloed)
            piece += " textLength=\"" + number(width) + "\" lengthAdjust=\"spacing\"";
        // Runs of spaces (the key's "3  Frankfurt") are kept as Pango drew them.
        if (content.find("  ") != std::string::npos || content.front() == ' ' ||
            content.back() == ' ')
            piece += " xml:space=\"preserve\"";
        piece += " style=\"" + style + "\">" + markup_text(content) + "</text>\n";
    } while (pango_layout_iter_next_line(iter));
    if (!piece.empty())
        record(cr, top_left, std::move(piece));
}

std::string SvgMarkup::with_markup(const std::string& svg) const {
    std::string out;
    out.reserve(svg.size() + pieces_.size() * 64);
    std::size_t copied = 0, used = 0;
    for (std::size_t at = svg.find(kSentinelFill); at != std::string::npos;
         at = svg.find(kSentinelFill, at + 1)) {
        const std::size_t begin = svg.rfind("<path", at);
        std::size_t end = svg.find("/>", at);
        if (begin == std::string::npos || end == std::string::npos || begin < copied ||
            used == pieces_.size())
            throw Error("cannot write the SVG: a marker or text position was lost (please "
                        "report this map)");
        end += 2;
        if (end < svg.size() && svg[end] == '\n')
            ++end;
        out.append(svg, copied, begin - copied);
        out += pieces_[used++];
        copied = end;
        at = end - 1;
    }
    if (used != pieces_.size())
        throw Error("cannot write the SVG: " + std::to_string(pieces_.size() - used) +
                    " marker or text position(s) lost (please report this map)");
    out.append(svg, copied, std::string::npos);
    return out;
}

} // namespace dcmap::render::detail
