"""pandas imported after PySide6 through `import_plain` skips PySide6's import check (which
reads, and keeps in linecache, the source of every module imported after it), and the
check is back in place for every import after."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, linecache, sys
import workbench.ui.plain_import as plain  # before PySide6, as the app imports it
import PySide6.QtWidgets, builtins
checked = builtins.__import__
if sys.argv[1] == "plain":
    plain.import_plain("pandas")
else:
    import pandas
print(json.dumps({"sources_read": sum("pandas" in name for name in linecache.cache),
                  "loaded": "pandas.core.frame" in sys.modules,
                  "check_restored": builtins.__import__ is checked}))
"""


def run(how: str) -> dict:
    done = subprocess.run([sys.executable, "-c", SCRIPT, how], cwd=ROOT, check=True,
                          capture_output=True, text=True, timeout=120)
    return json.loads(done.stdout.splitlines()[-1])


def test_pandas_imported_plainly_after_qt_reads_no_source():
    checked, plain = run("checked"), run("plain")
    assert checked["loaded"] and plain["loaded"]
    assert checked["sources_read"] > 100  # what the plain import avoids
    assert plain["sources_read"] == 0
    assert plain["check_restored"]
