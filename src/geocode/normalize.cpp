#include "geocode/normalize.hpp"

#include <array>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

namespace dcmap::geocode::detail {
namespace {

struct FoldRun {
    std::uint32_t first;
    std::uint32_t last;
    const char* folded;
};

constexpr FoldRun fold_runs[] = {
#include "geocode/fold_table.inc"
};

/// The folded spelling of a code point >= 0x80, or nullptr when it folds to itself.
const char* fold_non_ascii(std::uint32_t cp) {
    const auto* end = std::end(fold_runs);
    const auto* it =
        std::upper_bound(std::begin(fold_runs), end, cp,
                         [](std::uint32_t c, const FoldRun& r) { return c < r.first; });
    if (it == std::begin(fold_runs))
        return nullptr;
    --it;
    return cp <= it->last ? it->folded : nullptr;
}

/// Decodes one UTF-8 sequence at text[i]; sets length; returns 0xFFFFFFFF when invalid.
std::uint32_t decode_utf8(std::string_view text, std::size_t i, std::size_t& length) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    length = 1;
    if (n == 0 || lead >= 0xF8 || i + n > text.size())
        return 0xFFFFFFFF;
    std::uint32_t cp = lead & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0xFFFFFFFF;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    length = n;
    return cp;
}

bool is_ascii_apostrophe(char c) { return c == '\'' || c == '`'; }

} // namespace

std::string fold(std::string_view text) {
    std::string raw;
    raw.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            if (c >= 'A' && c <= 'Z')
                raw += static_cast<char>(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                raw += c;
            else if (!is_ascii_apostrophe(c))
                raw += ' ';
            ++i;
            continue;
        }
        std::size_t length = 1;
        const std::uint32_t cp = decode_utf8(text, i, length);
        if (cp == 0xFFFFFFFF)
            raw += ' ';
        else if (const char* folded = fold_non_ascii(cp))
            raw += folded;
        else
            raw.append(text.substr(i, length));
        i += length;
    }
    std::string key;
    key.reserve(raw.size());
    for (char c : raw) {
        if (c == ' ' && (key.empty() || key.back() == ' '))
            continue;
        key += c;
    }
    if (!key.empty() && key.back() == ' ')
        key.pop_back();
    return key;
}

std::string reduce_umlaut_digraphs(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (std::size_t i = 0; i < key.size(); ++i) {
        out += key[i];
        const bool vowel = key[i] == 'a' || key[i] == 'o' || key[i] == 'u';
        if (vowel && i + 1 < key.size() && key[i + 1] == 'e')
            ++i;
    }
    return out;
}

namespace {

/// " word ": a word with the spaces that delimit it inside a space-padded key.
std::string spaced(std::string_view word) {
    std::string out;
    out.reserve(word.size() + 2);
    out += ' ';
    out += word;
    out += ' ';
    return out;
}

} // namespace

std::vector<std::string> spelling_variants(std::string_view key) {
    // Whole-word abbreviations GeoNames spells both ways across places.
    static constexpr std::pair<std::string_view, std::string_view> abbreviations[] = {
        {"st", "saint"}, {"ste", "sainte"}, {"mt", "mount"}, {"ft", "fort"}, {"pt", "port"}};
    std::vector<std::string> variants;
    const auto add = [&](std::string v) {
        if (v != key && std::find(variants.begin(), variants.end(), v) == variants.end())
            variants.push_back(std::move(v));
    };
    const std::string padded = spaced(key);
    for (const auto& [short_form, long_form] : abbreviations) {
        for (const auto& [from, to] : {std::pair{short_form, long_form}, {long_form, short_form}}) {
            const std::string needle = spaced(from);
            if (const auto at = padded.find(needle); at != std::string::npos) {
                auto v = padded;
                v.replace(at, needle.size(), spaced(to));
                add(v.substr(1, v.size() - 2));
            }
        }
    }
    add(reduce_umlaut_digraphs(key));
    return variants;
}

