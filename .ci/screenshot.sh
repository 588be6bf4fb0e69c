#!/usr/bin/env bash
# Render the main window on the demo plan under Xvfb (a real X server), as a user sees it.
# Usage: .ci/screenshot.sh OUT.png [SCALE]   e.g. SCALE=1.5 for 150% display scaling
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-resources/screenshots/main-window.png}
scale=${2:-1}
mkdir -p "$(dirname "$out")"
db=$(mktemp -d)/demo.db
.venv/bin/workbench demo --db "$db" >/dev/null
QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$scale" WORKBENCH_DATA_DIR=$(dirname "$db") XDG_CONFIG_HOME=$(dirname "$db")/config \
  xvfb-run -a -s "-screen 0 2400x1500x24" \
  .venv/bin/workbench gui --db "$db" --screenshot "$out"
echo "wrote $out"
