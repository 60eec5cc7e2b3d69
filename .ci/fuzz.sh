#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/: site loader, style loader, catalogue, geocoder query) with
# clang-14, ASan and UBSan in build-fuzz/, and runs each for FUZZ_SECONDS (default 60) from a
# seed corpus of the repository's own inputs. Any crash, sanitizer report, leak or timeout fails
# the script and leaves the input that caused it in build-fuzz/findings/. Usage: .ci/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-${FUZZ_SECONDS:-60}}"
build=build-fuzz
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi

# Warnings as errors stay with the GCC build of .ci/run (clang warns about other things).
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 \
  -DCMAKE_CXX_COMPILER=clang++-14 -DDCMAP_FUZZ=ON -DDCMAP_BUILD_TESTS=OFF -DDCMAP_WERROR=OFF \
  "${launcher[@]}" >/dev/null
cmake --build "$build" -j2 --target fuzz_site_loader fuzz_style_loader fuzz_catalogue fuzz_geocoder

seed() {  # seed TARGET FILE...: a fresh working corpus from the given files
  local dir="$build/corpus/$1"; shift
  mkdir -p "$dir"
  cp -f "$@" "$dir/"
}
seed site_loader tests/fixtures/*.yaml regions/*.yaml tests/hostile/cases/*.yaml tests/visual/cases/*.yaml
seed style_loader styles/*.yaml tests/fixtures/style-*.yaml tests/visual/cases/*.style.yaml
seed catalogue tests/fixtures/*.tsv
# The real catalogue is large; its first rows are seed enough and keep each run fast.
head -n 40 data/catalogue/regions.tsv > "$build/corpus/catalogue/regions-head.tsv"
# Geocoder queries: one file per query of the data-centre place list and per `location:` or
# `region:` value in the fixtures and the example region files (quotes and flow-style tails off).
mkdir -p "$build/corpus/geocoder"
{
  tail -n +2 tests/data/datacenter-places.tsv | cut -f1
  sed -n -E 's/.*\b(location|region): *"?([^",}]+(, *[^",}]+)*)"?.*/\2/p' \
    tests/fixtures/*.yaml regions/*.yaml tests/hostile/cases/*.yaml
} | sort -u | awk -v dir="$build/corpus/geocoder" 'NF { printf "%s", $0 > (dir "/seed-" NR); close(dir "/seed-" NR) }'

# Inputs of fixed findings (fuzz/regressions/TARGET-what) are replayed first on every run.
for finding in fuzz/regressions/*; do
  [ -f "$finding" ] && cp -f "$finding" "$build/corpus/$(basename "$finding" | cut -d- -f1)/"
done

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p "$build/findings"
status=0
for target in site_loader style_loader catalogue geocoder; do
  echo "fuzz: $target for ${seconds}s" >&2
  if ! "$build/fuzz/fuzz_$target" "$build/corpus/$target" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
      -artifact_prefix="$build/findings/$target-" 2>"$build/fuzz_$target.log"; then
    echo "fuzz: $target found a problem; see $build/fuzz_$target.log and $build/findings/" >&2
    tail -n 40 "$build/fuzz_$target.log" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "$build/fuzz_$target.log" >&2 || true
done
exit $status
