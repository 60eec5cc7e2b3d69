#include "geocode/name_index.hpp"

#include <algorithm>
#include <tuple>

namespace dcmap::geocode::detail {

// The closest-name search scores a key by its first words only up to this many query words,
// and only when they end in the first 255 bytes.
constexpr int max_prefix_words = 3;
constexpr std::size_t max_prefix_bytes = 255;

SearchBounds search_bounds(std::string_view key) {
    if (key.size() > max_search_bytes) {
        // Cut at a word boundary so a long query still finds its first words.
        const auto space = key.rfind(' ', max_search_bytes);
        key =
            key.substr(0, space != std::string_view::npos && space > 0 ? space : max_search_bytes);
    }
    const int third = static_cast<int>(key.size() / 3);
    return {key, std::clamp(third, 2, max_search_edits)};
}

NameIndex::NameIndex(const std::vector<std::string_view>& keys) {
    std::size_t bytes = 0;
    for (const auto key : keys)
        bytes += key.size();
    // Every key written backwards, in one buffer; a key's first words written backwards are
    // the end of that.
    std::string reversed;
    reversed.reserve(bytes);
    std::vector<std::pair<std::string_view, Entry>> forward, backward;
    forward.reserve(keys.size() * 3 / 2);
    backward.reserve(keys.size() * 3 / 2);
    for (const auto key : keys)
        reversed.append(key.rbegin(), key.rend());
    std::size_t at = 0;
    for (std::uint32_t n = 0; n < keys.size(); at += keys[n].size(), ++n)
        if (!keys[n].empty()) {
            forward.emplace_back(keys[n], Entry{n, 0});
            backward.emplace_back(std::string_view(reversed).substr(at, keys[n].size()),
                                  Entry{n, 0});
        }
    const std::size_t whole_keys = forward.size();
    at = 0;
    for (std::uint32_t n = 0; n < keys.size(); at += keys[n].size(), ++n) {
        const auto key = keys[n];
        const auto backwards = std::string_view(reversed).substr(at, key.size());
        std::uint8_t words = 0;
        for (std::size_t i = 0; i < key.size() && i < max_prefix_bytes; ++i)
            if (key[i] == ' ' && ++words <= max_prefix_words) {
                forward.emplace_back(key.substr(0, i), Entry{n, words});
                backward.emplace_back(backwards.substr(key.size() - i), Entry{n, words});
            }
    }
    forward_.build(std::move(forward), whole_keys);
    backward_.build(std::move(backward), 0);
}

void NameIndex::Trie::build(std::vector<std::pair<std::string_view, Entry>> texts,
                            std::size_t sorted_end) {
    // Sorted texts list a trie's strings in pre-order: a prefix before its extensions. The
    // gazetteer's keys come sorted, so often only the first words need sorting before a merge.
    const auto before = [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second.key, a.second.words) <
               std::tie(b.first, b.second.key, b.second.words);
    };
    const auto middle = texts.begin() + static_cast<std::ptrdiff_t>(sorted_end);
    if (!std::is_sorted(texts.begin(), middle, before))
        std::sort(texts.begin(), middle, before);
    std::sort(middle, texts.end(), before);
    std::inplace_merge(texts.begin(), middle, texts.end(), before);
    nodes.clear();
    entries.clear();
    entries.reserve(texts.size());
    nodes.push_back(Node{});
    std::vector<std::uint32_t> path{0}; // path[d]: the node of the current text's first d bytes
    std::string_view previous;
    const auto close = [&](std::uint32_t node) {
        nodes[node].skip = static_cast<std::uint32_t>(nodes.size());
    };
    for (const auto& [full, entry] : texts) {
        const auto text = full.substr(0, 65535);
        std::size_t shared = 0;
        while (shared < previous.size() && shared < text.size() && previous[shared] == text[shared])
            ++shared;
        for (std::size_t d = previous.size(); d > shared; --d)
            close(path[d]);
        path.resize(shared + 1);
        for (std::size_t d = shared + 1; d <= text.size(); ++d) {
            Node node;
            node.depth = static_cast<std::uint16_t>(d);
            node.byte = text[d - 1];
            node.entries_begin = node.entries_end = static_cast<std::uint32_t>(entries.size());
            path.push_back(static_cast<std::uint32_t>(nodes.size()));
            nodes.push_back(node);
        }
        entries.push_back(entry);
        nodes[path.back()].entries_end = static_cast<std::uint32_t>(entries.size());
        max_depth = std::max(max_depth, text.size());
        previous = text;
    }
    for (std::size_t d = previous.size(); d > 0; --d)
        close(path[d]);
    close(0);
    nodes.shrink_to_fit();
}

