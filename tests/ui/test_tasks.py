"""Long work runs off the GUI thread, reports progress, and can be cancelled."""

from __future__ import annotations

import threading

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
