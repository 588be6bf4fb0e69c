"""Start-up of the built bundle: process launch to main window shown, median of 5.

    python3 installers/measure_startup.py [--drop-caches] [PATH-TO-BUNDLE-EXECUTABLE]

Each run starts the bundle on the demo plan (a database made once, beforehand, by the
bundle's own `demo` command) with WORKBENCH_REPORT_SHOWN set: the app prints the wall
clock once its window is shown and painted, then exits. The figure is that time less the
time just before the process was started: the bootloader, imports, opening the store (and
its backup), the engine's first compute, building and painting the window. Runs offscreen.
The executable defaults to dist/planning-workbench/planning-workbench.

Without --drop-caches the bundle's files are in the page cache after the first run, so the
figures are warm starts. With --drop-caches (root on Linux) the page cache is emptied before
every run, so each run reads the bundle from disk: a cold start. The load average is printed
too, as other work on the machine slows every run.
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
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_caches() -> None:
    os.sync()
    DROP_CACHES.write_text("3\n")


def main(argv: list[str]) -> int:
    cold = "--drop-caches" in argv
    rest = [arg for arg in argv if arg != "--drop-caches"]
    exe = Path(rest[0] if rest else "dist/planning-workbench/planning-workbench").resolve()
    folder = Path(tempfile.mkdtemp(prefix="workbench-startup-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": str(folder),
           "XDG_CONFIG_HOME": str(folder / "config")}
    db = folder / "demo.db"
    subprocess.run([str(exe), "demo", "--db", str(db)], env=env, check=True,
                   capture_output=True)
    times = []
    for _ in range(RUNS):
        if cold:
            drop_caches()
        started = time.time()
        out = subprocess.run([str(exe), "--db", str(db)], capture_output=True, text=True,
                             env={**env, "WORKBENCH_REPORT_SHOWN": "1"}, timeout=120)
        shown = [line for line in out.stdout.splitlines() if line.startswith("shown ")]
        if out.returncode != 0 or not shown:
            print(out.stdout, out.stderr, file=sys.stderr)
            return 1
        times.append((float(shown[0].split()[1]) - started) * 1000)
    kind = "cold (page cache dropped before each run)" if cold else "warm (files in page cache)"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"{kind} start to window shown: median {statistics.median(times):,.0f} ms "
          f"over {RUNS} runs ({', '.join(f'{t:,.0f}' for t in times)}); load average {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
