"""Keeping the plan safe while the window is open: backups, the lock, others' changes.

A backup is taken once the window has first been painted, then hourly, on a worker
thread (a large plan's copy never delays the first paint or freezes the window). The plan
lock is refreshed every few minutes so other PCs can tell a live holder from a crashed
one. On a shared PostgreSQL plan (or a SQLite file another copy writes), the guard polls
the audit trail; when someone else has written, it reloads the plan without losing the
user's place. An edit in progress defers the reload to the next tick.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from workbench.domain.errors import WorkbenchError
from workbench.domain.plan import Plan
from workbench.store.backups import take_backup
from workbench.store.plan_lock import REFRESH_MINUTES
from workbench.ui import store_thread
from workbench.ui.plan_controller import PlanController

POLL_MS = 3000
BACKUP_MS = 60 * 60 * 1000
LOCK_REFRESH_MS = REFRESH_MINUTES * 60 * 1000


class StoreGuard(QObject):
    others_changed = Signal(str)  # a sentence for the status bar
    problem = Signal(str)
    backed_up = Signal(object)  # the backup's Path, on the GUI thread

    def __init__(self, controller: PlanController, sqlite_file: Path | None,
                 busy: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sqlite_file = sqlite_file
        self.busy = busy
        self._seen = self._last_change()[0]
        self._in_flight = False
        self.poll_timer = QTimer(self, interval=POLL_MS, timeout=self.poll_in_background)
        self.backup_timer = QTimer(self, interval=BACKUP_MS, timeout=self.backup_in_background)
        self.lock_timer = QTimer(self, interval=LOCK_REFRESH_MS, timeout=self.refresh_lock)
        self.poll_timer.start()
        self.lock_timer.start()
        self.backup_thread: threading.Thread | None = None
        self._painted = False
        if sqlite_file is not None and not controller.store.read_only:
            self.backup_timer.start()
            if parent is not None:
                parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """The first paint of the window starts the backup on open."""
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.backup_in_background)
        return False

    def backup_in_background(self) -> threading.Thread | None:
        """Take a backup on a worker thread; `backed_up` or `problem` reports it."""
        if self.sqlite_file is None or (self.backup_thread and self.backup_thread.is_alive()):
            return None
        file = self.sqlite_file

        def work() -> None:
            try:
                self.backed_up.emit(take_backup(file))
            except WorkbenchError as exc:
                self.problem.emit(str(exc))

        self.backup_thread = threading.Thread(target=work, name="plan-backup", daemon=True)
        self.backup_thread.start()
        return self.backup_thread

    def refresh_lock(self) -> None:
        lock = getattr(self.parent(), "plan_lock", None)
        if lock is not None and hasattr(lock, "refresh"):
            lock.refresh()

    def _last_change(self) -> tuple[int, str]:
        try:
            return self.controller.store.last_change()
        except WorkbenchError:
            return (0, "")

    def backup(self) -> Path | None:
        if self.sqlite_file is None:
            return None
        try:
            return take_backup(self.sqlite_file)
        except WorkbenchError as exc:
            self.problem.emit(str(exc))
            return None

    def poll_in_background(self) -> None:
        """The timer's poll: the reads run on the store thread, so a slow or locked
        server never stalls the window; the result is applied back on the GUI thread."""
        if self._in_flight or self.controller.writing:
            return
        self._in_flight = True
        store, plan_id, seen = self.controller.store, self.controller.plan.id, self._seen
        edits_before = self.controller.edits_applied

        def read() -> tuple[int, str, Plan | None]:
            last, client = store.last_change()
            if last <= seen or client == store.client:
                return last, client, None
            return last, client, store.load_plan(plan_id)

        def done(future: Future) -> None:
            self._in_flight = False
            try:
                last, client, plan = future.result()
            except WorkbenchError as exc:
                self.problem.emit(str(exc))
                return
            # The store changed under us (our own edit, a restore): read again next tick.
            if store is not self.controller.store or \
                    self.controller.edits_applied != edits_before:
                return
            if plan is None:
                if client == store.client:
                    self._seen = max(self._seen, last)
                return
            if self.busy() or self.controller.writing:
                return  # try again once the user has finished typing
            self._seen = last
            self.controller.replace_plan(plan, keep_undo=True)
            self.others_changed.emit(
                "The plan was updated with changes made by someone else.")

        store_thread.submit(read, done, self)

    def poll(self) -> bool:
        """Reload if someone else wrote since we last looked. True if it reloaded."""
        last, client = self._last_change()
        if last <= self._seen:
            return False
        store = self.controller.store
        if client == store.client:
            self._seen = last
            return False
        if self.busy():
            return False  # try again once the user has finished typing
        try:
            plan = store.load_plan(self.controller.plan.id)
        except WorkbenchError as exc:
            self.problem.emit(str(exc))
            return False
        self._seen = last
        # Undo stays: each step is a compare-and-set, so undoing over someone else's
        # newer value is refused with a clear message, never silently applied.
        self.controller.replace_plan(plan, keep_undo=True)
        self.others_changed.emit("The plan was updated with changes made by someone else.")
        return True
