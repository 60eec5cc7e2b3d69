#pragma once
// The providers' own region lists, as their SDKs and CLIs publish them, -> plain rows
// (botocore endpoints.json, OCI regions-config.json or `oci iam region list`,
// `az account list-locations -o json`, `gcloud compute regions list --format=json`,
// `aliyun ecs DescribeRegions`). JSON is read with yaml-cpp, which parses it as YAML.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::config {

/// One region as a provider's data file lists it.
struct ProviderRegion {
    std::string provider;           ///< aws, azure, gcp, alibaba or oracle
    std::string code;               ///< "eu-central-1", "westeurope", "eu-frankfurt-1"
    std::string description;        ///< "Europe (Frankfurt)", "West Europe"; may be empty (gcloud)
    std::string place_hint;         ///< the provider's place text, when separate ("Netherlands")
    std::optional<double> lat, lon; ///< the provider's own coordinates (Azure only)
    std::string note;               ///< "partition aws-cn", "realm oc20"
    int line = 0;                   ///< line of the region in the file
};

/// The format a data file was recognised as, and its regions in file order.
struct ProviderRegionList {
    std::string format; ///< "botocore endpoints.json", "az account list-locations", ...
    std::vector<ProviderRegion> regions;
};

/// Recognises and reads one provider data file's text. `path` names it in messages. Throws
/// InputError at path:line:col when the text is not JSON/YAML or is none of the five formats.
ProviderRegionList read_provider_regions(std::string_view text, const std::string& path);

} // namespace dcmap::config
