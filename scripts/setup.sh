#!/usr/bin/env bash
# Installs the Debian 12 packages dcmap needs to build, test and render. Skips the work when
# every package is already installed. Uses sudo when not run as root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config      # toolchain
  libgdal-dev                           # base map reading, GeoJSON writing
  libproj-dev proj-data                 # every projection
  libcairo2-dev libpango1.0-dev libpng-dev  # drawing, text
  libisal-dev libimagequant-dev         # PNG compression (igzip), palette PNGs
  libyaml-cpp-dev                       # input files and styles
  libcli11-dev                          # command-line options
  catch2                                # tests
  fonts-dejavu-core fonts-noto-cjk      # label fonts, CJK fallback
  fonts-noto-ui-core                    # Thai, Indic and other scripts DejaVu lacks
  libxml2-utils poppler-utils           # tests: xmllint checks SVG, pdftoppm checks PDF
  librsvg2-bin                          # tests: rsvg-convert rasterises SVG (text vs paths)
  hyperfine time                        # bench/run.sh
  pandoc                                # man page dcmap(1) from docs/dcmap.md (optional)
  man-db                                # tests: man -l renders dcmap(1)
  bash-completion                       # tests: the installed completion loads by name
  zsh                                   # tests: the installed zsh completion completes
  clang-format-14                       # .ci/format-check.sh
  clang-14 libfuzzer-14-dev             # .ci/fuzz.sh: the libFuzzer targets in fuzz/
)

# `scripts/setup.sh --browser` also installs Chromium, for headless screenshots of SVGs inlined
# in a web page (docs/images/svg-inline-page.png); nothing in the build or the tests needs it.
if [ "${1:-}" = "--browser" ]; then
  packages+=(chromium)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
