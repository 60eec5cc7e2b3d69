#pragma once
// Geocoding results: a gazetteer place and a site with its resolved coordinates.
#include "model/site.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dcmap {

/// How precisely a resolved position is known, finest first.
enum class Precision {
    exact,  ///< coordinates given in the input
    city,   ///< a town's centre (gazetteer place or catalogue region town)
    metro,  ///< a metro area's main town, where only the metro is public ("Bay Area")
    admin1, ///< the seat of a state or province named alone ("Ningxia")
    country ///< a country's label point (its capital), named alone ("Bahrain")
};

/// Where a resolved position came from.
enum class PlaceSource {
    explicit_coordinates, ///< lat/lon in the input
    gazetteer,            ///< the GeoNames-derived gazetteer
    catalogue             ///< the cloud-region catalogue (built in, or a user's file)
};

/// "exact", "city", "metro", "admin1", "country".
inline const char* to_string(Precision p) {
    switch (p) {
    case Precision::exact:
        return "exact";
    case Precision::city:
        return "city";
    case Precision::metro:
        return "metro";
    case Precision::admin1:
        return "admin1";
    case Precision::country:
        return "country";
    }
    return "city";
}

/// "explicit", "gazetteer", "catalogue".
inline const char* to_string(PlaceSource s) {
    switch (s) {
    case PlaceSource::explicit_coordinates:
        return "explicit";
    case PlaceSource::gazetteer:
        return "gazetteer";
    case PlaceSource::catalogue:
        return "catalogue";
    }
    return "gazetteer";
}

/// A place from the gazetteer (or a country's label point).
struct Place {
    std::string name;         ///< as GeoNames writes it, UTF-8 ("São Paulo")
    std::string admin1;       ///< admin-1 name ("California"); may be empty
    std::string country;      ///< ISO 3166-1 alpha-2 ("BR")
    std::string country_name; ///< "Brazil"
    double lat = 0;
    double lon = 0;
    std::int64_t population = 0;
};

/// "Hangzhou, Zhejiang, CN": name, admin-1 name when known and different, country code (left
/// out when the place is the country itself). How warnings, the audit and --resolved name places.
inline std::string short_description(const Place& p) {
    // append() rather than `", " + s`: g++ 12 gives a false -Wrestrict on the latter here.
    std::string out = p.name;
    if (!p.admin1.empty() && p.admin1 != p.name)
        out.append(", ").append(p.admin1);
    if (!p.country.empty() && p.country_name != p.name)
        out.append(", ").append(p.country);
    return out;
}

/// The answer to one query: the chosen place and the next-best candidates, best first.
struct GeocodeMatch {
    std::string query;
    Place place;
    std::vector<Place> runners_up;
    Precision precision = Precision::city;
    PlaceSource source = PlaceSource::gazetteer;
    std::string region; ///< "aws:eu-central-1" when a catalogue region answered; else empty
    /// Other places the query may well mean (a namesake in another region, the state of that
    /// name, the spelling it resembles): when not empty the choice deserves a warning.
    std::vector<Place> ambiguous;
    std::vector<std::string> warnings; ///< why the choice is uncertain, one sentence each
};

/// An optional value kept on the heap: 8 bytes when empty instead of the value's size, for
/// members that most copies leave empty (a runner-up place of a geocoded site, absent for the
/// 100,000 lat/lon sites of a large file). Reads like std::optional; copies copy the value.
template <typename T> class HeapOptional {
public:
    HeapOptional() = default;
    HeapOptional(const T& value) : value_(std::make_unique<T>(value)) {}
    HeapOptional(const HeapOptional& other)
        : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    HeapOptional(HeapOptional&&) noexcept = default;
    HeapOptional& operator=(const HeapOptional& other) {
        if (this != &other)
            value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        return *this;
    }
    HeapOptional& operator=(HeapOptional&&) noexcept = default;
    HeapOptional& operator=(const T& value) {
        value_ = std::make_unique<T>(value);
        return *this;
    }

    bool has_value() const { return value_ != nullptr; }
    explicit operator bool() const { return has_value(); }
    const T& operator*() const { return *value_; }
    T& operator*() { return *value_; }
    const T* operator->() const { return value_.get(); }
    T* operator->() { return value_.get(); }
    void reset() { value_.reset(); }

private:
    std::unique_ptr<T> value_;
};

/// A site whose position is known. lon/lat are always set from a real source, never defaulted.
struct ResolvedSite {
    Site site;
    double lon = 0;
    double lat = 0;
    std::string matched; ///< e.g. "Hangzhou, Zhejiang, CN"; empty for explicit coordinates
    std::string country; ///< ISO alpha-2 when known
    /// The place the site is at, for labelling sites by place ("Frankfurt am Main"): the town
    /// (or admin-1 region, or country) it resolved to, or for explicit coordinates the nearest
    /// gazetteer town of 10,000+ people within 300 km; empty when there is none.
    std::string locality;
    double locality_lon = 0; ///< where the locality is (degrees), when there is one
    double locality_lat = 0;
    std::int64_t locality_population = 0; ///< the locality's people; 0 when unknown
    Precision precision = Precision::exact;
    PlaceSource source = PlaceSource::explicit_coordinates;
    std::string query; ///< what was looked up ("Frankfurt", "aws:eu-central-1"); empty for explicit
    std::string region;            ///< "aws:eu-central-1" when placed by the catalogue
    Place place;                   ///< the place chosen; name empty for explicit coordinates
    HeapOptional<Place> runner_up; ///< the best other candidate, when there was one
    double runner_up_km = 0;       ///< great-circle distance from the chosen point to runner_up
};

} // namespace dcmap
