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

/// Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent
/// transpositions, each 1) between two byte strings; returns limit + 1 once it exceeds limit.
int edit_distance(std::string_view a, std::string_view b, int limit);

} // namespace dcmap::geocode::detail
