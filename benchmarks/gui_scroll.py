"""Scrolling the main window's tables as a user does, each step timed until its repaint.

The Schemes, Risks and Activity tables are scrolled through real input: PageDown (and
PageUp on the way back), the Down arrow held (auto-repeated key presses), the mouse wheel
(a `QWheelEvent` sent to the viewport, three rows a notch) and Shift+PageDown (a growing
selection: the status bar's sum, count and average follow it). Each step is one input
event, then `processEvents()`: the step's time runs until the repaint it queued is done,
and a paint counter on the table's viewport checks that it really painted. A step that
reaches the first or last row turns the direction round, so every step moves.

Also timed, each until its repaint: Ctrl+End and Ctrl+Home (the last row and back), a
click on a column header (sort up, down, back to the plan's order) and a keystroke in the
filter box (typing a filter that keeps few rows, then deleting it key by key).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.gui_edits import PaintCounter
from workbench.domain.edits import EntityKind

Key = Qt.Key
Mod = Qt.KeyboardModifier
TABLES = ("schemes", "risks", "activity")
SCROLLS = ("page_down", "down_held", "wheel", "shift_page_down")
FILTERS = {"schemes": "scheme 12", "risks": "risk 12", "activity": "rth"}


@dataclass
class TableSteps:
    """The times of one table's steps, in ms, by kind."""

    times: dict[str, list[float]] = field(default_factory=dict)

    def add(self, kind: str, ms: float) -> None:
        self.times.setdefault(kind, []).append(ms)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    at = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[at]


class TableScroller:
    """One table panel of a shown window; each method does one timed step."""

    def __init__(self, name: str, panel, app: QApplication, show: Callable[[], None]) -> None:
        self.name = name
        self.panel = panel
        self.view = panel.view
        self.app = app
        self.show = show
        self.paints = PaintCounter()
        self.paints.watch("viewport", self.view.viewport())
        self.steps = TableSteps()
        self.down = True

    def settle(self) -> None:
        for _ in range(3):
            self.app.sendPostedEvents()
            self.app.processEvents()

    def timed(self, kind: str, act: Callable[[], None],
              must_paint: Callable[[], bool] | bool = True) -> float:
        """Time `act` until the repaint it queued is done. The view lays out its rows on a
        zero timer after a filter or sort, so the repaint may need a few more turns of
        `processEvents()`; they are counted in the step's time."""
        self.paints.reset()
        start = time.perf_counter()
        act()
        self.app.processEvents()  # what the input queued: the repaint
        want = must_paint() if callable(must_paint) else must_paint
        turns = 1
        while want and not self.paints.count["viewport"] and turns < 20:
            self.app.processEvents()
            turns += 1
        ms = (time.perf_counter() - start) * 1000
        if want and not self.paints.count["viewport"]:
            raise AssertionError(f"the {self.name} table did not repaint after {kind}")
        self.steps.add(kind, ms)
        return ms

    def key(self, key: Key, modifiers=Mod.NoModifier, repeat: bool = False) -> None:
        if not repeat:
            QTest.keyClick(self.view, key, modifiers)
            return
        event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, "", True)  # auto-repeated
        QApplication.sendEvent(self.view, event)

    # -- where the cursor is -----------------------------------------------------------
    def start(self) -> None:
        """The table on show, its first cell current, the focus on it (untimed)."""
        self.show()
        self.view.setFocus()
        self.view.clearSelection()
        self.view.setCurrentIndex(self.panel.proxy.index(0, 0))
        self.view.scrollToTop()
        self.down = True
        self.settle()

    def _turn(self) -> None:
        """Turn round at the first or last row."""
        row, last = self.view.currentIndex().row(), self.panel.proxy.rowCount() - 1
        if self.down and row >= last:
            self.down = False
        elif not self.down and row <= 0:
            self.down = True

    def _turn_bar(self) -> None:
        bar = self.view.verticalScrollBar()
        if self.down and bar.value() >= bar.maximum():
            self.down = False
        elif not self.down and bar.value() <= bar.minimum():
            self.down = True

    # -- the steps ---------------------------------------------------------------------
    def page(self, n: int) -> None:
        for _ in range(n):
            self._turn()
            key = Key.Key_PageDown if self.down else Key.Key_PageUp
            self.timed("page_down", lambda k=key: self.key(k))

    def down_held(self, n: int) -> None:
        for i in range(n):
            self._turn()
            key = Key.Key_Down if self.down else Key.Key_Up
            self.timed("down_held", lambda k=key, r=i > 0: self.key(k, repeat=r))
        QTest.keyRelease(self.view, Key.Key_Down)

    def wheel(self, n: int) -> None:
        viewport = self.view.viewport()
        at = QPointF(viewport.rect().center())
        for _ in range(n):
            self._turn_bar()
            notch = QPoint(0, -120 if self.down else 120)
            event = QWheelEvent(at, QPointF(viewport.mapToGlobal(at.toPoint())), QPoint(),
                                notch, Qt.MouseButton.NoButton, Mod.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False)
            self.timed("wheel", lambda e=event: QApplication.sendEvent(viewport, e))

    def shift_page(self, n: int) -> None:
        """Shift+PageDown from the first row: a selection of more and more rows."""
        self.start()
        for _ in range(n):
            if self.view.currentIndex().row() >= self.panel.proxy.rowCount() - 1:
                self.start()
            self.timed("shift_page_down",
                       lambda: self.key(Key.Key_PageDown, Mod.ShiftModifier))
        self.view.clearSelection()

    def jumps(self, n: int) -> None:
        for _ in range(n):
            self.timed("jump", lambda: self.key(Key.Key_End, Mod.ControlModifier))
            self.timed("jump", lambda: self.key(Key.Key_Home, Mod.ControlModifier))

    def sort_clicks(self, n: int, column_header: str) -> None:
        """Clicks on a column's header: up, down, the plan's order, in turn."""
        header = self.view.horizontalHeader()
        column = [c.header for c in self.panel.model.columns].index(column_header)
        self.view.scrollTo(self.panel.proxy.index(0, column))
        self.settle()
        at = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
                    header.height() // 2)
        for _ in range(n):
            QTest.qWait(QApplication.doubleClickInterval() + 20)  # a click, not a double
            self.timed("sort_click", lambda: QTest.mouseClick(
                header.viewport(), Qt.MouseButton.LeftButton, Mod.NoModifier, at))
        while self.panel.proxy.sortColumn() != -1:  # back to the plan's order, untimed
            self.view.sort_by(-1)

    def filter_keys(self, text: str) -> None:
        """Type a filter key by key, then delete it key by key."""
        box = self.panel.filter
        box.setFocus()
        box.clear()
        self.settle()
        QTest.qWait(FIRST_KEY_AFTER_MS)  # a person's hand, from the mouse to the keys
        unfiltered = self.panel.proxy.rowCount()  # the Activity page shows one plan year
        keys = [*text, *[Key.Key_Backspace] * len(text)]
        for key in keys:
            shown = self.panel.proxy.rowCount()
            self.timed("filter_key", lambda k=key: QTest.keyClick(box, k),
                       must_paint=lambda n=shown: self.panel.proxy.rowCount() != n)
        if box.text() or self.panel.proxy.rowCount() != unfiltered:
            raise AssertionError(f"the {self.name} filter was not cleared")


