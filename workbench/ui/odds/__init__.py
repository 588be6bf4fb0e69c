"""Delivery odds in the window: the runner, the panel in a dock, the summary's figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from workbench.ui.odds.odds_panel import OddsPanel
from workbench.ui.odds.runner import OddsRunner

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class OddsFeature:
    """What the window holds: `show()` is the Plan → Delivery odds action."""

    def __init__(self, window: MainWindow) -> None:
        self.runner = OddsRunner(window.controller, window)
        self.panel = OddsPanel(self.runner)
        self.dock = QDockWidget("Delivery odds", window)
        self.dock.setObjectName("OddsDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.summary_dock, self.dock)
        self.dock.hide()
        window.summary.attach_odds(self.runner, self.show)

    def show(self) -> None:
        """Show the panel and, the first time, run the simulation."""
        self.dock.show()
        self.dock.raise_()
        if self.runner.result is None and not self.runner.running:
            self.panel.run()
        self.panel.run_button.setFocus()
