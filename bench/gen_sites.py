#!/usr/bin/env python3
"""Writes N seeded random sites (uniform over land-ish latitudes) as a dcmap YAML file and as a
CSV (lon,lat,name) for the peers in bench/peers.sh. Same seed, same points, for every tool.

    bench/gen_sites.py N out.yaml out.csv
"""
import random
import sys

n, yaml_path, csv_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(20261129)
points = []
for i in range(n):
    lon = round(rng.uniform(-180, 180), 4)
    lat = round(rng.uniform(-60, 75), 4)
    points.append((f"s{i:06d}", f"Site {i}", lon, lat))

with open(yaml_path, "w", encoding="utf-8") as f:
    f.write("title: Generated sites\nmap:\n  projection: robinson\n  width: 2400\n  height: 1200\n")
    f.write("sites:\n" if points else "sites: []\n")
    for key, name, lon, lat in points:
        f.write(f"  - {{id: {key}, name: {name}, lat: {lat}, lon: {lon}}}\n")

with open(csv_path, "w", encoding="utf-8") as f:
    f.write("lon,lat,name\n")
    for key, name, lon, lat in points:
        f.write(f"{lon},{lat},{name}\n")
