// libFuzzer target: any bytes as a site file. Input errors are expected; a crash, a hang, a
// sanitizer report or any other exception is a finding. Also differential: the same bytes read
// in parts (what a long file gets, config::detail::parse_site_file_in_parts) must give exactly
// the sites of the whole-file read, or be refused; accepting a file the whole read rejects, or
// reading it differently, aborts.
#include "config/site_loader.hpp"
#include "model/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

namespace {

bool same_position(const dcmap::SourcePos& a, const dcmap::SourcePos& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column;
}

bool same_sites(const dcmap::SiteFile& a, const dcmap::SiteFile& b) {
    if (a.sites.size() != b.sites.size() || a.title != b.title || a.subtitle != b.subtitle ||
        a.source != b.source || a.as_of != b.as_of || a.catalogue != b.catalogue ||
        !same_position(a.catalogue_pos, b.catalogue_pos) || a.layers.size() != b.layers.size())
        return false;
    for (std::size_t i = 0; i < a.sites.size(); ++i) {
        const dcmap::Site &x = a.sites[i], &y = b.sites[i];
        if (x.id != y.id || x.name != y.name || x.provider != y.provider || x.status != y.status ||
            x.label != y.label || x.location_query != y.location_query || x.lat != y.lat ||
            x.lon != y.lon || x.region != y.region || x.country != y.country ||
            x.zones != y.zones || x.capacity_mw != y.capacity_mw || x.opened != y.opened ||
            x.announced != y.announced || x.note != y.note || x.priority != y.priority ||
            !same_position(x.pos, y.pos) || !same_position(x.location_pos, y.location_pos) ||
            !same_position(x.region_pos, y.region_pos) ||
            !same_position(x.country_pos, y.country_pos))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<dcmap::SiteFile> whole;
    try {
        whole = dcmap::config::parse_site_file(text, "fuzz.yaml");
    } catch (const dcmap::Error&) {
    }
    // 2 to 8 parts, so short inputs also get parts of one line (a one-line last part is where
    // a line-end difference would show).
    const std::size_t parts = 2 + size % 7;
    const auto in_parts = dcmap::config::detail::parse_site_file_in_parts(text, "fuzz.yaml", parts);
    if (in_parts && (!whole || !same_sites(*whole, *in_parts)))
        std::abort();
    return 0;
}
