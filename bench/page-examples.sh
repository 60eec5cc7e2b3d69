#!/usr/bin/env bash
# Renders the page-size examples in docs/images/ (issue 8): a 16 cm report figure at 300 dpi, a
# 1280 x 720 slide, a 600 px web map and a dark 800 px map, each as it would be placed.
# Usage: bench/page-examples.sh [path/to/dcmap]   (from the repository root)
set -euo pipefail
dcmap=${1:-build/dcmap}
out=docs/images
mkdir -p "$out"
"$dcmap" render regions/alibaba-cloud.yaml --size report --png palette -q \
    -o "$out/page-report-16cm-300dpi.png"
"$dcmap" render tests/fixtures/layout-five-providers.yaml --size slide --png palette -q \
    -o "$out/page-slide-1280x720.png"
"$dcmap" render regions/aws-azure-gcp.yaml --width 600 --png palette -q \
    -o "$out/page-web-600.png"
"$dcmap" render regions/alibaba-cloud.yaml --width 800 --style dark --png palette -q \
    -o "$out/page-dark-800.png"
