#pragma once
// Sites -> positions for every command: catalogue selection, geocoding and the country check.
#include "model/diagnostics.hpp"
#include "model/error.hpp"
#include "model/place.hpp"

#include <string>
#include <vector>

namespace dcmap::geocode {
class Catalogue;
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

/// Like resolve_site_file, but a site whose place or region cannot be found is left out and
/// its errors are added to `failures` instead of thrown, so `geocode FILE` shows the rest.
std::vector<ResolvedSite> resolve_each_site(const SiteFile& file,
                                            const std::string& option_catalogue,
                                            Diagnostics& diagnostics,
                                            std::vector<InputError>& failures);

/// Warns (at the site's position) for each site with explicit lat/lon and a country whose point
/// is more than `tolerance_km` outside that country, suggesting swapped lat/lon when the swapped
/// point lies inside it.
void check_countries(const std::vector<ResolvedSite>& sites, Diagnostics& diagnostics,
                     double tolerance_km = 30);

} // namespace dcmap::app
