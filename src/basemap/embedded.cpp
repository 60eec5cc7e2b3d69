#include "basemap/projected_pack.hpp"
#include "basemap/working_frame.hpp"

#include "model/error.hpp"
#include "resources/resources.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace dcmap::basemap::detail {

// ---- reading the embedded data ---------------------------------------------------------

namespace {

PackedBasemap load(const char* resource) {
    const std::string_view bytes = resources::get(resource);
    if (bytes.empty())
        throw IoError(std::string("embedded base map '") + resource + "' is missing");
    return unpack(bytes);
}

} // namespace

const PackedBasemap& embedded_basemap(bool medium) {
    if (medium) {
        static const PackedBasemap data = load("basemap-50m.bin");
        return data;
    }
    static const PackedBasemap data = load("basemap-110m.bin");
    return data;
}

const ProjectedPack* embedded_projected(const project::ProjectionSpec& spec, bool medium) {
    if (!fits_precut(spec))
        return nullptr;
    // Unpacked on first use, one per projection and detail; a pack made with another
    // definition (another centre, say) is not this projection's.
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<const ProjectedPack>> packs;
    const std::string name = projected_pack_name(spec.name, medium);
    const std::lock_guard lock(mutex);
    auto found = packs.find(name);
    if (found == packs.end()) {
        const std::string_view bytes = resources::get(name);
        found =
            packs
                .emplace(name, bytes.empty()
                                   ? nullptr
                                   : std::make_unique<const ProjectedPack>(unpack_projected(bytes)))
                .first;
    }
    const ProjectedPack* pack = found->second.get();
    return pack && pack->definition == spec.definition ? pack : nullptr;
}

} // namespace dcmap::basemap::detail
