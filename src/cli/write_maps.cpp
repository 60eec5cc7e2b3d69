#include "cli/write_maps.hpp"

#include "io/unchanged.hpp"

#include <filesystem>

namespace dcmap::cli {

namespace {

/// Every output's format and name, checked before the slow work, so a typo fails fast.
std::vector<app::MapOutput> map_outputs(const std::vector<std::string>& outputs) {
    std::vector<app::MapOutput> maps;
    maps.reserve(outputs.size());
    for (const auto& path : outputs)
        maps.push_back({app::format_from_path(path), std::filesystem::path(path).stem().string()});
    return maps;
}

/// Writes (or stages) the encoded maps; see render_site_file.
MapLayout write_encoded(const app::EncodedMaps& encoded, const std::vector<std::string>& outputs,
                        io::StagedOutputs* staged, std::vector<std::string>* unchanged) {
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

} // namespace

MapLayout render_site_file(const SiteFile& file, const app::RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved, io::StagedOutputs* staged,
                           std::vector<std::string>* unchanged) {
    const std::vector<app::MapOutput> maps = map_outputs(outputs);
    // Draw every format before writing any, so a failure in one leaves none behind.
    return write_encoded(app::encode_site_file(file, settings, maps, diagnostics, resolved),
                         outputs, staged, unchanged);
}

MapLayout render_site_file(SiteFile&& file, const app::RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved, io::StagedOutputs* staged,
                           std::vector<std::string>* unchanged) {
    const std::vector<app::MapOutput> maps = map_outputs(outputs);
    return write_encoded(
        app::encode_site_file(std::move(file), settings, maps, diagnostics, resolved), outputs,
        staged, unchanged);
}

} // namespace dcmap::cli
