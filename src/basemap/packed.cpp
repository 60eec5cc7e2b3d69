#include "basemap/packed.hpp"

#include "basemap/byte_codec.hpp"

#include <cstdint>
#include <cstring>

namespace dcmap::basemap::detail {
namespace {

// Bump the version with any change to the layout below.
constexpr std::string_view kMagic = "dcmap-basemap 2\n";
// Most pre-cut pieces are a source polygon unchanged (only those crossing the antimeridian are
// cut): such a piece is stored as the source's index, which keeps the file near half the size.
constexpr std::uint32_t kLiteral = 0xffffffff;

bool same_polygon(const LonLatPolygon& a, const LonLatPolygon& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t r = 0; r < a.size(); ++r)
        if (a[r].size() != b[r].size() ||
            (!a[r].empty() &&
             std::memcmp(a[r].data(), b[r].data(), a[r].size() * sizeof(LonLat)) != 0))
            return false;
    return true;
}

// LonLat is two doubles: a ring is written and read as the array it is.
static_assert(sizeof(LonLat) == 2 * sizeof(double));

void write_polygon(ByteWriter& w, const LonLatPolygon& p) {
    w.count(p.size());
    for (const LonLatRing& r : p)
        w.values(r);
}

void write_polygons(ByteWriter& w, const std::vector<LonLatPolygon>& ps) {
    w.count(ps.size());
    for (const LonLatPolygon& p : ps)
        write_polygon(w, p);
}

/// Pieces, each as the index of an equal polygon in `sources` or as a literal polygon.
void write_pieces(ByteWriter& w, const std::vector<LonLatPolygon>& ps,
                  const std::vector<LonLatPolygon>& sources) {
    w.count(ps.size());
    std::size_t next = 0; // pieces come in the order of their sources
    for (const LonLatPolygon& p : ps) {
        std::size_t j = next;
        while (j < sources.size() && !same_polygon(p, sources[j]))
            ++j;
        if (j < sources.size()) {
            w.count(j);
            next = j + 1;
            continue;
        }
        w.count(kLiteral);
        write_polygon(w, p);
    }
}

LonLatPolygon read_polygon(ByteReader& r) {
    LonLatPolygon p(r.count_within(sizeof(std::uint32_t)));
    for (LonLatRing& ring : p)
        ring = r.values<LonLat>();
    return p;
}

std::vector<LonLatPolygon> read_polygons(ByteReader& r) {
    std::vector<LonLatPolygon> out(r.count_within(2 * sizeof(std::uint32_t)));
    for (LonLatPolygon& p : out)
        p = read_polygon(r);
    return out;
}

std::vector<LonLatPolygon> read_pieces(ByteReader& r, const std::vector<LonLatPolygon>& sources) {
    std::vector<LonLatPolygon> out(r.count_within(sizeof(std::uint32_t)));
    for (LonLatPolygon& p : out) {
        const std::size_t tag = r.count();
        if (tag == kLiteral)
            p = read_polygon(r);
        else if (tag < sources.size())
            p = sources[tag];
        else
            r.unexpected();
    }
    return out;
}

} // namespace

std::string pack(const PackedBasemap& basemap) {
    ByteWriter w(kMagic);
    w.count(basemap.countries.size());
    for (const PackedCountry& c : basemap.countries) {
        w.text(c.iso2);
        w.text(c.name);
        write_polygons(w, c.polygons);
    }
    write_polygons(w, basemap.land);
    w.count(basemap.countries_cut.size());
    for (std::size_t i = 0; i < basemap.countries_cut.size(); ++i)
        write_pieces(w, basemap.countries_cut[i],
                     i < basemap.countries.size() ? basemap.countries[i].polygons
                                                  : std::vector<LonLatPolygon>{});
    write_pieces(w, basemap.land_cut, basemap.land);
    return w.take();
}

PackedBasemap unpack(std::string_view bytes) {
    ByteReader r(bytes, "the embedded base map");
    r.expect(kMagic);
    PackedBasemap out;
    out.countries.resize(r.count_within(3 * sizeof(std::uint32_t)));
    for (PackedCountry& c : out.countries) {
        c.iso2 = r.text();
        c.name = r.text();
        c.polygons = read_polygons(r);
    }
    out.land = read_polygons(r);
    if (r.count() != out.countries.size())
        r.unexpected();
    out.countries_cut.resize(out.countries.size());
    for (std::size_t i = 0; i < out.countries.size(); ++i)
        out.countries_cut[i] = read_pieces(r, out.countries[i].polygons);
    out.land_cut = read_pieces(r, out.land);
    if (!r.done())
        r.unexpected();
    return out;
}

} // namespace dcmap::basemap::detail
