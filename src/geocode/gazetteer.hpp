#pragma once
// Offline place-name lookup over the embedded GeoNames-derived gazetteer.
#include "model/diagnostics.hpp"
#include "model/place.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::geocode {

class Gazetteer {
public:
    /// The gazetteer compiled into the binary, loaded on first use (thread-safe).
    static const Gazetteer& embedded();

    /// Builds a gazetteer from data in the formats of data/gazetteer.tsv, data/countries.tsv
    /// and data/admin1.tsv (see data/README.md).
    static Gazetteer from_tsv(std::string_view places, std::string_view countries,
                              std::string_view admin1);

    /// Resolves "City", "City, Country", "City, Admin1, Country" (names or codes, any case,
    /// with or without accents), a country alone (precision country: its capital) or a state or
    /// province alone (precision admin1: its seat). Throws GeocodeError naming the closest
    /// names when nothing matches.
    GeocodeMatch lookup(std::string_view query) const;

    /// Like lookup, but an unknown place gives nullopt instead of a GeocodeError, and no
    /// closest names are searched for (the slow part of a miss). Still throws GeocodeError for
    /// an empty query or an unknown country or region after the comma.
    std::optional<GeocodeMatch> find(std::string_view query) const;

    /// ISO alpha-2 for a country name, alias or code ("Germany", "DE", "DEU", "Deutschland");
    /// empty when unknown.
    std::string country_code(std::string_view name) const;

    /// Display name of an ISO alpha-2 code ("DE" -> "Germany"); empty when unknown.
    std::string country_name(std::string_view alpha2) const;

    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;
    ~Gazetteer();

private:
    struct Impl;
    explicit Gazetteer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace dcmap::geocode
