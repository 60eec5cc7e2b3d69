// Style files and the built-in styles: where a style's YAML comes from (parse_style in
// style_parser.cpp reads it).
#include "config/style_loader.hpp"

#include "io/input_file.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"
#include "resources/resources.hpp"

#include <filesystem>
#include <string>

namespace dcmap::config {

namespace {

std::string read_file(const std::string& path) {
    try {
        return io::read_input_file(path, limits::style_file_bytes, "style");
    } catch (const IoError& e) {
        // A bare word that is not a file was most likely meant as a built-in style.
        if (path.find('/') == std::string::npos && path.find('.') == std::string::npos)
            throw IoError(std::string(e.what()) + " (built-in styles are: default, dark, print)");
        throw;
    }
}

Style builtin_style(const std::string& name) {
    // Style{} is styles/default.yaml, compiled in (model/style.hpp); the others are parsed on it.
    Style base;
    if (name == "default")
        return base;
    const std::string resource = "style/" + name + ".yaml";
    Style style = parse_style(resources::get(resource), resource, base);
    style.name = name;
    return style;
}

} // namespace

bool is_builtin_style(const std::string& name) {
    return name == "default" || name == "dark" || name == "print";
}

Style load_style(const std::string& path_or_name) {
    if (is_builtin_style(path_or_name))
        return builtin_style(path_or_name);
    const std::string text = read_file(path_or_name);
    Style base = builtin_style("default");
    base.name = std::filesystem::path(path_or_name).stem().string();
    return parse_style(text, path_or_name, base);
}

} // namespace dcmap::config
