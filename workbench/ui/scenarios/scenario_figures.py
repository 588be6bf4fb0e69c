"""Each saved scenario's figures, worked out by the engine off the GUI thread.

A moment after an edit (a burst of edits is one request) the plan is copied, which costs
little: `PlanCopies` copies afresh only the rows the edits touched. The base's and each
scenario's figures are then computed from that copy on a thread of their own, and come
back to the GUI thread through a signal. The newest request wins: an edit stops a
computation still running, and a result of any plan older than the window's latest is
dropped, so the figures never go back to an older plan than ones already shown.
"""

from __future__ import annotations

import logging
import threading
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from workbench.domain.plan import Plan
from workbench.domain.plan_copy import PlanCopies
from workbench.domain.scenarios import Scenario
from workbench.engine import compute
from workbench.engine.results import PlanResults, PlanSummary
from workbench.engine.scenarios import apply_scenario, year_end_shortfall
from workbench.ui.plan_controller import PlanController

log = logging.getLogger(__name__)

DELAY_MS = 150  # typing in a table stays quick; the scenarios follow a moment later
# (key, label): the figures shown side by side; "year_end_shortfall" is not a summary field
COMPARED = [
    ("total_allocation", "Total allocation"),
    ("savings_requirement", "Savings requirement"),
    ("schemes_risk_adjusted", "Schemes, risk-adjusted"),
    ("savings_gap", "Savings gap"),
    ("savings_gap_risk_adjusted", "Gap, risk-adjusted"),
    ("risks_after_mitigation", "Risks after mitigations"),
    ("risks_net", "Net risk exposure"),
    ("year_end_shortfall", "Year-end shortfall"),
]

# Not the store thread: a write waits on nothing of this; a thread that is not a daemon, so
# the interpreter lets a computation end (it stops at the next scenario) before it exits.
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="workbench-scenarios")


@dataclass(frozen=True)
class ScenarioFigures:
    name: str
    summary: PlanSummary
    shortfall: float  # risk-adjusted gap + risks after mitigations
    results: PlanResults | None = None  # the engine's results (monthly savings for charts)

    def value(self, key: str) -> float:
        return self.shortfall if key == "year_end_shortfall" else float(
            getattr(self.summary, key))


def figures_of(scenario: Scenario, plan: Plan) -> ScenarioFigures:
    """One scenario's figures: its overrides applied to `plan`, computed like any plan."""
    changed = apply_scenario(plan, scenario)
    results = compute(changed)
    return ScenarioFigures(scenario.name, results.summary, year_end_shortfall(changed), results)


def all_figures(plan: Plan, base: PlanResults,
                stop: threading.Event | None = None) -> list[ScenarioFigures] | None:
    """The base (its results as computed) first, then each scenario of `plan`; None if
    `stop` was set before the last scenario was done."""
    out = [ScenarioFigures("Base plan", base.summary, year_end_shortfall(plan), base)]
    for scenario in plan.scenarios:
        if stop is not None and stop.is_set():
            return None
        out.append(figures_of(scenario, plan))
    return out


@dataclass
class _Job:
    state: int  # which of the plan's states (ScenarioResults._state) it computes
    stop: threading.Event
    future: Future


class _Relay(QObject):
    """Carries a finished computation to the GUI thread. One for the whole app, never
    deleted, so a computation ending after its window has gone signals nothing freed."""

    done = Signal(object, object)  # (weak reference to the ScenarioResults, the future)


_relay: list[_Relay] = []


def _gui_relay() -> _Relay:
    if not _relay:
        relay = _Relay()
        relay.done.connect(_deliver, Qt.ConnectionType.QueuedConnection)
        _relay.append(relay)
    return _relay[0]


def _deliver(ref: weakref.ref, future: Future) -> None:
    results = ref()
    if results is not None and shiboken6.isValid(results):
        results._on_done(future)


class ScenarioResults(QObject):
    updated = Signal(object)  # list[ScenarioFigures]: the base first, then each scenario

    def __init__(self, controller: PlanController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.figures: list[ScenarioFigures] = []
        self._copies = PlanCopies()
        self._state = 0  # counts the plan's states: one more after every edit
        self._shown = -1  # the state whose figures are shown
        self._running: _Job | None = None
        self._queued: tuple[int, Plan, PlanResults] | None = None
        self._relay = _gui_relay()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        controller.plan_changed.connect(self._copies.note)
        controller.results_changed.connect(self._on_results_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop_running)
        self.recompute()

    def current(self) -> bool:
        """Whether the figures shown are those of the plan as it is now."""
        return self._shown == self._state and not self._timer.isActive()

    def recompute(self) -> None:
        """Work the figures out now, without waiting for edits to pause; they arrive
        through `updated`."""
        self._timer.stop()
        request = (self._state, self._copies.take(self.controller.plan), self.controller.results)
        if self._running is not None:
            self._queued = request  # started once the running one ends (it is told to stop)
            self._running.stop.set()
            return
        self._start(request)

    def _on_results_changed(self, _results: PlanResults) -> None:
        self._state += 1
        self._queued = None  # of an older plan than the window's now, as is any running
        self._stop_running()
        self._timer.start()

    def _stop_running(self) -> None:
        if self._running is not None:
            self._running.stop.set()

    def _start(self, request: tuple[int, Plan, PlanResults]) -> None:
        state, plan, base = request
        stop = threading.Event()
        future = _executor.submit(all_figures, plan, base, stop)
        self._running = _Job(state, stop, future)
        ref, relay = weakref.ref(self), self._relay
        future.add_done_callback(lambda f: relay.done.emit(ref, f))

    def _on_done(self, future: Future) -> None:
        job = self._running
        if job is None or job.future is not future:
            return
        self._running = None
        if self._queued is not None:
            request, self._queued = self._queued, None
            self._start(request)
        try:
            figures = future.result()
        except Exception as exc:  # noqa: BLE001 (a fault: reported, never lost on a thread)
            log.error("fault computing the scenarios", exc_info=exc)
            self.controller.fault.emit(exc)
            return
        if figures is None or job.state != self._state:
            return  # stopped, or figures of an older plan than the window's
        self.figures = figures
        self._shown = job.state
        self.updated.emit(figures)
