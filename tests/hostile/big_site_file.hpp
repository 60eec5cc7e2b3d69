#pragma once
// A large site file written the way many hands write them (issue 11, row 9): most sites by
// lat/lon, many by place name (a few hundred distinct names, each repeated), some by region code,
// with providers, statuses and notes. Generated, never committed; the hostile test writes one just
// under the site-file limit and bench/big_site_file writes one of any size for timing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace dcmap::testing {

/// Writes sites to `out` until it holds at least `bytes` bytes; returns the number of sites.
inline std::size_t write_big_site_file(std::FILE* out, std::size_t bytes) {
    static const char* const places[] = {
        "Frankfurt, Germany",
        "Ashburn, VA, US",
        "Amsterdam, Netherlands",
        "Dublin, Ireland",
        "London, United Kingdom",
        "Paris, France",
        "Tokyo, Japan",
        "Osaka, Japan",
        "Singapore",
        "Sydney, Australia",
        "Melbourne, Australia",
        "Sao Paulo, Brazil",
        "Santiago, Chile",
        "Johannesburg, South Africa",
        "Mumbai, India",
        "Hyderabad, India",
        "Seoul, South Korea",
        "Hong Kong",
        "Jakarta, Indonesia",
        "Toronto, Canada",
        "Montreal, Canada",
        "The Dalles, Oregon, US",
        "Council Bluffs, IA, US",
        "Prineville, OR",
        "Quincy, WA",
        "Des Moines, Iowa",
        "San Antonio, Texas",
        "Phoenix, Arizona",
        "Columbus, Ohio",
        "Chicago, Illinois",
        "Zurich, Switzerland",
        "Milan, Italy",
        "Madrid, Spain",
        "Stockholm, Sweden",
        "Helsinki, Finland",
        "Warsaw, Poland",
        "Vienna, Austria",
        "Oslo, Norway",
        "Tel Aviv, Israel",
        "Dubai, United Arab Emirates",
        "Doha, Qatar",
        "Bahrain",
        "Hangzhou, China",
        "Beijing, China",
        "Shanghai, China",
        "Shenzhen, China",
        "Bangkok, Thailand",
        "Kuala Lumpur, Malaysia",
        "Manila, Philippines",
        "Auckland, New Zealand",
        "Querétaro, Mexico",
        "Bogotá, Colombia",
        "Lagos, Nigeria",
        "Nairobi, Kenya",
        "Cairo, Egypt",
        "Riyadh, Saudi Arabia",
        "Eemshaven",
        "Europe (Frankfurt)",
        "East US 2",
        "Lisbon, Portugal",
    };
    static const char* const regions[] = {
        "aws:eu-central-1",   "aws:us-east-1", "azure:westeurope", "gcp:europe-west3",
        "aws:ap-southeast-1", "azure:eastus2", "gcp:us-central1",  "aws:sa-east-1",
    };
    static const char* const providers[] = {"AWS", "Azure", "GCP", "Alibaba", "Oracle", "Equinix"};
    static const char* const statuses[] = {"live", "live", "live", "announced", "retired"};
    constexpr std::size_t n_places = sizeof places / sizeof *places;
    constexpr std::size_t n_regions = sizeof regions / sizeof *regions;

    std::uint64_t state = 20261130;
    const auto next = [&state] { // a fixed LCG: the same file on every machine
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    };
    std::size_t written = 0;
    const auto put = [&](const std::string& text) {
        std::fwrite(text.data(), 1, text.size(), out);
        written += text.size();
    };
    put("title: A large generated site file\nsubtitle: \"issue 11, row 9\"\n"
        "map:\n  projection: robinson\n  width: 2400\n  height: 1200\nsites:\n");
    std::size_t sites = 0;
    char buf[512];
    while (written < bytes) {
        const std::uint32_t r = next();
        const char* provider = providers[r % 6];
        const char* status = statuses[(r >> 3) % 5];
        const std::uint32_t kind = (r >> 6) % 10;
        if (kind < 6) { // by coordinates, block style
            const double lat = -60.0 + (next() % 1350000) / 10000.0;
            const double lon = -180.0 + (next() % 3600000) / 10000.0;
            std::snprintf(buf, sizeof buf,
                          "  - id: s%07zu\n    name: \"Site %zu\"\n    provider: %s\n"
                          "    status: %s\n    lat: %.4f\n    lon: %.4f\n",
                          sites, sites, provider, status, lat, lon);
        } else if (kind < 9) { // by place name, flow style
            std::snprintf(buf, sizeof buf,
                          "  - {id: s%07zu, name: \"Hall %zu\", provider: %s, status: %s, "
                          "location: \"%s\"}\n",
                          sites, sites, provider, status, places[next() % n_places]);
        } else { // by region code, with a note
            std::snprintf(buf, sizeof buf,
                          "  - id: s%07zu\n    region: %s\n    status: %s\n"
                          "    note: \"row %zu of a generated file\"\n",
                          sites, regions[next() % n_regions], status, sites);
        }
        put(buf);
        ++sites;
    }
    return sites;
}

} // namespace dcmap::testing
