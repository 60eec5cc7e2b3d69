#pragma once
// Where a value came from in an input file, so any stage can report errors at the right line.
#include <string>

namespace dcmap {

struct SourcePos {
    std::string file; ///< path as given by the user
    int line = 0;     ///< 1-based; 0 means unknown
    int column = 0;   ///< 1-based; 0 means unknown
};

} // namespace dcmap
