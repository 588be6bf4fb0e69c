"""The whole app, started from an empty home folder through the welcome screen, quits with
exit code 0 after each path (a new plan, the demo, a new plan then the demo from the File
menu, the demo then File → Import template…). An abort at exit (exit 134, "Fatal Python
error") fails here."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from workbench.store import open_store

DRIVER = Path(__file__).with_name("quit_driver.py")


def run_driver(tmp_path: Path, path: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "WORKBENCH_DATA_DIR": str(tmp_path / "wb"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path.cwd())}
    done = subprocess.run([sys.executable, str(DRIVER), path, *args], env=env,
                          capture_output=True, text=True, timeout=180, cwd=Path.cwd())
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Fatal Python error" not in done.stderr
    return done


@pytest.mark.parametrize("path", ["new", "demo", "new-then-demo", "demo-then-new"])
def test_quit_after_each_path_exits_cleanly(tmp_path, path):
    run_driver(tmp_path, path)
    assert list((tmp_path / "wb").glob("*.db"))  # the plan was really made and opened


def test_quitting_leaves_the_plan_file_alone_and_whole(tmp_path):
    """After a quit, first run and reopened, the plan's folder holds the plan file only:
    no -wal or -shm beside it (SQLite folds them in once every connection is closed) and
    no lock; the edits typed in each session are in the file."""
    folder = tmp_path / "wb"
    counts = []
    for path in ("demo", "reopen"):
        run_driver(tmp_path, path)
        left = sorted(p.name for p in folder.iterdir() if p.is_file())
        assert left == ["planning-workbench.db"], (path, left)
        store = open_store(folder / "planning-workbench.db")
        counts.append(len(store.load_plan().schemes))
        store.engine.dispose()
    assert counts[1] == counts[0] + 1  # the reopened session's new scheme, stored


def test_quit_while_the_scenarios_are_being_computed_exits_cleanly(tmp_path):
    """Three scenarios, typed edits, then File → Quit while their figures are still being
    computed on their own thread: the computation stops and the app exits 0."""
    done = run_driver(tmp_path, "demo-then-scenarios")
    assert "scenarios computing at quit: True" in done.stderr, done.stderr[-2000:]
    [database] = (tmp_path / "wb").glob("*.db")
    store = open_store(database)
    try:
        plan = store.load_plan()
    finally:
        store.engine.dispose()
    assert [s.slippage_months for s in plan.scenarios] == [1, 2, 3]


def test_quit_after_importing_a_template_exits_cleanly_with_the_import_saved(tmp_path):
    workbook = tmp_path / "finance.xlsx"
    done = run_driver(tmp_path, "demo-then-import", str(workbook))
    assert workbook.exists(), done.stderr[-2000:]
    [database] = (tmp_path / "wb").glob("*.db")
    store = open_store(database)
    try:
        plan = store.load_plan()
    finally:
        store.engine.dispose()
    confidences = [s.confidence for s in plan.schemes]
    assert confidences.count(Decimal("0.93")) == 1, done.stderr[-2000:]
    assert "import refused" not in done.stderr


def test_quit_after_importing_actuals_exits_cleanly_with_the_actuals_saved(tmp_path):
    csv = tmp_path / "actuals.csv"
    done = run_driver(tmp_path, "demo-then-actuals", str(csv))
    [database] = (tmp_path / "wb").glob("*.db")
    store = open_store(database)
    try:
        four_hour = store.load_plan().trajectories[2]
    finally:
        store.engine.dispose()
    assert "actuals refused" not in done.stderr, done.stderr[-2000:]
    assert {"2019-04", "2019-05"} <= set(four_hour.actuals), done.stderr[-2000:]
    assert four_hour.actuals["2019-05"].value == 0.9
