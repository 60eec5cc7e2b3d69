#pragma once
// Style YAML -> Style. Every key is optional (defaults come from the built-in default style);
// an unknown key is an error.
#include "model/style.hpp"

#include <string>
#include <string_view>

namespace dcmap::config {

/// Whether `name` is a built-in style ("default", "dark", "print") rather than a path.
bool is_builtin_style(const std::string& name);

/// Loads a style from a path, or a built-in style by name ("default", "dark", "print"). Keys
/// missing in the file keep the built-in default style's values. Throws InputErrors (every problem,
/// each at file:line:col) or IoError. The style's name is the file's `name:` key, else the file's
/// stem.
Style load_style(const std::string& path_or_name);

/// Parses style YAML on top of `base` (keys left out keep base's values); `path` is only used
/// in messages. Throws InputErrors.
Style parse_style(std::string_view yaml_text, const std::string& path, const Style& base);

} // namespace dcmap::config
