#!/usr/bin/env bash
# Checks that every C++ source under src/, tests/, bench/ and fuzz/ is formatted as .clang-format says, without
# changing any file. Prints the files that differ and exits 1 when there are any; exits 0 when all
# are clean. For CI:
#
#     .ci/format-check.sh                # all of src/, tests/, bench/ and fuzz/
#     .ci/format-check.sh src/layout     # only some folders or files
#
# To fix what it reports: clang-format-14 -i FILE... (the same version: formatting differs
# between clang-format releases, so CI and developers pin Debian 12's clang-format-14).
# CLANG_FORMAT=path overrides the program.
set -euo pipefail
cd "$(dirname "$0")/.."

clang_format=${CLANG_FORMAT:-}
if [ -z "$clang_format" ]; then
  for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null; then clang_format=$candidate; break; fi
  done
fi
if [ -z "$clang_format" ]; then
  echo "format-check: clang-format not found (apt-get install clang-format-14)" >&2
  exit 2
fi
version=$("$clang_format" --version)
case $version in
  *"version 14."*) ;;
  *) echo "format-check: warning: $version is not clang-format 14; results may differ from CI" >&2 ;;
esac

paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(src tests bench fuzz)

# .inc files are generated tables (geocode/fold_table.inc), not hand-formatted code.
mapfile -t files < <(find "${paths[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | LC_ALL=C sort)

failing=()
for f in "${files[@]}"; do
  if ! "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1; then
    failing+=("$f")
  fi
done

if [ ${#failing[@]} -eq 0 ]; then
  echo "format-check: all ${#files[@]} files match .clang-format"
  exit 0
fi
printf '%s\n' "${failing[@]}"
echo "format-check: ${#failing[@]} of ${#files[@]} files differ from .clang-format;" \
     "see the changes with: $clang_format --dry-run FILE; fix with: $clang_format -i FILE" >&2
exit 1
