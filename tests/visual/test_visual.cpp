// Visual regression tests: small maps rendered through the whole command (cli::run in-process),
// compared with the committed references in tests/visual/reference/ under a tolerance, plus pixel
// facts read off the PNG at the positions --layout-json reports. DCMAP_UPDATE_REFERENCES=1
// rewrites the references instead of comparing (see tests/visual/README.md).
#include "cli/cli.hpp"
#include "config/style_loader.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>
#include <cpl_json.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kVisualDir = DCMAP_VISUAL_DIR; // tests/visual in the source tree
const fs::path kOutDir = DCMAP_VISUAL_OUT;    // where failed runs leave actual and diff images

// A pixel differs when one of its channels is off by more than this (of 255): antialiasing noise
// from another pixman/FreeType build stays below it, a moved or missing symbol does not.
constexpr int kChannelTolerance = 32;
// At most this share of pixels may differ: 0.02% is ~40 pixels of a 480x400 map, less than a
// marker moved by 4 px (~80) or a label's letter changed.
constexpr double kMaxDifferingShare = 0.0002;
// SVG coordinates may drift by this many pixels (floating-point noise); a label or marker
// moved by a visible amount is caught.
constexpr double kSvgNumberTolerance = 0.15;

struct Case {
    std::string name;  ///< the reference file's prefix
    std::string input; ///< file in tests/visual/cases/
    std::string style; ///< --style, empty for the file's own
    int width = 480;
    bool svg = true; ///< compare the SVG too
    int scale = 1;   ///< --scale
};

const std::vector<Case> kCases = {
    {"dense-europe", "dense-europe.yaml", "", 480},
    {"pacific", "pacific.yaml", "", 480},
    {"orthographic", "orthographic.yaml", "", 480},
    {"cjk-labels", "cjk-labels.yaml", "", 480},
    {"every-status", "every-status.yaml", "", 480},
    {"every-status-dark", "every-status.yaml", "dark", 480},
    {"every-status-print", "every-status.yaml", "print", 480},
    {"sized-zones", "sized-zones.yaml", "", 480},
    // Report sizes and the marker modes: 234 regions of five providers at 600 px (aggregates,
    // key), clusters of metros, and a density surface.
    {"five-providers", "five-providers.yaml", "", 600},
    {"metro-clusters", "metro-clusters.yaml", "", 480},
    {"density", "density.yaml", "", 480},
    // Retina: everything twice as large on a canvas twice as wide (PNG only: the SVG is the
    // scale-1 drawing with larger numbers).
    {"every-status", "every-status.yaml", "", 480, false, 2},
};

bool updating() {
    const char* flag = std::getenv("DCMAP_UPDATE_REFERENCES");
    return flag && std::string(flag) == "1";
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Reads a file through GDAL's virtual file system (so "/vsigzip/x.gz" reads it unpacked).
std::string read_vsi(const std::string& path) {
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    if (!f)
        return {};
    std::string out;
    char buffer[65536];
    std::size_t n;
    while ((n = VSIFReadL(buffer, 1, sizeof buffer, f)) > 0)
        out.append(buffer, n);
    VSIFCloseL(f);
    return out;
}

void write_vsi(const std::string& path, const std::string& bytes) {
    VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
    REQUIRE(f);
    REQUIRE(VSIFWriteL(bytes.data(), 1, bytes.size(), f) == bytes.size());
    VSIFCloseL(f);
}

struct Rgba {
    int r = 0, g = 0, b = 0, a = 0;
};

/// A PNG read with Cairo; pixels are un-premultiplied on read.
class Image {
public:
    explicit Image(const fs::path& path)
        : surface_(cairo_image_surface_create_from_png(path.c_str())) {}
    ~Image() { cairo_surface_destroy(surface_); }
    Image(const Image&) = delete;
    Image& operator=(const Image&) = delete;
    bool ok() const { return cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS; }
    int width() const { return cairo_image_surface_get_width(surface_); }
    int height() const { return cairo_image_surface_get_height(surface_); }
    Rgba at(int x, int y) const {
        cairo_surface_flush(surface_);
        const unsigned char* row =
            cairo_image_surface_get_data(surface_) + y * cairo_image_surface_get_stride(surface_);
        const std::uint32_t px = reinterpret_cast<const std::uint32_t*>(row)[x];
        const bool has_alpha = cairo_image_surface_get_format(surface_) == CAIRO_FORMAT_ARGB32;
        Rgba c{int(px >> 16 & 255), int(px >> 8 & 255), int(px & 255),
               has_alpha ? int(px >> 24) : 255};
        if (c.a > 0 && c.a < 255) {
            c.r = c.r * 255 / c.a;
            c.g = c.g * 255 / c.a;
            c.b = c.b * 255 / c.a;
        }
        return c;
    }

private:
    cairo_surface_t* surface_;
};

int channel_difference(Rgba a, Rgba b) {
    return std::max(
        {std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b), std::abs(a.a - b.a)});
}

