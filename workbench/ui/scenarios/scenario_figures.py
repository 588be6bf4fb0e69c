"""Each saved scenario's figures, recomputed by the engine shortly after every change."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.domain.scenarios import Scenario
from workbench.engine import compute
from workbench.engine.results import PlanResults, PlanSummary
from workbench.engine.scenarios import apply_scenario, year_end_shortfall
from workbench.ui.plan_controller import PlanController

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


class ScenarioResults(QObject):
    updated = Signal(object)  # list[ScenarioFigures]: the base first, then each scenario

    def __init__(self, controller: PlanController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.figures: list[ScenarioFigures] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        controller.results_changed.connect(lambda _r: self._timer.start())
        self.recompute()

    def recompute(self) -> None:
        self._timer.stop()
        plan = self.controller.plan
        out = [ScenarioFigures("Base plan", self.controller.results.summary,
                               year_end_shortfall(plan), self.controller.results)]
        for scenario in plan.scenarios:
            out.append(self.of(scenario))
        self.figures = out
        self.updated.emit(out)

    def of(self, scenario: Scenario) -> ScenarioFigures:
        changed = apply_scenario(self.controller.plan, scenario)
        results = compute(changed)
        return ScenarioFigures(scenario.name, results.summary, year_end_shortfall(changed),
                               results)
