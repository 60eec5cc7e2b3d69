#include "cli/write_maps.hpp"

#include "io/unchanged.hpp"

#include <filesystem>

namespace dcmap::cli {

MapLayout render_site_file(const SiteFile& file, const app::RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved, io::StagedOutputs* staged,
                           std::vector<std::string>* unchanged) {
    // Check every output name before the slow work, so a typo fails fast.
    std::vector<app::MapOutput> maps;
    for (const auto& path : outputs)
        maps.push_back({app::format_from_path(path), std::filesystem::path(path).stem().string()});
    // Draw every format before writing any, so a failure in one leaves none behind.
    const app::EncodedMaps encoded =
        app::encode_site_file(file, settings, maps, diagnostics, resolved);
    io::StagedOutputs own;
    io::StagedOutputs& out = staged ? *staged : own;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        // A map whose bytes would not change is left alone, so its modification time still
        // says when the map last changed (make, rsync and CI caches go by it).
        if (io::file_holds(outputs[i], encoded.bytes[i])) {
            if (unchanged)
                unchanged->push_back(outputs[i]);
            continue;
        }
        out.stage(outputs[i], encoded.bytes[i]);
    }
    if (!staged)
        own.commit();
    return encoded.layout;
}

} // namespace dcmap::cli
