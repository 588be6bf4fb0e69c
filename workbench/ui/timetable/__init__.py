"""The planning round's timetable in the window: a dock (Plan → Submission timetable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from workbench.ui import store_thread
from workbench.ui.lazy_panel import DeferredWidget

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.timetable.timetable_panel import TimetablePanel


class TimetableFeature:
    """`show()` is the Plan → Submission timetable action."""

    def __init__(self, window: MainWindow) -> None:
        self._controller = window.controller
        self._panel = DeferredWidget(self._build_panel)  # built when first shown
        self.dock = QDockWidget("Submission timetable", window)
        self.dock.setObjectName("TimetableDock")
        self.dock.setWidget(self._panel)
        self._panel.build_when_shown(self.dock)
        self._panel.built.connect(lambda _w: window.fit_new_dock(self.dock))
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()

    @property
    def panel(self) -> TimetablePanel:
        return self._panel.widget()

    def is_editing(self) -> bool:
        return self._panel.is_built() and self.panel.is_editing()

    def _build_panel(self) -> TimetablePanel:
        from workbench.store.versions import list_versions
        from workbench.ui.timetable.timetable_panel import TimetablePanel

        store = self._controller.store
        return TimetablePanel(
            self._controller, lambda: [v.label for v in store_thread.call(list_versions, store)])

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.view.setFocus()
