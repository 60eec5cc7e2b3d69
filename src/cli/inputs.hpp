#pragma once
// Input and output paths of a run: folders expanded to their site files, and outputs that
// would overwrite an input or each other refused before any work.
#include <string>
#include <vector>

namespace dcmap::cli {

/// Files named on the command line, with folders replaced by their *.yaml and *.yml files,
/// sorted.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

/// True when the two paths name the same file: the same path after resolving `.`, `..` and
/// symbolic links, or (when both exist) the same file through a hard link.
bool same_file(const std::string& a, const std::string& b);

/// The first problem with a run's outputs: an output that names an input, or two outputs
/// naming the same file ("--layout-json x.yaml would overwrite the input x.yaml"); empty
/// when there is none. `outputs` are (option, path) pairs, e.g. {"-o", "map.png"}.
std::string output_clash(const std::vector<std::pair<std::string, std::string>>& outputs,
                         const std::vector<std::string>& inputs);

} // namespace dcmap::cli
