#!/usr/bin/env bash
# Measures dcmap as whole processes: wall time with hyperfine, peak memory with GNU time.
# Usage: bench/run.sh [path/to/dcmap]   (default: build/dcmap; build it in Release first)
# Needs: hyperfine, time (Debian packages). Results go to stdout; record them in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dcmap=${1:-build/dcmap}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool missing (apt-get install hyperfine time)" >&2; exit 1; }
done

input=regions/alibaba-cloud.yaml
echo "# dcmap $("$dcmap" --version | head -1), $(nproc) cores, $(date -u +%F)"
hyperfine --warmup 2 --runs 15 --export-markdown "$work/times.md" \
  -n "render png 2400px" "$dcmap render $input -o $work/map.png" \
  -n "render svg 2400px" "$dcmap render $input -o $work/map.svg" \
  -n "render pdf 2400px" "$dcmap render $input -o $work/map.pdf" \
  -n "render png 800px (110m)" "$dcmap render $input -o $work/small.png --width 800" \
  -n "validate" "$dcmap validate $input" \
  -n "geocode Paris" "$dcmap geocode Paris" >/dev/null
cat "$work/times.md"

echo
echo "| command | peak RSS (MiB) |"
echo "|---|---|"
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt"
  local kb
  kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$work/time.txt")
  echo "| $name | $((kb / 1024)) |"
}
measure "render png 2400px" "$dcmap" render "$input" -o "$work/m.png"
measure "geocode Paris" "$dcmap" geocode Paris
measure "validate" "$dcmap" validate "$input"

# Geocoding 10,000 queries in one process (bench/README.md), when the benchmark is built.
bench_geocode="$(dirname "$dcmap")/bench/bench_geocode"
if [ -x "$bench_geocode" ]; then
  echo
  "$bench_geocode"
fi
