"""Composition root: parse the command line, open the store, build the window.

Headless commands go to workbench.cli without importing Qt, so they start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from workbench import cli
from workbench.domain.errors import WorkbenchError


def open_plan(target: str):
    """Open (creating with the demo plan if empty) the store and load its plan."""
    from workbench.domain.demo_plan import demo_plan
    from workbench.store import open_store

    store = open_store(target, create=True)
    if not store.list_plans():
        store.save_new_plan(demo_plan())
    return store, store.load_plan()


def lock_plan(target: str):
    """Hold a lock file beside a SQLite plan; None (and a reason) if another copy has it."""
    from PySide6.QtCore import QLockFile

    from workbench.store.database import is_url

    if is_url(target):
        return None, ""
    lock = QLockFile(str(Path(target).resolve()) + ".lock")
    lock.setStaleLockTime(0)  # a lock left by a crashed copy is stale once its process is gone
    if lock.tryLock(100):
        return lock, ""
    info = lock.getLockInfo()  # (pid, host, app) when the lock file is readable
    who = f"process {info[0]} on {info[1]}" if info and len(info) >= 2 else "another copy"
    return None, f"The plan is open in another copy of Planning Workbench ({who})."


def run_gui(target: str, screenshot: Path | None = None, smoke: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workbench.domain.resources import resource_path
    from workbench.store.backups import take_backup
    from workbench.store.database import is_url
    from workbench.ui.errors import install_excepthooks
    from workbench.ui.main_window import MainWindow
    from workbench.ui.plan_controller import PlanController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Planning Workbench")
    app.setOrganizationName("PlanningWorkbench")
    app.setApplicationDisplayName("Planning Workbench")
    app.setWindowIcon(QIcon(str(resource_path("icons", "planning-workbench.png"))))
    sqlite_file = None if is_url(target) else Path(target).resolve()
    lock, locked_by = lock_plan(target)
    try:
        store, plan = open_plan(target)
        if locked_by:
            store.read_only = True
        elif sqlite_file is not None:
            take_backup(sqlite_file)
    except WorkbenchError as exc:
        QMessageBox.critical(None, "Planning Workbench", f"The plan could not be opened.\n\n{exc}")
        print(f"workbench: error: {exc}", file=sys.stderr)
        return cli.EXIT_ERROR
    controller = PlanController(plan, store)
    window = MainWindow(controller, store_label=target, sqlite_file=sqlite_file)
    window.plan_lock = lock  # held for the window's lifetime
    if locked_by and screenshot is None:
        QTimer.singleShot(0, lambda: QMessageBox.information(
            window, "Planning Workbench", f"{locked_by}\n\nIt is shown read-only here."))
    install_excepthooks(window)
    if smoke:
        from workbench.ui.smoke import run_smoke

        code = run_smoke(window)
        window.close()
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
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command not in (None, "gui"):
        return cli.run(args)
    smoke = getattr(args, "smoke", False)
    if smoke:
        # A throwaway database, and no screen needed (IT may run it over SSH or in CI).
        import os
        import tempfile

        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or sys.platform in ("win32", "darwin")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        folder = tempfile.mkdtemp(prefix="workbench-smoke-")
        os.environ["WORKBENCH_DATA_DIR"] = folder
        target = str(Path(folder) / "smoke.db")
    else:
        try:
            target = cli.store_target(args)
        except WorkbenchError as exc:
            print(f"workbench: error: {exc}", file=sys.stderr)
            return cli.EXIT_ERROR
    return run_gui(target, getattr(args, "screenshot", None), smoke)


if __name__ == "__main__":
    raise SystemExit(main())
