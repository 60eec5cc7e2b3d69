// Well-known places, including data-center towns, each checked against its true position.
#include "geocode/gazetteer.hpp"
#include "model/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

namespace {

using dcmap::geocode::Gazetteer;

double distance_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double rad = 3.14159265358979323846 / 180;
    const double dlat = (lat2 - lat1) * rad;
    const double dlon = (lon2 - lon1) * rad;
    const double a =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 6371.0 * 2 * std::asin(std::sqrt(a));
}

struct KnownPlace {
    const char* query;
    double lat;
    double lon;
    const char* country;
};

// True positions from public references (city centres), rounded.
const KnownPlace known_places[] = {
    {"Ashburn, VA, US", 39.0437, -77.4875, "US"},
    {"The Dalles, OR", 45.5946, -121.1787, "US"},
    {"Council Bluffs, IA", 41.2619, -95.8608, "US"},
    {"Hillsboro", 45.5229, -122.9898, "US"},
    {"Quincy, WA, US", 47.2343, -119.8526, "US"},
    {"Prineville, Oregon", 44.2999, -120.8345, "US"},
    {"St. Ghislain, Belgium", 50.4548, 3.8186, "BE"},
    {"Port St. Lucie", 27.2730, -80.3582, "US"},
    {"Boardman, OR, US", 45.8398, -119.7006, "US"},
    {"Boydton, Virginia", 36.6676, -78.3875, "US"},
    {"New Albany, Ohio", 40.0812, -82.8088, "US"},
    {"Columbus, Ohio, US", 39.9612, -82.9988, "US"},
    {"Athens, GA, US", 33.9519, -83.3576, "US"},
    {"Athens, Georgia", 33.9519, -83.3576, "US"},
    {"Paris, TX", 33.6609, -95.5555, "US"},
    {"Frankfurt", 50.1109, 8.6821, "DE"},
    {"Frankfurt am Main", 50.1109, 8.6821, "DE"},
    {"Dublin", 53.3498, -6.2603, "IE"},
    {"Clonee, Ireland", 53.4108, -6.4436, "IE"},
    {"Middenmeer", 52.8064, 4.9997, "NL"},
    {"Amsterdam", 52.3676, 4.9041, "NL"},
    {"London", 51.5074, -0.1278, "GB"},
    {"Paris", 48.8566, 2.3522, "FR"},
    {"Paris, FR", 48.8566, 2.3522, "FR"},
    {"Paris, France", 48.8566, 2.3522, "FR"},
    {"Cologne", 50.9375, 6.9603, "DE"},
    {"Köln", 50.9375, 6.9603, "DE"},
    {"Koeln", 50.9375, 6.9603, "DE"},
    {"Muenchen", 48.1351, 11.5820, "DE"},
    {"München", 48.1351, 11.5820, "DE"},
    {"Zürich", 47.3769, 8.5417, "CH"},
    {"zurich", 47.3769, 8.5417, "CH"},
    {"ZURICH, Switzerland", 47.3769, 8.5417, "CH"},
    {"Toledo, Spain", 39.8628, -4.0273, "ES"},
    {"Madrid", 40.4168, -3.7038, "ES"},
    {"Milan", 45.4642, 9.1900, "IT"},
    {"Warsaw", 52.2297, 21.0122, "PL"},
    {"Stockholm", 59.3293, 18.0686, "SE"},
    {"Zhangjiakou", 40.7686, 114.8869, "CN"},
    {"Hohhot", 40.8424, 111.7490, "CN"},
    {"Jining, Inner Mongolia, CN", 41.0341, 113.1330, "CN"},
    {"Hangzhou", 30.2741, 120.1551, "CN"},
    {"Hangzhou, China", 30.2741, 120.1551, "CN"},
    {"Shanghai", 31.2304, 121.4737, "CN"},
    {"Beijing", 39.9042, 116.4074, "CN"},
    {"北京", 39.9042, 116.4074, "CN"},
    {"Shenzhen", 22.5431, 114.0579, "CN"},
    {"Chengdu", 30.5728, 104.0668, "CN"},
    {"Hong Kong", 22.3193, 114.1694, "HK"},
    {"Taipei", 25.0330, 121.5654, "TW"},
    {"Tokyo", 35.6762, 139.6503, "JP"},
    {"東京", 35.6762, 139.6503, "JP"},
    {"서울", 37.5665, 126.9780, "KR"},
    {"Москва", 55.7558, 37.6173, "RU"},
    {"Washington, DC", 38.9072, -77.0369, "US"},
    {"New York", 40.7128, -74.0060, "US"},
    {"Osaka", 34.6937, 135.5023, "JP"},
    {"Seoul", 37.5665, 126.9780, "KR"},
    {"Seoul, South Korea", 37.5665, 126.9780, "KR"},
    {"Singapore", 1.3521, 103.8198, "SG"},
    {"Sydney", -33.8688, 151.2093, "AU"},
    {"Melbourne", -37.8136, 144.9631, "AU"},
    {"Mumbai", 19.0760, 72.8777, "IN"},
    {"Bombay", 19.0760, 72.8777, "IN"},
    {"Bengaluru", 12.9716, 77.5946, "IN"},
    {"Hyderabad, India", 17.3850, 78.4867, "IN"},
    {"Jakarta", -6.2088, 106.8456, "ID"},
    {"Manila", 14.5995, 120.9842, "PH"},
    {"Bangkok", 13.7563, 100.5018, "TH"},
    {"Kuala Lumpur", 3.1390, 101.6869, "MY"},
    {"Dubai", 25.2048, 55.2708, "AE"},
    {"Dubai, UAE", 25.2048, 55.2708, "AE"},
    {"Riyadh", 24.7136, 46.6753, "SA"},
    {"Tel Aviv", 32.0853, 34.7818, "IL"},
    {"Johannesburg", -26.2041, 28.0473, "ZA"},
    {"São Paulo", -23.5505, -46.6333, "BR"},
    {"Sao Paulo", -23.5505, -46.6333, "BR"},
    {"sao paulo, Brasil", -23.5505, -46.6333, "BR"},
    {"Querétaro", 20.5888, -100.3899, "MX"},
    {"Queretaro, Mexico", 20.5888, -100.3899, "MX"},
    {"Santiago, Chile", -33.4489, -70.6693, "CL"},
    {"Toronto", 43.6532, -79.3832, "CA"},
    {"Montréal", 45.5019, -73.5674, "CA"},
    {"Bahrain", 26.2285, 50.5860, "BH"},
};

} // namespace

