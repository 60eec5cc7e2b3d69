#!/usr/bin/env bash
# ThreadSanitizer check of dcmap's threads: `render -j N` over a folder of mixed inputs, and the
# per-core reading and resolving of a 100,000-site list. Builds the program with
# -fsanitize=thread in build-tsan/ and fails on any report outside the libraries listed in
# .ci/tsan.supp (Cairo, Pango, fontconfig, GLib, HarfBuzz, FreeType, GDAL: not instrumented,
# their own atomics and locks are invisible to the sanitizer). Not part of .ci/run (a build of
# its own, ~15 min on two cores); run it after changing anything that threads touch.
# Usage: .ci/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-tsan
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" -DDCMAP_BUILD_TESTS=OFF \
  "${launcher[@]}" >/dev/null
# The build runs the base-map packer, whose GDAL calls TSan flags inside GDAL: not fatal here.
TSAN_OPTIONS="exitcode=0 suppressions=$PWD/.ci/tsan.supp" cmake --build "$build" -j2 --target dcmap >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for f in tests/visual/cases/*.yaml regions/*.yaml; do
  case $f in *.style.yaml | */sized-zones.yaml) ;; *) cp "$f" "$work/in/" ;; esac
done
python3 bench/gen_sites.py 3000 "$work/in/random.yaml" "$work/random.csv" >/dev/null
python3 bench/gen_sites.py 100000 "$work/long.yaml" "$work/long.csv" >/dev/null

export TSAN_OPTIONS="halt_on_error=0 exitcode=66 suppressions=$PWD/.ci/tsan.supp"
status=0
run() { # run ARGS...: one dcmap run; fails the script on a sanitizer report
  if ! "$build/dcmap" "$@" >/dev/null 2>"$work/err"; then
    echo "tsan: dcmap $* failed:" >&2; cat "$work/err" >&2; status=1
  fi
  if grep -q "WARNING: ThreadSanitizer" "$work/err"; then
    echo "tsan: report in dcmap $*" >&2; status=1
  fi
}
run render "$work/in" -o "$work/out" --format png,svg,pdf -j 3 -q
run render "$work/long.yaml" -o "$work/long.png" -q
run validate "$work/long.yaml"
[ $status = 0 ] && echo "tsan: no report (render -j 3 over $(ls "$work/in" | wc -l) inputs, 100,000 sites)"
exit $status
