"""Which plan a window shows: first-run welcome, recent files, open and new plans.

A plan that cannot be opened (damaged, foreign, from a newer app) is named in a clear
message and the welcome screen offers something else, so the app always starts.
"""

from __future__ import annotations

import atexit
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from workbench.domain.errors import StoreError, WorkbenchError
from workbench.domain.filenames import export_file_name
from workbench.domain.plan import new_plan
from workbench.engine.kept import kept_figures
from workbench.store import open_store
from workbench.store.database import data_dir, default_db_path, is_url
from workbench.store.kept_files import read_kept
from workbench.store.plan_lock import STALE_MINUTES, PlanLocked, acquire
from workbench.ui import store_thread
from workbench.ui.errors import install_excepthooks
from workbench.ui.main_window import MainWindow
from workbench.ui.modal import answered
from workbench.ui.plan_controller import PlanController

if TYPE_CHECKING:
    from workbench.ui.dialogs.welcome_dialog import WelcomeChoice

RECENT_KEY = "files/recent"
MAX_RECENT = 8


def recent_files() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    return [v for v in (value if isinstance(value, list) else [value]) if v]


def remember(target: str) -> None:
    files = [target] + [f for f in recent_files() if f != target]
    QSettings().setValue(RECENT_KEY, files[:MAX_RECENT])


class LockRefusal(str):
    """Why the plan is not ours to write (a sentence), and whether its holder looks gone."""

    can_take_over: bool = False
    short: str = ""  # for the read-only banner: who has it


def lock_plan(target: str, take_over: bool = False):
    """Hold the lock beside a SQLite plan; None (and a reason) if another copy has it.

    The plan's folder is created first if missing, so a first start is writable.
    """
    if is_url(target):
        return None, ""
    try:
        return acquire(Path(target), take_over=take_over), ""
    except PlanLocked as exc:
        reason = LockRefusal(str(exc))
        reason.can_take_over = exc.can_take_over
        if exc.holder is not None:
            reason.short = f"in use by {exc.holder.describe()}"
        return None, reason
    except StoreError as exc:
        return None, LockRefusal(str(exc))


def existing_plans() -> list[Path]:
    """Plans this user already has: recent files still present, then any in the data folder
    (which IT may have set to a network home folder that follows the user)."""
    found: list[Path] = []
    candidates = [Path(f) for f in recent_files() if not is_url(f)]
    with contextlib.suppress(OSError):
        candidates += sorted(data_dir().glob("*.db"))
    for path in candidates:
        with contextlib.suppress(OSError):
            path = path.resolve()
            if path.is_file() and path not in found and path.stat().st_size > 0:
                found.append(path)
    return found


def open_plan(target: str, create: bool = True):
    """Open the store (with `create`, making it with the demo plan if missing or empty)
    and load its plan."""
    store = open_store(target, create=create)
    if not store.list_plans():
        from workbench.domain.demo_plan import demo_plan  # a new or empty database only

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
        from workbench.ui.dialogs.welcome_dialog import WelcomeDialog  # first run, File → New

        while True:
            with answered(WelcomeDialog(problem, self.window,
                                        existing=existing_plans())) as dialog:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                choice = dialog.choice()
            try:
                return self._open_choice(choice)
            except WorkbenchError as exc:
                problem = str(exc)

    def _open_choice(self, choice: WelcomeChoice) -> MainWindow | None:
        if choice.action == "open" and choice.path is not None:
            return self.open(str(choice.path), on_failure_ask=False, raise_errors=True,
                             create=False)
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

    def _lock(self, target: str):
        lock, locked_by = self.lock_plan(target)
        if lock is None and getattr(locked_by, "can_take_over", False):
            answer = QMessageBox.question(
                self.window, "Planning Workbench",
                f"{locked_by}\n\nThat copy has not been seen for over {STALE_MINUTES} "
                "minutes: if its computer crashed or was switched off, you can take the plan "
                "over. If it is still open there, changes made there may be lost.\n\n"
                "Take the plan over?")
            if answer == QMessageBox.StandardButton.Yes:
                lock, locked_by = self.lock_plan(target, take_over=True)
        return lock, locked_by

    def open(self, target: str, *, on_failure_ask: bool, raise_errors: bool = False,
             fallback: Path | None = None, create: bool = True) -> MainWindow | None:
        """Open `target` in a window. Only the demo and the command line's plan are created
        when missing; a file chosen to open (recent, File → Open) must exist. The plan
        already open in this window is shown, not opened again (its own lock would make
        the second copy read-only)."""
        current = self.window
        if current is not None and not is_url(target) and \
                current.sqlite_file == Path(target).resolve():
            current.raise_()
            current.activateWindow()
            return current
        lock, locked_by = self._lock(target)
        try:
            # on the store thread: a slow or locked database never freezes the window
            store, plan = store_thread.call_as("opening the plan", open_plan, target,
                                               create=create)
        except WorkbenchError as exc:
            if lock is not None:
                lock.release()
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
        # The backup on open runs once the window is painted, off the GUI thread (StoreGuard).
        kept = kept_figures(read_kept(target, plan.id), plan) if plan.id is not None else None
        window = MainWindow(PlanController(plan, store, kept=kept), store_label=target,
                            sqlite_file=sqlite_file, recent=recent_files())
        window.plan_lock = lock  # held for the window's lifetime
        if lock is not None:
            atexit.register(lock.release)  # released at exit even if the window is not
        window.open_requested.connect(self._on_open_requested)
        window.welcome_requested.connect(self._on_welcome_requested)
        install_excepthooks(window)
        if not is_url(target):
            remember(str(Path(target).resolve()))
        why = str(locked_by) or getattr(store, "read_only_reason", "")
        if store.read_only and why:
            banner = QLabel(f"Read-only: {getattr(locked_by, 'short', '') or why}")
            banner.setToolTip(why)
            banner.setObjectName("ReadOnlyBanner")
            banner.setStyleSheet("background: #FFEB99; color: #212B32; padding: 2px 8px;")
            window.statusBar().addPermanentWidget(banner)
            window.read_only_banner = banner
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
            old.controller.store.engine.dispose()
            if getattr(old, "plan_lock", None) is not None:
                old.plan_lock.release()
            old.deleteLater()

    def _on_open_requested(self, target: str) -> None:
        window = self.open(target, on_failure_ask=False, create=False)
        if window is not None:
            window.show()

    def _on_welcome_requested(self) -> None:
        window = self.ask()
        if window is not None:
            window.show()