TEST_CASE("geocode: well-known places resolve within 25 km of their true position", "[geocode]") {
    const auto& gazetteer = Gazetteer::embedded();
    for (const auto& known : known_places) {
        INFO("query: " << known.query);
        const auto match = gazetteer.lookup(known.query);
        INFO("matched: " << match.place.name << ", " << match.place.admin1 << ", "
                         << match.place.country << " at " << match.place.lat << ","
                         << match.place.lon);
        CHECK(match.place.country == known.country);
        CHECK(distance_km(match.place.lat, match.place.lon, known.lat, known.lon) < 25.0);
    }
}

TEST_CASE("geocode: Ulanqab resolves through the alias the data build adds for it", "[geocode]") {
    // cities500 knows Ulanqab's seat only as Jining (Inner Mongolia); "Jining" alone is the far
    // larger Jining in Shandong, ~700 km away.
    const auto& gazetteer = Gazetteer::embedded();
    for (const char* query : {"Ulanqab", "Wulanchabu", "Ulanqab, Inner Mongolia, CN", "乌兰察布"}) {
        INFO("query: " << query);
        const auto match = gazetteer.lookup(query);
        CHECK(match.place.admin1 == "Inner Mongolia");
        CHECK(distance_km(match.place.lat, match.place.lon, 41.0341, 113.1330) < 25.0);
    }
    CHECK(gazetteer.lookup("Jining").place.admin1 == "Shandong");
}

TEST_CASE("geocode: places GeoNames does not list fail with a GeocodeError", "[geocode]") {
    // A port, not a populated place: the catalogue or lat/lon place it, not the gazetteer.
    const auto& gazetteer = Gazetteer::embedded();
    CHECK_THROWS_AS(gazetteer.lookup("Eemshaven, NL"), dcmap::GeocodeError);
}

TEST_CASE("geocode: a province named alone stands at its seat with admin1 precision", "[geocode]") {
    // Ningxia is a province, not a town; Yinchuan is its capital.
    const auto match = Gazetteer::embedded().lookup("Ningxia");
    CHECK(match.precision == dcmap::Precision::admin1);
    CHECK(match.place.country == "CN");
    CHECK(distance_km(match.place.lat, match.place.lon, 38.468, 106.273) < 25.0);
    CHECK(Gazetteer::embedded().lookup("Bavaria, Germany").place.admin1 == "Bavaria");
    CHECK(Gazetteer::embedded().lookup("Yinchuan").precision == dcmap::Precision::city);
}

TEST_CASE("geocode: postal abbreviations of Canadian, Brazilian and Australian states",
          "[geocode]") {
    const auto& gazetteer = Gazetteer::embedded();
    CHECK(gazetteer.lookup("Montreal, QC").place.admin1 == "Quebec");
    CHECK(gazetteer.lookup("Vinhedo, SP, Brazil").place.country == "BR");
    CHECK(gazetteer.lookup("Sydney, NSW").place.admin1 == "New South Wales");
}
