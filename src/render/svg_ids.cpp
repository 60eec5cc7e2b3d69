#include "render/svg_ids.hpp"

#include "model/error.hpp"
#include "render/encode.hpp"

#include <cstdint>
#include <cstdio>
#include <set>
#include <string_view>

namespace dcmap::render::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) {
    return is_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

/// FNV-1a, 32 bits: stable across runs, platforms and compilers, unlike std::hash.
std::uint32_t fnv1a(std::string_view bytes) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

/// The forms in which Cairo's SVG names an id; each is followed by the id itself.
constexpr std::string_view kDefinition = " id=\"";
constexpr std::string_view kReferences[] = {"url(#", "href=\"#"};

/// Every value of an id attribute in the document.
std::set<std::string, std::less<>> defined_ids(const std::string& svg) {
    std::set<std::string, std::less<>> ids;
    for (std::size_t at = svg.find(kDefinition); at != std::string::npos;
         at = svg.find(kDefinition, at + 1)) {
        const std::size_t start = at + kDefinition.size();
        const std::size_t end = svg.find('"', start);
        if (end == std::string::npos)
            break;
        ids.emplace(svg, start, end - start);
    }
    return ids;
}

} // namespace

std::string svg_id_name(const std::string& name) {
    std::string out;
    for (char c : name)
        if (is_name_char(c) && c != '.')
            out += c;
    if (out.empty())
        return "map";
    if (!is_letter(out.front()))
        out.insert(out.begin(), 'm');
    return out;
}

std::string default_svg_id_prefix(const std::string& name, const std::string& svg) {
    char hash[9];
    std::snprintf(hash, sizeof hash, "%08x", static_cast<unsigned>(fnv1a(svg)));
    return svg_id_name(name) + "-" + hash + "-";
}

std::string with_prefixed_svg_ids(const std::string& svg, const std::string& prefix) {
    if (prefix.empty())
        return svg;
    if (!is_letter(prefix.front()) && prefix.front() != '_')
        throw Error("SVG id prefix '" + prefix + "' must start with a letter or '_'");
    for (char c : prefix)
        if (!is_name_char(c))
            throw Error("SVG id prefix '" + prefix +
                        "' may hold only letters, digits, '-', '_' and '.'");
    const auto ids = defined_ids(svg);
    std::string out;
    out.reserve(svg.size() + ids.size() * prefix.size() * 3);
    std::size_t copied = 0;
    // One pass over the text: at each place a definition or reference starts, the name after it
    // gets the prefix when the document defines it.
    for (std::size_t at = 0; at < svg.size(); ++at) {
        std::size_t name_start = std::string::npos;
        const std::string_view rest(svg.data() + at, svg.size() - at);
        if (rest.substr(0, kDefinition.size()) == kDefinition)
            name_start = at + kDefinition.size();
        for (auto ref : kReferences)
            if (rest.substr(0, ref.size()) == ref)
                name_start = at + ref.size();
        if (name_start == std::string::npos)
            continue;
        std::size_t name_end = name_start;
        while (name_end < svg.size() && svg[name_end] != '"' && svg[name_end] != ')')
            ++name_end;
        if (!ids.count(std::string_view(svg.data() + name_start, name_end - name_start)))
            continue;
        out.append(svg, copied, name_start - copied);
        out += prefix;
        copied = name_start;
        at = name_end;
    }
    out.append(svg, copied, std::string::npos);
    return out;
}

std::string with_accessible_svg_metadata(const std::string& svg, const std::string& prefix,
                                         const std::string& title, const std::string& description) {
    const std::size_t root = svg.find("<svg");
    const std::size_t end_of_tag = root == std::string::npos ? root : svg.find('>', root);
    if (end_of_tag == std::string::npos)
        throw Error("cannot add a title to the SVG: no <svg> element in Cairo's output");
    std::string metadata, labelled_by;
    if (!title.empty()) {
        metadata += "\n<title id=\"" + prefix + "title\">" + xml_escape(title) + "</title>";
        labelled_by = prefix + "title";
    }
    if (!description.empty()) {
        metadata += "\n<desc id=\"" + prefix + "desc\">" + xml_escape(description) + "</desc>";
        labelled_by += (labelled_by.empty() ? "" : " ") + prefix + "desc";
    }
    std::string attributes = " role=\"img\"";
    if (!labelled_by.empty())
        attributes += " aria-labelledby=\"" + labelled_by + "\"";
    std::string out = svg;
    out.insert(end_of_tag + 1, metadata);
    // A self-closing root ("<svg .../>") cannot occur: Cairo always writes a document body.
    out.insert(end_of_tag, attributes);
    return out;
}

std::string with_svg_size(const std::string& svg, const std::string& width,
                          const std::string& height) {
    const std::size_t root = svg.find("<svg");
    const std::size_t end_of_tag = root == std::string::npos ? root : svg.find('>', root);
    std::string out = svg;
    const auto set = [&](const std::string& name, const std::string& value) {
        const std::string key = " " + name + "=\"";
        const std::size_t at = out.find(key, root);
        const std::size_t close = at == std::string::npos ? at : out.find('"', at + key.size());
        if (close == std::string::npos || close > end_of_tag)
            throw Error("cannot size the SVG: no " + name + " on the <svg> element");
        out.replace(at + key.size(), close - at - key.size(), value);
    };
    if (end_of_tag == std::string::npos)
        throw Error("cannot size the SVG: no <svg> element in Cairo's output");
    set("width", width);
    set("height", height);
    return out;
}

} // namespace dcmap::render::detail
