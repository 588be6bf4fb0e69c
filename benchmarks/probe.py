"""Run in a fresh process by run.py: start the app as a user does and report when the main
window is up. Prints one JSON line: wall-clock time when the window was shown (compared by
the parent with the time it started this process) and the peak RSS of the process (VmHWM;
see peak_rss_mb).

    python benchmarks/probe.py PATH.db

The app is started through workbench.app.main(["--db", PATH]): argument parsing, the lock
file, opening and upgrading the store, the backup taken on open, loading the plan, the
engine's first compute and building and showing the window. A zero-delay timer, queued
before the event loop starts, fires once the window is shown; it first processes the
events still pending (layout and the first paint), then reads the clock and the peak RSS
and quits.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB: VmHWM, the high-water mark of its own
    address space. ru_maxrss is not used on Linux: a process started by a large one
    (subprocess spawns with vfork) begins with the parent's peak as its own, so it reads the
    benchmark's memory, not the app's."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    db = sys.argv[1]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    report: dict[str, object] = {}

    def shown() -> None:
        windows = [w for w in app.topLevelWidgets()
                   if w.objectName() == "MainWindow" and w.isVisible()]
        if not windows:
            QTimer.singleShot(1, shown)
            return
        app.processEvents()
        report["shown_at"] = time.time()
        report["peak_rss_mb"] = peak_rss_mb()
        report["ru_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report["title"] = windows[0].windowTitle()
        app.quit()

    QTimer.singleShot(0, shown)
    from workbench.app import main as app_main

    code = app_main(["--db", db])
    print(json.dumps(report), flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
