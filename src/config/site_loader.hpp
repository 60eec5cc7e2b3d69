#pragma once
// YAML -> SiteFile. The only stage that includes yaml-cpp (with style_loader).
#include "model/site.hpp"

#include <string>
#include <string_view>

namespace dcmap::config {

/// Reads and validates a site file. Collects every problem it finds and throws InputErrors
/// (each an InputError at file:line:col with a hint, e.g. a did-you-mean for `staus`), sorted by
/// position. Throws IoError when the file cannot be read. A relative `map: style:` path other
/// than a built-in name is returned relative to the file's folder. A file without sites (empty,
/// only comments, `[]`, or a mapping without `sites:` or with `sites: []`) loads with none.
SiteFile load_site_file(const std::string& path);

/// Same, from text already in memory; `path` is only used in messages and SourcePos (the
/// style path is returned as written).
SiteFile parse_site_file(std::string_view yaml_text, const std::string& path);

} // namespace dcmap::config