struct PngComparison {
    long differing = 0;
    long total = 0;
    int worst = 0;
};

/// Compares two images of the same size; writes a diff image (differing pixels red on a faded
/// copy of the reference) to `diff_path`.
PngComparison compare_png(const Image& actual, const Image& reference, const fs::path& diff_path) {
    PngComparison result;
    const int w = actual.width(), h = actual.height();
    cairo_surface_t* diff = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    unsigned char* data = cairo_image_surface_get_data(diff);
    const int stride = cairo_image_surface_get_stride(diff);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + y * stride);
        for (int x = 0; x < w; ++x) {
            const Rgba a = actual.at(x, y), b = reference.at(x, y);
            const int d = channel_difference(a, b);
            result.worst = std::max(result.worst, d);
            const bool differs = d > kChannelTolerance;
            result.differing += differs;
            const int grey = 192 + (b.r + b.g + b.b) / 12;
            row[x] =
                differs ? 0xff0000u : static_cast<std::uint32_t>(grey << 16 | grey << 8 | grey);
        }
    }
    result.total = static_cast<long>(w) * h;
    cairo_surface_mark_dirty(diff);
    if (result.differing > 0)
        cairo_surface_write_to_png(diff, diff_path.c_str());
    cairo_surface_destroy(diff);
    return result;
}

/// An SVG split into its numbers and the text between them ("skeleton", numbers as '#').
struct SvgTokens {
    std::string skeleton;
    std::vector<double> numbers;
};

SvgTokens tokenize_svg(const std::string& svg) {
    SvgTokens t;
    t.skeleton.reserve(svg.size() / 2);
    std::size_t i = 0;
    while (i < svg.size()) {
        const char c = svg[i];
        const bool starts_number = std::isdigit(static_cast<unsigned char>(c)) ||
                                   ((c == '-' || c == '.') && i + 1 < svg.size() &&
                                    std::isdigit(static_cast<unsigned char>(svg[i + 1])));
        if (!starts_number) {
            t.skeleton += c;
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < svg.size() &&
               (std::isdigit(static_cast<unsigned char>(svg[end])) || svg[end] == '.'))
            ++end;
        t.numbers.push_back(std::strtod(svg.substr(i, end - i).c_str(), nullptr));
        t.skeleton += '#';
        i = end;
    }
    return t;
}

