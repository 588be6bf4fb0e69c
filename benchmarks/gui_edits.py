"""Edits in the main window as a user makes them, timed until the window has repainted.

Four kinds, taken in turn: a money cell (a scheme's gross saving), a status (a scheme's
status), a risk score (a risk's likelihood) and an activity month (an override on an
activity line). Before each edit, untimed, the edit's page and table are brought to the
front and its row selected (as the click that starts the edit does) and the window is
left to settle; then the edit goes through the table's proxy (`setData`, as the cell
editor commits) and `processEvents()` paints what it queued. A counter on the charts'
viewports checks that the charts whose data changed were really repainted.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from workbench.domain.edits import EntityKind
from workbench.domain.enums import SchemeStatus

KINDS = ("money", "status", "risk_score", "activity_month")
STEP = 7919  # a prime: each edit lands on another row


class PaintCounter(QObject):
    """Counts Paint events on the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.count: dict[str, int] = {}
        self._names: dict[int, str] = {}

    def watch(self, name: str, widget) -> None:
        self.count[name] = 0
        self._names[id(widget)] = name
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            name = self._names.get(id(obj))
            if name is not None:
                self.count[name] += 1
        return False

    def reset(self) -> None:
        self.count = dict.fromkeys(self.count, 0)


@dataclass
class EditRun:
    data_ms: float  # until setData returned: the charts hold the new data
    paint_ms: float  # until the repaint it queued was done
    painted: dict[str, int] = field(default_factory=dict)
    savings_moved: bool = False  # the savings chart's curves changed


class WindowEdits:
    """One edit of each kind on a shown MainWindow; `run(kind, n)` times the n-th."""

    def __init__(self, window, app: QApplication) -> None:
        self.window = window
        self.app = app
        self.paints = PaintCounter()
        charts = window.charts
        for name, chart in (("savings", charts.savings), ("workstreams", charts.workstreams),
                            ("risks", charts.risks)):
            self.paints.watch(name, chart.viewport())
        self._steps: dict[str, Callable[[int], Callable[[], None]]] = {
            "money": self._money, "status": self._status, "risk_score": self._risk_score,
            "activity_month": self._activity_month}

    # -- the kinds: each prepares (untimed) and returns the timed edit -----------------------
    def _table(self, kind: EntityKind):
        window = self.window
        if kind is EntityKind.ACTIVITY_LINE:
            window.show_page(window.activity)
            return window.activity.table
        window.show_page(window.splitter)
        index = [k for k, _t in _tables(window)].index(kind)
        window.tabs.setCurrentIndex(index)
        return window.tables[kind]

    def _cell(self, kind: EntityKind, header: str, n: int):
        panel = self._table(kind)
        column = [c.header for c in panel.model.columns].index(header)
        row = (n * STEP) % panel.proxy.rowCount()
        index = panel.proxy.index(row, column)
        panel.view.setCurrentIndex(index)  # the click on the cell: selects its row
        source = panel.model.rows[panel.proxy.mapToSource(index).row()]
        return panel, index, source

    def _commit(self, panel, index, text: str) -> Callable[[], None]:
        def edit() -> None:
            if not panel.proxy.setData(index, text, Qt.ItemDataRole.EditRole):
                raise AssertionError(f"the table refused {text!r}")
        return edit

    def _money(self, n: int):
        panel, index, scheme = self._cell(EntityKind.SCHEME, "Gross saving", n)
        return self._commit(panel, index, f"{scheme.gross_saving + 1000:,.0f}")

    def _status(self, n: int):
        panel, index, scheme = self._cell(EntityKind.SCHEME, "Status", n)
        statuses = list(SchemeStatus)
        new = statuses[(statuses.index(scheme.status) + 1) % len(statuses)]
        return self._commit(panel, index, new.value)

    def _risk_score(self, n: int):
        panel, index, risk = self._cell(EntityKind.RISK, "Likelihood", n)
        return self._commit(panel, index, str(risk.likelihood % 5 + 1))

    def _activity_month(self, n: int):
        month = n % 12
        header = [c.header for c in self.window.activity.table.model.columns][10 + month]
        panel, index, line = self._cell(EntityKind.ACTIVITY_LINE, header, n)
        monthly = self.window.controller.results.activity.monthly
        value = float(monthly.at[line.id, month]) if line.id in monthly.index else 0.0
        return self._commit(panel, index, f"{round(value) + 7}")

    # -- timing ------------------------------------------------------------------------------
    def settle(self) -> None:
        """Let the window finish what the untimed steps queued. A page change takes more
        than one processEvents() call (its layout requests post the repaint), and what was
        left over was counted in the next edit's time."""
        for _ in range(3):
            self.app.sendPostedEvents()
            self.app.processEvents()

    def run(self, kind: str, n: int) -> EditRun:
        edit = self._steps[kind](n)
        self.settle()  # the selection and page change painted, untimed
        self.paints.reset()
        before = self.window.charts.savings.series()["planned_cum"].copy()
        start = time.perf_counter()
        edit()
        data = time.perf_counter()
        self.app.processEvents()  # the repaint the edit queued
        end = time.perf_counter()
        after = self.window.charts.savings.series()["planned_cum"]
        return EditRun((data - start) * 1000, (end - start) * 1000, dict(self.paints.count),
                       not np.array_equal(before, after))


