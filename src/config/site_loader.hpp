#pragma once
// YAML -> SiteFile. The only stage that includes yaml-cpp (with style_loader).
#include "model/site.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dcmap::config {

/// Reads and validates a site file. Collects every problem it finds and throws InputErrors
/// (each an InputError at file:line:col with a hint, e.g. a did-you-mean for `staus`), sorted by
/// position. Throws IoError when the file cannot be read. A relative `map: style:` path other
/// than a built-in name is returned relative to the file's folder. A file without sites (empty,
/// only comments, `[]`, or a mapping without `sites:` or with `sites: []`) loads with none.
SiteFile load_site_file(const std::string& path);

/// Same, from text already in memory; `path` is only used in messages and SourcePos (the
/// style path is returned as written).
/// A file of about 4,000 sites or more is read in parts, one per core (the result is the same).
SiteFile parse_site_file(std::string_view yaml_text, const std::string& path);

namespace detail {

/// Where a site file's list of sites can be cut into parts that each parse alone as a list.
struct SiteListParts {
    int sites_line = -1;             ///< 0-based line of the `sites:` key; -1 for a root list
    std::size_t list_begin = 0;      ///< byte offset of the list's first entry
    std::vector<std::size_t> begins; ///< byte offset of each part's first entry; [0] = list_begin
    std::vector<int> first_lines;    ///< 0-based line of each part's first entry
};

/// Up to `parts` parts of about equal size, or nothing when the file cannot be cut safely: no
/// list of sites that runs to the end of the file in block style, or aliases, tabs, document
/// markers or directives anywhere (a part alone could then mean something else).
std::optional<SiteListParts> split_site_list(std::string_view yaml_text, std::size_t parts);

/// parse_site_file reading the parts of split_site_list on threads of their own and what comes
/// before the list on this one; nothing when the file cannot be cut or any part has a problem
/// (the whole file's parse then reports it).
std::optional<SiteFile> parse_site_file_in_parts(std::string_view yaml_text,
                                                 const std::string& path, std::size_t parts);

} // namespace detail

} // namespace dcmap::config