/// Empty when the SVGs match: same elements, attributes and text, every number within the
/// tolerance. Otherwise says where they part.
std::string compare_svg(const std::string& actual, const std::string& reference) {
    const SvgTokens a = tokenize_svg(actual), b = tokenize_svg(reference);
    if (a.skeleton != b.skeleton) {
        const auto parted = std::mismatch(a.skeleton.begin(), a.skeleton.end(), b.skeleton.begin(),
                                          b.skeleton.end());
        const auto at = static_cast<std::size_t>(parted.first - a.skeleton.begin());
        const std::size_t from = at > 80 ? at - 80 : 0;
        return "structure differs at character " + std::to_string(at) +
               " of the skeleton:\n  got:  " + a.skeleton.substr(from, 160) +
               "\n  want: " + b.skeleton.substr(from, 160);
    }
    std::size_t off = 0;
    double worst = 0;
    for (std::size_t i = 0; i < a.numbers.size(); ++i) {
        const double d = std::abs(a.numbers[i] - b.numbers[i]);
        worst = std::max(worst, d);
        if (d > kSvgNumberTolerance)
            ++off;
    }
    if (off == 0)
        return {};
    return std::to_string(off) + " of " + std::to_string(a.numbers.size()) +
           " numbers differ by more than " + std::to_string(kSvgNumberTolerance) + " (worst " +
           std::to_string(worst) + ")";
}

struct Rendered {
    fs::path png, svg, json;
    std::string err;
};

/// Renders a case into kOutDir; `purpose` keeps the files of tests that ctest runs in parallel
/// apart.
Rendered render_case(const Case& c, const std::string& purpose) {
    fs::create_directories(kOutDir);
    const std::string base =
        c.name + "-" + std::to_string(c.width) + "-" + std::to_string(c.scale) + "-" + purpose;
    Rendered r{
        kOutDir / (base + ".png"), kOutDir / (base + ".svg"), kOutDir / (base + ".json"), {}};
    std::vector<std::string> args = {"render",
                                     (kVisualDir / "cases" / c.input).string(),
                                     "-o",
                                     r.png.string(),
                                     "-o",
                                     r.svg.string(),
                                     "--width",
                                     std::to_string(c.width),
                                     "--scale",
                                     std::to_string(c.scale),
                                     "--layout-json",
                                     r.json.string()};
    if (!c.style.empty()) {
        args.push_back("--style");
        args.push_back(c.style);
    }
    std::ostringstream out, err;
    const int code = dcmap::cli::run(args, out, err);
    r.err = err.str();
    INFO(r.err);
    REQUIRE(code == 0);
    return r;
}

std::string reference_stem(const Case& c, int w, int h) {
    return c.name + "-" + std::to_string(w) + "-" + std::to_string(h) + "-" +
           std::to_string(c.scale);
}

dcmap::Style case_style(const Case& c) {
    if (!c.style.empty())
        return dcmap::config::load_style(c.style);
    // The cases name their own style file (or none) beside them.
    const std::string text = read_text(kVisualDir / "cases" / c.input);
    const auto at = text.find("style: ");
    if (at == std::string::npos)
        return dcmap::config::load_style("default");
    const auto end = text.find('\n', at);
    const std::string name = text.substr(at + 7, end - at - 7);
    return dcmap::config::load_style((kVisualDir / "cases" / name).string());
}

Rgba to_rgba(const dcmap::Color& c) {
    return {int(std::lround(c.r * 255)), int(std::lround(c.g * 255)), int(std::lround(c.b * 255)),
            255};
}

std::string describe(Rgba c) {
    return "rgb(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) +
           ")";
}

