"""The planning round's timetable in the window: a dock (Plan → Submission timetable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from workbench.store.versions import list_versions
from workbench.ui import store_thread
from workbench.ui.timetable.timetable_panel import TimetablePanel

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class TimetableFeature:
    """`show()` is the Plan → Submission timetable action."""

    def __init__(self, window: MainWindow) -> None:
        store = window.controller.store
        self.panel = TimetablePanel(
            window.controller,
            lambda: [v.label for v in store_thread.call(list_versions, store)])
        self.dock = QDockWidget("Submission timetable", window)
        self.dock.setObjectName("TimetableDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.view.setFocus()