FIRST_KEY_AFTER_MS = 200  # from a click into the filter box to its first keystroke


def scrollers(window, app: QApplication) -> list[TableScroller]:
    def on_tab(kind: EntityKind) -> Callable[[], None]:
        def show() -> None:
            window.show_page(window.splitter)
            window.tabs.setCurrentIndex([k for k, _ in _tables()].index(kind))
        return show

    def activity() -> None:
        window.show_page(window.activity)

    return [TableScroller("schemes", window.tables[EntityKind.SCHEME], app,
                          on_tab(EntityKind.SCHEME)),
            TableScroller("risks", window.tables[EntityKind.RISK], app,
                          on_tab(EntityKind.RISK)),
            TableScroller("activity", window.activity.table, app, activity)]


def _tables():
    from workbench.ui.main_window import TABLES

    return TABLES


SORTED_BY = {"schemes": "Gross saving", "risks": "Value", "activity": "Planned"}


def time_scrolling(window, app: QApplication, steps: int) -> dict[str, object]:
    """`steps` steps of each scroll kind on each table (one warm-up round untimed first),
    then the jumps, sort clicks and filter keystrokes; ms."""
    tables = scrollers(window, app)
    for table in tables:  # warm-up: each table shown and scrolled once, untimed
        table.start()
        table.page(2)
        table.wheel(2)
        table.steps = TableSteps()
    for table in tables:
        table.start()
        table.page(steps)
        table.start()
        table.down_held(steps)
        table.start()
        table.wheel(steps)
        table.shift_page(steps)
        table.start()
        table.jumps(max(3, steps // 3))
        table.start()
        table.sort_clicks(3 * max(1, steps // 5), SORTED_BY[table.name])
        table.start()
        table.filter_keys(FILTERS[table.name])
    frames = [ms for t in tables for kind in SCROLLS for ms in t.steps.times[kind]]

    def every(kind: str) -> list[float]:
        return [ms for t in tables for ms in t.steps.times[kind]]

    return {
        "scroll_frame_ms": statistics.median(frames),
        "scroll_frame_p95_ms": percentile(frames, 0.95),
        "scroll_frame_max_ms": max(frames),
        "scroll_frames": len(frames),
        "jump_ms": statistics.median(every("jump")),
        "sort_click_ms": statistics.median(every("sort_click")),
        "filter_key_ms": statistics.median(every("filter_key")),
        "scroll_by_table_ms": {
            t.name: {kind: {"median": statistics.median(v), "max": max(v)}
                     for kind, v in t.steps.times.items()}
            for t in tables},
    }