/// Pixel facts: the page background, and each live marker's centre in its provider's colour,
/// each announced ring's right side in it too (where no other marker or the legend covers it).
void check_pixel_facts(const Case& c, const Image& png, const fs::path& json_path) {
    const dcmap::Style style = case_style(c);
    CHECK(channel_difference(png.at(1, 1), to_rgba(style.background)) <= 2);

    CPLJSONDocument doc;
    REQUIRE(doc.Load(json_path.string()));
    struct Marker {
        std::string id, status, provider;
        double x, y, r;
    };
    std::vector<Marker> markers;
    std::set<std::string> providers;
    for (const auto& m : doc.GetRoot().GetArray("markers")) {
        markers.push_back({m.GetString("id"), m.GetString("status"), m.GetString("provider"),
                           m.GetDouble("x"), m.GetDouble("y"), m.GetDouble("r")});
        providers.insert(m.GetString("provider"));
    }
    // Providers only aggregates hold still take their place in the palette order.
    for (const auto& a : doc.GetRoot().GetArray("aggregates"))
        for (const auto& p : a.GetArray("providers"))
            providers.insert(p.GetString("provider"));
    if (doc.GetRoot().GetString("markers_mode") == "density") {
        CHECK(doc.GetRoot().GetObj("density").GetLong("cells") > 0);
        return;
    }
    // A map of clusters may have no single marker left; its aggregates are checked by the
    // layout tests.
    if (markers.empty()) {
        CHECK(doc.GetRoot().GetArray("aggregates").Size() > 0);
        return;
    }
    const CPLJSONObject legend = doc.GetRoot().GetObj("legend");
    const bool has_legend = legend.IsValid() && legend.GetType() == CPLJSONObject::Type::Object;

    // The documented rule: the five clouds have their style colour on every map; the other
    // providers, in sorted order, take the palette colours those on this map leave free.
    const std::map<std::string, std::string> builtin = {{"AWS", "aws"},
                                                        {"Microsoft Azure", "azure"},
                                                        {"Google Cloud", "gcp"},
                                                        {"Alibaba Cloud", "alibaba"},
                                                        {"Oracle Cloud", "oracle"}};
    auto fixed_colour = [&](const std::string& provider) -> std::optional<Rgba> {
        const auto key = builtin.find(provider);
        if (key == builtin.end())
            return std::nullopt;
        for (const auto& entry : style.providers)
            if (entry.provider == key->second && entry.color)
                return to_rgba(*entry.color);
        return std::nullopt;
    };
    std::vector<Rgba> free;
    for (const auto& colour : style.palette) {
        const Rgba candidate = to_rgba(colour);
        bool taken = false;
        for (const auto& provider : providers)
            if (const auto fixed = fixed_colour(provider))
                taken = taken || channel_difference(*fixed, candidate) == 0;
        if (!taken)
            free.push_back(candidate);
    }
    std::vector<std::string> others;
    for (const auto& provider : providers)
        if (!fixed_colour(provider))
            others.push_back(provider);
    auto colour_of = [&](const std::string& provider) {
        if (const auto fixed = fixed_colour(provider))
            return *fixed;
        const auto index = std::find(others.begin(), others.end(), provider) - others.begin();
        return free[static_cast<std::size_t>(index) % free.size()];
    };
    auto covered = [&](const Marker& self, double x, double y) {
        for (const auto& m : markers)
            if (&m != &self && std::hypot(m.x - x, m.y - y) < m.r + 3)
                return true;
        if (has_legend) {
            const double lx = legend.GetDouble("x"), ly = legend.GetDouble("y");
            if (x >= lx - 2 && x <= lx + legend.GetDouble("w") + 2 && y >= ly - 2 &&
                y <= ly + legend.GetDouble("h") + 2)
                return true;
        }
        return false;
    };
    int checked = 0;
    for (const auto& m : markers) {
        double x = m.x, y = m.y;
        int tolerance = 12;
        if (m.status == "announced") {
            // Inside the ring's stroke, on its right side.
            const double w = std::min(style.ring_width * c.scale, m.r * 0.6);
            x = m.x + m.r - w / 2;
            tolerance = 48; // a 2 px ring is mostly antialiased edge
        } else if (m.status != "live") {
            continue;
        }
        if (covered(m, x, y))
            continue;
        const Rgba got = png.at(int(std::floor(x)), int(std::floor(y)));
        const Rgba want = colour_of(m.provider);
        INFO(c.name << ": marker " << m.id << " (" << m.status << ") at " << x << "," << y << " is "
                    << describe(got) << ", expected " << describe(want));
        CHECK(channel_difference(got, want) <= tolerance);
        ++checked;
    }
    CHECK(checked > 0);
}

} // namespace

