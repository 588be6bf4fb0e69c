"""Live charts beside the tables; they subscribe to results and only draw."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import EntityKind
from workbench.domain.plan import Plan
from workbench.engine.results import PlanResults
from workbench.ui.charts.axes import set_title
from workbench.ui.charts.export import save_widget_pdf, save_widget_png
from workbench.ui.charts.export_menu import install_chart_export
from workbench.ui.charts.risk_chart import RiskChart
from workbench.ui.charts.savings_chart import SavingsChart
from workbench.ui.charts.workstream_chart import WorkstreamChart
from workbench.ui.plan_controller import PlanController


class ChartsPanel(QWidget):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        # the results of the plan year on show when it is not the first (the year selector)
        self.year_results: Callable[[], PlanResults | None] = lambda: None
        self._titles: list[str] = []  # the charts' titles, with the plan year on show
        self._scenario_lines: list[tuple[str, object]] = []  # (name, cumulative savings)
        # {scheme id: workstream id} and {workstream id: name}, made again only after an
        # edit that can change them (10,000 schemes take a millisecond or two each edit)
        self._lookups: tuple[dict[int, int | None], dict[int, str]] | None = None
        self._lookups_of: Plan | None = None
        self.savings = SavingsChart()
        self.workstreams = WorkstreamChart()
        self.risks = RiskChart()
        splitter = QSplitter(Qt.Orientation.Vertical)
        for chart in (self.savings, self.workstreams, self.risks):
            chart.setMinimumHeight(120)  # three fit a 1366x768 screen at 125%
            splitter.addWidget(chart)
        splitter.setSizes([320, 380, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        controller.plan_changed.connect(self._on_plan_changed)  # before results_changed
        controller.results_changed.connect(self._on_results_changed)
        self._on_results_changed(controller.results)
        for chart in (self.savings, self.workstreams, self.risks):
            install_chart_export(chart, lambda: self.controller.plan)  # right-click

    def refresh(self) -> None:
        """Redraw (the plan year on show changed)."""
        self._on_results_changed(self.controller.results)

    def _on_results_changed(self, results: PlanResults) -> None:
        year = self.year_results()
        titles = ["Cumulative savings v requirement", "Savings by workstream",
                  "Risk exposure"]
        if year is not None:
            label = f"{year.months[0][:4]}/{year.months[-1][2:4]}"
            # risks carry no per-year figures: the one register, against that year's reserves
            results, titles = year, [f"{titles[0]}, {label}", f"{titles[1]}, {label}",
                                     f"Risk exposure, {label}: same risks, its reserves"]
        if self._titles != titles:
            self._titles = titles
            for plot, title in zip((self.savings.getPlotItem(), self.workstreams.by_ws,
                                    self.risks.getPlotItem()), titles, strict=True):
                set_title(plot, title)
        # scenario lines are the first year's: drawn only while it is on show
        self.savings.show_overlays(self._scenario_lines if year is None else [])
        workstream_of, names = self.lookups()
        self.savings.update_results(results, workstream_of)
        self.workstreams.update_results(results, names, workstream_of)
        self.risks.update_results(results)

    def _on_plan_changed(self, changes: PlanChanges) -> None:
        if changes.touches(EntityKind.SCHEME, frozenset({"workstream_id"})) or \
                changes.touches(EntityKind.WORKSTREAM, frozenset({"name"})):
            self._lookups = None

    def lookups(self) -> tuple[dict[int, int | None], dict[int, str]]:
        """({scheme id: its workstream id}, {workstream id: its name}) of the plan now."""
        plan = self.controller.plan
        if self._lookups is None or self._lookups_of is not plan:
            self._lookups = ({s.id: s.workstream_id for s in plan.schemes},
                             {w.id: w.name for w in plan.workstreams})
            self._lookups_of = plan
        return self._lookups

    def show_scenarios(self, lines: list[tuple[str, object]]) -> None:
        """Overlay each scenario's risk-adjusted cumulative savings (from the engine) on
        the savings chart."""
        self._scenario_lines = list(lines)
        self.savings.show_overlays(self._scenario_lines if self.year_results() is None
                                   else [])

    def highlight(self, kind: str | None, row_id: int | None) -> None:
        for chart in (self.savings, self.workstreams, self.risks):
            chart.highlight(kind, row_id)

    def save_png(self, path: Path) -> None:
        save_widget_png(self, path)

    def save_pdf(self, path: Path) -> None:
        """Vector PDF: the charts paint themselves into a QPdfWriter (no SVG exporter)."""
        save_widget_pdf(self, path)
