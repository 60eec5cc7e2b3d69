#pragma once
// Style YAML -> Style. Every key is optional (defaults come from the built-in default style);
// an unknown key is an error.
#include "model/style.hpp"

#include <string>
#include <string_view>

namespace dcmap::config {

/// Loads a style from a path, or a built-in style by name ("default", "dark"). Keys missing in
/// the file keep the built-in default style's values. Throws InputError / InputErrors / IoError.
Style load_style(const std::string& path_or_name);

/// Parses style YAML on top of `base`; `path` is only used in messages.
Style parse_style(std::string_view yaml_text, const std::string& path, const Style& base);

} // namespace dcmap::config
