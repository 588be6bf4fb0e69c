"""Delivery odds in the window: the runner, the panel in a dock, the summary's figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from workbench.ui.odds.runner import OddsRunner

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.odds.odds_panel import OddsPanel


class OddsFeature:
    """What the window holds: `show()` is the Plan → Delivery odds action."""

    def __init__(self, window: MainWindow) -> None:
        self.runner = OddsRunner(window.controller, window)
        self._panel: OddsPanel | None = None  # built on first show: its chart loads pyqtgraph
        self.dock = QDockWidget("Delivery odds", window)
        self.dock.setObjectName("OddsDock")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.summary_dock, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_visibility_changed)
        window.summary.attach_odds(self.runner, self.show)

    @property
    def panel(self) -> OddsPanel:
        if self._panel is None:
            from workbench.ui.odds.odds_panel import OddsPanel

            self._panel = OddsPanel(self.runner)
            self.dock.setWidget(self._panel)
        return self._panel

    def show(self) -> None:
        """Show the panel and, the first time, run the simulation."""
        self.dock.show()
        self.dock.raise_()
        self._run_once()
        self.panel.run_button.setFocus()

    def _run_once(self) -> None:
        if self.runner.result is None and not self.runner.running:
            self.panel.run()

    def _on_visibility_changed(self, visible: bool) -> None:
        # a panel on show (its tab raised, or left open last time) never sits empty
        if visible:
            self.panel  # noqa: B018 (built now: the dock is on show)
            QTimer.singleShot(0, self._run_once)
