// `dcmap catalogue import`'s work: the providers' own region lists -> a catalogue table, each
// region placed through the gazetteer and checked against the built-in catalogue.
#include "app/catalogue_import.hpp"

#include "config/provider_regions.hpp"
#include "geocode/catalogue.hpp"
#include "geocode/geocoder.hpp"
#include "geocode/normalize.hpp"
#include "io/input_file.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <tuple>

namespace dcmap::app {
namespace {

/// A region's place as the import decided it.
struct ImportedRow {
    config::ProviderRegion region;
    std::string place, country, source, note;
    double lat = 0, lon = 0;
    Precision precision = Precision::city;
};

/// The place texts to try, most specific first: the provider's separate place field, then
/// "Town, Country" and "Town" from a "Country (Town)" description.
std::vector<std::string> place_candidates(const config::ProviderRegion& r) {
    std::vector<std::string> out;
    if (!r.place_hint.empty())
        out.push_back(r.place_hint);
    const auto open = r.description.rfind('('), close = r.description.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1) {
        std::string inner = r.description.substr(open + 1, close - open - 1);
        std::string outer = r.description.substr(0, open);
        while (!outer.empty() && outer.back() == ' ')
            outer.pop_back();
        // "N. Virginia" is how AWS abbreviates the state's northern part.
        if (inner.rfind("N. ", 0) == 0)
            inner = "Northern " + inner.substr(3);
        if (!outer.empty())
            out.push_back(inner + ", " + outer);
        out.push_back(inner);
    }
    return out;
}

/// "Frankfurt am Main, Hesse, DE", or for a state or a country the division alone.
std::string place_text(const GeocodeMatch& m) {
    if (m.precision == Precision::country)
        return m.place.country_name.empty() ? m.place.country : m.place.country_name;
    if (m.precision == Precision::admin1 && !m.place.admin1.empty())
        return m.place.admin1 + ", " + m.place.country;
    return short_description(m.place);
}

/// Gives `row` the place of dcmap's own curated catalogue row `known` (which has lat/lon), and
/// says so in its note.
void place_by_catalogue_row(ImportedRow& row, const geocode::Region& known) {
    row.place = known.place;
    row.country = known.country;
    row.lat = *known.lat;
    row.lon = *known.lon;
    row.precision = known.precision;
    row.note =
        (row.note.empty() ? "" : row.note + "; ") + "placed by dcmap's built-in catalogue row";
}

std::string degrees(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", v);
    return text;
}

std::string clean(std::string text) {
    std::replace(text.begin(), text.end(), '\t', ' ');
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

} // namespace

CatalogueImport import_catalogue(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
    // Places come from the gazetteer alone: the built-in catalogue is what the import checks.
    const geocode::Catalogue no_regions;
    const geocode::Geocoder gazetteer(geocode::Gazetteer::embedded(), no_regions);
    const geocode::Catalogue& built_in = geocode::Catalogue::embedded();
    std::vector<ImportedRow> rows;
    CatalogueImport result;
    for (const auto& path : paths) {
        const std::string text =
            io::read_input_file(path, limits::catalogue_file_bytes, "region list");
        const config::ProviderRegionList list = config::read_provider_regions(text, path);
        const std::string file_name = std::filesystem::path(path).filename().string();
        for (const auto& region : list.regions) {
            ImportedRow row{region, {}, {}, list.format + " (" + file_name + ")", region.note};
            bool placed = false;
            for (const auto& query : place_candidates(region)) {
                try {
                    GeocodeMatch m = gazetteer.lookup(query);
                    if (!m.warnings.empty())
                        continue; // an ambiguous name: try the next form, or the catalogue
                    row.place = place_text(m);
                    const std::string town(query.substr(0, query.find(',')));
                    const std::string town_key = geocode::detail::fold(town),
                                      name_key = geocode::detail::fold(m.place.name);
                    // A name as the provider displays it (not an id's "frankfurt") that is
                    // neither the gazetteer's name, a spelling of it, nor its start
                    // ("Frankfurt" of "Frankfurt am Main").
                    const bool other_name =
                        std::any_of(town.begin(), town.end(),
                                    [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                        name_key.rfind(town_key, 0) != 0 &&
                        geocode::detail::edit_distance(town_key, name_key, 3) > 2;
                    if (m.precision == Precision::city && !m.place.name.empty() && other_name) {
                        if (town.rfind("Northern ", 0) == 0 || town.rfind("Southern ", 0) == 0)
                            // "N. Virginia": a part of a state, where its main data-center
                            // town stands for it.
                            m.precision = Precision::metro;
                        else
                            // The gazetteer knows the town under another name (Ulanqab's
                            // seat is Jining): the provider's name is what users read.
                            row.place =
                                town +
                                (m.place.admin1.empty() ? std::string() : ", " + m.place.admin1) +
                                ", " + m.place.country;
                    }
                    row.country = m.place.country;
                    row.lat = m.place.lat;
                    row.lon = m.place.lon;
                    row.precision = m.precision;
                    placed = true;
                    break;
                } catch (const GeocodeError&) {
                }
            }
            const geocode::Region* known = built_in.find(region.provider, region.code);
            const SourcePos at{path, region.line, 1};
            const std::string id = region.provider + ":" + region.code;
            if (!placed && known && known->lat && known->lon) {
                // The provider's file names no town the gazetteer knows (gcloud lists ids
                // only; "saopaulo" has no space): dcmap's own curated row places it.
                place_by_catalogue_row(row, *known);
                placed = true;
            } else if (placed && known && known->lat && known->lon) {
                const double km =
                    geocode::great_circle_km(row.lat, row.lon, *known->lat, *known->lon);
                // A town must be near the curated one; a state or a country named alone
                // stands at its seat or capital, so only its country can be compared.
                const bool fine_grained =
                    row.precision == Precision::city || row.precision == Precision::metro;
                if ((fine_grained && km > 100) || row.country != known->country) {
                    // A region does not move: a far-off match says the provider's text
                    // was read wrong ("saltlake" is also Salt Lake, Kolkata), so the
                    // curated row stands and the user is told.
                    diagnostics.warn(at, id + ": the provider's text gives " + row.place + ", " +
                                             std::to_string(static_cast<long>(km)) +
                                             " km from dcmap's catalogue row " + known->place +
                                             "; kept the catalogue's row");
                    place_by_catalogue_row(row, *known);
                }
            }
            if (!placed) {
                ++result.unplaced;
                diagnostics.warn(at, id +
                                         (region.description.empty()
                                              ? std::string()
                                              : " \"" + region.description + "\"") +
                                         ": no place found; add the row by hand");
                continue;
            }
            // The provider's own coordinates (Azure) are the row's position; the gazetteer
            // still names the place and its precision.
            if (region.lat && region.lon) {
                row.lat = *region.lat;
                row.lon = *region.lon;
            }
            if (row.region.description.empty() && known)
                row.region.description = known->display_name;
            rows.push_back(std::move(row));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const ImportedRow& a, const ImportedRow& b) {
        return std::tie(a.region.provider, a.region.code) <
               std::tie(b.region.provider, b.region.code);
    });
    result.placed = rows.size();
    std::ostringstream tsv;
    tsv << "provider\tcode\tdisplay_name\tplace\tlat\tlon\tcountry\tstatus\tsource\tnote\t"
           "precision\n";
    std::string last_id;
    for (const auto& row : rows) {
        const std::string id = row.region.provider + ":" + row.region.code;
        if (id == last_id)
            continue; // the same region in two files: the first file's row stands
        last_id = id;
        tsv << row.region.provider << '\t' << clean(row.region.code) << '\t'
            << clean(row.region.description) << '\t' << clean(row.place) << '\t' << degrees(row.lat)
            << '\t' << degrees(row.lon) << '\t' << row.country << "\tlive\t" << clean(row.source)
            << '\t' << clean(row.note) << '\t' << to_string(row.precision) << '\n';
    }
    result.tsv = tsv.str();
    return result;
}

} // namespace dcmap::app
