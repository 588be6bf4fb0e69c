"""Long work runs off the GUI thread, reports progress, and can be cancelled."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from workbench.domain.errors import ValidationError
from workbench.ui.tasks import Task


def test_task_reports_progress_and_result(qtbot):
    steps = []

    def work(progress):
        for i in range(0, 101, 25):
            progress(i, f"step {i}")
        return threading.current_thread() is threading.main_thread()

    task = Task("Working", work, show_dialog=False)
    task.worker.progressed.connect(lambda p, s: steps.append(p))
    with qtbot.waitSignal(task.done, timeout=5000) as done:
        task.start()
    assert done.args == [False]  # it ran on a worker thread
    qtbot.waitUntil(lambda: len(steps) == 5)
    assert steps == [0, 25, 50, 75, 100]


def test_task_can_be_cancelled(qtbot):
    gate = threading.Event()

    def work(progress):
        gate.wait(5)
        progress(50, "half way")
        return "finished"

    task = Task("Working", work, show_dialog=False).start()
    task.cancel()
    gate.set()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass


def test_task_errors_come_back(qtbot):
    def work(progress):
        raise ValueError("bad cell B7")

    task = Task("Working", work, show_dialog=False)
    with qtbot.waitSignal(task.error, timeout=5000) as failed:
        task.start()
    assert str(failed.args[0]) == "bad cell B7"


class _Work:
    """A task's function holding something large, as an export's copy of the plan."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def __call__(self, progress):
        progress(50, "half way")
        if self.fail:  # a refusal (a fault's traceback is logged, and the log keeps it)
            raise ValidationError("bad cell B7")
        return "done"


def test_a_task_that_has_reported_lets_go_of_everything(qtbot):
    """A task parented to the window deletes itself, its worker and its progress dialog
    once it has reported, and its function (with all its closure holds) is freed."""
    parent = QWidget()
    qtbot.addWidget(parent)
    for fail in (False, True):
        work = _Work(fail)
        freed = weakref.ref(work)
        task = Task("Working", work, parent)
        del work
        signal = task.error if fail else task.done
        with qtbot.waitSignal(task.destroyed, timeout=5000), \
                qtbot.waitSignal(signal, timeout=5000):
            task.start()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        assert freed() is None
        assert parent.findChildren(Task) == [] and parent.findChildren(QDialog) == []
