// libFuzzer target: any bytes as a free-text place query, resolved as `dcmap geocode QUERY` and a
// site's `location:` resolve it (Geocoder::lookup over the embedded gazetteer and catalogue).
// An unknown place (dcmap::Error) is an expected outcome; a crash, a hang, a sanitizer report,
// or a match whose position is off the globe is a finding.
#include "geocode/catalogue.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/geocoder.hpp"
#include "model/error.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

bool on_globe(const dcmap::Place& place) {
    return std::isfinite(place.lat) && std::isfinite(place.lon) && std::abs(place.lat) <= 90 &&
           std::abs(place.lon) <= 180;
}

const dcmap::geocode::Geocoder& geocoder() {
    static const dcmap::geocode::Geocoder geocoder(dcmap::geocode::Gazetteer::embedded(),
                                                   dcmap::geocode::Catalogue::embedded());
    return geocoder;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Load the gazetteer and build the closest-name index (the first miss builds it) before
    // the first input, so that one-time cost does not count against the per-input timeout.
    try {
        geocoder().lookup("Qzxqzx");
    } catch (const dcmap::Error&) {
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    try {
        const auto match = geocoder().lookup(query);
        if (!on_globe(match.place))
            std::abort();
        for (const auto& other : match.runners_up)
            if (!on_globe(other))
                std::abort();
    } catch (const dcmap::Error&) {
    }
    return 0;
}
