#pragma once
// Name folding and fuzzy comparison used by the gazetteer (internal to geocode/).
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::geocode::detail {

/// The matching key of a UTF-8 name: accents dropped, case folded, apostrophes removed, other
/// punctuation as single spaces, trimmed ("São Paulo" -> "sao paulo"). Same rule as the data
/// (scripts/data/fold.py). Invalid UTF-8 bytes count as punctuation.
std::string fold(std::string_view text);

/// A folded key with German umlaut spellings reduced ("muenchen" -> "munchen"); a fallback
/// for keys that match nothing as written.
std::string reduce_umlaut_digraphs(std::string_view key);

/// Other spellings of a folded key to try when it matches nothing, most likely first: common
/// abbreviations written out or shortened ("st ghislain" -> "saint ghislain", "mount ..." ->
/// "mt ...") and umlaut digraphs reduced. Never contains the key itself.
std::vector<std::string> spelling_variants(std::string_view key);

/// What a rewritten query says it names, when its words say so ("Querétaro State").
enum class Designated { anything, region, town };

/// Another way to read a place query that matched nothing as written.
struct Rewrite {
    std::string query;                        ///< e.g. "queretaro" for "Querétaro State"
    Designated prefer = Designated::anything; ///< a state or province, or a town, when said
};

/// Readings to try, in order, for a query that matched nothing as written: a few well-known
/// names of data-center areas that are no town ("Northern Virginia", "Silicon Valley"); the
/// query without its parenthesised part, then that part alone ("Mumbai (Bombay)"); the first
/// part without a designator word ("Querétaro State", "Loudoun County, VA", "City of London",
/// "Province of Ontario"). Later parts (the hints) are kept as written.
std::vector<Rewrite> query_rewrites(std::string_view query);

/// Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent
/// transpositions, each 1) between two byte strings; returns limit + 1 once it exceeds limit.
int edit_distance(std::string_view a, std::string_view b, int limit);

} // namespace dcmap::geocode::detail
