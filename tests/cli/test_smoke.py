"""`workbench --smoke` is what IT runs after deployment: it must pass on a clean profile."""

from __future__ import annotations

import os
import subprocess
import sys


def test_smoke_renders_every_main_screen(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["HOME"] = str(tmp_path)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    result = subprocess.run([sys.executable, "-m", "workbench", "--smoke"], env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("ok ") for line in lines) >= 9
    assert "savings requirement on the demo plan: £22.4m" in result.stdout
    assert "Traceback" not in result.stderr