TEST_CASE("visual: each case matches its PNG and SVG references", "[visual]") {
    for (const Case& c : kCases) {
        DYNAMIC_SECTION(c.name << " at scale " << c.scale) {
            const Rendered out = render_case(c, "compare");
            const Image png(out.png);
            REQUIRE(png.ok());
            const std::string stem = reference_stem(c, png.width(), png.height());
            const fs::path png_ref = kVisualDir / "reference" / (stem + "-png.png");
            const fs::path svg_ref = kVisualDir / "reference" / (stem + "-svg.svg.gz");
            const std::string svg = read_text(out.svg);
            if (updating()) {
                fs::create_directories(png_ref.parent_path());
                fs::copy_file(out.png, png_ref, fs::copy_options::overwrite_existing);
                if (c.svg)
                    write_vsi("/vsigzip/" + svg_ref.string(), svg);
                WARN("updated " << stem);
                continue;
            }
            if (!fs::exists(png_ref) || (c.svg && !fs::exists(svg_ref)))
                FAIL("no reference for " << stem << " (a new case or a changed size?): look at "
                                         << out.png.string()
                                         << ", then run with DCMAP_UPDATE_REFERENCES=1");

            const Image reference(png_ref);
            REQUIRE(reference.ok());
            const fs::path diff_path = kOutDir / (stem + "-diff.png");
            const PngComparison cmp = compare_png(png, reference, diff_path);
            INFO(c.name << ": " << cmp.differing << " of " << cmp.total
                        << " pixels differ by more than " << kChannelTolerance << " (worst "
                        << cmp.worst << "); actual " << out.png.string() << ", diff "
                        << diff_path.string());
            CHECK(double(cmp.differing) / double(cmp.total) <= kMaxDifferingShare);

            if (c.svg) {
                const std::string svg_diff =
                    compare_svg(svg, read_vsi("/vsigzip/" + svg_ref.string()));
                INFO(c.name << " SVG (" << out.svg.string() << "): " << svg_diff);
                CHECK(svg_diff.empty());
            }
        }
    }
}

TEST_CASE("visual: markers have their provider's colour at their layout position", "[visual]") {
    for (const Case& c : kCases) {
        DYNAMIC_SECTION(c.name << " at scale " << c.scale) {
            const Rendered out = render_case(c, "facts");
            const Image png(out.png);
            REQUIRE(png.ok());
            check_pixel_facts(c, png, out.json);
        }
    }
}

TEST_CASE("visual: the comparison catches a moved marker and passes an identical image",
          "[visual]") {
    // The tolerance must not be so loose that a real regression passes: on a canvas the size of
    // the cases', draw a marker, then the same marker 4 px to the right.
    auto draw = [](const fs::path& path, double x) {
        cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 480, 400);
        cairo_t* cr = cairo_create(s);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_set_source_rgb(cr, 0.84, 0.37, 0);
        cairo_arc(cr, x, 50, 5.5, 0, 6.2832);
        cairo_fill(cr);
        cairo_destroy(cr);
        cairo_surface_write_to_png(s, path.c_str());
        cairo_surface_destroy(s);
    };
    fs::create_directories(kOutDir);
    // Files of their own, apart from the cases'.
    draw(kOutDir / "self-a.png", 100);
    draw(kOutDir / "self-b.png", 100);
    draw(kOutDir / "self-c.png", 104);
    const Image a(kOutDir / "self-a.png"), b(kOutDir / "self-b.png"), moved(kOutDir / "self-c.png");
    CHECK(compare_png(a, b, kOutDir / "self-ab.png").differing == 0);
    const PngComparison cmp = compare_png(a, moved, kOutDir / "self-ac.png");
    CHECK(double(cmp.differing) / double(cmp.total) > kMaxDifferingShare);

    CHECK(compare_svg("<path d=\"M 1.5 2\"/>", "<path d=\"M 1.52 2\"/>").empty());
    CHECK_FALSE(compare_svg("<path d=\"M 1.5 2\"/>", "<path d=\"M 2.5 2\"/>").empty());
    CHECK_FALSE(compare_svg("<path d=\"M 1.5 2\"/>", "<path d=\"L 1.5 2\"/>").empty());
}
