// Build-time tool: the gazetteer text -> the tables dcmap embeds beside it
// (geocode/gazetteer_tables.hpp), so a run reads where each line starts and the nearest-town
// grid instead of working them out from 200,000 places (a fifth of a small map's run).
//
//     dcmap_index_gazetteer GAZETTEER_TSV OUTPUT
#include "geocode/gazetteer_tables.hpp"
#include "io/atomic_file.hpp"
#include "io/input_file.hpp"
#include "model/limits.hpp"

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: dcmap_index_gazetteer GAZETTEER_TSV OUTPUT\n";
        return 2;
    }
    try {
        const std::string tsv =
            dcmap::io::read_input_file(argv[1], dcmap::limits::build_data_bytes, "gazetteer");
        const auto tables = dcmap::geocode::detail::build_tables(tsv);
        dcmap::io::write_file_atomically(argv[2], dcmap::geocode::detail::pack_tables(tables));
    } catch (const std::exception& e) {
        std::cerr << "dcmap_index_gazetteer: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
