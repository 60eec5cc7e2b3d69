#pragma once
// One function per subcommand. Each gets its parsed options, does the work, prints through
// out/err and returns the exit code. They catch dcmap errors themselves.
#include "app/pipeline.hpp"
#include "model/timeline.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace dcmap::cli {

struct RenderCommand {
    std::vector<std::string> inputs;            ///< files or folders of *.yaml
    std::vector<std::string> outputs;           ///< map files of one input, or one folder
    std::vector<std::string> formats = {"png"}; ///< for folder output
    MapSettings overrides;            ///< map options, parsed by the rules of the file's `map:`
    std::optional<std::string> title; ///< --title
    double scale = 1;
    std::string png = "truecolor";   ///< --png truecolor|palette
    std::string layout_json;         ///< empty = none
    std::string resolved;            ///< --resolved FILE (.geojson .gpkg .csv .fgb); empty = none
    std::string columns;             ///< --columns key=COLUMN,... for CSV/GeoJSON/GPKG inputs
    std::vector<std::string> layers; ///< --layer FILE: extra vector layers, drawn under sites
    std::string catalogue;           ///< --catalogue FILE of extra regions; empty = none
    bool strict = false;             ///< geocoding warnings are errors: nothing is written
    std::string svg_id_prefix;       ///< --svg-id-prefix; empty = from output name and content
    std::string svg_text = "text";   ///< --svg-text text|paths
    bool quiet = false;              ///< -q: only warnings and errors
    bool verbose = false;            ///< -v: also a one-line summary per map
    unsigned jobs = 1;               ///< -j: inputs rendered at once (output order is input order)
    std::optional<long long> creation_epoch; ///< SOURCE_DATE_EPOCH; unset = a fixed date
    std::optional<Timeline> timeline;        ///< --as-of / --facet; unset = neither
};
int run_render(const RenderCommand& cmd, std::ostream& out, std::ostream& err);

struct ValidateCommand {
    std::vector<std::string> inputs;
    bool strict = false;   ///< warnings count as errors
    std::string catalogue; ///< --catalogue FILE of extra regions; empty = none
    std::string columns;   ///< --columns key=COLUMN,... for CSV/GeoJSON/GPKG inputs
    unsigned jobs = 1;     ///< -j: inputs checked at once (output order is input order)
};
int run_validate(const ValidateCommand& cmd, std::ostream& out, std::ostream& err);

struct GeocodeCommand {
    std::vector<std::string> queries; ///< places, region ids, or one site file (.yaml)
    bool json = false;                ///< same as format = "json"
    std::string format = "table";     ///< for a site file: table, csv or json
    std::string catalogue;            ///< --catalogue FILE of extra regions; empty = none
    bool strict = false;              ///< warnings (ambiguous places) make the exit code 1
};
int run_geocode(const GeocodeCommand& cmd, std::ostream& out, std::ostream& err);

struct RegionsCommand {
    std::string provider;  ///< provider key or name; empty = all
    bool json = false;     ///< one JSON object per region and line
    std::string catalogue; ///< --catalogue FILE of extra regions; empty = none
};
int run_regions(const RegionsCommand& cmd, std::ostream& out, std::ostream& err);

struct StatsCommand {
    std::vector<std::string> inputs; ///< site files ("-" = standard input, "git:REV:PATH")
    std::string format = "md";       ///< md, csv or json
    std::string catalogue;           ///< --catalogue FILE of extra regions; empty = none
};
int run_stats(const StatsCommand& cmd, std::ostream& out, std::ostream& err);

struct DiffCommand {
    std::string old_file;             ///< a path, "-" or "git:REV:PATH"
    std::string new_file;             ///< a path, "-" or "git:REV:PATH"
    std::string format = "md";        ///< md, csv or json
    double moved_km = 25;             ///< a site counts as moved beyond this distance
    bool exit_code = false;           ///< --exit-code: exit 1 when anything changed
    std::string catalogue;            ///< --catalogue FILE of extra regions; empty = none
    std::vector<std::string> outputs; ///< -o: change maps (.png, .svg, .pdf); empty = none
    MapSettings overrides;            ///< --width, --height, --extent, ... over NEW's `map:`
    std::optional<std::string> title; ///< --title; unset = "Changes: OLD → NEW"
    std::string layout_json;          ///< --layout-json of the change map; empty = none
};
int run_diff(const DiffCommand& cmd, std::ostream& out, std::ostream& err);

struct CatalogueImportCommand {
    std::vector<std::string> inputs; ///< providers' region list files (JSON)
    std::string output;              ///< catalogue TSV to write; empty or "-" = standard output
    bool strict = false;             ///< exit 1 when a region could not be placed
};
int run_catalogue_import(const CatalogueImportCommand& cmd, std::ostream& out, std::ostream& err);

} // namespace dcmap::cli