def _tables(window):
    from workbench.ui.main_window import TABLES

    return TABLES


def check_charts(window) -> None:
    """The charts show the controller's latest results."""
    results = window.controller.results
    drawn = window.charts.savings.series()["planned_cum"]
    want = results.savings_monthly["planned_cum"].to_numpy() / 1e6
    if abs(drawn - want).max() > 1e-9:
        raise AssertionError("the savings chart does not show the latest results")
    s = results.summary
    exposure = window.charts.risks.series()["exposure"]
    if abs(exposure[0] - float(s.risks_gross) / 1e6) > 1e-9 or \
            abs(exposure[3] - float(s.risks_net) / 1e6) > 1e-9:
        raise AssertionError("the risk chart does not show the latest results")


def time_edits(window, app: QApplication, rounds: int) -> dict[str, object]:
    """`rounds` edits of each kind (one warm-up round untimed); medians in ms."""
    edits = WindowEdits(window, app)
    runs: dict[str, list[EditRun]] = {k: [] for k in KINDS}
    for n in range(1 + rounds):
        for kind in KINDS:
            run = edits.run(kind, n + 1)
            check_charts(window)
            if n:
                runs[kind].append(run)
    every = [r for k in KINDS for r in runs[k]]
    moved = [r for r in every if r.savings_moved]
    if not moved or not all(r.painted["savings"] for r in moved):
        raise AssertionError("the savings chart was not repainted after an edit that moved it")
    return {
        "edit_to_chart_ms": statistics.median(r.data_ms for r in runs["money"]),
        "edit_to_paint_ms": statistics.median(r.paint_ms for r in every),
        "edit_to_paint_by_kind_ms": {k: statistics.median(r.paint_ms for r in runs[k])
                                     for k in KINDS},
        "edit_to_data_by_kind_ms": {k: statistics.median(r.data_ms for r in runs[k])
                                    for k in KINDS},
        "edit_charts_painted": {k: {c: statistics.mean(r.painted[c] for r in runs[k])
                                    for c in ("savings", "workstreams", "risks")}
                                for k in KINDS},
        "edit_count": len(every),
    }


# -- the event loop's gaps after each edit, with saved scenarios --------------------------
class GapProbe(QObject):
    """A 2 ms timer on the GUI thread: a gap between its ticks is time the event loop was
    busy (the edit, the repaint, anything a timer started after it) or waited for the GIL
    held by another thread. Also the GUI thread's own CPU time over the same while."""

    def __init__(self, interval_ms: int = 2) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self._cpu = time.thread_time()
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        """(the longest gap, the GUI thread's CPU time since `start`), in ms."""
        self._tick()
        self.timer.stop()
        return max(self.gaps), (time.thread_time() - self._cpu) * 1000


def add_scenarios(window, count: int) -> None:
    """Saved scenarios, each moving something the engine computes afresh."""
    from decimal import Decimal

    from workbench.domain.edits import InsertRows
    from workbench.domain.scenarios import Scenario

    kinds = [{"slippage_months": 2}, {"confidence_haircut": Decimal("0.2")},
             {"tariff_uplift_pct": Decimal("0.025")}]
    for i in range(count - len(window.controller.plan.scenarios)):
        scenario = Scenario(None, f"Benchmark {i + 1}", **kinds[i % len(kinds)])
        if not window.controller.push(InsertRows(EntityKind.SCENARIO, (scenario,))):
            raise AssertionError("the scenario was not added")


def _wait(app: QApplication, ms: int, until: Callable[[], bool] = lambda: True) -> None:
    """Run the event loop for at least `ms`, then until `until()` (at most 10 s more)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    start = time.perf_counter()

    def check() -> None:
        elapsed = (time.perf_counter() - start) * 1000
        if elapsed >= ms and (until() or elapsed > ms + 10_000):
            loop.quit()
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(20, check)
    loop.exec()


def time_edit_gaps(window, app: QApplication, rounds: int, scenarios: int = 3,
                   hold_ms: int = 400) -> dict[str, object]:
    """Money edits with `scenarios` saved scenarios: each edit is posted to the event loop
    and the loop left to run for `hold_ms` and until the scenarios' figures are the new
    plan's; the longest gap, and the CPU time of the GUI thread over that while."""
    add_scenarios(window, scenarios)
    results = window.scenarios.results
    current = getattr(results, "current", lambda: True)
    _wait(app, hold_ms, current)
    edits = WindowEdits(window, app)
    probe = GapProbe()
    worst: list[float] = []
    cpu: list[float] = []
    for n in range(1 + rounds):
        edit = edits._money(n + 1)
        edits.settle()
        probe.start()
        QTimer.singleShot(0, edit)
        _wait(app, hold_ms, current)
        gap, cpu_ms = probe.stop()
        if n:  # the first is a warm-up
            worst.append(gap)
            cpu.append(cpu_ms)
    if len(results.figures) != 1 + scenarios:
        raise AssertionError("the scenarios' figures were not shown")
    return {
        "edit_gap_with_scenarios_ms": statistics.median(worst),
        "edit_gap_with_scenarios_max_ms": max(worst),
        "edit_gui_cpu_with_scenarios_ms": statistics.median(cpu),
        "edit_gap_scenarios": scenarios,
        "edit_gap_count": len(worst),
    }
