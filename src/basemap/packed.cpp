#include "basemap/packed.hpp"

#include "model/error.hpp"

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

class Writer {
public:
    void count(std::size_t n) {
        const auto v = static_cast<std::uint32_t>(n);
        bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void text(const std::string& s) {
        count(s.size());
        bytes_ += s;
    }
    void ring(const LonLatRing& r) {
        count(r.size());
        for (const LonLat& p : r) {
            bytes_.append(reinterpret_cast<const char*>(&p.x), sizeof p.x);
            bytes_.append(reinterpret_cast<const char*>(&p.y), sizeof p.y);
        }
    }
    void polygons(const std::vector<LonLatPolygon>& ps) {
        count(ps.size());
        for (const LonLatPolygon& p : ps) {
            count(p.size());
            for (const LonLatRing& r : p)
                ring(r);
        }
    }
    /// Pieces, each as the index of an equal polygon in `sources` or as a literal polygon.
    void pieces(const std::vector<LonLatPolygon>& ps, const std::vector<LonLatPolygon>& sources) {
        count(ps.size());
        std::size_t next = 0; // pieces come in the order of their sources
        for (const LonLatPolygon& p : ps) {
            std::size_t j = next;
            while (j < sources.size() && !same_polygon(p, sources[j]))
                ++j;
            if (j < sources.size()) {
                count(j);
                next = j + 1;
                continue;
            }
            count(kLiteral);
            count(p.size());
            for (const LonLatRing& r : p)
                ring(r);
        }
    }
    std::string& bytes() { return bytes_; }

private:
    std::string bytes_;
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    void expect(std::string_view magic) {
        if (bytes_.substr(0, magic.size()) != magic)
            throw IoError("the embedded base map is not in this version's format; rebuild dcmap");
        at_ = magic.size();
    }
    std::size_t count() {
        std::uint32_t v = 0;
        std::memcpy(&v, take(sizeof v), sizeof v);
        return v;
    }
    std::string text() {
        const std::size_t n = count();
        return std::string(take(n), n);
    }
    LonLatRing ring() {
        const std::size_t n = count();
        const char* data = take(n * 2 * sizeof(double));
        LonLatRing r(n);
        // LonLat is two doubles, laid out as pack() wrote them.
        static_assert(sizeof(LonLat) == 2 * sizeof(double));
        if (n > 0)
            std::memcpy(static_cast<void*>(r.data()), data, n * sizeof(LonLat));
        return r;
    }
    std::vector<LonLatPolygon> polygons() {
        std::vector<LonLatPolygon> out(count_within(2 * sizeof(std::uint32_t)));
        for (LonLatPolygon& p : out) {
            p.resize(count_within(sizeof(std::uint32_t)));
            for (LonLatRing& r : p)
                r = ring();
        }
        return out;
    }
    std::vector<LonLatPolygon> pieces(const std::vector<LonLatPolygon>& sources) {
        std::vector<LonLatPolygon> out(count_within(sizeof(std::uint32_t)));
        for (LonLatPolygon& p : out) {
            const std::size_t tag = count();
            if (tag != kLiteral) {
                if (tag >= sources.size())
                    throw IoError("the embedded base map has unexpected contents; rebuild dcmap");
                p = sources[tag];
                continue;
            }
            p.resize(count_within(sizeof(std::uint32_t)));
            for (LonLatRing& r : p)
                r = ring();
        }
        return out;
    }
    /// A count of items at least `item_size` bytes each, checked against what is left, so a
    /// corrupt count cannot ask for gigabytes.
    std::size_t count_within(std::size_t item_size) {
        const std::size_t n = count();
        if (n > (bytes_.size() - at_) / item_size)
            truncated();
        return n;
    }
    bool done() const { return at_ == bytes_.size(); }

private:
    const char* take(std::size_t n) {
        if (n > bytes_.size() - at_)
            truncated();
        const char* p = bytes_.data() + at_;
        at_ += n;
        return p;
    }
    [[noreturn]] static void truncated() {
        throw IoError("the embedded base map is truncated; rebuild dcmap");
    }

    std::string_view bytes_;
    std::size_t at_ = 0;
};

} // namespace

std::string pack(const PackedBasemap& basemap) {
    Writer w;
    w.bytes() += kMagic;
    w.count(basemap.countries.size());
    for (const PackedCountry& c : basemap.countries) {
        w.text(c.iso2);
        w.text(c.name);
        w.polygons(c.polygons);
    }
    w.polygons(basemap.land);
    w.count(basemap.countries_cut.size());
    for (std::size_t i = 0; i < basemap.countries_cut.size(); ++i)
        w.pieces(basemap.countries_cut[i], i < basemap.countries.size()
                                               ? basemap.countries[i].polygons
                                               : std::vector<LonLatPolygon>{});
    w.pieces(basemap.land_cut, basemap.land);
    return std::move(w.bytes());
}

PackedBasemap unpack(std::string_view bytes) {
    Reader r(bytes);
    r.expect(kMagic);
    PackedBasemap out;
    out.countries.resize(r.count_within(3 * sizeof(std::uint32_t)));
    for (PackedCountry& c : out.countries) {
        c.iso2 = r.text();
        c.name = r.text();
        c.polygons = r.polygons();
    }
    out.land = r.polygons();
    if (r.count() != out.countries.size())
        throw IoError("the embedded base map has unexpected contents; rebuild dcmap");
    out.countries_cut.resize(out.countries.size());
    for (std::size_t i = 0; i < out.countries.size(); ++i)
        out.countries_cut[i] = r.pieces(out.countries[i].polygons);
    out.land_cut = r.pieces(out.land);
    if (!r.done())
        throw IoError("the embedded base map has unexpected contents; rebuild dcmap");
    return out;
}

} // namespace dcmap::basemap::detail
