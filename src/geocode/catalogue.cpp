#include "geocode/catalogue.hpp"

#include "geocode/normalize.hpp"
#include "geocode/tsv.hpp"
#include "model/error.hpp"
#include "resources/resources.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <tuple>

namespace dcmap::geocode {
namespace {

constexpr std::size_t column_count = 11;

struct ProviderName {
    const char* key; ///< folded name as users write it
    const char* provider;
};

// Folded spellings of the five providers' names; the key itself is listed too.
constexpr ProviderName provider_names[] = {
    {"aws", "aws"},
    {"amazon", "aws"},
    {"amazon web services", "aws"},
    {"amazon aws", "aws"},
    {"azure", "azure"},
    {"microsoft azure", "azure"},
    {"microsoft", "azure"},
    {"gcp", "gcp"},
    {"google", "gcp"},
    {"google cloud", "gcp"},
    {"google cloud platform", "gcp"},
    {"alibaba", "alibaba"},
    {"alibaba cloud", "alibaba"},
    {"aliyun", "alibaba"},
    {"oracle", "oracle"},
    {"oci", "oracle"},
    {"oracle cloud", "oracle"},
    {"oracle cloud infrastructure", "oracle"},
};

int provider_rank(const std::string& provider) {
    const auto& keys = provider_keys();
    const auto it = std::find(keys.begin(), keys.end(), provider);
    return static_cast<int>(it - keys.begin());
}

/// The first comma-separated part of a place query: "Frankfurt am Main" of "..., Hesse, DE".
std::string_view first_part(std::string_view place) { return place.substr(0, place.find(',')); }

std::optional<double> parse_degrees(std::string_view field, double limit, bool& ok) {
    ok = true;
    if (field.empty())
        return std::nullopt;
    const double value = detail::parse_number(field, 1e9);
    if (value < -limit || value > limit) {
        ok = false;
        return std::nullopt;
    }
    return value;
}

} // namespace

const std::vector<std::string>& provider_keys() {
    static const std::vector<std::string> keys = {"aws", "azure", "gcp", "alibaba", "oracle"};
    return keys;
}

std::string provider_key(std::string_view name) {
    const auto key = detail::fold(name);
    for (const auto& p : provider_names)
        if (key == p.key)
            return p.provider;
    return {};
}

Catalogue Catalogue::from_tsv(std::string_view text, const std::string& path) {
    Catalogue out;
    int line_number = 0;
    bool header_seen = false;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty() || line.front() == '#')
            continue;
        if (!header_seen) {
            header_seen = true;
            if (line.starts_with("provider\t"))
                continue;
        }
        const SourcePos pos{path, line_number, 1};
        std::vector<std::string_view> fields;
        for (auto rest = line;;) {
            fields.push_back(detail::next_field(rest));
            if (rest.empty())
                break;
        }
        // Trailing empty columns (source, note, precision) may be left off.
        if (fields.size() < 8 || fields.size() > column_count)
            throw InputError(pos,
                             "a catalogue row has " + std::to_string(fields.size()) +
                                 " tab-separated columns, not 8 to " + std::to_string(column_count),
                             "columns: provider code display_name place lat lon country status "
                             "source note precision (see data/catalogue/README.md)");
        fields.resize(column_count);
        Region r;
        r.provider = provider_key(fields[0]);
        if (r.provider.empty())
            throw InputError(pos, "unknown provider \"" + std::string(fields[0]) + "\"",
                             "use aws, azure, gcp, alibaba or oracle");
        r.code = fields[1];
        r.display_name = fields[2];
        r.place = fields[3];
        bool lat_ok = true, lon_ok = true;
        r.lat = parse_degrees(fields[4], 90, lat_ok);
        r.lon = parse_degrees(fields[5], 180, lon_ok);
        r.country = fields[6];
        r.status = fields[7].empty() ? "live" : std::string(fields[7]);
        r.source = fields[8];
        r.note = fields[9];
        r.pos = pos;
        if (const auto precision = fields[10]; precision.empty() || precision == "city")
            r.precision = Precision::city;
        else if (precision == "metro")
            r.precision = Precision::metro;
        else if (precision == "admin1")
            r.precision = Precision::admin1;
        else if (precision == "country")
            r.precision = Precision::country;
        else
            throw InputError(pos,
                             "unknown precision \"" + std::string(precision) +
                                 "\" in catalogue row " + r.id(),
                             "use city, metro, admin1 or country (or leave it empty: city)");
        if (r.code.empty())
            throw InputError(pos, "a catalogue row has no region code", "fill column 2 (code)");
        if (!lat_ok || !lon_ok || r.lat.has_value() != r.lon.has_value())
            throw InputError(pos, "bad lat/lon in catalogue row " + r.id(),
                             "give both as degrees (-90..90, -180..180), or leave both empty to "
                             "geocode the place column");
        if (!r.lat && r.place.empty())
            throw InputError(pos, "catalogue row " + r.id() + " has neither a place nor lat/lon",
                             "fill the place column (\"City, CC\") or lat and lon");
        if (out.find(r.provider, r.code))
            throw InputError(pos, "duplicate catalogue row " + r.id(),
                             "each provider's code may appear once per file");
        out.regions_.push_back(std::move(r));
    }
    out.sort_rows();
    return out;
}

