"""Slow work off the GUI thread, with a progress dialog that can cancel it.

A task is a plain function `fn(progress)` where `progress(percent, step)` reports and
raises TaskCancelled once the user has pressed Cancel, so a cancelled read stops at the
next step. Results and errors come back on the GUI thread through signals. Tasks that
write go through the controller afterwards (on the GUI thread), never from the worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from workbench.domain.errors import WorkbenchError
from workbench.store.log_file import timed

log = logging.getLogger(__name__)

Progress = Callable[[int, str], None]


class TaskCancelled(Exception):
    """The user pressed Cancel."""


class _Worker(QObject):
    progressed = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[Progress], Any], cancelled: threading.Event,
                 title: str = "task") -> None:
        super().__init__()
        self.fn = fn
        self.cancelled = cancelled
        self.title = title

    def run(self) -> None:
        def progress(percent: int, step: str) -> None:
            if self.cancelled.is_set():
                raise TaskCancelled()
            self.progressed.emit(int(percent), step)

        try:
            with timed(self.title):
                result = self.fn(progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            if not isinstance(exc, TaskCancelled | WorkbenchError):
                log.error("fault in %s", self.title, exc_info=exc)
            self.failed.emit(exc)
            return
        self.finished.emit(result)


class Task(QObject):
    """One running task; keep a reference until it reports.

    Once it has reported, the task deletes itself, with its worker and progress dialog: it
    is parented to the window, which would otherwise keep every task until it closes, and
    with each its function's closure (an export's copy of the plan, an odds run's inputs).
    """

    done = Signal(object)
    error = Signal(object)
    cancelled = Signal()

    def __init__(self, title: str, fn: Callable[[Progress], Any],
                 parent: QWidget | None = None, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self.thread = QThread()
        self.worker = _Worker(fn, self._cancel, title)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.thread.finished.connect(self.worker.deleteLater)  # in its own thread, as it ends
        self.worker.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.dialog: QProgressDialog | None = None
        self._updating = False  # in the dialog's setValue
        self._reporting_done = False
        if show_dialog:
            self.dialog = QProgressDialog(title, "Cancel", 0, 100, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setMinimumDuration(300)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.canceled.connect(self.cancel)
            self.worker.progressed.connect(self._on_progress)

    def start(self) -> Task:
        self.thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def _on_progress(self, percent: int, step: str) -> None:
        if self.dialog is None or self._reporting_done:
            return
        self.dialog.setLabelText(step)
        self._updating = True
        try:  # a modal progress dialog runs the event loop here: the report can come in
            self.dialog.setValue(percent)
        finally:
            self._updating = False

    def _finish(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.worker.fn = None  # let go of the closure now (the worker is deleted later)
        self._reporting_done = True
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()

    def _let_go(self) -> None:
        """Delete the task and its dialog once the handlers have run (they may still read
        the task) and no progress update is on the stack (the dialog would go from under
        its own setValue)."""
        if self._updating:
            QTimer.singleShot(0, self._let_go)
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.deleteLater()

    def _on_finished(self, result: Any) -> None:
        self._finish()
        if self._cancel.is_set():
            self.cancelled.emit()
        else:
            self.done.emit(result)
        self._let_go()

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, TaskCancelled):
            self.cancelled.emit()
        else:
            self.error.emit(exc)
        self._let_go()
