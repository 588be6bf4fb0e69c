"""Figures on their own thread: a burst of requests costs one computation beyond the one
running, and nothing asked for before an `outdate()` is ever delivered."""

from __future__ import annotations

import threading

from workbench.ui.latest_only import LatestOnly


def held_work(gate: threading.Event, calls: list[str]):
    def work(name: str, stop: threading.Event) -> str:
        calls.append(name)
        if name == "first":
            assert gate.wait(10)
        return name
    return work


def test_a_burst_of_requests_runs_only_the_last_after_the_running_one(qtbot):
    task = LatestOnly("test")
    gate, calls, done = threading.Event(), [], []
    task.done.connect(done.append)
    work = held_work(gate, calls)
    task.request(work, "first")
    qtbot.waitUntil(lambda: calls == ["first"], timeout=5000)
    for n in range(5):
        task.request(work, f"burst {n}")
    gate.set()
    qtbot.waitUntil(lambda: not task.running(), timeout=5000)
    assert calls == ["first", "burst 4"]
    assert done == ["first", "burst 4"]  # nothing outdated them: both are of the inputs now


def test_nothing_asked_before_an_outdate_is_delivered(qtbot):
    task = LatestOnly("test")
    gate, calls, done = threading.Event(), [], []
    task.done.connect(done.append)
    work = held_work(gate, calls)
    task.request(work, "first")
    qtbot.waitUntil(lambda: calls == ["first"], timeout=5000)
    task.request(work, "waiting")
    task.outdate()  # an edit: both are of an older plan
    gate.set()
    qtbot.waitUntil(lambda: not task.running(), timeout=5000)
    assert calls == ["first"] and done == []
    task.request(work, "after")
    qtbot.waitUntil(lambda: done == ["after"], timeout=5000)
