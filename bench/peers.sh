#!/usr/bin/env bash
# dcmap beside Mapnik on the same generated points: 2400x1200 Robinson PNG, Natural Earth 1:50m
# countries, one circle per point (labels at 100 points), whole processes. Installs nothing;
# skips Mapnik when python3-mapnik is missing. Prints a markdown table: median of `runs`
# (hyperfine), peak RSS (GNU time), and dcmap / Mapnik.
# Usage: bench/peers.sh [path/to/dcmap] [runs]   (default build/dcmap, 5 runs)
# Needs: hyperfine, time; optional: python3-mapnik (Debian). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dcmap=$(realpath "${1:-build/dcmap}")
runs=${2:-5}
bench=$(pwd)/bench
countries=$(pwd)/data/natural-earth/countries-50m.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "peers: $tool missing (apt-get install hyperfine time)" >&2; exit 1; }
done
mapnik=yes
/usr/bin/python3 -c "import mapnik" 2>/dev/null || { mapnik=; echo "peers: python3-mapnik not installed; dcmap only" >&2; }

median() { # hyperfine JSON -> median wall seconds
  /usr/bin/python3 -c "import json,sys; print('%.3f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"
}
cpu() { # hyperfine JSON -> mean user+sys seconds (steadier than wall on a shared machine)
  /usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.3f' % (r['user'] + r['system']))" "$1"
}
peak_mib() { # command... -> peak RSS in MiB
  /usr/bin/time -f "%M" "$@" >/dev/null 2>"$work/rss.txt" || true
  echo $(( $(tail -1 "$work/rss.txt") / 1024 ))
}

echo "# $(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), dcmap $("$dcmap" --version | head -1)"
echo
echo "| input | Mapnik: wall, CPU, peak RSS | dcmap: wall, CPU, peak RSS | dcmap / Mapnik (wall) |"
echo "|---|---|---|---|"
cd "$work"
for n in 0 100 10000 100000; do
  /usr/bin/python3 "$bench/gen_sites.py" "$n" "s$n.yaml" "s$n.csv"
  labels=; [ "$n" -le 100 ] && labels=--labels
  dcmap_cmd="$dcmap render s$n.yaml -o d$n.png"
  hyperfine -N --runs "$runs" --warmup 1 -i --export-json "d$n.json" "$dcmap_cmd" >/dev/null 2>&1
  d=$(median "d$n.json"); d_cpu=$(cpu "d$n.json"); d_mib=$(peak_mib $dcmap_cmd)
  failed=; "$dcmap" render "s$n.yaml" -o "d$n.png" >/dev/null 2>&1 || failed=" (exits $?)"
  m="—"; ratio="—"
  if [ -n "$mapnik" ]; then
    mapnik_cmd="/usr/bin/python3 $bench/mapnik_render.py $countries s$n.csv m$n.png $labels"
    hyperfine -N --runs "$runs" --warmup 1 --export-json "m$n.json" "$mapnik_cmd" >/dev/null 2>&1
    m=$(median "m$n.json"); m_cpu=$(cpu "m$n.json"); m_mib=$(peak_mib $mapnik_cmd)
    [ -z "$failed" ] && ratio=$(/usr/bin/python3 -c "print('%.2f' % ($d / $m))")
    m="$m s, $m_cpu s, $m_mib MiB"
  fi
  what="$n sites${labels:+ with labels}"; [ "$n" = 0 ] && what="no sites (base map)"
  echo "| $what | $m | $d s, $d_cpu s, $d_mib MiB$failed | $ratio |"
done
