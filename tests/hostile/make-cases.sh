#!/bin/sh
# Writes the case files that hold bytes an editor would not keep: run from this folder.
set -eu
printf 'sites:\n  - name: "Caf\351"\n    lat: 48.85\n    lon: 2.35\n' > cases/latin1-name.yaml
printf 'sites:\n  - name: "Fr\000ankfurt"\n    lat: 50.11\n    lon: 8.68\n' > cases/nul-byte-in-name.yaml
printf 'sites:\n  - name: "Fr\033[31mankfurt"\n    lat: 50.11\n    lon: 8.68\n' > cases/raw-escape-in-name.yaml
