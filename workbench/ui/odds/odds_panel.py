"""The Delivery odds panel: settings, Run, the headline odds and the histogram."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind
from workbench.engine.simulation import (
    MAX_CONCENTRATION,
    MAX_DRAWS,
    SimulationResult,
    SimulationSettings,
)
from workbench.ui import style
from workbench.ui.odds.odds_chart import OddsChart
from workbench.ui.odds.runner import OddsRunner

HOW = ("Each draw: every identified or earmarked scheme delivers a share of its net saving "
       "drawn from a Beta distribution whose mean is its confidence (a higher concentration "
       "keeps it closer to that confidence); every open risk happens or not with the "
       "probability of its likelihood score, costing its net of mitigation. Position = "
       "savings delivered − requirement − risks that happened. At £0 or above the surplus, "
       "contingency and uncommitted reserve are all intact (the business rules are met).")

# (key of SimulationResult.figures(), label)
FIGURES = [
    ("p_meet_business_rules", "Chance of meeting the business rules"),
    ("p_surplus_intact", "Chance the surplus is kept (reserves used)"),
    ("p10_gbp", "P10: 1 in 10 ends worse than"),
    ("p50_gbp", "P50: median"),
    ("p90_gbp", "P90: 1 in 10 ends better than"),
    ("mean_gbp", "Mean"),
]


def show_figure(key: str, value: float) -> str:
    return style.fmt_pct(value) if key.startswith("p_") else style.fmt_money(value)


class OddsPanel(QWidget):
    def __init__(self, runner: OddsRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Delivery odds")
        self.runner = runner
        self.draws = QSpinBox()
        self.draws.setRange(100, MAX_DRAWS)
        self.draws.setSingleStep(10_000)
        self.draws.setGroupSeparatorShown(True)
        self.draws.setAccessibleName("Number of draws")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setAccessibleName("Random seed")
        self.concentration = QDoubleSpinBox()
        self.concentration.setRange(0.1, MAX_CONCENTRATION)
        self.concentration.setDecimals(1)
        self.concentration.setAccessibleName("Concentration of scheme delivery")
        self.concentration.setToolTip("Beta concentration: 2 spreads delivery widely, "
                                      "20 keeps each scheme close to its confidence")
        self._show_settings(runner.settings)
        self.subject = QComboBox()
        self.subject.setAccessibleName("Plan or scenario to simulate")
        self._fill_subjects()
        self.subject.currentIndexChanged.connect(self._on_subject_chosen)
        runner.controller.plan_changed.connect(self._on_plan_changed)
        self.run_button = QPushButton("&Run")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        settings = QFormLayout()
        # mnemonics clear of the menu bar's (File, Edit, Plan, View, Help)
        settings.addRow("Sim&ulate", self.subject)
        settings.addRow("Dra&ws", self.draws)
        settings.addRow("See&d", self.seed)
        settings.addRow("Co&ncentration", self.concentration)
        top = QHBoxLayout()
        top.addLayout(settings)
        top.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, (key, label) in enumerate(FIGURES):
            value = QLabel("–")
            value.setObjectName(key)
            value.setAccessibleName(label)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(label), i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
            self.values[key] = value
        self.values["p_meet_business_rules"].setStyleSheet("font-weight: bold;")
        self.status = QLabel("Not run yet: press Run.")
        self.status.setWordWrap(True)
        self.chart = OddsChart()
        self.chart.setMinimumHeight(220)
        how = QLabel(HOW)
        how.setWordWrap(True)
        how.setStyleSheet(f"color: {style.NHS_DARK_GREY};")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addWidget(self.chart, 1)
        layout.addWidget(how)
        runner.finished.connect(self._on_finished)
        runner.running_changed.connect(self._on_running_changed)
        runner.failed.connect(self.status.setText)
        if runner.result is not None:
            self._on_finished(runner.result)

    def _show_settings(self, settings: SimulationSettings) -> None:
        self.draws.setValue(settings.draws)
        self.seed.setValue(settings.seed)
        self.concentration.setValue(settings.concentration)

    def _fill_subjects(self) -> None:
        """Base plan, then each saved scenario (keeping the choice while it exists)."""
        self.subject.blockSignals(True)
        self.subject.clear()
        self.subject.addItem("Base plan", None)
        for scenario in self.runner.controller.plan.scenarios:
            self.subject.addItem(f"Scenario: {scenario.name}", scenario.id)
        at = self.subject.findData(self.runner.scenario_id)
        self.subject.setCurrentIndex(max(at, 0))
        if at < 0:
            self.runner.scenario_id = None
        self.subject.blockSignals(False)

    def _on_plan_changed(self, changes) -> None:
        if changes.touches(EntityKind.SCENARIO):
            self._fill_subjects()

    def _on_subject_chosen(self, _index: int) -> None:
        self.runner.scenario_id = self.subject.currentData()
        self.run()

    def run(self) -> None:
        self.runner.set_settings(SimulationSettings(
            self.draws.value(), self.seed.value(), self.concentration.value()))
        self.runner.run(interactive=True)

    def _on_running_changed(self, running: bool) -> None:
        if running:
            self.status.setText("Running…")

    def _on_finished(self, result: SimulationResult) -> None:
        figures = result.figures()
        for key, label in self.values.items():
            label.setText(show_figure(key, figures[key]))
        s = result.settings
        self.status.setText(
            f"{self.runner.subject}: {s.draws:,} draws, seed {s.seed}, concentration "
            f"{s.concentration:g}. "
            f"The engine's risk-adjusted position is {style.fmt_money(result.expected_position)}"
            f"; reserves {style.fmt_money(result.reserves)}, surplus "
            f"{style.fmt_money(result.surplus)}.")
        self.chart.show_result(result)

    def text_of(self, key: str) -> str:
        return self.values[key].text()
