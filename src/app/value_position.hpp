#pragma once
// Errors in settings a site file gave (map: projection, style, catalogue, ...) belong at the
// file's line, even though a later stage finds them.
#include "model/error.hpp"
#include "model/source_pos.hpp"

namespace dcmap::app {

/// Runs `step` and returns its result. When the step rejects a value that came from the site
/// file (`pos` is set), the error is reported at that value's position instead.
template <typename Step> decltype(auto) at_value(const SourcePos& pos, Step&& step) {
    try {
        return step();
    } catch (const InputError& e) {
        if (pos.file.empty())
            throw;
        throw InputError(pos, e.message(), e.hint());
    } catch (const ProjectionError& e) {
        if (pos.file.empty())
            throw;
        throw InputError(pos, e.what());
    } catch (const IoError& e) {
        if (pos.file.empty())
            throw;
        throw InputError(pos, e.what(), "a path in the file is relative to the file");
    }
}

} // namespace dcmap::app
