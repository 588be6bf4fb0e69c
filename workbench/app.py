"""Composition root: parse the command line, open the store, build the window.

Headless commands go to workbench.cli without importing Qt, so they start fast.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from workbench import cli
from workbench.domain.errors import WorkbenchError


class _StartupCollector:
    """The cycle collector paused from the first heavy import until the window's first
    paint: start-up makes several hundred thousand long-lived objects (modules, the plan,
    its results, the window), and collecting while they are made walks them again and
    again. Once the window has painted they are frozen (left out of later collections)
    and the collector runs as usual."""

    def __init__(self, pause: bool) -> None:
        self.paused = pause and gc.isenabled()
        self.reenable = True
        if self.paused:
            gc.disable()

    def cancel(self) -> None:
        """Collect as usual again, nothing frozen (a headless command, or a first run)."""
        if self.paused:
            self.paused = False
            gc.enable()

    def hand_over(self) -> None:
        """The GUI thread's collector (ui.gui_thread_gc) collects from now on: resuming
        freezes the start-up objects but leaves automatic collection off."""
        self.reenable = False

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            gc.freeze()
            if self.reenable:
                gc.enable()


def run_gui(target: str, *, first_run: bool = False, screenshot: Path | None = None,
            smoke: bool = False, collector: _StartupCollector | None = None) -> int:
    if collector is None:
        collector = _StartupCollector(pause=not first_run)
    elif first_run:
        collector.cancel()
    try:
        return _run_gui(target, collector, first_run=first_run, screenshot=screenshot,
                        smoke=smoke)
    finally:
        collector.resume()


def _import_before_qt(target: str) -> None:
    """The engine (pandas, numpy) and the store (SQLAlchemy) before Qt: once PySide6 is
    imported it reads the source of every module imported after it (its __feature__
    check), and pandas alone is some 400 modules. So too the Qt-free modules the window
    uses on start (the log, the plan lock, backups, versions, the plan-year figures).

    Not pandas when figures of this plan are kept from the last session (engine.kept):
    the window then opens on those, and the engine loads after its first paint."""
    import numpy  # noqa: F401

    import workbench.ui.plain_import  # noqa: F401 (keeps the import as it is before Qt)
    from workbench.store.kept_files import any_kept

    if not any_kept(target):
        import workbench.engine.recompute  # noqa: F401
        import workbench.engine.scenarios  # noqa: F401
    import workbench.engine.kept  # noqa: F401
    import workbench.engine.multi_year  # noqa: F401
    import workbench.store.backups  # noqa: F401
    import workbench.store.log_file  # noqa: F401
    import workbench.store.opening  # noqa: F401
    import workbench.store.plan_lock  # noqa: F401
    import workbench.store.versions  # noqa: F401


def _run_gui(target: str, collector: _StartupCollector, *, first_run: bool,
             screenshot: Path | None, smoke: bool) -> int:
    _import_before_qt(target)
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from workbench.domain.resources import resource_path
    from workbench.store.log_file import install as install_log_file
    from workbench.ui.gui_thread_gc import GuiThreadCollector
    from workbench.ui.launcher import Launcher, lock_plan
    from workbench.ui.look import apply_nhs_look

    install_log_file()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Planning Workbench")
    app.setOrganizationName("PlanningWorkbench")
    app.setApplicationDisplayName("Planning Workbench")
    app.setWindowIcon(QIcon(str(resource_path("icons", "planning-workbench.png"))))
    apply_nhs_look(app)
    if getattr(app, "gui_gc", None) is None:  # cycles collected on this thread only
        app.gui_gc = GuiThreadCollector(app)
    collector.hand_over()
    launcher = Launcher(lock_plan)
    automated = smoke or screenshot is not None
    window = launcher.start(target, welcome=first_run and not automated)
    if window is None:
        return cli.EXIT_ERROR if automated else 0
    window.first_painted.connect(collector.resume)
    if smoke:
        from workbench.ui.smoke import run_smoke

        code = run_smoke(window)
        window.close()
        _let_go_of_plan(window)  # closed before its folder is removed
        return code
    if screenshot is not None:
        window.resize(1600, 1000)
        window.show()

        def grab() -> None:
            window.grab().save(str(screenshot))
            app.quit()

        QTimer.singleShot(800, grab)
        return app.exec()
    window.show()
    if os.environ.get("WORKBENCH_REPORT_SHOWN"):
        # Start-up timing (installers/measure_startup.py, benchmarks/probe.py): once the
        # window is shown and painted, print the wall clock; then again once the charts
        # (built just after the first paint) are painted too, and leave.
        def shown() -> None:
            app.processEvents()
            print(f"shown {time.time():.6f}", flush=True)
            QTimer.singleShot(0, complete)

        def complete() -> None:
            window.charts.repaint()
            app.processEvents()
            print(f"complete {time.time():.6f}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, shown)
    code = app.exec()
    _let_go_of_plan(launcher.window)  # the plan on show at quit (File → Open may change it)
    return code


def _let_go_of_plan(window) -> None:
    """Once the window is closed: the backup finished, every connection closed and the
    plan's lock released. SQLite then folds its write-ahead log into the plan file and
    removes the -wal and -shm files, so the plan file alone is the whole plan (copied,
    mailed, put on a share) and nothing of the app's is left beside it."""
    if window is None:
        return
    if window.guard.backup_thread is not None:
        window.guard.backup_thread.join(30)
    window.controller.store.engine.dispose()
    if getattr(window, "plan_lock", None) is not None:
        window.plan_lock.release()


def main(argv: Sequence[str] | None = None) -> int:
    # Paused from the start: the parser and the store's default path import the engine
    # (pandas) and the store (SQLAlchemy), the heaviest imports of a start. Resumed (and
    # start-up's objects frozen) after the first paint; a headless command, a first run
    # or an error collects as usual.
    collector = _StartupCollector(pause=True)
    try:
        return _main(argv, collector)
    finally:
        collector.cancel()


def _main(argv: Sequence[str] | None, collector: _StartupCollector) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command not in (None, "gui"):
        collector.cancel()
        return cli.run(args)
    smoke = getattr(args, "smoke", False)
    if smoke:
        # A throwaway database, removed afterwards, and no screen needed (IT may run it
        # over SSH or in CI).
        import shutil
        import tempfile

        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or sys.platform in ("win32", "darwin")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        folder = tempfile.mkdtemp(prefix="workbench-smoke-")
        os.environ["WORKBENCH_DATA_DIR"] = folder
        try:
            return run_gui(str(Path(folder) / "smoke.db"), smoke=True, collector=collector)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    try:
        target = str(cli.store_target(args))
    except WorkbenchError as exc:
        print(f"workbench: error: {exc}", file=sys.stderr)
        return cli.EXIT_ERROR
    from workbench.store import default_db_path

    first_run = target == str(default_db_path()) and not default_db_path().exists()
    return run_gui(target, first_run=first_run, screenshot=getattr(args, "screenshot", None),
                   collector=collector)

if __name__ == "__main__":
    raise SystemExit(main())
