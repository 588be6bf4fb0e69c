"""The plan's checklist in a dock: problems, warnings and notes; double-click to go there.

The list is made when the dock is first shown and after each edit while it is shown; an
edit made while it is hidden only marks it stale (LazyPanel)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from workbench.engine.checks import PlanCheck, check_plan
from workbench.ui import style
from workbench.ui.lazy_panel import LazyPanel
from workbench.ui.plan_controller import PlanController

COLOURS = {"Problem": style.NHS_RED, "Warning": style.NHS_ORANGE, "Info": style.NHS_DARK_GREY}
ROLE = Qt.ItemDataRole.UserRole


class ChecksPanel(LazyPanel):
    go_to = Signal(object, object)  # EntityKind, row id

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.headline = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Severity", "Check"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("Plan checks")
        self.tree.itemActivated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree)
        # read when first shown and after each edit while shown (LazyPanel): at start-up
        # the dock is a tab behind the Summary, and a whole ICS's checklist has thousands
        # of rows
        controller.results_changed.connect(self.changed)

    def refresh(self) -> list[PlanCheck]:
        self._stale = False
        checks = check_plan(self.controller.plan, self.controller.results)
        self.tree.clear()
        for check in checks:
            item = QTreeWidgetItem([check.severity, check.message])
            item.setForeground(0, QBrush(QColor(COLOURS[check.severity])))
            item.setToolTip(1, check.message)
            item.setData(0, ROLE, (check.kind, check.row_id))
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        problems = sum(c.severity == "Problem" for c in checks)
        warnings = sum(c.severity == "Warning" for c in checks)
        self.headline.setText("Complete: no problems" if not problems
                              else f"{problems} problem(s) to fix before submission")
        self.headline.setStyleSheet(
            f"font-weight: bold; color: {style.NHS_GREEN if not problems else style.NHS_RED}")
        self.headline.setToolTip(f"{warnings} warning(s)")
        return checks

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind, row_id = item.data(0, ROLE)
        if kind is not None:
            self.go_to.emit(kind, row_id)
