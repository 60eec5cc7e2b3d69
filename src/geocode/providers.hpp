#pragma once
// Providers as maps, reports and exports name them: one display name for every spelling of a
// built-in provider, and a style's `providers:` entries matched to the sites they colour.
#include "model/place.hpp"
#include "model/style.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dcmap::geocode {

/// The display name of a built-in provider key: "aws" -> "AWS", "azure" -> "Microsoft Azure",
/// "gcp" -> "Google Cloud", "alibaba" -> "Alibaba Cloud", "oracle" -> "Oracle Cloud"; empty for
/// any other text.
std::string provider_display_name(std::string_view key);

/// The provider as every command names it: the display name for any spelling of a built-in
/// provider ("aws", "Amazon Web Services" -> "AWS"), else the text with surrounding spaces
/// removed ("Equinix"). Empty stays empty.
std::string canonical_provider(std::string_view written);

/// Matches a style's `providers:` entries to the sites of one map: each entry is keyed by the
/// canonical name of the provider it names (several entries for one provider merge, later ones
/// winning), an entry's `name:` renames that provider on the sites, and each entry's
/// `provider` becomes the name the sites now carry (what layout matches on). Sites' providers
/// must be canonical already (see canonical_provider).
void apply_provider_styles(std::vector<ProviderStyle>& styles, std::vector<ResolvedSite>& sites);
/// The same for sites held in another type (the layout's): each site's provider text.
void apply_provider_styles(std::vector<ProviderStyle>& styles,
                           const std::vector<std::string*>& providers);

} // namespace dcmap::geocode
