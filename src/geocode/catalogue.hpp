#pragma once
// The cloud-region catalogue: provider region codes -> display names and attributed places
// (data/catalogue/regions.tsv, embedded; a user's file can add or override rows).
#include "model/place.hpp"
#include "model/region.hpp"
#include "model/source_pos.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::geocode {

/// A catalogue row (model/region.hpp): plain data shared with app/ and cli/.
using Region = dcmap::Region;

/// The provider key for a name as users write it ("Alibaba Cloud" -> "alibaba", "Google Cloud"
/// -> "gcp", "OCI" -> "oracle", "aws" -> "aws"); empty when the name is not one of the five.
std::string provider_key(std::string_view name);

/// The provider keys in catalogue order: aws, azure, gcp, alibaba, oracle.
const std::vector<std::string>& provider_keys();

class Catalogue {
public:
    /// The built-in catalogue compiled into the binary (loaded on first use, thread-safe).
    static const Catalogue& embedded();

    /// Parses text in the format of data/catalogue/regions.tsv (header row, ten or eleven
    /// tab-separated columns, the eleventh the precision). `path` is used in messages. Throws
    /// InputError at path:line for a malformed row (wrong column count, unknown provider
    /// spelling, bad number or precision, duplicate code).
    static Catalogue from_tsv(std::string_view text, const std::string& path);

    /// Reads a user's catalogue file. Throws IoError when it cannot be read, InputError as
    /// from_tsv.
    static Catalogue from_file(const std::string& path);

    /// This catalogue with `overrides` applied: a row with the same provider and code replaces
    /// the built-in one, other rows are added.
    Catalogue merged_with(const Catalogue& overrides) const;

    /// The region `code` of `provider` (a provider key), or nullptr.
    const Region* find(std::string_view provider, std::string_view code) const;

    /// Regions whose display name matches `text` ignoring case, accents and punctuation
    /// ("Europe (Frankfurt)", "us east n virginia"), in catalogue order; when some match as
    /// written (ignoring only case), just those.
    std::vector<const Region*> with_display_name(std::string_view text) const;

    /// Regions whose attributed place's first part matches `name` the same way ("Eemshaven",
    /// "Jurong West"), in catalogue order.
    std::vector<const Region*> at_place(std::string_view name) const;

    /// Up to `limit` codes of `provider` closest to `code` by edit distance.
    std::vector<std::string> closest_codes(std::string_view provider, std::string_view code,
                                           std::size_t limit = 3) const;

    /// Every row, sorted by provider (aws, azure, gcp, alibaba, oracle, then others by name)
    /// and code.
    const std::vector<Region>& regions() const { return regions_; }

private:
    void sort_rows();
    std::vector<Region> regions_;
    std::vector<std::string> display_keys_; ///< folded display names, as regions_
    std::vector<std::string> place_keys_;   ///< folded first parts of the places, as regions_
};

} // namespace dcmap::geocode