std::size_t NameIndex::Trie::search(std::string_view query, int k, int words, std::size_t split,
                                    std::vector<Hit>& hits) const {
    const std::size_t m = query.size();
    const std::size_t width = m + 1;
    // A transposition across the split moves it one byte on: either end counts.
    const std::size_t split_end = std::min(split + 1, m);
    const int half = k / 2;
    const int over = k + 1;
    // table[d * width + j]: distance between the current path's first d bytes and query[0, j).
    std::vector<int> table((max_depth + 1) * width);
    std::vector<char> path(max_depth + 1);
    // near[d]: some prefix of the path up to depth d is within k/2 edits of the query's part
    // before the split; below such a prefix, k edits are allowed.
    std::vector<char> near(max_depth + 1);
    for (std::size_t j = 0; j <= m; ++j)
        table[j] = std::min(static_cast<int>(j), over);
    near[0] = static_cast<char>(static_cast<int>(split) <= half);
    std::size_t visited = 0;
    for (std::size_t i = 1; i < nodes.size(); ++visited) {
        const Node& node = nodes[i];
        const std::size_t d = node.depth;
        const char c = node.byte;
        path[d - 1] = c;
        int* row = &table[d * width];
        const int* up = row - width;
        row[0] = std::min(static_cast<int>(d), over);
        // Only cells within k of the diagonal can be within k; the cells just outside that band
        // are marked too far, as the next row reads them.
        const std::size_t lo = d > static_cast<std::size_t>(k) ? d - k : 1;
        const std::size_t hi = std::min(m, d + k);
        if (lo > 1)
            row[lo - 1] = over;
        for (std::size_t j = lo; j <= hi; ++j) {
            int v = std::min({up[j] + 1, row[j - 1] + 1, up[j - 1] + (query[j - 1] != c)});
            // Two rows up: indexed from that row's own start, as `up[j - 2 - width]` wraps the
            // unsigned index round (undefined pointer arithmetic; found by fuzz_geocoder).
            if (d > 1 && j > 1 && c == query[j - 2] && path[d - 2] == query[j - 1])
                v = std::min(v, table[(d - 2) * width + j - 2] + 1);
            // Clamped: a cell past k only ever matters as "too far".
            row[j] = std::min(v, over);
        }
        if (hi < m)
            row[hi + 1] = over;
        const auto cell = [&](std::size_t j) {
            return j == 0 || (j >= lo && j <= hi) ? row[j] : over;
        };
        const auto closest_up_to = [&](std::size_t last) {
            int best = row[0];
            for (std::size_t j = lo; j <= std::min(last, hi); ++j)
                best = std::min(best, row[j]);
            return best;
        };
        near[d] = static_cast<char>(near[d - 1] || cell(split) <= half || cell(split_end) <= half);
        // No extension of a path gets closer than the closest cell of its row (an OSA
        // transposition reaches two rows back, but that row was at most one lower), also
        // within the columns up to the split.
        if (near[d] ? closest_up_to(m) > k : closest_up_to(split_end) > half) {
            i = node.skip;
            continue;
        }
        const int whole = cell(m);
        for (auto e = node.entries_begin; e < node.entries_end; ++e) {
            const Entry& entry = entries[e];
            if (entry.words == 0 && whole <= k)
                hits.push_back({entry.key, whole});
            else if (entry.words != 0 && entry.words == words && whole + 1 <= k)
                hits.push_back({entry.key, whole + 1});
        }
        ++i;
    }
    return visited;
}

std::vector<NameIndex::Hit> NameIndex::within(std::string_view query, int k, int words,
                                              std::size_t* visited) const {
    std::vector<Hit> hits;
    // The query's first half ends at byte m / 2 (or one later, when a transposition crosses
    // that point); its second half is the rest.
    const std::size_t split = query.size() / 2;
    std::size_t nodes = forward_.search(query, k, words, split, hits);
    const std::string reversed(query.rbegin(), query.rend());
    nodes +=
        backward_.search(reversed, k, words, query.empty() ? 0 : query.size() - split - 1, hits);
    if (visited)
        *visited += nodes;
    // Found from both ends, or as a whole key and by its first words: the lower score counts.
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.key != b.key ? a.key < b.key : a.score < b.score;
    });
    hits.erase(std::unique(hits.begin(), hits.end(),
                           [](const Hit& a, const Hit& b) { return a.key == b.key; }),
               hits.end());
    return hits;
}

} // namespace dcmap::geocode::detail
