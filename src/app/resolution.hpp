#pragma once
// Sites -> positions for every command: catalogue selection, geocoding and the country check.
#include "model/diagnostics.hpp"
#include "model/error.hpp"
#include "model/geometry.hpp"
#include "model/place.hpp"
#include "model/region.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::geocode {
class Catalogue;
class Geocoder;
} // namespace dcmap::geocode
namespace dcmap::layout {
struct ProjectedSite;
}

namespace dcmap::app {

/// The built-in catalogue with the site file's `catalogue:` rows and then the `--catalogue`
/// rows applied over it (either may be empty). Throws IoError / InputError from the files.
geocode::Catalogue load_catalogue(const std::string& file_catalogue,
                                  const std::string& option_catalogue);

/// Resolves every site of `file` (see geocode::resolve_sites) with the catalogue above, then
/// warns about sites whose explicit coordinates lie outside the country they name. Loads the
/// gazetteer only when some site needs it. Throws InputErrors for unknown places.
std::vector<ResolvedSite> resolve_site_file(const SiteFile& file,
                                            const std::string& option_catalogue,
                                            Diagnostics& diagnostics);

/// What `validate` needs of resolve_site_file: the same errors and warnings, and each site's
/// position (lon, lat), without keeping a resolved copy of every site.
std::vector<Point> check_site_places(const SiteFile& file, const std::string& option_catalogue,
                                     Diagnostics& diagnostics);

/// resolve_site_file for drawing: each site resolved in place into the layout's request, with
/// its locality and country, so a long list is not held twice. With `take` (the file's own
/// sites), a file of lat/lon sites gives its sites up instead of copying them and `take` is
/// left empty. Needs layout/layout.hpp.
std::vector<layout::ProjectedSite> resolve_for_layout(const SiteFile& file,
                                                      const std::string& option_catalogue,
                                                      Diagnostics& diagnostics,
                                                      std::vector<Site>* take = nullptr);

/// Like resolve_site_file, but a site whose place or region cannot be found is left out and
/// its errors are added to `failures` instead of thrown, so `geocode FILE` shows the rest.
std::vector<ResolvedSite> resolve_each_site(const SiteFile& file,
                                            const std::string& option_catalogue,
                                            Diagnostics& diagnostics,
                                            std::vector<InputError>& failures);

/// Looks places up one at a time as a site file's `location:` is looked up: the embedded
/// gazetteer and the built-in catalogue with `option_catalogue`'s rows (`dcmap geocode PLACE`).
class PlaceLookup {
public:
    /// Throws IoError / InputError from the catalogue file.
    explicit PlaceLookup(const std::string& option_catalogue);
    ~PlaceLookup();
    PlaceLookup(const PlaceLookup&) = delete;
    PlaceLookup& operator=(const PlaceLookup&) = delete;

    /// The best match with runners-up and warnings. Throws GeocodeError with the closest names.
    GeocodeMatch lookup(std::string_view query) const;

private:
    std::unique_ptr<geocode::Catalogue> catalogue_;
    std::unique_ptr<geocode::Geocoder> geocoder_;
};

/// The provider key (aws, azure, gcp, alibaba, oracle) for any spelling of a provider's name
/// ("Amazon Web Services", "AWS"); empty when it is none of them.
std::string provider_key(std::string_view provider);

/// The catalogue's regions (built-in plus `option_catalogue`), of one provider key or of all
/// when `provider` is empty, in catalogue order. Throws IoError / InputError from the file.
std::vector<Region> catalogue_regions(const std::string& provider,
                                      const std::string& option_catalogue);

/// Warns (at the site's position) for each site with explicit lat/lon and a country whose point
/// is more than `tolerance_km` outside that country, suggesting swapped lat/lon when the swapped
/// point lies inside it.
inline constexpr double default_country_tolerance_km = 30;
void check_countries(const std::vector<ResolvedSite>& sites, Diagnostics& diagnostics,
                     double tolerance_km = default_country_tolerance_km);
/// check_countries for one site.
void check_country(const ResolvedSite& site, Diagnostics& diagnostics,
                   double tolerance_km = default_country_tolerance_km);

} // namespace dcmap::app
