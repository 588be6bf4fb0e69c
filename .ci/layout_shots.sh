#!/usr/bin/env bash
# Every page of the main window on laptop screens, at 100%, 125% and 150% scaling, under
# Xvfb: resources/screenshots/laptop-WxH[-SCALE]-PAGE.png
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
tmp=$(mktemp -d)
db=$tmp/demo.db
$py -m workbench demo --db "$db" >/dev/null
out=resources/screenshots
mkdir -p "$out"
shot() {  # WIDTH HEIGHT SCALE
  local name="$out/laptop-$1x$2"
  [ "$3" != 1 ] && name="$name-$(awk "BEGIN { print $3 * 100 }")"
  QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$3" WORKBENCH_DATA_DIR="$tmp" \
    XDG_CONFIG_HOME="$tmp/config-$1x$2-$3" xvfb-run -a -s "-screen 0 $1x$2x24" \
    $py .ci/layout_shots.py "$db" "$name"
  echo "wrote $name-*.png"
}
shot 1366 768 1
shot 1600 1000 1
shot 1366 768 1.25
shot 1920 1080 1.25
shot 1920 1080 1.5
