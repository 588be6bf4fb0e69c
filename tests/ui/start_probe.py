"""Start the app in a new process, as `workbench --db PATH` does, and read its state at two
moments: when the window is shown (first paint) and when what waited for it is complete."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def state_at_start(tmp_path: Path, db: Path, expression: str) -> dict[str, object]:
    """{"shown": value, "complete": value}: `expression` (Python, may use sys and gc)
    evaluated in the app's process at each moment; the app prints them under
    WORKBENCH_REPORT_SHOWN."""
    script = textwrap.dedent(f"""
        import builtins, gc, json, os, sys
        os.environ["WORKBENCH_REPORT_SHOWN"] = "1"
        seen = {{}}
        real_print = builtins.print
        def spy(*args, **kwargs):
            word = str(args[0]).split()[0] if args else ""
            if word in ("shown", "complete") and word not in seen:
                seen[word] = {expression}
            return real_print(*args, **kwargs)
        builtins.print = spy
        from workbench.app import main
        code = main(["--db", sys.argv[1]])
        real_print("JSON" + json.dumps(seen))
        sys.exit(code)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               WORKBENCH_DATA_DIR=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", script, str(db)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(next(x for x in out.stdout.splitlines() if x.startswith("JSON"))[4:])
