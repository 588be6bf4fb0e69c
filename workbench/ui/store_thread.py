"""One thread for the database: the GUI thread never blocks on a write or a poll.

`call(fn, ...)` runs `fn` on the store thread. A quick call (nearly every edit: a few
milliseconds) returns as if it were direct; a slow one (a colleague's lock, a slow
server) keeps the window's event loop running meanwhile, painting and ticking, with
the user's input held back (a busy cursor) until the result is in. So the edit path stays
one synchronous step for the code that calls it, and the window never freezes.
`submit(fn, on_done)` runs background reads (the change poll) and hands the result to the
GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from workbench.domain.errors import StoreError

T = TypeVar("T")
QUICK_S = 0.03  # a call that ends within this never enters an event loop of its own
INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
         QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
         QEvent.Type.Wheel, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
         QEvent.Type.Drop, QEvent.Type.Close}

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="workbench-store")
_waiting = 0  # calls the GUI thread is waiting on (in an event loop of their own)


def waiting() -> bool:
    """True while the GUI thread waits on the store thread (its event loop still runs)."""
    return _waiting > 0


class WaitCancelled(StoreError):
    """The user stopped waiting on a read (Esc): nothing was changed."""


class _Relay(QObject):
    """Carries 'done' from the store thread to the GUI thread."""

    done = Signal(object)


class _Notices(QObject):
    waiting = Signal(str)  # what the window waits on, for the status bar ("" once done)


notices = _Notices()


class _HoldInput(QObject):
    """Holds input back while the window waits; Esc stops a wait that may be stopped."""

    def __init__(self, cancel: Callable[[], None] | None) -> None:
        super().__init__()
        self.cancel = cancel

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if self.cancel is not None and event.type() == QEvent.Type.KeyPress \
                and getattr(event, "key", lambda: None)() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return event.type() in INPUT


@contextmanager
def _input_held(cancel: Callable[[], None] | None = None) -> Iterator[None]:
    app = QApplication.instance()
    if app is None:
        yield
        return
    hold = _HoldInput(cancel)
    app.installEventFilter(hold)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
        app.removeEventFilter(hold)


def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `fn` on the store thread and return its result (or raise its exception)."""
    return _wait(_executor.submit(fn, *args, **kwargs), "saving your change", False)


def call_as(what: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`call`, saying `what` ("restoring the backup") in the status bar while it waits."""
    return _wait(_executor.submit(fn, *args, **kwargs), what, False)


def read(what: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`call_as` for a read: Esc stops waiting (WaitCancelled); its result is dropped."""
    return _wait(_executor.submit(fn, *args, **kwargs), what, True)


def _wait(future: Future, what: str, cancellable: bool) -> T:
    global _waiting
    _waiting += 1
    try:
        try:
            return future.result(timeout=QUICK_S)
        except FutureTimeout:
            pass
        if QApplication.instance() is None:
            return future.result()
        loop = QEventLoop()
        relay = _Relay()
        relay.done.connect(lambda _f: loop.quit(), Qt.ConnectionType.QueuedConnection)
        future.add_done_callback(relay.done.emit)
        stopped: list[bool] = []

        def cancel() -> None:
            stopped.append(True)
            loop.quit()

        if not future.done():
            notices.waiting.emit(f"Waiting for the database: {what}…"
                                 + (" (Esc stops waiting)" if cancellable else ""))
            try:
                with _input_held(cancel if cancellable else None):
                    loop.exec()
            finally:
                notices.waiting.emit("")
        if stopped and not future.done():
            raise WaitCancelled(f"stopped {what} (Esc); nothing was changed")
        return future.result()
    finally:
        _waiting -= 1


def submit(fn: Callable[[], T], on_done: Callable[[Future], None],
           parent: QObject) -> Future:
    """Run `fn` on the store thread; `on_done(future)` runs later on the GUI thread."""
    relay = _Relay(parent)
    relay.done.connect(lambda f: (on_done(f), relay.deleteLater()),
                       Qt.ConnectionType.QueuedConnection)
    future = _executor.submit(fn)
    future.add_done_callback(relay.done.emit)
    return future
