#!/usr/bin/env bash
# Builds the whole project and test suite with AddressSanitizer and UndefinedBehaviorSanitizer
# (the `asan` preset, build-asan/: -O1 -g1, which compiles faster than -O2 -g and still gives
# file:line stacks), project warnings as errors, and runs every test under them.
# Leaks inside fontconfig, cairo, pango and glib's own caches are not ours and are suppressed
# (.ci/lsan.supp); any other leak, memory error or undefined behaviour fails the run.
# Arguments go to ctest, e.g. `.ci/sanitize.sh -L 'unit|hostile'` for the quick part only.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
cmake --preset asan -DDCMAP_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build --preset asan -j2

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-asan --output-on-failure -j2 --timeout 900 "$@"
