#include "basemap/projected_pack.hpp"

#include "basemap/byte_codec.hpp"

#include <cstdint>

namespace dcmap::basemap::detail {
namespace {

// Bump the version with any change to the layout below.
constexpr std::string_view kMagic = "dcmap-projected-basemap 2\n";

void write_polygons(ByteWriter& w, const std::vector<Polygon>& ps) {
    w.count(ps.size());
    for (const Polygon& p : ps) {
        w.count(p.rings.size());
        for (const Ring& r : p.rings)
            w.values(r);
    }
}

std::vector<Polygon> read_polygons(ByteReader& r) {
    std::vector<Polygon> out(r.count_within(sizeof(std::uint32_t)));
    for (Polygon& p : out) {
        p.rings.resize(r.count_within(sizeof(std::uint32_t)));
        for (Ring& ring : p.rings)
            ring = r.values<Point>();
    }
    return out;
}

} // namespace

std::string pack_projected(const ProjectedPack& pack) {
    ByteWriter w(kMagic);
    w.text(pack.definition);
    w.count(pack.countries.size());
    for (const CountryShape& c : pack.countries) {
        w.text(c.iso2);
        w.text(c.name);
        write_polygons(w, c.polygons);
    }
    write_polygons(w, pack.land);
    w.count(pack.borders.size());
    for (const Polyline& line : pack.borders)
        w.values(line);
    return w.take();
}

ProjectedPack unpack_projected(std::string_view bytes) {
    ByteReader r(bytes, "the embedded projected base map");
    r.expect(kMagic);
    ProjectedPack pack;
    pack.definition = r.text();
    pack.countries.resize(r.count_within(3 * sizeof(std::uint32_t)));
    for (CountryShape& c : pack.countries) {
        c.iso2 = r.text();
        c.name = r.text();
        c.polygons = read_polygons(r);
    }
    pack.land = read_polygons(r);
    pack.borders.resize(r.count_within(sizeof(std::uint32_t)));
    for (Polyline& line : pack.borders)
        line = r.values<Point>();
    if (!r.done())
        r.unexpected();
    return pack;
}

std::string projected_pack_name(const std::string& projection, bool medium) {
    return "basemap-" + std::string(medium ? "50m" : "110m") + "-" + projection + ".bin";
}

} // namespace dcmap::basemap::detail
