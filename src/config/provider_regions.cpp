#include "config/provider_regions.hpp"

#include "config/yaml_reader.hpp"
#include "model/error.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdlib>

namespace dcmap::config {
namespace {

int line_of(const YAML::Node& node) { return node.Mark().line >= 0 ? node.Mark().line + 1 : 0; }

std::string text_at(const YAML::Node& map, const char* key) {
    if (!map.IsMap())
        return {};
    const YAML::Node value = map[key];
    return value && value.IsScalar() ? value.Scalar() : std::string();
}

std::optional<double> number_at(const YAML::Node& map, const char* key) {
    const std::string text = text_at(map, key);
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (*end != '\0')
        return std::nullopt;
    return value;
}

/// botocore's endpoints.json: partitions, each with regions {code: {description}}.
void read_botocore(const YAML::Node& root, ProviderRegionList& out) {
    out.format = "botocore endpoints.json";
    for (const auto& partition : root["partitions"]) {
        const std::string name = text_at(partition, "partition");
        if (!partition["regions"] || !partition["regions"].IsMap())
            continue;
        for (const auto& region : partition["regions"]) {
            ProviderRegion r;
            r.provider = "aws";
            r.code = region.first.Scalar();
            r.description = text_at(region.second, "description");
            if (name != "aws")
                r.note = "partition " + name;
            r.line = line_of(region.first);
            out.regions.push_back(std::move(r));
        }
    }
}

/// `az account list-locations -o json`: physical regions only (logical ones such as "global"
/// or the paired geography names have no place).
void read_azure(const YAML::Node& root, ProviderRegionList& out) {
    out.format = "az account list-locations";
    for (const auto& location : root) {
        const YAML::Node metadata = location["metadata"];
        if (text_at(metadata, "regionType") == "Logical")
            continue;
        ProviderRegion r;
        r.provider = "azure";
        r.code = text_at(location, "name");
        r.description = text_at(location, "displayName");
        r.place_hint = text_at(metadata, "physicalLocation");
        r.lat = number_at(metadata, "latitude");
        r.lon = number_at(metadata, "longitude");
        r.line = line_of(location);
        out.regions.push_back(std::move(r));
    }
}

/// OCI's regions-config.json (an array of realm/region keys) or `oci iam region list` output
/// ({"data": [{key, name}]}). The city is the middle of the id: eu-frankfurt-1.
void read_oracle(const YAML::Node& list, bool cli_output, ProviderRegionList& out) {
    out.format = cli_output ? "oci iam region list" : "OCI regions-config.json";
    for (const auto& region : list) {
        ProviderRegion r;
        r.provider = "oracle";
        r.code = text_at(region, cli_output ? "name" : "regionIdentifier");
        const std::string realm = text_at(region, "realmKey");
        if (!realm.empty() && realm != "oc1")
            r.note = "realm " + realm;
        const auto first = r.code.find('-'), last = r.code.rfind('-');
        if (first != std::string::npos && last > first)
            r.place_hint = r.code.substr(first + 1, last - first - 1);
        r.line = line_of(region);
        out.regions.push_back(std::move(r));
    }
}

/// `gcloud compute regions list --format=json`: names only; the town is not in the file.
void read_gcp(const YAML::Node& root, ProviderRegionList& out) {
    out.format = "gcloud compute regions list";
    for (const auto& region : root) {
        ProviderRegion r;
        r.provider = "gcp";
        r.code = text_at(region, "name");
        const std::string description = text_at(region, "description");
        if (description != r.code)
            r.description = description;
        r.line = line_of(region);
        out.regions.push_back(std::move(r));
    }
}

/// `aliyun ecs DescribeRegions --AcceptLanguage en-US`: {"Regions": {"Region": [...]}}.
void read_alibaba(const YAML::Node& list, ProviderRegionList& out) {
    out.format = "aliyun ecs DescribeRegions";
    for (const auto& region : list) {
        ProviderRegion r;
        r.provider = "alibaba";
        r.code = text_at(region, "RegionId");
        r.description = text_at(region, "LocalName");
        r.line = line_of(region);
        out.regions.push_back(std::move(r));
    }
}

bool first_has(const YAML::Node& list, const char* key) {
    // operator bool first: a missing key gives an invalid node that throws on any other call.
    return list && list.IsSequence() && list.size() > 0 && list[0].IsMap() && list[0][key];
}

/// The file as yaml-cpp's node tree (JSON is YAML): these lists are small, and their readers
/// index by key. Throws InputError at the syntax error's position.
YAML::Node load_tree(std::string_view text, const std::string& path) {
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        throw InputErrors({InputError({path, e.mark.line + 1, e.mark.column + 1},
                                      "not valid JSON or YAML: " + e.msg,
                                      "give the file as the provider's tool wrote it")});
    }
}

} // namespace

ProviderRegionList read_provider_regions(std::string_view text, const std::string& path) {
    const YAML::Node root = load_tree(text, path);
    ProviderRegionList out;
    if (root.IsMap() && root["partitions"] && root["partitions"].IsSequence())
        read_botocore(root, out);
    else if (root.IsMap() && root["Regions"] && root["Regions"]["Region"])
        read_alibaba(root["Regions"]["Region"], out);
    else if (root.IsMap() && first_has(root["data"], "key") && first_has(root["data"], "name"))
        read_oracle(root["data"], true, out);
    else if (first_has(root, "regionIdentifier"))
        read_oracle(root, false, out);
    else if (first_has(root, "metadata") && first_has(root, "displayName"))
        read_azure(root, out);
    else if (first_has(root, "name") && (first_has(root, "zones") || first_has(root, "status")))
        read_gcp(root, out);
    else
        throw InputError({path, 1, 1}, "not a provider region list this version reads",
                         "give botocore's endpoints.json, OCI regions-config.json or `oci iam "
                         "region list` output, `az account list-locations -o json`, `gcloud "
                         "compute regions list --format=json` or `aliyun ecs DescribeRegions` "
                         "output");
    for (const auto& r : out.regions)
        if (r.code.empty())
            throw InputError({path, r.line, 1}, "a region without its id",
                             "every region needs its programmatic name");
    return out;
}

} // namespace dcmap::config
