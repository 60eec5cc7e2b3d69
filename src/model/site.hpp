#pragma once
// A site as written in the input file, and the file's metadata. Plain values only.
#include "model/map_settings.hpp"
#include "model/source_pos.hpp"
#include "model/vector_layer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dcmap {

enum class Status { live, announced, planned, under_construction, retired };

/// "live", "announced", "planned", "under-construction", "retired".
inline const char* to_string(Status s) {
    switch (s) {
    case Status::live:
        return "live";
    case Status::announced:
        return "announced";
    case Status::planned:
        return "planned";
    case Status::under_construction:
        return "under-construction";
    case Status::retired:
        return "retired";
    }
    return "live";
}

/// One data-center site or cloud region from the input file.
struct Site {
    std::string id;       ///< unique within the file; empty when the file gives none
    std::string name;     ///< required
    std::string label;    ///< text drawn instead of name; empty = use name
    std::string provider; ///< free text ("Alibaba Cloud"); empty when not given
    Status status = Status::live;

    /// Exactly one way of placing the site is set after loading:
    std::optional<std::string> location_query; ///< `location: "Hangzhou, China"`, to be geocoded
    std::optional<double> lat;                 ///< explicit degrees, WGS84, -90..90
    std::optional<double> lon;                 ///< explicit degrees, WGS84, -180..180
    /// `region: aws:eu-central-1`, or the code alone with `provider:`; the catalogue places the
    /// site when it has no location or lat/lon, and its display name fills an empty name.
    std::string region;
    std::string country; ///< `country:` as written (name or ISO code); empty when not given

    std::optional<int> zones;          ///< availability-zone count, > 0
    std::optional<double> capacity_mw; ///< > 0
    std::string opened;                ///< ISO date text, may be empty
    std::string announced;             ///< ISO date text, may be empty
    std::string note;
    int priority = 0; ///< higher gets its label placed first (optional `priority:` key)

    SourcePos pos;          ///< position of the site's mapping (for "site X" errors)
    SourcePos location_pos; ///< position of the location value (for geocoding errors)
    SourcePos region_pos;   ///< position of the region value
    SourcePos country_pos;  ///< position of the country value

    /// The id used in layout output: id, or name when the file gave no id.
    const std::string& key() const { return id.empty() ? name : id; }
    /// The text to draw next to the marker.
    const std::string& display_label() const { return label.empty() ? name : label; }
};

/// A whole input file after loading and validation.
struct SiteFile {
    std::string path;
    std::string title;
    std::string subtitle;
    std::string source;    ///< shown in the footer
    std::string as_of;     ///< ISO date text
    std::string catalogue; ///< `catalogue:` file of extra/overriding regions, relative to the
                           ///< site file's folder after loading; empty when not given
    SourcePos catalogue_pos;
    MapSettings map;
    std::vector<LayerRequest> layers; ///< `layers:`, in drawing order
    std::vector<Site> sites;
};

} // namespace dcmap
