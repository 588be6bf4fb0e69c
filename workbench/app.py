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


def run_gui(target: str, screenshot: Path | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workbench.ui.errors import install_excepthooks
    from workbench.ui.main_window import MainWindow
    from workbench.ui.plan_controller import PlanController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Planning Workbench")
    app.setOrganizationName("PlanningWorkbench")
    app.setApplicationDisplayName("Planning Workbench")
    try:
        store, plan = open_plan(target)
    except WorkbenchError as exc:
        QMessageBox.critical(None, "Planning Workbench", f"The plan could not be opened.\n\n{exc}")
        print(f"workbench: error: {exc}", file=sys.stderr)
        return cli.EXIT_ERROR
    controller = PlanController(plan, store)
    window = MainWindow(controller, store_label=target)
    install_excepthooks(window)
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
    try:
        target = cli.store_target(args)
    except WorkbenchError as exc:
        print(f"workbench: error: {exc}", file=sys.stderr)
        return cli.EXIT_ERROR
    return run_gui(target, getattr(args, "screenshot", None))


if __name__ == "__main__":
    raise SystemExit(main())
