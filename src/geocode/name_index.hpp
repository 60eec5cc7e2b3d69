#pragma once
// The closest-name search's index: two tries over folded keys, searched by edit distance
// (internal to geocode/).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::geocode::detail {

/// The closest-name search never looks at more than this many bytes of a folded query: longer
/// queries are cut at the last word boundary inside (or at this length), so its cost is bounded
/// whatever the input (issue 11).
inline constexpr std::size_t max_search_bytes = 48;
/// ... and never allows more edits than this (a third of the searched key's length, at least 2).
/// 3, not 4: a fourth edit made each unknown name's search visit about eight times the trie
/// nodes (1000 distinct unknown names: 23 million against 3 million; validating them took 3.2 s
/// of CPU against 1.1 s, 0.4 s of which is start-up), and a name four edits away from every
/// place is seldom a typo of one of them.
inline constexpr int max_search_edits = 3;

/// What the closest-name search looks for when asked about a folded query.
struct SearchBounds {
    std::string_view key; ///< the searched part of the query: at most max_search_bytes
    int edits = 0;        ///< edits allowed: between 2 and max_search_edits
};

/// The bounded part of `key` the closest-name search looks at, and its edit budget.
SearchBounds search_bounds(std::string_view key);

/// Folded keys indexed for "every key within k edits of this query". Each key is stored, with
/// its first one, two and three words, in a trie of the keys as written and in a trie of the
/// keys written backwards. Cut the query in two halves: an alignment within k edits spends at
/// most k / 2 of them on one half (a transposition across the cut moves the cut one byte), so
/// a key within k has a prefix within k / 2 of the first half or, written backwards, a prefix
/// within k / 2 of the second half written backwards. Each trie is walked only below such
/// prefixes (k edits allowed there), which visits far fewer nodes than one walk allowing k
/// edits from the root; the cost grows mainly with k / 2.
class NameIndex {
public:
    /// A key within the searched distance: its position in the list given to the constructor
    /// and its score (see within).
    struct Hit {
        std::uint32_t key = 0;
        int score = 0;
        friend bool operator==(const Hit&, const Hit&) = default;
    };

    /// Indexes `keys` (folded names, in any order, repeats allowed); keeps no view of them.
    explicit NameIndex(const std::vector<std::string_view>& keys);

    /// Every non-empty key that scores at most `k` against `query`, ordered by key position. A
    /// key scores its optimal-string-alignment distance to `query` (see edit_distance), or,
    /// when `words` is 1 to 3 and the key has more words than that, one more than the distance
    /// from its first `words` words (ending before a space in the first 255 bytes), if lower.
    /// Adds the number of trie nodes the search looked at to `*visited` when given: the
    /// search's work, which tests bound without timing it.
    std::vector<Hit> within(std::string_view query, int k, int words,
                            std::size_t* visited = nullptr) const;

    /// Number of trie nodes, both tries together.
    std::size_t size() const { return forward_.nodes.size() + backward_.nodes.size(); }

private:
    struct Entry {
        std::uint32_t key = 0;
        std::uint8_t words = 0; ///< 0: the whole key; 1 to 3: its first that many words
    };
    struct Node {
        std::uint32_t skip = 0;          ///< the next node in pre-order outside this subtree
        std::uint32_t entries_begin = 0; ///< entries[entries_begin, entries_end) end here
        std::uint32_t entries_end = 0;
        std::uint16_t depth = 0;
        char byte = 0;
    };
    struct Trie {
        std::vector<Node> nodes; // pre-order; nodes[0] is the root (the empty prefix)
        std::vector<Entry> entries;
        std::size_t max_depth = 0;
        /// Builds the trie of `texts`; [0, sorted_end) may already be in order.
        void build(std::vector<std::pair<std::string_view, Entry>> texts, std::size_t sorted_end);
        /// Appends to `hits` the entries within `k` of `query` (scored as in within) that have
        /// a prefix within k / 2 edits of query[0, split) or query[0, split + 1). Returns the
        /// number of nodes it looked at.
        std::size_t search(std::string_view query, int k, int words, std::size_t split,
                           std::vector<Hit>& hits) const;
    };
    Trie forward_, backward_;
};

} // namespace dcmap::geocode::detail
