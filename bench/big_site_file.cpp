// Writes the large generated site file of the hostile tests (tests/hostile/big_site_file.hpp) at
// any size, for timing `dcmap validate` and `dcmap render` on it (bench/README.md, "Large site
// files"). Usage: big_site_file MEGABYTES OUT.yaml
#include "hostile/big_site_file.hpp"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: big_site_file MEGABYTES OUT.yaml\n");
        return 2;
    }
    std::FILE* out = std::fopen(argv[2], "wb");
    if (!out) {
        std::perror(argv[2]);
        return 1;
    }
    const std::size_t bytes = std::strtoull(argv[1], nullptr, 10) << 20;
    const std::size_t sites = dcmap::testing::write_big_site_file(out, bytes);
    if (std::fclose(out) != 0) {
        std::perror(argv[2]);
        return 1;
    }
    std::printf("%s: %zu sites\n", argv[2], sites);
    return 0;
}
