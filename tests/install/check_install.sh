#!/usr/bin/env bash
# The install tests (ctest label "install"): `cmake --install` into a scratch DESTDIR under the
# build tree, then checks what landed there as a user would meet it.
#
#     check_install.sh install    ROOT BUILD_DIR   # fresh DESTDIR=ROOT, prefix /usr/local
#     check_install.sh files      ROOT MAN_BUILT   # the program, its GDAL plug-in (found
#                                                  #   and used; a clear error without it),
#                                                  #   man page, completion exist
#     check_install.sh man        ROOT MAN_BUILT   # man -l renders dcmap(1) without warnings
#     check_install.sh completion ROOT             # the completion sources, completes, and
#                                                  #   offers exactly the options of --help
#     check_install.sh zsh        ROOT COMPLETE_ZSH  # the zsh completion, through zsh's own
#                                                  #   completion system, offers what --help lists
#     check_install.sh library    ROOT SOURCE_DIR CHECK_PNG
#                                                  # builds docs/library.md's example against
#                                                  #   the installed package (find_package),
#                                                  #   runs it, checks its PNGs with CHECK_PNG
#     check_install.sh cleanup    ROOT             # removes ROOT
#
# MAN_BUILT is ON when configure found pandoc; without it the man test is skipped (exit 77).
set -euo pipefail

step=$1 root=$2
prefix=$root/usr/local
bin=$prefix/bin/dcmap
page=$prefix/share/man/man1/dcmap.1
completion=$prefix/share/bash-completion/completions/dcmap
zsh_completion=$prefix/share/zsh/site-functions/_dcmap
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

case $step in
install)
  build=$3
  rm -rf "$root"
  mkdir -p "$root"
  DESTDIR=$root "${CMAKE_COMMAND:-cmake}" --install "$build" --prefix /usr/local
  ;;

cleanup)
  rm -rf "$root"
  ;;

