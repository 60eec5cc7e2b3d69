#pragma once
// Where a command reads a site file from: a path, standard input ("-"), or a file as it was in
// a git revision ("git:REV:PATH").
#include "model/site.hpp"

#include <iosfwd>
#include <string>

namespace dcmap::cli {

/// True for "-" and "git:REV:PATH", which name no file on disk.
bool is_site_stream(const std::string& spec);

/// The text of `spec`: `in` read to its end for "-", `git show REV:PATH` (run in the current
/// folder) for "git:REV:PATH", else the file. Throws IoError when the file or revision cannot
/// be read (with git's own message).
std::string read_site_text(const std::string& spec, std::istream& in);

/// The site file `spec` names, loaded and validated; messages name it as given ("-" is
/// "<stdin>"). A CSV, GeoJSON, GeoPackage or other OGR vector file (ogr::is_vector_file) is
/// read as a table, its columns found by `columns` (`--columns`, see
/// config::parse_column_mapping; empty = by their names). Throws InputErrors / IoError as
/// config::load_site_file does.
SiteFile load_site_source(const std::string& spec, std::istream& in,
                          const std::string& columns = {});

} // namespace dcmap::cli
