#include "basemap/projected_pack.hpp"

#include "model/error.hpp"

#include <cstdint>
#include <cstring>

namespace dcmap::basemap::detail {
namespace {

// Bump the version with any change to the layout below.
constexpr std::string_view kMagic = "dcmap-projected-basemap 1\n";

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
    void polygons(const std::vector<Polygon>& ps) {
        count(ps.size());
        for (const Polygon& p : ps) {
            count(p.rings.size());
            for (const Ring& r : p.rings) {
                count(r.size());
                bytes_.append(reinterpret_cast<const char*>(r.data()), r.size() * sizeof(Point));
            }
        }
    }
    std::string take() { return std::move(bytes_); }

private:
    std::string bytes_;
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    std::size_t count() {
        std::uint32_t v = 0;
        take(&v, sizeof v);
        return v;
    }
    std::string text() {
        const std::size_t n = count();
        need(n);
        std::string s(bytes_.substr(at_, n));
        at_ += n;
        return s;
    }
    std::vector<Polygon> polygons() {
        std::vector<Polygon> out(count_at_most(4));
        for (Polygon& p : out) {
            p.rings.resize(count_at_most(4));
            for (Ring& r : p.rings) {
                r.resize(count_at_most(sizeof(Point)));
                take(r.data(), r.size() * sizeof(Point));
            }
        }
        return out;
    }
    bool at_end() const { return at_ == bytes_.size(); }
    /// A count of things each at least `bytes` long: never more than the bytes left allow.
    std::size_t count_at_most(std::size_t bytes) {
        const std::size_t n = count();
        if (n > (bytes_.size() - at_) / bytes)
            throw IoError("projected base map is truncated");
        return n;
    }
    void need(std::size_t n) const {
        if (n > bytes_.size() - at_)
            throw IoError("projected base map is truncated");
    }
    void take(void* out, std::size_t n) {
        need(n);
        if (n > 0)
            std::memcpy(out, bytes_.data() + at_, n);
        at_ += n;
    }
    std::string_view bytes_;
    std::size_t at_ = 0;
};

} // namespace

std::string pack_projected(const ProjectedPack& pack) {
    Writer w;
    std::string out(kMagic);
    w.text(pack.definition);
    w.count(pack.countries.size());
    for (const CountryShape& c : pack.countries) {
        w.text(c.iso2);
        w.text(c.name);
        w.polygons(c.polygons);
    }
    w.polygons(pack.land);
    return out + w.take();
}

ProjectedPack unpack_projected(std::string_view bytes) {
    if (bytes.substr(0, kMagic.size()) != kMagic)
        throw IoError("not a projected base map of this version");
    Reader r(bytes.substr(kMagic.size()));
    ProjectedPack pack;
    pack.definition = r.text();
    pack.countries.resize(r.count_at_most(12));
    for (CountryShape& c : pack.countries) {
        c.iso2 = r.text();
        c.name = r.text();
        c.polygons = r.polygons();
    }
    pack.land = r.polygons();
    if (!r.at_end())
        throw IoError("projected base map has bytes after its end");
    return pack;
}

std::string projected_pack_name(const std::string& projection, bool medium) {
    return "basemap-" + std::string(medium ? "50m" : "110m") + "-" + projection + ".bin";
}

} // namespace dcmap::basemap::detail
