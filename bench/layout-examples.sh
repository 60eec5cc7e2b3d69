#!/usr/bin/env bash
# Renders the layout examples in docs/images/ (the pictures bench/README.md's layout table was
# checked against): the five providers' catalogue regions at 600, 1200 and 2400 px, 3,000
# synthetic colocation sites, and 10,000 and 100,000 random points.
# Usage: bench/layout-examples.sh [path/to/dcmap]   (from the repository root)
set -euo pipefail
dcmap=${1:-build/dcmap}
out=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

python3 - "$tmp" <<'PY'
import random, sys
tmp = sys.argv[1]
metros = [("Ashburn", 39.04, -77.49, 300), ("Dallas", 32.78, -96.80, 150), ("Chicago", 41.88, -87.63, 120),
          ("Silicon Valley", 37.35, -121.95, 200), ("Los Angeles", 34.05, -118.24, 90), ("New York", 40.71, -74.01, 140),
          ("Atlanta", 33.75, -84.39, 70), ("Phoenix", 33.45, -112.07, 80), ("Toronto", 43.65, -79.38, 60),
          ("Montreal", 45.50, -73.57, 40), ("São Paulo", -23.55, -46.63, 90), ("Querétaro", 20.59, -100.39, 40),
          ("London", 51.51, -0.13, 220), ("Frankfurt", 50.11, 8.68, 200), ("Amsterdam", 52.37, 4.90, 160),
          ("Paris", 48.86, 2.35, 110), ("Dublin", 53.35, -6.26, 80), ("Madrid", 40.42, -3.70, 40),
          ("Milan", 45.46, 9.19, 40), ("Stockholm", 59.33, 18.07, 30), ("Warsaw", 52.23, 21.01, 30),
          ("Johannesburg", -26.20, 28.05, 30), ("Lagos", 6.52, 3.38, 20), ("Dubai", 25.20, 55.27, 40),
          ("Mumbai", 19.08, 72.88, 90), ("Chennai", 13.08, 80.27, 40), ("Singapore", 1.35, 103.82, 120),
          ("Jakarta", -6.21, 106.85, 40), ("Hong Kong", 22.32, 114.17, 80), ("Shanghai", 31.23, 121.47, 60),
          ("Beijing", 39.90, 116.40, 50), ("Tokyo", 35.68, 139.69, 130), ("Osaka", 34.69, 135.50, 40),
          ("Seoul", 37.57, 126.98, 60), ("Sydney", -33.87, 151.21, 80), ("Melbourne", -37.81, 144.96, 40)]
operators = ["Equinix", "Digital Realty", "NTT", "CyrusOne", "Iron Mountain", "Vantage", "STACK", "Global Switch"]
rng = random.Random(7)
with open(f"{tmp}/colocation.yaml", "w") as f:
    f.write("title: Colocation data centers (synthetic)\nsites:\n")
    k = 0
    for name, lat, lon, n in metros:
        for i in range(n):
            op = operators[k % 8]
            f.write(f'  - {{id: "{name} {i + 1}", name: "{op} {name} {i + 1}", provider: {op}, '
                    f'lat: {lat + rng.gauss(0, 0.15):.4f}, lon: {lon + rng.gauss(0, 0.15):.4f}}}\n')
            k += 1
for n, seed in ((10000, 2), (100000, 3)):
    rng = random.Random(seed)
    with open(f"{tmp}/random{n}.yaml", "w") as f:
        f.write(f"title: {n:,} random points\nsites:\n")
        for i in range(n):
            f.write(f"  - {{name: s{i}, lat: {rng.uniform(-55, 70):.4f}, lon: {rng.uniform(-180, 180):.4f}}}\n")
PY

five=tests/fixtures/layout-five-providers.yaml
for w in 600 1200 2400; do "$dcmap" render "$five" -o "$out/layout-five-providers-$w.png" --width "$w"; done
"$dcmap" render "$tmp/colocation.yaml" -o "$out/layout-colocation-1200.png" --width 1200
"$dcmap" render "$tmp/random10000.yaml" -o "$out/layout-random-10k-1200.png" --width 1200
"$dcmap" render "$tmp/random100000.yaml" -o "$out/layout-random-100k-1200.png" --width 1200
