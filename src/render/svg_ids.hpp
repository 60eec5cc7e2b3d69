#pragma once
// Post-processing of Cairo's SVG bytes so that several maps can be inlined in one HTML page:
// every id gets a per-map prefix, and the root element is labelled for screen readers.
#include <string>

namespace dcmap::render::detail {

/// `name` reduced to an XML id prefix: letters, digits, '-' and '_' kept, anything else
/// dropped, a leading 'm' added when it would not start with a letter; "map" when empty.
std::string svg_id_name(const std::string& name);

/// The default prefix of a map's ids: svg_id_name(name), '-', and eight hex digits of a hash of
/// `svg` (the bytes before prefixing), then '-'. Two different maps written under one file name
/// still get different prefixes; the same map gets the same prefix on every run.
std::string default_svg_id_prefix(const std::string& name, const std::string& svg);

/// `svg` with `prefix` put before every `id="X"` value and every reference to one of those ids
/// (`url(#X)`, `href="#X"`, `xlink:href="#X"`). References to ids the document does not define
/// are left alone. Throws Error when `prefix` is not a valid start of an XML id.
std::string with_prefixed_svg_ids(const std::string& svg, const std::string& prefix);

/// `svg` with <title id="PREFIXtitle"> and <desc id="PREFIXdesc"> (XML-escaped) as the first
/// children of the root element, and `role="img"` and `aria-labelledby` naming them on the root
/// element; an empty title or description is left out. Throws Error when there is no <svg>.
std::string with_accessible_svg_metadata(const std::string& svg, const std::string& prefix,
                                         const std::string& title, const std::string& description);

/// `svg` with its root element's width and height set to `width` and `height` (e.g. "160mm"),
/// the viewBox kept in pixels, so the picture has a physical size. Throws Error when the root
/// element has no width or height attribute.
std::string with_svg_size(const std::string& svg, const std::string& width,
                          const std::string& height);

} // namespace dcmap::render::detail
