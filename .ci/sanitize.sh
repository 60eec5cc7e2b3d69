#!/usr/bin/env bash
# Builds the project and its test programs with AddressSanitizer and UndefinedBehaviorSanitizer
# (the `asan` preset, build-asan/, shared with no other build: GCC -O1 -g1, which compiles
# faster than -O2 -g and still gives file:line stacks; -fno-sanitize-recover=all, so undefined
# behaviour stops the test and fails the run), project warnings as errors, and runs the suite
# under them.
# - Only what ctest runs is built (the program and the test_* programs), not bench/.
# - Left out: the `install` label (packaging: files, man page, completion, and an example
#   linked against the installed library, which would need the sanitizer runtime too; no
#   memory-safety value) and the `large` label (two files of thousands of sites: minutes under
#   ASan, and the same code paths the hostile cases already run). The visual tests stay: their
#   pixel comparisons are cheap next to the renders, and ASan does not change what is drawn.
# - The preset turns off -Wmaybe-uninitialized: with -fsanitize=address at -O1, GCC 12 reports
#   it inside libstdc++'s <regex> (std::function in regex_automaton.h), not in our code.
# Leaks inside fontconfig, cairo, pango and glib's own caches are not ours and are suppressed
# (.ci/lsan.supp); any other leak, memory error or undefined behaviour fails the run.
# Arguments go to ctest, e.g. `.ci/sanitize.sh -L 'unit|hostile'` for the quick part only.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
cmake --preset asan -DDCMAP_WERROR=ON "${launcher[@]}" >/dev/null
targets=(dcmap test_hostile test_e2e test_visual)
# One test program per stage that has unit tests (tests/CMakeLists.txt makes none for a stage
# without a tests/unit/<stage>/ folder).
for module in io config geocode project basemap layout render ogr cli app; do
  compgen -G "tests/unit/$module/*.cpp" >/dev/null && targets+=("test_$module")
done
cmake --build --preset asan -j2 --target "${targets[@]}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-asan --output-on-failure -j2 --timeout 900 -LE 'install|large' "$@"
