#pragma once
// A row of the cloud-region catalogue (data/catalogue/regions.tsv, or a user's --catalogue
// file): read by geocode/, listed by `dcmap regions`.
#include "model/place.hpp"
#include "model/source_pos.hpp"

#include <optional>
#include <string>

namespace dcmap {

/// One region of one provider, as a row of data/catalogue/regions.tsv.
struct Region {
    std::string provider;     ///< provider key: aws, azure, gcp, alibaba, oracle (or a user's)
    std::string code;         ///< "eu-central-1"; "tbd-chile" for announced, unpublished codes
    std::string display_name; ///< as the provider writes it: "Europe (Frankfurt)"
    std::string place; ///< gazetteer query of the attributed town: "Frankfurt am Main, Hesse, DE"
    std::optional<double>
        lat; ///< degrees; always set in the built-in file, may be empty in a user's
    std::optional<double> lon;
    std::string country; ///< ISO alpha-2
    std::string status;  ///< "live" or "announced" (a user's file may use any site status)
    std::string source;  ///< public source of the row
    std::string note;    ///< uncertainty, restrictions, how the town was chosen
    /// How much of the place the provider makes public: city (the town), metro, admin1 (a
    /// state or province only) or country (the country only; the town is a stand-in).
    Precision precision = Precision::city;
    SourcePos pos; ///< file and line of the row (for a user's file)

    /// "aws:eu-central-1".
    std::string id() const { return provider + ":" + code; }
};

} // namespace dcmap
