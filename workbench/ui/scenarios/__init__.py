"""Scenarios in the window: their figures, the panel in a dock, the summary's comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from workbench.ui.scenarios.scenario_figures import ScenarioResults

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.scenarios.scenarios_panel import ScenariosPanel


class ScenariosFeature:
    """`show()` is the Plan → Scenarios action."""

    def __init__(self, window: MainWindow) -> None:
        self.results = ScenarioResults(window.controller, window)
        self._controller = window.controller
        self._panel: ScenariosPanel | None = None  # built on first show (its tornado chart)
        self.dock = QDockWidget("Scenarios", window)
        self.dock.setObjectName("ScenariosDock")
        self.dock.visibilityChanged.connect(lambda shown: shown and self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        window.summary.attach_scenarios(self.results, self.show)
        self._window = window
        self.results.updated.connect(lambda _f: self.draw_on_charts())

    def draw_on_charts(self) -> None:
        """Each scenario's risk-adjusted cumulative savings (what its slippage and
        confidence haircut move) over the savings chart, once the charts are built."""
        if self._window.charts_built():
            self._window.charts.show_scenarios([
                (f.name, f.results.savings_monthly["risk_adjusted_cum"].to_numpy())
                for f in self.results.figures[1:] if f.results is not None])

    @property
    def panel(self) -> ScenariosPanel:
        if self._panel is None:
            from workbench.ui.scenarios.scenarios_panel import ScenariosPanel

            self._panel = ScenariosPanel(self._controller, self.results)
            self.dock.setWidget(self._panel)
        return self._panel

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.list.setFocus()
