#!/usr/bin/env bash
# Checks every #include under src/ against the module dependency table below: a module may
# include its own headers, the headers of the modules it may depend on, the C++ and C standard
# library, and the third-party libraries it owns. Anything else is a forbidden include.
#
#     tests/boundaries/check_includes.sh [--root DIR] [--known FILE]
#
# --root: the folder holding src/ (default: this repository). --known: a file of violations that
# are known and not yet fixed, one "src/path/file.cpp: included/header.hpp" per line (# comments);
# they are reported but do not fail the check. A listed violation that no longer occurs fails it,
# so the list only shrinks. Exit status: 0 clean, 1 forbidden includes (or stale list entries).
# Run by ctest as "boundaries: includes follow the module table".
set -euo pipefail

# Project modules each module may include (besides itself). The pipeline of docs/CONVENTIONS.md;
# the same edges as the target_link_libraries of CMakeLists.txt, which is what a module can use
# without a link error.
declare -A may_use=(
  [model]=""
  [resources]="model"
  [io]="model"
  [config]="model resources io"
  [geocode]="model resources io"
  [project]="model"
  [basemap]="model project resources io"
  [layout]="model io"
  [render]="model io"
  [ogr]="model io"
  [app]="model resources io config geocode project basemap layout render ogr"
  [cli]="model io config app ogr"
  [main]="cli io"
)
# Third-party libraries each module owns (the C++ and C standard libraries are always allowed).
declare -A owns=(
  [model]=""
  [resources]=""
  [io]="posix"
  [config]="yaml-cpp"
  [geocode]=""
  [project]="PROJ"
  [basemap]="GDAL"
  [layout]=""
  [render]="Cairo Pango ISA-L libimagequant"
  [ogr]="GDAL"
  [app]=""
  [cli]="CLI11"
  [main]=""
)

root=$(cd "$(dirname "$0")/../.." && pwd)
known=""
while [ $# -gt 0 ]; do
  case $1 in
    --root) root=$2; shift 2 ;;
    --known) known=$2; shift 2 ;;
    *) echo "usage: $0 [--root DIR] [--known FILE]" >&2; exit 2 ;;
  esac
done
cd "$root"

# The library an <angle-bracket> header belongs to: std, a third-party name, or "unknown".
library_of() {
  case $1 in
    yaml-cpp/*) echo yaml-cpp ;;
    proj.h | proj/* | proj_*.h) echo PROJ ;;
    gdal*.h | ogr*.h | cpl_*.h | gdal/*) echo GDAL ;;
    cairo.h | cairo-*.h | cairo/*) echo Cairo ;;
    pango/* | glib.h | glib/* | glib-object.h | gobject/*) echo Pango ;;
    png.h | pngconf.h) echo libpng ;;
    isa-l/*) echo ISA-L ;;
    libimagequant.h) echo libimagequant ;;
    CLI/*) echo CLI11 ;;
    unistd.h | fcntl.h | sys/* | dirent.h | pthread.h | dlfcn.h | malloc.h) echo posix ;;
    assert.h | ctype.h | errno.h | float.h | inttypes.h | limits.h | locale.h | math.h | \
      signal.h | stdarg.h | stddef.h | stdint.h | stdio.h | stdlib.h | string.h | time.h) echo std ;;
    */* | *.*) echo unknown ;;
    *) echo std ;;  # <vector>, <cmath>: no extension, no folder
  esac
}

module_of() {  # src/layout/x.cpp -> layout; src/main.cpp -> main
  local rel=${1#src/}
  case $rel in */*) echo "${rel%%/*}" ;; *) echo "${rel%.*}" ;; esac
}

violations=()   # "file: header" keys, to match against the known list
messages=()
mapfile -t files < <(find src -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.inc' \) | LC_ALL=C sort)
for file in "${files[@]}"; do
  module=$(module_of "$file")
  if [ -z "${may_use[$module]+x}" ]; then
    messages+=("$file: module '$module' is not in the table of tests/boundaries/check_includes.sh")
    violations+=("$file: (module)")
    continue
  fi
  while IFS=: read -r line text; do
    [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([\<\"])([^\>\"]+)[\>\"] ]] || continue
    header=${BASH_REMATCH[2]}
    if [ "${BASH_REMATCH[1]}" = '"' ]; then
      case $header in
        */*) target=${header%%/*} ;;
        *) target=$module ;;  # beside the including file
      esac
      [ "$target" = "$module" ] && continue
      if [ -z "${may_use[$target]+x}" ]; then
        why="\"$header\" is not a module header (src/<module>/...)"
      elif [[ " ${may_use[$module]} " == *" $target "* ]]; then
        continue
      else
        why="$module may not include \"$header\" ($target/); it may use: ${may_use[$module]:-nothing}"
      fi
    else
      lib=$(library_of "$header")
      [ "$lib" = std ] && continue
      # GDAL is built into the plug-in dcmap loads on first use (io/plugin.hpp), from files
      # named gdal_* only; the build-time packing tool (basemap/tool/) links it directly.
      if [ "$lib" = GDAL ] && [[ ${file##*/} != gdal_* && $file != src/basemap/tool/* ]]; then
        messages+=("$file:$line: <$header> (GDAL) only in files named gdal_*, which make up the GDAL plug-in")
        violations+=("$file: $header")
        continue
      fi
      [[ " ${owns[$module]} " == *" $lib "* ]] && continue
      if [ "$lib" = unknown ]; then
        why="<$header> is from a library not in the table of tests/boundaries/check_includes.sh"
      else
        why="$module may not include <$header> ($lib); it owns: ${owns[$module]:-no third-party library}"
      fi
    fi
    messages+=("$file:$line: $why")
    violations+=("$file: $header")
  done < <(grep -n '^[[:space:]]*#[[:space:]]*include' "$file" || true)
done

declare -A listed=()
if [ -n "$known" ]; then
  while IFS= read -r entry; do
    entry=${entry%%#*}
    entry=$(echo "$entry" | sed 's/[[:space:]]*$//')
    [ -n "$entry" ] && listed[$entry]=1
  done < "$known"
fi

failures=0 known_count=0
declare -A seen=()
for i in "${!violations[@]}"; do
  seen[${violations[$i]}]=1
  if [ -n "${listed[${violations[$i]}]+x}" ]; then
    echo "known: ${messages[$i]}"
    known_count=$((known_count + 1))
  else
    echo "error: ${messages[$i]}"
    failures=$((failures + 1))
  fi
done
stale=0
for entry in "${!listed[@]}"; do
  if [ -z "${seen[$entry]+x}" ]; then
    echo "error: $known lists \"$entry\", which no longer occurs: delete that line"
    stale=$((stale + 1))
  fi
done

echo "boundaries: ${#files[@]} files, $failures forbidden includes, $known_count known," \
     "$stale stale list entries"
[ $failures -eq 0 ] && [ $stale -eq 0 ]
