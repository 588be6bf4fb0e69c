#!/usr/bin/env bash
# Render the main window on the demo plan (and the welcome screen) under Xvfb, a real X
# server, as a user sees them.
# Usage: .ci/screenshot.sh OUT.png [SCALE] [WELCOME.png]   e.g. SCALE=1.5 for 150% scaling
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-resources/screenshots/main-window.png}
scale=${2:-1}
welcome=${3:-}
mkdir -p "$(dirname "$out")"
tmp=$(mktemp -d)
db=$tmp/demo.db
.venv/bin/workbench demo --db "$db" >/dev/null
run() {
  QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$scale" WORKBENCH_DATA_DIR="$tmp" \
    XDG_CONFIG_HOME="$tmp/config" xvfb-run -a -s "-screen 0 2400x1500x24" "$@"
}
run .venv/bin/workbench gui --db "$db" --screenshot "$out"
echo "wrote $out"
# The Activity page (the A&E 2017/18 line, with actuals) and the Trajectories page (A&E
# 4-hour with its SPC chart), beside the main window's file: main-window.png ->
# activity.png, trajectories.png; main-window-150.png -> activity-150.png, ...
suffix=${out##*/main-window}
dir=$(dirname "$out")
# Trajectories first: the Activity shot picks a 2017/18 line, and the plan year it
# switches to is remembered for the plan.
run .venv/bin/python .ci/page_shot.py "$db" 2 "$dir/trajectories$suffix" 3
run .venv/bin/python .ci/page_shot.py "$db" 1 "$dir/activity$suffix" 3
echo "wrote $dir/activity$suffix $dir/trajectories$suffix"
if [ -n "$welcome" ]; then
  run .venv/bin/python .ci/welcome_shot.py "$welcome"
  echo "wrote $welcome"
fi
