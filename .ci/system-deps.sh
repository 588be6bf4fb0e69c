#!/usr/bin/env bash
# Debian packages Qt needs to run (offscreen and under Xvfb), and LibreOffice Calc for the
# workbook round-trip tests (tests/templates); Cairo's headers, pkg-config and a C compiler
# to build pycairo (no Linux wheel) for the board paper's chart pictures. Installs only what
# is missing.
set -euo pipefail
pkgs=(libgl1 libegl1 libx11-6 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3
      fonts-dejavu-core xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1
      libxkbcommon-x11-0 libx11-xcb1 libreoffice-calc-nogui
      libcairo2-dev pkg-config gcc)
command -v dpkg-query >/dev/null || exit 0   # not Debian: nothing we can do here
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need these system packages; please run as root:" >&2
  echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages for the tests: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