library)
  source_dir=$3 check_png=$4
  work=$root/library-example
  rm -rf "$work"
  mkdir -p "$work"
  # The fenced block after each "<!-- example NAME" comment of docs/library.md, as NAME.
  for name in CMakeLists.txt two_sites.cpp; do
    awk -v name="$name" '
      index($0, "<!-- example " name) == 1 { found = 1; next }
      found && /^```/ { if (inside) exit; inside = 1; next }
      inside { print }' "$source_dir/docs/library.md" >"$work/$name"
    [ -s "$work/$name" ] || fail "docs/library.md has no example $name"
  done
  [ $failures -eq 0 ] || exit 1
  "${CMAKE_COMMAND:-cmake}" -S "$work" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix" \
    ${CXX_COMPILER:+-DCMAKE_CXX_COMPILER="$CXX_COMPILER"} >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log" >&2; fail "the example does not configure (find_package)"; exit 1; }
  "${CMAKE_COMMAND:-cmake}" --build "$work/build" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; fail "the example does not build against the install"; exit 1; }
  # Its default width, and a small and a large one (the style's default is neither).
  for width in "" 300 4000; do
    png=$work/map${width:+-$width}.png
    (cd "$work" && ./build/two_sites "$png" $width) ||
      fail "the example exits $? (width ${width:-default})"
    "$check_png" "$png" "${width:-0}" || fail "the example's map (width ${width:-default}) is wrong"
  done
  ;;

files)
  man_built=$3
  [ -x "$bin" ] || fail "$bin is missing or not executable"
  "$bin" --version >/dev/null || fail "the installed dcmap --version exits $?"
  # GDAL lives in a plug-in the program loads on first use, found in <prefix>/lib*/dcmap.
  ls "$prefix"/lib*/dcmap/libdcmap-gdal.so >/dev/null 2>&1 || fail "the GDAL plug-in is not installed"
  if ldd "$bin" | grep -q libgdal; then fail "the installed dcmap links GDAL itself"; fi
  printf -- 'sites:\n  - {name: Paris, lat: 48.86, lon: 2.35}\n  - {name: Auckland, lat: -36.85, lon: 174.76}\n' \
    >"$root/sites.yaml"
  # --resolved (OGR's GeoJSON driver) and a centre that cuts the base map at run time (GEOS).
  "$bin" render "$root/sites.yaml" -o "$root/map.png" --center 150 \
    --resolved "$root/sites.geojson" -q || fail "the installed dcmap render --resolved exits $?"
  grep -q '"Paris"' "$root/sites.geojson" 2>/dev/null || fail "no GeoJSON from the installed dcmap"
  [ -s "$root/map.png" ] || fail "no map from the installed dcmap at --center 150"
  # Without the plug-in (the program alone in a folder): a plain render works, and what needs
  # GDAL fails with a message naming the plug-in and where it was looked for.
  lonely=$root/lonely
  mkdir -p "$lonely/bin"
  cp "$bin" "$lonely/bin/dcmap"
  "$lonely/bin/dcmap" render "$root/sites.yaml" -o "$lonely/map.png" -q ||
    fail "dcmap without its plug-in cannot render a map that needs no GDAL"
  if "$lonely/bin/dcmap" render "$root/sites.yaml" -o "$lonely/map2.png" -q \
    --resolved "$lonely/sites.geojson" 2>"$lonely/err.txt"; then
    fail "dcmap without its plug-in wrote --resolved"
  fi
  grep -q "GDAL plug-in is missing: libdcmap-gdal.so not found (looked for $lonely/bin/libdcmap-gdal.so" \
    "$lonely/err.txt" || { cat "$lonely/err.txt" >&2; fail "no clear message without the plug-in"; }
  [ -f "$completion" ] || fail "$completion is missing"
  [ -f "$zsh_completion" ] || fail "$zsh_completion is missing"
  if [ "$man_built" = ON ]; then
    [ -f "$page" ] || fail "$page is missing"
  elif [ -e "$page" ]; then
    fail "$page is installed though configure built no man page"
  fi
  ;;

man)
  [ "$3" = ON ] || { echo "configure found no pandoc: no man page to check"; exit 77; }
  # UTF-8, as a reader's terminal: the page names places such as Köln and 北京.
  # MAN_DISABLE_SECCOMP: man-db's own sandbox fails in some CI containers; groff still runs.
  export LC_ALL=C.UTF-8 MANWIDTH=80 MAN_DISABLE_SECCOMP=1
  if command -v man >/dev/null; then
    rendered=$(man --warnings=w -l "$page" 2>"$root/man.err") || fail "man -l exits $?"
  else
    rendered=$(groff -man -t -Tutf8 -ww "$page" 2>"$root/man.err") || fail "groff exits $?"
  fi
  if [ -s "$root/man.err" ]; then
    fail "rendering dcmap(1) warns:"
    cat "$root/man.err" >&2
  fi
  # Drop overstrike bold and underline, and the spaces that justification adds.
  rendered=$(printf '%s\n' "$rendered" | sed 's/.\x08//g' | tr -s ' ')
  for want in NAME SYNOPSIS "DCMAP RENDER" "EXIT STATUS" "dcmap - render" --markers --labels \
              --key "bad usage"; do
    grep -qF -- "$want" <<<"$rendered" || fail "the rendered page lacks \"$want\""
  done
  ;;

completion)
  [ -f "$completion" ] || { fail "$completion is missing"; exit 1; }
  # Sourcing prints nothing and fails nothing, with and without `set -u` in the user's shell.
  out=$(bash --norc --noprofile -c 'source "$1"' _ "$completion" 2>&1) || fail "sourcing exits $?"
  [ -z "$out" ] || fail "sourcing prints: $out"
  out=$(bash --norc --noprofile -uc 'source "$1"; complete -p dcmap' _ "$completion" 2>&1) ||
    fail "sourcing under set -u: $out"

  # The candidates bash would offer for LINE (cursor at its end), one per line, sorted. '=' is
  # its own word, as bash splits it (COMP_WORDBREAKS).
  complete_line() {
    bash --norc --noprofile -c '
      source "$1"
      line=$2
      read -ra COMP_WORDS <<<"${line//=/ = }"
      [[ $line == *" " ]] && COMP_WORDS+=("")
      COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE=$line COMP_POINT=${#line}
      fn=$(complete -p dcmap | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
      "$fn" dcmap "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
      ((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}"
      true' _ "$completion" "$1" | LC_ALL=C sort
  }
  expect() {  # LINE WANT: the candidates for LINE, space-separated, are exactly WANT
    local got
    got=$(complete_line "$1" | tr '\n' ' ' | sed 's/ $//')
    [ "$got" = "$2" ] || fail "completing \"$1\" gives \"$got\", not \"$2\""
  }
  expect "dcmap ren" "render"
  expect "dcmap " "catalogue diff geocode regions render stats validate"
  expect "dcmap catalogue " "import"
  expect "dcmap catalogue import --o" "--output"
  expect "dcmap stats --format " "csv json md"
  expect "dcmap --v" "--version"
  expect "dcmap render x.yaml --mark" "--markers"
  expect "dcmap render x.yaml --markers c" "clusters"
  expect "dcmap render x.yaml --markers=d" "density"
  expect "dcmap render --labels " "auto name place"
  expect "dcmap render --key " "always auto never"
  expect "dcmap render --format png,s" "png,svg"
  expect "dcmap geocode --format " "csv json table"
  expect "dcmap regions --provider a" "alibaba aws azure"

  # Every option and value of `dcmap COMMAND --help` completes, and nothing else does.
  help_options() { "$bin" "$@" --help | grep -oE '^ +(-[a-zA-Z],)?--[a-z0-9-]+' |
                   sed 's/.*--/--/' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }
  commands=$("$bin" --help | sed -n '/^Subcommands:/,$p' | grep -oE '^  [a-z]+' |
             tr -d ' ' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
  [ -n "$commands" ] || fail "dcmap --help lists no subcommands"
  expect "dcmap " "$commands"
  expect "dcmap --" "$(help_options)"
  for command in $commands; do
    expect "dcmap $command --" "$(help_options "$command")"
    # Options with a fixed set of values show it as NAME TEXT:{a,b,c} in --help.
    while read -r option values; do
      [ -n "$option" ] || continue
      got=" $(complete_line "dcmap $command $option " | tr '\n' ' ')"
      for value in ${values//,/ }; do
        [[ $got == *" $value "* ]] ||
          fail "completing \"dcmap $command $option \" does not offer \"$value\" (--help does)"
      done
    done < <("$bin" "$command" --help |
             sed -nE 's/^ +(-[a-zA-Z],)?(--[a-z0-9-]+) [A-Z]+:\{([^}]*)\}.*/\2 \3/p')
  done

  # bash-completion, when present, finds the installed file by the command's name.
  bc=/usr/share/bash-completion/bash_completion
  if [ -f "$bc" ]; then
    loaded=$(XDG_DATA_DIRS=$prefix/share bash --norc --noprofile -c '
      source "$1" >/dev/null 2>&1; __load_completion dcmap && complete -p dcmap' _ "$bc" 2>&1) ||
      fail "bash-completion does not load $completion: $loaded"
    [[ $loaded == *"-F _dcmap dcmap"* ]] || fail "bash-completion loaded \"$loaded\""
  else
    echo "note: bash-completion is not installed; its loader was not tried"
  fi
  ;;

zsh)
  complete_zsh=$3
  command -v zsh >/dev/null || { echo "zsh is not installed: no zsh completion to check"; exit 77; }
  [ -f "$zsh_completion" ] || { fail "$zsh_completion is missing"; exit 1; }
  zsh -n "$zsh_completion" || fail "$zsh_completion has a syntax error"
  help_options() { "$bin" "$@" --help | grep -oE '^ +(-[a-zA-Z],)?--[a-z0-9-]+' |
                   sed 's/.*--/--/' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }
  commands=$("$bin" --help | sed -n '/^Subcommands:/,$p' | grep -oE '^  [a-z]+' |
             tr -d ' ' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
  # LINE WANT pairs: zsh, with compinit and the installed file on $fpath, completes each LINE
  # (cursor at its end) to exactly the words WANT, sorted.
  checks=(
    "dcmap ren" "render"
    "dcmap " "$commands"
    "dcmap --v" "--version"
    "dcmap render x.yaml --mark" "--markers"
    "dcmap render x.yaml --markers c" "clusters"
    "dcmap render --labels " "auto name place"
    "dcmap render --key " "always auto never"
    "dcmap render --format png,s" "svg"
    "dcmap geocode --format " "csv json table"
    "dcmap stats --format " "csv json md"
    "dcmap regions --provider a" "alibaba aws azure"
    "dcmap catalogue " "import"
    "dcmap catalogue import --o" "--output"
  )
  for command in $commands; do
    [ "$command" = catalogue ] && continue
    checks+=("dcmap $command --" "$(help_options "$command")")
  done
  checks+=("dcmap catalogue import --" "$(help_options catalogue import)")
  lines=()
  for ((i = 0; i < ${#checks[@]}; i += 2)); do lines+=("${checks[i]}"); done
  got_all=$(timeout 60 zsh -f "$complete_zsh" "$(dirname "$zsh_completion")" "${lines[@]}") ||
    fail "zsh completion run exits $?"
  mapfile -t got_lines < <(awk '/^--$/ { print line; line = ""; next }
                                { line = line (line == "" ? "" : " ") $0 }' <<<"$got_all")
  for ((i = 0; i < ${#checks[@]}; i += 2)); do
    got=${got_lines[i / 2]:-}
    [ "$got" = "${checks[i + 1]}" ] ||
      fail "zsh completes \"${checks[i]}\" to \"$got\", not \"${checks[i + 1]}\""
  done
  ;;

*)
  echo "usage: $0 install|files|man|completion|zsh|library|cleanup ROOT ..." >&2
  exit 2
  ;;
esac

[ $failures -eq 0 ] || { echo "$failures failures" >&2; exit 1; }
echo "install $step: ok"
