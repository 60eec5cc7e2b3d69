// Geocoding benchmark: loads the embedded gazetteer and catalogue, then resolves 10,000 queries,
// a seeded mix of hits (tests/data/datacenter-places.tsv), unqualified namesakes and misses
// (misspellings and made-up names). Prints the timings; never run by ctest (bench/README.md).
#include "geocode/catalogue.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/geocoder.hpp"
#include "model/error.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<std::string> truth_queries(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
        out.push_back(line.substr(0, line.find('\t')));
    return out;
}

} // namespace

int main(int argc, char** argv) {
    const std::string truth =
        argc > 1 ? argv[1] : DCMAP_SOURCE_DIR "/tests/data/datacenter-places.tsv";
    const int total = argc > 2 ? std::atoi(argv[2]) : 10000;
    const auto hits = truth_queries(truth);
    if (hits.empty()) {
        std::fprintf(stderr, "bench_geocode: no queries in %s\n", truth.c_str());
        return 1;
    }
    const std::vector<std::string> namesakes = {
        "Springfield", "Portland", "Dublin",    "Athens",   "Columbus",  "Paris",     "Frankfurt",
        "Santiago",    "Valencia", "Cambridge", "Kingston", "Hyderabad", "Richmond",  "Salem",
        "Jackson",     "Newport",  "Victoria",  "San Jose", "Cordoba",   "Alexandria"};

    // 80% hits, 10% unqualified namesakes, 10% misses; seeded, so every run asks the same.
    std::mt19937 rng(20251128);
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<int> letter('a', 'z');
    std::vector<std::string> queries;
    queries.reserve(total);
    int n_hits = 0, n_namesakes = 0, n_misses = 0;
    for (int i = 0; i < total; ++i) {
        const int p = percent(rng);
        if (p < 80) {
            queries.push_back(hits[rng() % hits.size()]);
            ++n_hits;
        } else if (p < 90) {
            queries.push_back(namesakes[rng() % namesakes.size()]);
            ++n_namesakes;
        } else {
            std::string q;
            if (p < 95) {
                // A made-up name: 6 to 11 random letters.
                const int len = 6 + static_cast<int>(rng() % 6);
                for (int k = 0; k < len; ++k)
                    q += static_cast<char>(letter(rng));
            } else {
                // A typo in a hit: one letter of its name replaced by 'q' (a miss unless the
                // result happens to be another place's name).
                q = hits[rng() % hits.size()];
                q = q.substr(0, q.find(','));
                q[rng() % q.size()] = 'q';
            }
            queries.push_back(q);
            ++n_misses;
        }
    }

    const std::clock_t cpu_start = std::clock();
    auto start = Clock::now();
    const auto& gazetteer = dcmap::geocode::Gazetteer::embedded();
    const double load_gazetteer_ms = ms_since(start);
    start = Clock::now();
    const auto& catalogue = dcmap::geocode::Catalogue::embedded();
    const double load_catalogue_ms = ms_since(start);
    const dcmap::geocode::Geocoder geocoder(gazetteer, catalogue);

    int found = 0, failed = 0;
    double hit_ms = 0, miss_ms = 0, first_miss_ms = 0;
    start = Clock::now();
    for (const auto& q : queries) {
        const auto t = Clock::now();
        try {
            geocoder.lookup(q);
            ++found;
            hit_ms += ms_since(t);
        } catch (const dcmap::GeocodeError&) {
            // The first miss also builds the closest-name index (once per process).
            if (++failed == 1)
                first_miss_ms = ms_since(t);
            else
                miss_ms += ms_since(t);
        }
    }
    const double resolve_ms = ms_since(start);

    std::printf("queries: %d (%d hits, %d unqualified namesakes, %d misses; seed 20251128)\n",
                total, n_hits, n_namesakes, n_misses);
    std::printf("load gazetteer:   %8.1f ms\n", load_gazetteer_ms);
    std::printf("load catalogue:   %8.1f ms\n", load_catalogue_ms);
    std::printf("resolve all:      %8.1f ms (%.1f us/query)\n", resolve_ms,
                1000 * resolve_ms / total);
    std::printf("  found %d:       %8.1f ms (%.1f us each)\n", found, hit_ms,
                found ? 1000 * hit_ms / found : 0);
    std::printf("  first miss:     %8.1f ms (builds the closest-name index)\n", first_miss_ms);
    std::printf("  other %d misses: %7.1f ms (%.1f us each, incl. closest-name search)\n",
                failed > 1 ? failed - 1 : 0, miss_ms,
                failed > 1 ? 1000 * miss_ms / (failed - 1) : 0);
    std::printf("load + resolve:   %8.1f ms wall, %.1f ms CPU\n",
                load_gazetteer_ms + load_catalogue_ms + resolve_ms,
                1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);

    // Hostile queries (issue 11): the closest-name search must stay bounded whatever the length,
    // and repeated unknown names must cost one search.
    const auto time_misses = [&](const std::string& query, int times) {
        const auto t = Clock::now();
        for (int i = 0; i < times; ++i) {
            try {
                geocoder.lookup(query);
            } catch (const dcmap::GeocodeError&) {
            }
        }
        return ms_since(t);
    };
    std::string long_query(100'000, 'a');
    for (std::size_t i = 0; i < long_query.size(); ++i)
        long_query[i] = static_cast<char>('a' + (i * 7 + i / 26) % 26);
    std::string place_200;
    for (int i = 0; place_200.size() < 200; ++i)
        place_200 += std::string(i % 3 ? "qorvandel " : "zimbrath ");
    place_200.resize(200);
    std::printf("one 100,000-letter unknown place:   %8.1f ms\n", time_misses(long_query, 1));
    std::printf("one 500-letter unknown place:       %8.1f ms\n",
                time_misses(long_query.substr(1000, 500), 1));
    std::printf("100 x one 200-char unknown place:   %8.1f ms\n", time_misses(place_200, 100));

    // nearest_town (the locality of lat/lon sites): 100,000 points near seeded towns, on land.
    std::vector<std::pair<double, double>> points;
    std::uniform_real_distribution<double> jitter(-0.3, 0.3);
    for (int i = 0; i < 100'000; ++i) {
        try {
            const auto m = gazetteer.lookup(hits[rng() % hits.size()]);
            points.emplace_back(m.place.lon + jitter(rng), m.place.lat + jitter(rng));
        } catch (const dcmap::GeocodeError&) {
        }
    }
    start = Clock::now();
    gazetteer.nearest_town(0, 0);
    const double grid_ms = ms_since(start);
    start = Clock::now();
    const std::clock_t nearest_cpu = std::clock();
    std::size_t named = 0;
    for (const auto& [lon, lat] : points)
        named += gazetteer.nearest_town(lon, lat).has_value();
    std::printf("nearest_town: grid built in %.1f ms; %zu lookups %.1f ms wall, %.1f ms CPU "
                "(%zu named)\n",
                grid_ms, points.size(), ms_since(start),
                1000.0 * static_cast<double>(std::clock() - nearest_cpu) / CLOCKS_PER_SEC, named);
    return 0;
}
