#include "app/resolution.hpp"
#include "app/parallel.hpp"
#include "app/value_position.hpp"

#include "basemap/countries.hpp"
#include "config/text_check.hpp"
#include "geocode/catalogue.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/geocoder.hpp"
#include "geocode/providers.hpp"
#include "geocode/resolve.hpp"
#include "io/input_file.hpp"
#include "io/threads.hpp"
#include "io/zeroed_pages.hpp"
#include "layout/layout.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dcmap::app {

namespace {

std::string degrees(double lat, double lon) {
    char text[64];
    std::snprintf(text, sizeof text, "lat %.4f, lon %.4f", lat, lon);
    return text;
}

} // namespace

PlaceLookup::PlaceLookup(const std::string& option_catalogue)
    : catalogue_(std::make_unique<geocode::Catalogue>(load_catalogue({}, option_catalogue))),
      geocoder_(std::make_unique<geocode::Geocoder>(geocode::Gazetteer::embedded(), *catalogue_)) {}

PlaceLookup::~PlaceLookup() = default;

GeocodeMatch PlaceLookup::lookup(std::string_view query) const { return geocoder_->lookup(query); }

std::string provider_key(std::string_view provider) { return geocode::provider_key(provider); }

std::vector<Region> catalogue_regions(const std::string& provider,
                                      const std::string& option_catalogue) {
    const geocode::Catalogue catalogue = load_catalogue({}, option_catalogue);
    std::vector<Region> rows;
    for (const auto& r : catalogue.regions())
        if (provider.empty() || r.provider == provider)
            rows.push_back(r);
    return rows;
}

geocode::Catalogue load_catalogue(const std::string& file_catalogue,
                                  const std::string& option_catalogue) {
    geocode::Catalogue catalogue = geocode::Catalogue::embedded();
    for (const auto* path : {&file_catalogue, &option_catalogue}) {
        if (path->empty())
            continue;
        const std::string text =
            io::read_input_file(*path, limits::catalogue_file_bytes, "catalogue");
        config::check_text_file(text, *path);
        catalogue = catalogue.merged_with(geocode::Catalogue::from_tsv(text, *path));
    }
    return catalogue;
}

