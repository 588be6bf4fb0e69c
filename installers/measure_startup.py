"""Cold start of the built bundle: process launch to main window shown, median of 5.

    python3 installers/measure_startup.py [dist/planning-workbench/planning-workbench]

Each run starts the bundle on the demo plan (a database made once, beforehand, by the
bundle's own `demo` command) with WORKBENCH_REPORT_SHOWN set: the app prints the wall
clock once its window is shown and painted, then exits. The figure is that time less the
time just before the process was started: unpacking, imports, opening the store (and its
backup), the engine's first compute, building and painting the window. Runs offscreen.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5


def main() -> int:
    exe = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/planning-workbench/planning-workbench")
    folder = Path(tempfile.mkdtemp(prefix="workbench-startup-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": str(folder),
           "XDG_CONFIG_HOME": str(folder / "config")}
    db = folder / "demo.db"
    subprocess.run([str(exe), "demo", "--db", str(db)], env=env, check=True,
                   capture_output=True)
    times = []
    for _ in range(RUNS):
        started = time.time()
        out = subprocess.run([str(exe), "--db", str(db)], capture_output=True, text=True,
                             env={**env, "WORKBENCH_REPORT_SHOWN": "1"}, timeout=120)
        shown = [line for line in out.stdout.splitlines() if line.startswith("shown ")]
        if out.returncode != 0 or not shown:
            print(out.stdout, out.stderr, file=sys.stderr)
            return 1
        times.append((float(shown[0].split()[1]) - started) * 1000)
    print(f"cold start to window shown: median {statistics.median(times):,.0f} ms "
          f"over {RUNS} runs ({', '.join(f'{t:,.0f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
