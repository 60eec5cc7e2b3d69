#pragma once
// Site workloads the layout was not tuned on, shared by the layout tests and bench/layout_grid:
// uniform random points and a colocation market clustered around real metros. Plain model
// values; deterministic for a seed.
#include "model/site.hpp"

#include <random>
#include <string>

namespace dcmap::workloads {

inline Site site_at(const std::string& id, const std::string& provider, double lat, double lon) {
    Site s;
    s.id = id;
    s.name = id;
    s.provider = provider;
    s.lat = lat;
    s.lon = lon;
    return s;
}

/// `n` points spread evenly over the inhabited latitudes, one provider.
inline SiteFile random_sites(int n, unsigned seed) {
    SiteFile file;
    file.path = "random.yaml";
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lat(-55, 70), lon(-180, 180);
    for (int i = 0; i < n; ++i)
        file.sites.push_back(site_at("s" + std::to_string(i), "", lat(rng), lon(rng)));
    return file;
}

/// About 3,000 colocation sites of eight operators, clustered around 36 real metros as
/// colocation markets are: many sites a few kilometres apart.
inline SiteFile colocation_sites() {
    struct Metro {
        const char* name;
        double lat, lon;
        int sites;
    };
    const Metro metros[] = {
        {"Ashburn", 39.04, -77.49, 300},     {"Dallas", 32.78, -96.80, 150},
        {"Chicago", 41.88, -87.63, 120},     {"Silicon Valley", 37.35, -121.95, 200},
        {"Los Angeles", 34.05, -118.24, 90}, {"New York", 40.71, -74.01, 140},
        {"Atlanta", 33.75, -84.39, 70},      {"Phoenix", 33.45, -112.07, 80},
        {"Toronto", 43.65, -79.38, 60},      {"Montreal", 45.50, -73.57, 40},
        {"São Paulo", -23.55, -46.63, 90},   {"Querétaro", 20.59, -100.39, 40},
        {"London", 51.51, -0.13, 220},       {"Frankfurt", 50.11, 8.68, 200},
        {"Amsterdam", 52.37, 4.90, 160},     {"Paris", 48.86, 2.35, 110},
        {"Dublin", 53.35, -6.26, 80},        {"Madrid", 40.42, -3.70, 40},
        {"Milan", 45.46, 9.19, 40},          {"Stockholm", 59.33, 18.07, 30},
        {"Warsaw", 52.23, 21.01, 30},        {"Johannesburg", -26.20, 28.05, 30},
        {"Lagos", 6.52, 3.38, 20},           {"Dubai", 25.20, 55.27, 40},
        {"Mumbai", 19.08, 72.88, 90},        {"Chennai", 13.08, 80.27, 40},
        {"Singapore", 1.35, 103.82, 120},    {"Jakarta", -6.21, 106.85, 40},
        {"Hong Kong", 22.32, 114.17, 80},    {"Shanghai", 31.23, 121.47, 60},
        {"Beijing", 39.90, 116.40, 50},      {"Tokyo", 35.68, 139.69, 130},
        {"Osaka", 34.69, 135.50, 40},        {"Seoul", 37.57, 126.98, 60},
        {"Sydney", -33.87, 151.21, 80},      {"Melbourne", -37.81, 144.96, 40},
    };
    const char* operators[] = {"Equinix",       "Digital Realty", "NTT",   "CyrusOne",
                               "Iron Mountain", "Vantage",        "STACK", "Global Switch"};
    SiteFile file;
    file.path = "colocation.yaml";
    std::mt19937 rng(7);
    std::normal_distribution<double> jitter(0, 0.15); // degrees: sites across one metro area
    int k = 0;
    for (const auto& m : metros)
        for (int i = 0; i < m.sites; ++i, ++k)
            file.sites.push_back(site_at(std::string(m.name) + " " + std::to_string(i + 1),
                                         operators[k % 8], m.lat + jitter(rng),
                                         m.lon + jitter(rng)));
    return file;
}

} // namespace dcmap::workloads
