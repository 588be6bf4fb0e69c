"""Scenarios in the window: their figures, the panel in a dock, the summary's comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from workbench.ui.scenarios.scenario_figures import ScenarioResults
from workbench.ui.scenarios.scenarios_panel import ScenariosPanel

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class ScenariosFeature:
    """`show()` is the Plan → Scenarios action."""

    def __init__(self, window: MainWindow) -> None:
        self.results = ScenarioResults(window.controller, window)
        self.panel = ScenariosPanel(window.controller, self.results)
        self.dock = QDockWidget("Scenarios", window)
        self.dock.setObjectName("ScenariosDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        window.summary.attach_scenarios(self.results, self.show)

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.list.setFocus()