namespace {

ResolvedSite& resolved_of(ResolvedSite& site) { return site; }
ResolvedSite& resolved_of(layout::ProjectedSite& site) { return site.site; }

/// resolve_site_file into a vector of ResolvedSite or of ProjectedSite: the layout's copy is
/// built in place, so a long list is never held as both at once.
template <typename Slot>
std::vector<Slot> resolve_into(const SiteFile& file, const std::string& option_catalogue,
                               Diagnostics& diagnostics, std::vector<Site>* take = nullptr) {
    std::vector<Slot> sites;
    // A region is checked against the catalogue even when coordinates place the site, so one
    // file never resolves differently depending on its other sites.
    const bool needs = std::any_of(file.sites.begin(), file.sites.end(), [](const Site& s) {
        return geocode::needs_geocoding(s) || !s.region.empty();
    });
    if (!needs) {
        // A file of explicit coordinates needs no catalogue and no place-name lookups.
        // Built in one sweep over fresh huge pages: resizing first wrote the ~950 bytes of each
        // slot twice, and 100,000 sites spent ~0.3 s of one core in page faults.
        io::reserve_on_huge_pages(sites, file.sites.size());
        for (std::size_t i = 0; i < file.sites.size(); ++i) {
            ResolvedSite& r = resolved_of(sites.emplace_back());
            if (take)
                r.site = std::move((*take)[i]);
            else
                r.site = file.sites[i];
            r.site.provider = geocode::canonical_provider(r.site.provider);
            r.lat = *r.site.lat;
            r.lon = *r.site.lon;
        }
        if (take)
            std::vector<Site>().swap(*take); // frees the list's storage now, not at the end
        // Nothing needs the catalogues, but a broken one is still an error in the file.
        if (!file.catalogue.empty() || !option_catalogue.empty())
            at_value(file.catalogue_pos,
                     [&] { return load_catalogue(file.catalogue, option_catalogue); });
        // The gazetteer names each site's country and nearest town (its locality); a map of no
        // sites does not load it.
        if (sites.empty())
            return sites;
        // The country polygons (and their index, when this many sites pay for it) are loaded
        // here rather than by whichever lookup below comes first, and beside the gazetteer's
        // tables: on one core the index was ~40 ms of a 10,000-site map with the other core
        // idle. Asked of the resolved sites: `take` has emptied the file's list by now.
        const bool any_without_country = std::any_of(sites.begin(), sites.end(), [](Slot& s) {
            return resolved_of(s).site.country.empty();
        });
        io::run_tasks(2, any_without_country ? io::cores(2) : 1, [&](std::size_t k) {
            if (k == 0)
                geocode::Gazetteer::embedded();
            else if (any_without_country)
                basemap::prepare_country_lookups(sites.size());
        });
        const auto& gazetteer = geocode::Gazetteer::embedded();
        detail::for_each_index(sites.size(), [&](std::size_t i) {
            ResolvedSite& r = resolved_of(sites[i]);
            if (!r.site.country.empty())
                r.country = gazetteer.country_code(r.site.country);
            geocode::locate_coordinates(r, gazetteer);
        });
    } else {
        const geocode::Catalogue catalogue = at_value(
            file.catalogue_pos, [&] { return load_catalogue(file.catalogue, option_catalogue); });
        const geocode::Geocoder geocoder(geocode::Gazetteer::embedded(), catalogue);
        auto resolved = geocode::resolve_sites(file, geocoder, diagnostics);
        sites.resize(resolved.size());
        for (std::size_t i = 0; i < resolved.size(); ++i)
            resolved_of(sites[i]) = std::move(resolved[i]);
    }
    // Explicit coordinates without `country:`: the base map's polygon says which country they
    // are in; the nearest town's country (set above) stands at sea or off the 1:50m polygons.
    // Before the edge index, a lookup tests rings one by one (~250,000 instructions a point at
    // sea): worth both cores from a few dozen points.
    constexpr std::size_t kParallelCountryLookups = 32;
    detail::for_each_index(
        sites.size(),
        [&](std::size_t i) {
            ResolvedSite& r = resolved_of(sites[i]);
            if (r.source == PlaceSource::explicit_coordinates && r.site.country.empty())
                if (auto iso = basemap::country_at(r.lon, r.lat); !iso.empty())
                    r.country = std::move(iso);
        },
        kParallelCountryLookups);
    for (auto& slot : sites) // in file order: warnings come out as the sites are listed
        check_country(resolved_of(slot), diagnostics, default_country_tolerance_km);
    return sites;
}

} // namespace

std::vector<ResolvedSite> resolve_site_file(const SiteFile& file,
                                            const std::string& option_catalogue,
                                            Diagnostics& diagnostics) {
    return resolve_into<ResolvedSite>(file, option_catalogue, diagnostics);
}

std::vector<Point> check_site_places(const SiteFile& file, const std::string& option_catalogue,
                                     Diagnostics& diagnostics) {
    const bool needs = std::any_of(file.sites.begin(), file.sites.end(), [](const Site& s) {
        return geocode::needs_geocoding(s) || !s.region.empty();
    });
    std::vector<Point> lonlats;
    lonlats.reserve(file.sites.size());
    if (needs) {
        for (const auto& r : resolve_site_file(file, option_catalogue, diagnostics))
            lonlats.push_back({r.lon, r.lat});
        return lonlats;
    }
    // Explicit coordinates: the same checks as resolve_site_file's, one site at a time, without
    // the nearest town and the country polygon, which only label and count sites on a map.
    if (!file.catalogue.empty() || !option_catalogue.empty())
        at_value(file.catalogue_pos,
                 [&] { return load_catalogue(file.catalogue, option_catalogue); });
    const bool any_country = std::any_of(file.sites.begin(), file.sites.end(),
                                         [](const Site& s) { return !s.country.empty(); });
    const geocode::Gazetteer* gazetteer = any_country ? &geocode::Gazetteer::embedded() : nullptr;
    ResolvedSite r;
    for (const auto& s : file.sites) {
        lonlats.push_back({*s.lon, *s.lat});
        if (s.country.empty())
            continue;
        r.site = s;
        r.lat = *s.lat;
        r.lon = *s.lon;
        r.country = gazetteer->country_code(s.country);
        check_country(r, diagnostics, default_country_tolerance_km);
    }
    return lonlats;
}

