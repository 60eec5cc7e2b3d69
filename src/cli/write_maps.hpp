#pragma once
// The file-writing half of `render`: app/ draws the maps as bytes, this writes them.
#include "app/pipeline.hpp"
#include "io/atomic_file.hpp"

#include <string>
#include <vector>

namespace dcmap::cli {

/// Lays out `file` and stages one map per path in `outputs` (format by extension) in `staged`,
/// or writes them at once, each atomically, when `staged` is null; a file that already holds
/// exactly those bytes is left untouched (its path goes to `unchanged` when that is not null).
/// Returns the layout that was drawn; the resolved sites go to `resolved` when it is not null.
/// Throws dcmap::Error subclasses.
MapLayout render_site_file(const SiteFile& file, const app::RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved = nullptr,
                           io::StagedOutputs* staged = nullptr,
                           std::vector<std::string>* unchanged = nullptr);
/// The same for a file not needed afterwards, which gives its sites up to the layout rather
/// than being copied (see app::encode_site_file).
MapLayout render_site_file(SiteFile&& file, const app::RenderSettings& settings,
                           const std::vector<std::string>& outputs, Diagnostics& diagnostics,
                           std::vector<ResolvedSite>* resolved = nullptr,
                           io::StagedOutputs* staged = nullptr,
                           std::vector<std::string>* unchanged = nullptr);

} // namespace dcmap::cli