namespace {

/// Data-center areas people name that no gazetteer lists as a place, folded, with the town
/// that stands for them (the area's main town or, for a county, its seat). Our own list.
constexpr std::pair<std::string_view, std::string_view> area_names[] = {
    {"northern virginia", "Ashburn, VA, US"},
    {"nova", "Ashburn, VA, US"},
    {"loudoun", "Leesburg, VA, US"},
    {"prince william", "Manassas, VA, US"},
    {"silicon valley", "San Jose, CA, US"},
    {"bay area", "San Francisco, CA, US"},
    {"san francisco bay area", "San Francisco, CA, US"},
    {"dallas fort worth", "Dallas, TX, US"},
    {"dfw", "Dallas, TX, US"},
    {"research triangle", "Raleigh, NC, US"},
    {"randstad", "Amsterdam, NL"},
};

/// Words before or after a name that say what kind of place it is.
constexpr std::pair<std::string_view, Designated> leading_designators[] = {
    {"state of ", Designated::region},      {"province of ", Designated::region},
    {"prefecture of ", Designated::region}, {"region of ", Designated::region},
    {"county of ", Designated::town},       {"city of ", Designated::town},
    {"greater ", Designated::town},         {"metro ", Designated::town},
    {"the ", Designated::anything},
};
constexpr std::pair<std::string_view, Designated> trailing_designators[] = {
    {" state", Designated::region},
    {" province", Designated::region},
    {" prefecture", Designated::region},
    {" region", Designated::region},
    {" oblast", Designated::region},
    {" governorate", Designated::region},
    {" autonomous region", Designated::region},
    {" county", Designated::town},
    {" district", Designated::town},
    {" municipality", Designated::town},
    {" city", Designated::town},
    {" metropolitan area", Designated::town},
    {" metro area", Designated::town},
    {" metro", Designated::town},
    {" area", Designated::town},
};

} // namespace

std::vector<Rewrite> query_rewrites(std::string_view query) {
    std::vector<Rewrite> out;
    const auto add = [&](std::string q, Designated prefer) {
        if (fold(q).empty() || fold(q) == fold(query))
            return;
        for (const auto& r : out)
            if (r.query == q)
                return;
        out.push_back({std::move(q), prefer});
    };
    const auto comma = query.find(',');
    const std::string rest =
        comma == std::string_view::npos ? std::string{} : std::string(query.substr(comma));
    const auto first = fold(query.substr(0, comma));
    for (const auto& [area, town] : area_names)
        if (first == area || first == std::string(area) + " county")
            add(std::string(town), Designated::town);
    // "Mumbai (Bombay)": the name outside the parentheses, then the one inside.
    if (const auto open = query.find('('); open != std::string_view::npos) {
        const auto close = query.find(')', open);
        const auto end = close == std::string_view::npos ? query.size() : close + 1;
        add(std::string(query.substr(0, open)) + std::string(query.substr(end)),
            Designated::anything);
        const auto inner =
            query.substr(open + 1, end - open - 1 - (close != std::string_view::npos));
        const auto outer_comma = query.find(',', end);
        add(std::string(inner) + (outer_comma == std::string_view::npos
                                      ? std::string{}
                                      : std::string(query.substr(outer_comma))),
            Designated::anything);
    }
    for (const auto& [word, prefer] : leading_designators)
        if (first.starts_with(word) && first.size() > word.size())
            add(first.substr(word.size()) + rest, prefer);
    for (const auto& [word, prefer] : trailing_designators)
        if (first.ends_with(word) && first.size() > word.size()) {
            const auto name = first.substr(0, first.size() - word.size());
            for (const auto& [area, town] : area_names)
                if (name == area)
                    add(std::string(town), Designated::town);
            add(name + rest, prefer);
        }
    return out;
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit)
        return limit + 1;
    // Three rows suffice for OSA: the transposition looks two rows back. Short names (almost
    // all) use the stack: the closest-name search calls this for every gazetteer key.
    constexpr int stack_width = 64;
    std::array<int, std::size_t{3} * stack_width> stack_rows;
    std::vector<int> heap_rows;
    int* rows = stack_rows.data();
    if (m + 1 > stack_width) {
        heap_rows.resize(3 * static_cast<std::size_t>(m + 1));
        rows = heap_rows.data();
    }
    const int width = m + 1 > stack_width ? m + 1 : stack_width;
    int *before = rows, *previous = rows + width, *current = rows + std::ptrdiff_t{2} * width;
    // Only cells within `limit` of the diagonal can stay within the limit, so each row is
    // computed in that band; cells just outside it count as limit + 1.
    const int over = limit + 1;
    for (int j = 0; j <= m; ++j)
        previous[j] = std::min(j, over);
    for (int i = 1; i <= n; ++i) {
        const int lo = std::max(1, i - limit);
        const int hi = std::min(m, i + limit);
        current[lo - 1] = lo == 1 ? std::min(i, over) : over;
        if (i + limit <= m)
            previous[hi] = over; // outside the previous row's band
        int row_min = current[lo - 1];
        for (int j = lo; j <= hi; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d = std::min(d, before[j - 2] + 1);
            current[j] = std::min(d, over);
            row_min = std::min(row_min, d);
        }
        if (row_min > limit)
            return limit + 1;
        int* oldest = before;
        before = previous;
        previous = current;
        current = oldest;
    }
    return std::min(previous[m], limit + 1);
}

} // namespace dcmap::geocode::detail
