// Build-time tool: the packed base map (basemap/packed.hpp) -> its pre-cut pieces projected
// for one named world projection at centre 0 (basemap/projected_pack.hpp). It projects with
// read_countries and read_land and finds the borders with inner_borders, the code a render runs,
// so the result is that render's.
//
//     dcmap_project_basemap PACKED_BASEMAP PROJECTION OUTPUT
#include "basemap/borders.hpp"
#include "basemap/packed.hpp"
#include "basemap/projected_pack.hpp"
#include "basemap/working_frame.hpp"
#include "io/atomic_file.hpp"
#include "io/input_file.hpp"
#include "model/limits.hpp"
#include "project/projection.hpp"

#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>

using namespace dcmap::basemap::detail;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: dcmap_project_basemap PACKED_BASEMAP PROJECTION OUTPUT\n";
        return 2;
    }
    try {
        const std::string bytes =
            dcmap::io::read_input_file(argv[1], dcmap::limits::build_data_bytes, "packed base map");
        const PackedBasemap data = unpack(bytes);
        const dcmap::project::Projector projector(dcmap::project::parse_projection(argv[2], ""));
        if (!fits_precut(projector.spec()))
            throw std::runtime_error(std::string(argv[2]) + " is not a world projection");
        const Frame frame(projector.spec());
        const Projection proj{projector, frame, windows(frame)};
        ProjectedPack pack;
        pack.definition = projector.spec().definition;
        pack.countries = read_countries(data, proj);
        pack.land = read_land(data, proj);
        pack.borders = inner_borders(pack.countries, pack.land);
        dcmap::io::write_file_atomically(argv[3], pack_projected(pack));
    } catch (const std::exception& e) {
        std::cerr << "dcmap_project_basemap: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
