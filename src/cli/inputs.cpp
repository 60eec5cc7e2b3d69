#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace dcmap::cli {

namespace {

bool is_yaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

} // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
    std::vector<std::string> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (!fs::is_directory(in, ec)) {
            files.push_back(in);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(in, ec))
            if (entry.is_regular_file(ec) && is_yaml(entry.path()))
                found.push_back(entry.path().string());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec1, ec2;
    const fs::path ca = fs::weakly_canonical(a, ec1), cb = fs::weakly_canonical(b, ec2);
    if (!ec1 && !ec2 && ca == cb)
        return true;
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec) && !ec;
}

std::string output_clash(const std::vector<std::pair<std::string, std::string>>& outputs,
                         const std::vector<std::string>& inputs) {
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const auto& [option, path] = outputs[i];
        for (const auto& input : inputs)
            if (same_file(path, input))
                return option + " " + path + " would overwrite the input " + input +
                       "; give another output name";
        for (std::size_t j = 0; j < i; ++j)
            if (same_file(path, outputs[j].second))
                return option + " " + path + " and " + outputs[j].first + " " + outputs[j].second +
                       " are the same file; give each output its own name";
    }
    return {};
}

} // namespace dcmap::cli
