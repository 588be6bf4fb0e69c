"""Cycles are collected on the GUI thread only: the store thread allocates a great deal, and
a Qt object in a cycle freed there would be destroyed off the GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from workbench.ui import store_thread


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.widget = QObject()


def test_a_cycle_is_freed_by_the_gui_threads_timer_never_by_the_store_thread(qtbot):
    assert not gc.isenabled()  # the session's collector (tests/ui/conftest.py), as the app's
    freed_on: list[threading.Thread] = []
    cycle = _Cycle()
    weakref.finalize(cycle, lambda: freed_on.append(threading.current_thread()))
    del cycle

    def allocate() -> list:  # far past every threshold, on the store thread; kept alive
        return [[n] for n in range(300_000)]

    made = store_thread.call(allocate)
    assert threading.main_thread() in freed_on or freed_on == []  # never the store thread
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)  # the GUI thread's timer
    assert freed_on == [threading.main_thread()] and len(made) == 300_000


def test_an_error_on_another_thread_is_shown_from_the_gui_thread(qtbot, monkeypatch):
    """A dialog made on the thread that failed would be a widget off the GUI thread."""
    import sys

    from workbench.ui import errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown_on: list[threading.Thread] = []
    monkeypatch.setattr(errors, "show_error",
                        lambda _parent, _exc: shown_on.append(threading.current_thread()))
    monkeypatch.setattr(errors.sys, "stderr", type("Null", (), {"write": lambda *a: 0})())
    errors.install_excepthooks(None)

    def fail() -> None:
        raise RuntimeError("a fault on a worker thread")

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown_on), timeout=5000)
    assert shown_on == [threading.main_thread()]