std::vector<layout::ProjectedSite> resolve_for_layout(const SiteFile& file,
                                                      const std::string& option_catalogue,
                                                      Diagnostics& diagnostics,
                                                      std::vector<Site>* take) {
    return resolve_into<layout::ProjectedSite>(file, option_catalogue, diagnostics, take);
}

std::vector<ResolvedSite> resolve_each_site(const SiteFile& file,
                                            const std::string& option_catalogue,
                                            Diagnostics& diagnostics,
                                            std::vector<InputError>& failures) {
    const bool needs = std::any_of(file.sites.begin(), file.sites.end(), [](const Site& s) {
        return geocode::needs_geocoding(s) || !s.region.empty();
    });
    if (!needs)
        return resolve_site_file(file, option_catalogue, diagnostics);
    const geocode::Catalogue catalogue = at_value(
        file.catalogue_pos, [&] { return load_catalogue(file.catalogue, option_catalogue); });
    const geocode::Geocoder geocoder(geocode::Gazetteer::embedded(), catalogue);
    SiteFile one = file;
    one.sites.clear();
    std::vector<ResolvedSite> sites;
    for (const auto& site : file.sites) {
        one.sites = {site};
        try {
            auto resolved = geocode::resolve_sites(one, geocoder, diagnostics);
            sites.insert(sites.end(), resolved.begin(), resolved.end());
        } catch (const InputErrors& e) {
            failures.insert(failures.end(), e.errors().begin(), e.errors().end());
        } catch (const InputError& e) {
            failures.push_back(e);
        }
    }
    check_countries(sites, diagnostics);
    return sites;
}

void check_countries(const std::vector<ResolvedSite>& sites, Diagnostics& diagnostics,
                     double tolerance_km) {
    for (const auto& r : sites)
        check_country(r, diagnostics, tolerance_km);
}

void check_country(const ResolvedSite& r, Diagnostics& diagnostics, double tolerance_km) {
    if (r.source != PlaceSource::explicit_coordinates || r.site.country.empty())
        return;
    const SourcePos& at = r.site.country_pos.file.empty() ? r.site.pos : r.site.country_pos;
    if (r.country.empty()) {
        diagnostics.warn(at, "unknown country \"" + r.site.country + "\" of site \"" +
                                 r.site.key() + "\"; use a name or an ISO code (DE, DEU)");
        return;
    }
    const auto km = basemap::distance_to_country_km(r.country, r.lon, r.lat);
    if (!km || *km <= tolerance_km)
        return;
    const std::string found = basemap::country_at(r.lon, r.lat);
    std::string message = "site \"" + r.site.key() + "\" at " + degrees(r.lat, r.lon) + " is " +
                          std::to_string(std::lround(*km)) + " km outside " + r.country;
    message += found.empty() ? " (at sea or in no country)" : " (it is in " + found + ")";
    const bool swapped_fits = std::abs(r.lon) <= 90 && [&] {
        const auto d = basemap::distance_to_country_km(r.country, r.lat, r.lon);
        return d && *d <= tolerance_km;
    }();
    message += swapped_fits ? "; lat and lon look swapped" : "; check the coordinates";
    diagnostics.warn(at, message);
}

} // namespace dcmap::app
