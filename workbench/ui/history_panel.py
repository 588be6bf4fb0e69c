"""The audit trail in a dock: one entry per action (an edit, an undo, a whole paste or
import), expandable to every field it changed; for the plan or for the selected row."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.cell_text import inert
from workbench.domain.edits import EntityKind
from workbench.ui.lazy_panel import LazyPanel
from workbench.ui.plan_controller import PlanController

PAGE = 500  # audit rows read at a time; "Show older changes" reads the next page
HEADERS = ["When (UTC)", "Who", "Action", "Change", "Object", "Field", "Old", "New", "Note"]


class HistoryPanel(LazyPanel):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._selected: tuple[EntityKind | None, int | None] = (None, None)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(HEADERS)
        self.tree.setAccessibleName("Change history")
        self.tree.setAlternatingRowColors(True)
        self.only_selected = QCheckBox("Only the selected row")
        self.only_selected.toggled.connect(self.refresh)
        self._entries: list = []
        self.older = QPushButton("Show older changes")
        self.older.setEnabled(False)
        self.older.clicked.connect(self.load_older)
        export = QPushButton("Export CSV…")
        export.setAccessibleName("Export change history as CSV")
        export.clicked.connect(self._export)
        bar = QHBoxLayout()
        bar.addWidget(self.only_selected)
        bar.addStretch(1)
        bar.addWidget(self.older)
        bar.addWidget(export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        controller.plan_changed.connect(self.changed)
        self.refresh()


    def select(self, kind: EntityKind | None, row_id: int | None) -> None:
        self._selected = (kind, row_id)
        if self.only_selected.isChecked():
            self.refresh()

    def _page(self, before: int | None, limit: int = PAGE) -> list:
        """One page of audit rows older than `before` (newest first), for the filter shown."""
        history = getattr(self.controller.store, "history", None)
        if history is None:
            return []
        kind, row_id = self._selected
        if self.only_selected.isChecked():
            if kind is None or row_id is None:
                return []
            return history(kind, row_id, limit=limit, before=before)
        return history(limit=limit, before=before)

    def _all_pages(self) -> Iterator[list]:
        before = None
        while page := self._page(before):
            yield page
            before = page[-1].id

    def entries(self) -> list:
        """The audit rows loaded so far, newest first."""
        return self._entries

    def load_older(self) -> None:
        if self._entries:
            self._entries += self._page(self._entries[-1].id)
        self._show()

    @staticmethod
    def _row(e) -> list[str]:
        return [e.at.strftime("%Y-%m-%d %H:%M:%S"), e.who, e.action, e.label,
                f"{e.kind} {e.row_id}" if e.row_id is not None else e.kind, e.field,
                e.old, e.new, e.note]

    def rows(self) -> list[list[str]]:
        """Every audited field change loaded so far, newest first."""
        return [self._row(e) for e in self._entries]

    def refresh(self) -> None:
        self._stale = False
        self._entries = self._page(None)
        self._show()

    def _show(self) -> None:
        self.older.setEnabled(bool(self._entries)
                              and bool(self._page(self._entries[-1].id, limit=1)))
        self.tree.clear()
        for _step, group in groupby(self._entries, key=lambda e: e.step):
            changes = list(group)
            first = changes[0]
            values = [first.at.strftime("%Y-%m-%d %H:%M:%S"), first.who, first.action,
                      first.label, "", f"{len(changes)} change(s)" if len(changes) > 1
                      else first.field, "", "", first.note]
            if len(changes) == 1:
                values[4:8] = [self._object(first), first.field, first.old, first.new]
            entry = QTreeWidgetItem(values)
            if len(changes) > 1:
                for change in changes:
                    entry.addChild(QTreeWidgetItem(
                        ["", "", "", "", self._object(change), change.field, change.old,
                         change.new, ""]))
            self.tree.addTopLevelItem(entry)
        for column in range(len(HEADERS)):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 240))

    @staticmethod
    def _object(entry) -> str:
        return f"{entry.kind} {entry.row_id}" if entry.row_id is not None else entry.kind

    def export_csv(self, path: Path) -> None:
        """All of the history for the filter shown (not just the pages loaded); no field
        is ever a live formula."""
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            for page in self._all_pages():
                writer.writerows([inert(str(v)) for v in self._row(e)] for e in page)

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export change history", "history.csv",
                                              "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))
