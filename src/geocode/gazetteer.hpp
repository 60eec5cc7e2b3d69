#pragma once
// Offline place-name lookup over the embedded GeoNames-derived gazetteer.
#include "model/diagnostics.hpp"
#include "model/place.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::geocode {

/// A town near a point: what nearest_town answers.
struct NearbyTown {
    std::string name;    ///< GeoNames primary name ("Frankfurt am Main")
    std::string country; ///< ISO alpha-2
    double km = 0;       ///< great-circle distance from the point asked about
    double lon = 0;      ///< where the town is (degrees, WGS84)
    double lat = 0;
    std::int64_t population = 0; ///< 0 when GeoNames does not know it
};

/// Towns of at least this many people are what nearest_town looks for.
inline constexpr std::int64_t nearby_town_min_population = 10'000;
/// ... and no farther than this from the point (km); past it there is no nearby town.
inline constexpr double nearby_town_max_km = 300;

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

    /// The gazetteer town of at least nearby_town_min_population people nearest to lon/lat
    /// (degrees, WGS84), within nearby_town_max_km; nullopt when none is that close (open sea,
    /// Antarctica). Uses a 1-degree grid over the towns, built on first use (thread-safe).
    std::optional<NearbyTown> nearest_town(double lon, double lat) const;

    /// The town a point belongs to for naming it: within 40 km, the town with the best ratio of
    /// distance (+2 km) to population (the metro, not the nearest suburb), else
    /// nearest_town. Same units and failure as nearest_town.
    std::optional<NearbyTown> metro_town(double lon, double lat) const;
    /// The same, given what nearest_town answered for this point (one grid search fewer).
    std::optional<NearbyTown> metro_town(double lon, double lat,
                                         const std::optional<NearbyTown>& nearest) const;

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
