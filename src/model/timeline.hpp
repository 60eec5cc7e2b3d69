#pragma once
// What a timeline map shows (--as-of, --facet): plain values app/timeline.hpp lays out.
#include <string>

namespace dcmap {

enum class Facet { none, year, provider, status };

/// What a timeline map shows: the date, and how the sites are split into panels.
struct Timeline {
    std::string as_of; ///< YYYY, YYYY-MM or YYYY-MM-DD as given; empty = no date
    Facet facet = Facet::none;
};

} // namespace dcmap
