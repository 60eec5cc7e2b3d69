#include "cli/site_source.hpp"

#include "config/site_loader.hpp"
#include "config/site_table.hpp"
#include "io/command.hpp"
#include "model/error.hpp"
#include "ogr/vector_input.hpp"

#include <istream>
#include <iterator>

namespace dcmap::cli {

namespace {

constexpr const char* kGitPrefix = "git:";

/// `git show REV:PATH` with its error output captured, so a bad revision is reported as a
/// dcmap error instead of git printing on our stderr.
std::string git_show(const std::string& object) {
    io::CommandResult git = io::run_command("git show " + io::shell_quote(object));
    if (git.exit_code != 0) {
        std::string& text = git.output;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
            text.pop_back();
        throw IoError("cannot read " + object + " from git: " +
                      (git.exit_code == 127 ? std::string("git is not installed") : text));
    }
    return git.output;
}

} // namespace

bool is_site_stream(const std::string& spec) {
    return spec == "-" || spec.rfind(kGitPrefix, 0) == 0;
}

std::string read_site_text(const std::string& spec, std::istream& in) {
    if (spec == "-")
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (spec.rfind(kGitPrefix, 0) == 0) {
        const std::string object = spec.substr(std::string(kGitPrefix).size());
        if (object.find(':') == std::string::npos)
            throw IoError("cannot read " + spec +
                          ": write git:REVISION:PATH, e.g. git:HEAD:" + object);
        return git_show(object);
    }
    throw IoError("not a stream: " + spec);
}

SiteFile load_site_source(const std::string& spec, std::istream& in, const std::string& columns) {
    if (!is_site_stream(spec) && ogr::is_vector_file(spec)) {
        // The mapping is checked before the file is opened, so a typo in it fails first.
        const auto mapping = config::parse_column_mapping(columns);
        return config::sites_from_table(ogr::read_feature_table(spec), mapping);
    }
    if (!is_site_stream(spec))
        return config::load_site_file(spec);
    return config::parse_site_file(read_site_text(spec, in), spec == "-" ? "<stdin>" : spec);
}

} // namespace dcmap::cli
