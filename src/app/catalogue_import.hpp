#pragma once
// `dcmap catalogue import` as a library call: the providers' own region lists (AWS, Azure,
// Google Cloud, ... as their tools print them) -> a catalogue table that `--catalogue` merges.
#include "model/diagnostics.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace dcmap::app {

struct CatalogueImport {
    std::string tsv;          ///< the catalogue table, sorted by provider and code
    std::size_t placed = 0;   ///< regions given a place (a region in two files counts twice)
    std::size_t unplaced = 0; ///< regions left out, each with a warning
};

/// Reads the region lists at `paths` and places each region through the gazetteer, or through
/// dcmap's built-in catalogue row when the provider's text names no town it knows or one far
/// from that row (a warning says so). Throws IoError / InputError for a file it cannot read.
CatalogueImport import_catalogue(const std::vector<std::string>& paths, Diagnostics& diagnostics);

} // namespace dcmap::app
