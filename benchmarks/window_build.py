"""The main window built and shown on a large plan: milliseconds from the constructor to the
first processed paint, each build in a new process (imports done first, not timed).

    python -m benchmarks.window_build --scale 5 --rounds 5
    python -m benchmarks.window_build --scale 5 --against /path/to/other/worktree

With `--against`, builds alternate between this checkout and the other one (the same
database, one after the other), so both see the same load; `--profile` prints a cProfile
of one build here instead.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def make_db(scale: str, folder: Path) -> Path:
    from benchmarks.large_plan import large_plan
    from workbench.store.opening import open_store

    db = folder / "plan.db"
    store = open_store(db, create=True)
    store.save_new_plan(large_plan(scale=Fraction(scale)))
    store.engine.dispose()
    return db


def build_once(db: Path, profile: bool) -> float:
    """Build and show the window on a copy of `db` in this process; milliseconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from workbench.store.opening import open_store
    from workbench.ui.main_window import MainWindow
    from workbench.ui.plan_controller import PlanController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    copy = Path(tempfile.mkdtemp()) / "plan.db"
    shutil.copyfile(db, copy)
    store = open_store(copy)
    controller = PlanController(store.load_plan(), store)
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    window = MainWindow(controller, store_label=copy.name)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    took = (time.perf_counter() - start) * 1000
    if profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    window.close()
    store.engine.dispose()
    return took


def in_new_process(checkout: Path, db: Path, home: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(checkout), QT_QPA_PLATFORM="offscreen",
               HOME=str(home), XDG_CONFIG_HOME=str(home), WORKBENCH_DATA_DIR=str(home))
    # this file run by path: `workbench` comes from PYTHONPATH, the checkout measured
    out = subprocess.run([sys.executable, __file__, "--db", str(db)],
                         cwd=checkout, env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="5")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout to alternate with")
    parser.add_argument("--db", type=Path, help="(internal) build once on this database")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    if args.db is not None:
        print(f"{build_once(args.db, args.profile):.1f}")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="window_build_"))
    try:
        db = make_db(args.scale, folder)
        if args.profile:
            build_once(db, True)
            return 0
        checkouts = {"here": HERE} | ({"against": args.against} if args.against else {})
        runs: dict[str, list[float]] = {name: [] for name in checkouts}
        load = [os.getloadavg()[0]]
        for _ in range(args.rounds):
            for name, checkout in checkouts.items():
                runs[name].append(in_new_process(checkout, db, folder))
        load.append(os.getloadavg()[0])
        print(f"window build at scale {args.scale}, {args.rounds} rounds, load average "
              f"{load[0]:.2f} -> {load[1]:.2f}")
        for name, times in runs.items():
            print(f"  {name:8} median {statistics.median(times):7.0f} ms   "
                  + " ".join(f"{t:.0f}" for t in times))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
