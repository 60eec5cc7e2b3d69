// Build-time tool: the gazetteer text -> the tables dcmap embeds beside it
// (geocode/gazetteer_tables.hpp), so a run reads where each line starts and the nearest-town
// grid instead of working them out from 200,000 places (a fifth of a small map's run).
//
//     dcmap_index_gazetteer GAZETTEER_TSV OUTPUT
#include "geocode/gazetteer_tables.hpp"
#include "io/atomic_file.hpp"

#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: dcmap_index_gazetteer GAZETTEER_TSV OUTPUT\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        if (!in)
            throw std::runtime_error(std::string("cannot read ") + argv[1]);
        std::ostringstream text;
        text << in.rdbuf();
        const std::string tsv = text.str();
        const auto tables = dcmap::geocode::detail::build_tables(tsv);
        dcmap::io::write_file_atomically(argv[2], dcmap::geocode::detail::pack_tables(tables));
    } catch (const std::exception& e) {
        std::cerr << "dcmap_index_gazetteer: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
