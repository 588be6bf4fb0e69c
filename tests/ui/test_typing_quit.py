"""The whole app, started from an empty home folder through the welcome screen, quits with
exit code 0 after each path (a new plan, the demo, a new plan then the demo from the File
menu). An abort at exit (exit 134, "Fatal Python error") fails here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("quit_driver.py")


@pytest.mark.parametrize("path", ["new", "demo", "new-then-demo", "demo-then-new"])
def test_quit_after_each_path_exits_cleanly(tmp_path, path):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "WORKBENCH_DATA_DIR": str(tmp_path / "wb"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path.cwd())}
    done = subprocess.run([sys.executable, str(DRIVER), path], env=env, capture_output=True,
                          text=True, timeout=180, cwd=Path.cwd())
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Fatal Python error" not in done.stderr
    assert list((tmp_path / "wb").glob("*.db"))  # the plan was really made and opened
