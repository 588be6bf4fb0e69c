"""Figures worked out on a thread of their own, where only the newest request counts.

`LatestOnly.request(fn, *args)` runs `fn(*args, stop)` on the figures thread (never the
store thread: a write waits on nothing of this) and emits `done(result)` on the GUI thread.
`outdate()` says the inputs of everything asked so far are old (an edit came): a running
computation is told to stop (`stop` is a threading.Event `fn` may look at between steps),
one waiting to start is dropped, and no result asked for before is ever delivered. A
request made while one runs waits for it to end, replacing any other waiting, so a burst
of requests costs at most one computation beyond the one running.

`fn` must read only what no one changes meanwhile (a `domain.plan_copy` copy of the plan,
never the window's plan).
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

log = logging.getLogger(__name__)

# A thread that is not a daemon: the interpreter lets a computation end (told to stop when
# the app quits) before it exits, rather than cutting it off inside Qt or pandas.
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="workbench-figures")


@dataclass
class _Job:
    version: int  # LatestOnly._version when it was asked for
    stop: threading.Event
    future: Future


class _Relay(QObject):
    """Carries a finished computation to the GUI thread. One for the whole app, never
    deleted, so a computation ending after its window has gone signals nothing freed."""

    done = Signal(object, object)  # (weak reference to the LatestOnly, the future)


_relay: list[_Relay] = []


def _gui_relay() -> _Relay:
    if not _relay:
        relay = _Relay()
        relay.done.connect(_deliver, Qt.ConnectionType.QueuedConnection)
        _relay.append(relay)
    return _relay[0]


def _deliver(ref: weakref.ref, future: Future) -> None:
    owner = ref()
    if owner is not None and shiboken6.isValid(owner):
        owner._on_done(future)


class LatestOnly(QObject):
    done = Signal(object)  # the result of a request nothing has outdated
    failed = Signal(object)  # its exception, if it raised one

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title  # what it computes, for the log
        self._version = 0
        self._running: _Job | None = None
        self._queued: tuple[int, Callable[..., Any], tuple] | None = None
        self._relay = _gui_relay()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop_running)

    def running(self) -> bool:
        """Whether a computation is running or waiting to start."""
        return self._running is not None or self._queued is not None

    def request(self, fn: Callable[..., Any], *args: Any) -> None:
        if self._running is not None:
            self._queued = (self._version, fn, args)
            self._running.stop.set()
            return
        self._start(self._version, fn, args)

    def outdate(self) -> None:
        self._version += 1
        self._queued = None
        self._stop_running()

    def _stop_running(self) -> None:
        if self._running is not None:
            self._running.stop.set()

    def _start(self, version: int, fn: Callable[..., Any], args: tuple) -> None:
        stop = threading.Event()
        future = _executor.submit(fn, *args, stop)
        self._running = _Job(version, stop, future)
        ref, relay = weakref.ref(self), self._relay
        future.add_done_callback(lambda f: relay.done.emit(ref, f))

    def _on_done(self, future: Future) -> None:
        job = self._running
        if job is None or job.future is not future:
            return
        self._running = None
        if self._queued is not None:
            (version, fn, args), self._queued = self._queued, None
            self._start(version, fn, args)
        if job.version != self._version:
            return  # its inputs are older than the window's: dropped, even a fault
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 (a fault: reported, never lost on a thread)
            log.error("fault computing %s", self.title, exc_info=exc)
            self.failed.emit(exc)
            return
        if result is not None:  # None: it stopped before the end
            self.done.emit(result)
