"""Which plan a window shows: first-run welcome, recent files, open and new plans.

A plan that cannot be opened (damaged, foreign, from a newer app) is named in a clear
message and the welcome screen offers something else, so the app always starts.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSettings, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from workbench.domain.demo_plan import demo_plan
from workbench.domain.errors import WorkbenchError
from workbench.domain.filenames import export_file_name
from workbench.domain.plan import new_plan
from workbench.store import open_store
from workbench.store.backups import take_backup
from workbench.store.database import data_dir, default_db_path, is_url
from workbench.ui.dialogs.welcome_dialog import WelcomeChoice, WelcomeDialog
from workbench.ui.errors import install_excepthooks
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController

RECENT_KEY = "files/recent"
MAX_RECENT = 8


def recent_files() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    return [v for v in (value if isinstance(value, list) else [value]) if v]


def remember(target: str) -> None:
    files = [target] + [f for f in recent_files() if f != target]
    QSettings().setValue(RECENT_KEY, files[:MAX_RECENT])


def lock_plan(target: str):
    """Hold a lock file beside a SQLite plan; None (and a reason) if another copy has it."""
    if is_url(target):
        return None, ""
    # a lock cannot be taken in a folder that does not exist yet (the first run's data
    # folder): that would read as "open in another copy" and show the demo read-only
    Path(target).resolve().parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(Path(target).resolve()) + ".lock")
    lock.setStaleLockTime(0)  # a lock left by a crashed copy is stale once its process is gone
    if lock.tryLock(100):
        return lock, ""
    info = lock.getLockInfo()  # (pid, host, app) when the lock file is readable
    who = f"process {info[0]} on {info[1]}" if info and len(info) >= 2 else "another copy"
    return None, f"The plan is open in another copy of Planning Workbench ({who})."


def open_plan(target: str):
    """Open (creating with the demo plan if empty) the store and load its plan."""
    store = open_store(target, create=True)
    if not store.list_plans():
        store.save_new_plan(demo_plan())
    return store, store.load_plan()


class Launcher(QObject):
    def __init__(self, lock_plan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_plan = lock_plan
        self.window: MainWindow | None = None

    def start(self, target: str, *, welcome: bool) -> MainWindow | None:
        """The first window: the welcome screen first if asked (first run)."""
        if welcome:
            return self.ask()
        return self.open(target, on_failure_ask=True)

    def ask(self, problem: str = "") -> MainWindow | None:
        """The welcome screen until a plan opens or the user cancels."""
        while True:
            dialog = WelcomeDialog(problem, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            try:
                return self._open_choice(dialog.choice())
            except WorkbenchError as exc:
                problem = str(exc)

    def _open_choice(self, choice: WelcomeChoice) -> MainWindow | None:
        if choice.action == "open" and choice.path is not None:
            return self.open(str(choice.path), on_failure_ask=False, raise_errors=True)
        if choice.action == "new":
            path = data_dir() / export_file_name(choice.ods_code, str(choice.first_year),
                                                 suffix=".db")  # Windows-safe name
            store = open_store(path, create=True)
            if store.list_plans():
                raise WorkbenchError(f"{path} already holds a plan; open it instead")
            store.save_new_plan(new_plan(choice.organisation, choice.ods_code,
                                         choice.first_year))
            store.engine.dispose()
            return self.open(str(path), on_failure_ask=False, raise_errors=True)
        return self.open(str(default_db_path()), on_failure_ask=False, raise_errors=True,
                         fallback=data_dir() / "demo.db")

    def open(self, target: str, *, on_failure_ask: bool, raise_errors: bool = False,
             fallback: Path | None = None) -> MainWindow | None:
        lock, locked_by = self.lock_plan(target)
        try:
            store, plan = open_plan(target)
        except WorkbenchError as exc:
            if fallback is not None and str(fallback) != target:
                return self.open(str(fallback), on_failure_ask=on_failure_ask,
                                 raise_errors=raise_errors)
            if raise_errors:
                raise
            if on_failure_ask:
                return self.ask(f"The plan could not be opened: {exc}")
            QMessageBox.warning(self.window, "Planning Workbench", str(exc))
            return None
        sqlite_file = None if is_url(target) else Path(target).resolve()
        if locked_by:
            store.read_only = True
        elif sqlite_file is not None:
            # a failed backup must not stop the plan opening; the hourly one retries
            with contextlib.suppress(WorkbenchError):
                take_backup(sqlite_file)
        window = MainWindow(PlanController(plan, store), store_label=target,
                            sqlite_file=sqlite_file, recent=recent_files())
        window.plan_lock = lock  # held for the window's lifetime
        window.open_requested.connect(self._on_open_requested)
        window.welcome_requested.connect(self._on_welcome_requested)
        install_excepthooks(window)
        if not is_url(target):
            remember(str(Path(target).resolve()))
        if locked_by:
            QTimer.singleShot(0, lambda: QMessageBox.information(
                window, "Planning Workbench", f"{locked_by}\n\nIt is shown read-only here."))
        self._replace(window)
        return window

    def _replace(self, window: MainWindow) -> None:
        old, self.window = self.window, window
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
            old.close()
            old.deleteLater()

    def _on_open_requested(self, target: str) -> None:
        window = self.open(target, on_failure_ask=False)
        if window is not None:
            window.show()

    def _on_welcome_requested(self) -> None:
        window = self.ask()
        if window is not None:
            window.show()