Catalogue Catalogue::from_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("cannot read catalogue " + path + ": " +
                      std::generic_category().message(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return from_tsv(text.str(), path);
}

const Catalogue& Catalogue::embedded() {
    static const Catalogue instance = [] {
        const auto text = resources::get("catalogue.tsv");
        if (text.empty())
            throw Error("the embedded region catalogue is missing from this build");
        return from_tsv(text, "catalogue.tsv");
    }();
    return instance;
}

Catalogue Catalogue::merged_with(const Catalogue& overrides) const {
    Catalogue out;
    for (const auto& r : regions_)
        if (!overrides.find(r.provider, r.code))
            out.regions_.push_back(r);
    out.regions_.insert(out.regions_.end(), overrides.regions_.begin(), overrides.regions_.end());
    out.sort_rows();
    return out;
}

void Catalogue::sort_rows() {
    std::stable_sort(regions_.begin(), regions_.end(), [](const Region& a, const Region& b) {
        return std::tuple{provider_rank(a.provider), std::string_view(a.provider),
                          std::string_view(a.code)} < std::tuple{provider_rank(b.provider),
                                                                 std::string_view(b.provider),
                                                                 std::string_view(b.code)};
    });
    display_keys_.clear();
    place_keys_.clear();
    for (const auto& r : regions_) {
        display_keys_.push_back(detail::fold(r.display_name));
        place_keys_.push_back(detail::fold(first_part(r.place)));
    }
}

const Region* Catalogue::find(std::string_view provider, std::string_view code) const {
    // Linear: a few hundred rows, looked up a few times per file.
    for (const auto& r : regions_)
        if (r.provider == provider && r.code == code)
            return &r;
    return nullptr;
}

std::vector<const Region*> Catalogue::with_display_name(std::string_view text) const {
    const auto key = detail::fold(text);
    std::vector<const Region*> out;
    if (key.empty())
        return out;
    // Written exactly as a provider writes it (case aside), "Canada (Central)" is AWS's region,
    // not Azure's "Canada Central", although both fold to the same key.
    const auto lower = [](std::string_view s) {
        std::string out(s);
        for (auto& c : out)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        return out;
    };
    const auto written = lower(text);
    for (const auto& r : regions_)
        if (lower(r.display_name) == written)
            out.push_back(&r);
    if (!out.empty())
        return out;
    for (std::size_t i = 0; i < regions_.size(); ++i)
        if (display_keys_[i] == key)
            out.push_back(&regions_[i]);
    return out;
}

std::vector<const Region*> Catalogue::at_place(std::string_view name) const {
    const auto key = detail::fold(name);
    std::vector<const Region*> out;
    if (key.empty())
        return out;
    for (std::size_t i = 0; i < regions_.size(); ++i)
        if (regions_[i].lat && place_keys_[i] == key)
            out.push_back(&regions_[i]);
    return out;
}

std::vector<std::string> Catalogue::closest_codes(std::string_view provider, std::string_view code,
                                                  std::size_t limit) const {
    std::vector<std::pair<int, std::string>> scored;
    const int max_edits = std::max(3, static_cast<int>(code.size()) / 2);
    for (const auto& r : regions_)
        if (r.provider == provider)
            if (const int d = detail::edit_distance(code, r.code, max_edits); d <= max_edits)
                scored.emplace_back(d, r.code);
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (auto& [d, c] : scored) {
        if (out.size() == limit)
            break;
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace dcmap::geocode
