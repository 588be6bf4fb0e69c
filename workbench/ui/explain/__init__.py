"""Click a summary figure, see how it was derived: the explanation dock of the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from workbench.ui.lazy_panel import DeferredWidget

REFRESH_DELAY_MS = 150

if TYPE_CHECKING:
    from workbench.ui.explain.explain_panel import ExplainPanel
    from workbench.ui.main_window import MainWindow


class ExplainFeature:
    """Owns the panel and its dock (along the bottom, so the summary stays in view beside
    it); follows the latest results."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.controller = window.controller
        self._panel = DeferredWidget(self._build_panel)  # built when first shown
        self.dock = QDockWidget("How it is derived", window)
        self.dock.setObjectName("ExplainDock")
        self.dock.setWidget(self._panel)
        self._panel.build_when_shown(self.dock)
        self._panel.built.connect(lambda _w: window.fit_new_dock(self.dock))
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.key: str | None = None
        window.summary.figure_activated.connect(self.show)
        # follow edits once they pause (the tree of a 2,000-scheme plan takes ~0.05 s)
        self._timer = QTimer(self.dock)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh)
        self.controller.results_changed.connect(self._on_results_changed)

    @property
    def panel(self) -> ExplainPanel:
        return self._panel.widget()

    def _build_panel(self) -> ExplainPanel:
        from workbench.ui.explain.explain_panel import ExplainPanel

        panel = ExplainPanel()
        panel.go_to.connect(self.window.go_to)
        return panel

    def show(self, key: str) -> None:
        """Explain the summary figure `key` (a PlanSummary field)."""
        self.key = key
        self._refresh()
        self.dock.show()
        self.dock.raise_()

    def refresh(self) -> None:
        """Explain the figure again (the plan year on show changed)."""
        self._refresh()

    def _refresh(self) -> None:
        self._timer.stop()
        if self.key is None:
            return
        from workbench.engine.explain_build import explain_all

        years = getattr(self.window, "years", None)  # the plan year on show, if not the first
        plan, results = (years.results.on_show() if years is not None
                         else (self.controller.plan, self.controller.results))
        nodes = explain_all(plan, results)
        if self.key in nodes:
            self.panel.show_explanation(nodes[self.key])

    def _on_results_changed(self, _results) -> None:
        if self.dock.isVisible():
            self._timer.start()
