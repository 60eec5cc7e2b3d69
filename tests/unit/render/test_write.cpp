#include "model/error.hpp"
#include "render/render.hpp"
#include "scene.hpp"

#include <catch2/catch.hpp>

#include <dirent.h>
#include <sys/stat.h>

using namespace dcmap;

namespace {

std::vector<std::string> list_dir(const std::string& dir) {
    std::vector<std::string> names;
    DIR* d = opendir(dir.c_str());
    while (dirent* entry = readdir(d)) {
        std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("render: a missing output folder is an IoError naming the path", "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    std::string dir = test::make_temp_dir();
    std::string path = dir + "/missing/x.png";
    CHECK_THROWS_AS(render::render_map(test::test_layout(style, measure), test::test_basemap(),
                                       style, render::Format::png, {}, path),
                    IoError);
    CHECK_THROWS_WITH(render::render_map(test::test_layout(style, measure), test::test_basemap(),
                                         style, render::Format::png, {}, path),
                      "cannot write " + path + ": No such file or directory");
    CHECK(list_dir(dir).empty());
}

TEST_CASE("render: a failed render keeps the earlier file and leaves no temp file", "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    std::string dir = test::make_temp_dir();
    std::string path = dir + "/map.svg";
    MapLayout layout = test::test_layout(style, measure);
    render::render_map(layout, test::test_basemap(), style, render::Format::svg, {}, path);
    std::string before = test::read_bytes(path);
    REQUIRE(before.size() > 1000);

    MapLayout broken = layout;
    broken.width = 0;
    CHECK_THROWS_AS(
        render::render_map(broken, test::test_basemap(), style, render::Format::svg, {}, path),
        Error);
    CHECK(test::read_bytes(path) == before);
    CHECK(list_dir(dir) == std::vector<std::string>{"map.svg"});
}

TEST_CASE("render: a failed rename removes the temp file", "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    std::string dir = test::make_temp_dir();
    // The output path is an existing non-empty directory: rename must fail.
    std::string path = dir + "/taken.png";
    REQUIRE(mkdir(path.c_str(), 0755) == 0);
    REQUIRE(mkdir((path + "/inside").c_str(), 0755) == 0);
    CHECK_THROWS_AS(render::render_map(test::test_layout(style, measure), test::test_basemap(),
                                       style, render::Format::png, {}, path),
                    IoError);
    CHECK(list_dir(dir) == std::vector<std::string>{"taken.png"});
}

TEST_CASE("render: written files are readable by others (mode 0644)", "[render]") {
    Style style;
    auto measure = render::pango_measurer();
    std::string path = test::make_temp_dir() + "/map.pdf";
    render::render_map(test::test_layout(style, measure), test::test_basemap(), style,
                       render::Format::pdf, {}, path);
    struct stat info {};
    REQUIRE(stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0644);
}
