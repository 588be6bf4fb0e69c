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

    def allocate() -> int:  # far past every threshold, on the store thread
        return len([[n] for n in range(300_000)])

    assert store_thread.call(allocate) == 300_000
    assert freed_on == []  # the store thread never collected it
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)  # the GUI thread's timer did
    assert freed_on == [threading.main_thread()]
