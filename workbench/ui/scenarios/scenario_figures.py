"""Each saved scenario's figures, worked out by the engine off the GUI thread.

A moment after an edit (a burst of edits is one request) the plan is copied, which costs
little: `PlanCopies` copies afresh only the rows the edits touched. The base's and each
scenario's figures are then computed from that copy on a thread of their own, and come
back to the GUI thread through a signal (ui/latest_only). The newest request wins: an edit
stops a computation still running, and a result of any plan older than the window's latest
is dropped, so the figures never go back to an older plan than ones already shown.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workbench import engine
from workbench.domain.changes import PlanChanges
from workbench.domain.plan import Plan
from workbench.domain.plan_copy import PlanCopies
from workbench.domain.scenarios import Scenario
from workbench.engine.results import PlanResults, PlanSummary
from workbench.ui.latest_only import LatestOnly
from workbench.ui.plan_controller import PlanController

if TYPE_CHECKING:  # the scenario engine brings pandas: imported on first use
    from workbench.engine.scenario_engine import ChangeLog, ScenarioEngines

LOG_KEPT = 256  # copies whose changes are remembered (a scenario further behind: afresh)
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


@dataclass(frozen=True)
class ScenarioFigures:
    name: str
    summary: PlanSummary
    shortfall: float  # risk-adjusted gap + risks after mitigations
    results: PlanResults | None = None  # the engine's results (monthly savings for charts)

    def value(self, key: str) -> float:
        return self.shortfall if key == "year_end_shortfall" else float(
            getattr(self.summary, key))


def figures_of(scenario: Scenario, plan: Plan,
               computed: tuple[Plan, PlanResults] | None = None) -> ScenarioFigures:
    """One scenario's figures: its overrides applied to `plan`, computed like any plan
    (`computed`: that plan and the engine's results of it, if already worked out)."""
    from workbench.engine.scenarios import apply_scenario, year_end_shortfall  # pandas

    changed, results = computed if computed is not None else (None, None)
    if changed is None:
        changed = apply_scenario(plan, scenario)
        results = engine.compute(changed)
    return ScenarioFigures(scenario.name, results.summary, year_end_shortfall(changed), results)


def all_figures(plan: Plan, base: PlanResults, stop: threading.Event | None = None,
                engines: ScenarioEngines | None = None, copy: int = 0,
                log: ChangeLog = ()) -> list[ScenarioFigures] | None:
    """The base (its results as computed) first, then each scenario of `plan`; None if
    `stop` was set before the last scenario was done. With `engines`, each scenario is
    computed from what changed since its last computation (`plan` is base copy number
    `copy`, `log` what changed from copy to copy)."""
    from workbench.engine.scenarios import year_end_shortfall  # pandas: not before a paint

    out = [ScenarioFigures("Base plan", base.summary, year_end_shortfall(plan), base)]
    if engines is not None:
        engines.forget_others({s.id for s in plan.scenarios})
    for scenario in plan.scenarios:
        if stop is not None and stop.is_set():
            return None
        computed = None if engines is None else engines.results(plan, scenario, copy, log)
        out.append(figures_of(scenario, plan, computed))
    return out


class ScenarioResults(QObject):
    updated = Signal(object)  # list[ScenarioFigures]: the base first, then each scenario

    def __init__(self, controller: PlanController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.figures: list[ScenarioFigures] = []
        self._copies = PlanCopies()
        self._copy = 0  # copies of the plan taken so far
        self._since = PlanChanges.everything()  # what changed since the last copy
        self._log: list[tuple[int, PlanChanges]] = []  # (copy number, what changed to it)
        self._engines: ScenarioEngines | None = None  # used on the figures thread only
        self._state = 0  # counts the plan's states: one more after every edit
        self._shown = -1  # the state whose figures are shown
        self._task = LatestOnly("the scenarios", self)
        self._task.done.connect(self._on_figures)
        self._task.failed.connect(controller.fault.emit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.results_changed.connect(self._on_results_changed)
        if controller.settled:  # else once the engine's figures replace the kept ones
            self.recompute()

    def current(self) -> bool:
        """Whether the figures shown are those of the plan as it is now."""
        return self._shown == self._state and not self._timer.isActive()

    def plan_copy(self) -> Plan:
        """A copy of the plan as it is now, that no edit will change (for other threads)."""
        return self._take()[0]

    def _take(self) -> tuple[Plan, int]:
        self._copy += 1
        # a new list each time: the figures thread may be reading the last one
        self._log = [*self._log[-LOG_KEPT + 1:], (self._copy, self._since)]
        self._since = PlanChanges()
        return self._copies.take(self.controller.plan), self._copy

    def _on_plan_changed(self, changes: PlanChanges) -> None:
        self._copies.note(changes)
        self._since = self._since.merged(changes)

    def recompute(self) -> None:
        """Work the figures out now, without waiting for edits to pause; they arrive
        through `updated`."""
        self._timer.stop()
        self.controller.settle()  # the engine's own results as the base
        if self._engines is None:
            from workbench.engine.scenario_engine import ScenarioEngines  # pandas

            self._engines = ScenarioEngines()
        plan, copy = self._take()
        self._task.request(_figures_of_state, self._state, plan, self.controller.results,
                           self._engines, copy, self._log)

    def _on_results_changed(self, _results: PlanResults) -> None:
        self._state += 1
        self._task.outdate()  # what it computes is of an older plan than the window's now
        self._timer.start()

    def _on_figures(self, done: tuple[int, list[ScenarioFigures]]) -> None:
        self._shown, self.figures = done
        self.updated.emit(self.figures)


def _figures_of_state(state: int, plan: Plan, base: PlanResults, engines: ScenarioEngines,
                      copy: int, log: ChangeLog,
                      stop: threading.Event) -> tuple[int, list[ScenarioFigures]] | None:
    figures = all_figures(plan, base, stop, engines, copy, log)
    return None if figures is None else (state, figures)
