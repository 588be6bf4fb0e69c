"""The start-up floor: a new process that imports the app's heavy libraries (pandas, numpy,
SQLAlchemy with its ORM, pyqtgraph, PySide6 widgets), in the order that costs least (Qt
last: its __feature__ check reads the source of every module imported after it), and shows
an empty 1600x1000 window, with the cycle collector as Python starts it. Timed as probe.py
times the app (a zero-delay timer queued before the event loop, pending events processed,
then the clock). Prints one JSON line like probe.py.

    python benchmarks/floor_probe.py
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time

# This checkout's workbench, not whichever copy is installed (python puts only this folder
# on the path when it runs a script).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

LIBRARIES = ("pandas", "numpy", "sqlalchemy.orm", "pyqtgraph", "PySide6.QtWidgets")


def main() -> int:
    # In the order that costs least: PySide6 (here through pyqtgraph) last, as Qt's
    # __feature__ check reads the source of every module imported after it.
    for name in LIBRARIES:
        importlib.import_module(name)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from benchmarks.probe import peak_rss_mb

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setObjectName("MainWindow")
    window.resize(1600, 1000)
    report: dict[str, object] = {}

    def shown() -> None:
        app.processEvents()
        report["shown_at"] = time.time()
        report["peak_rss_mb"] = peak_rss_mb()
        app.quit()

    QTimer.singleShot(0, shown)
    window.show()
    code = app.exec()
    print(json.dumps(report), flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
