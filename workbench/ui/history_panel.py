"""The audit trail in a dock: who changed what and when, for the plan or the selected row."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind
from workbench.ui.plan_controller import PlanController

HEADERS = ["When (UTC)", "Who", "Action", "Change", "Object", "Field", "Old", "New", "Note"]


class HistoryPanel(QWidget):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._selected: tuple[EntityKind | None, int | None] = (None, None)
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels(HEADERS)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Change history")
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.only_selected = QCheckBox("Only the selected row")
        self.only_selected.toggled.connect(self.refresh)
        export = QPushButton("Export CSV…")
        export.setAccessibleName("Export change history as CSV")
        export.clicked.connect(self._export)
        bar = QHBoxLayout()
        bar.addWidget(self.only_selected)
        bar.addStretch(1)
        bar.addWidget(export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        controller.plan_changed.connect(lambda _c: self.refresh())
        self.refresh()

    def select(self, kind: EntityKind | None, row_id: int | None) -> None:
        self._selected = (kind, row_id)
        if self.only_selected.isChecked():
            self.refresh()

    def rows(self) -> list[list[str]]:
        kind, row_id = self._selected
        if self.only_selected.isChecked() and kind is not None and row_id is not None:
            entries = self.controller.store.history(kind, row_id)
        elif self.only_selected.isChecked():
            entries = []
        else:
            entries = self.controller.store.history(limit=500)
        return [
            [e.at.strftime("%Y-%m-%d %H:%M:%S"), e.who, e.action, e.label,
             f"{e.kind} {e.row_id}" if e.row_id is not None else e.kind, e.field,
             e.old, e.new, e.note]
            for e in entries
        ]

    def refresh(self) -> None:
        history = getattr(self.controller.store, "history", None)
        if history is None:
            return
        self.model.removeRows(0, self.model.rowCount())
        for values in self.rows():
            items = [QStandardItem(v) for v in values]
            for item in items:
                item.setToolTip(item.text())
            self.model.appendRow(items)
        self.view.resizeColumnsToContents()
        for column in (6, 7):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 180))

    def export_csv(self, path: Path) -> None:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            writer.writerows(self.rows())

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export change history", "history.csv",
                                              "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))


