"""Sorting by raw values (£900 before £1,200) and filtering across every column.

The sort is the table model's (`PlanTableModel.sort_rows`: each value read once, sorted in
Python); this proxy only filters, keeping the model's order. Rows stay put while being
edited (no dynamic re-sort), but a change of filter sorts again, so the rows under a sort
arrow are always in its order.

The filter matches the text of each row's cells as shown, in any column. Those texts are
kept, one string a row, until the table's figures or rows change (any edit, a sort, a
reload), so a keystroke only searches them. They are made when the filter box takes the
focus, a few milliseconds at a time while the window is idle (`warm_texts`): a whole
ICS's 10,000 schemes take some 120 ms, which the first keystroke would otherwise wait for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)

from workbench.ui.tables.table_model import SORT_ROLE

STEP_S = 0.008  # the longest a step of `warm_texts` holds the event loop


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(False)  # rows stay put while being edited
        self._text = ""
        self._row_test: Callable[[Any], bool] | None = None
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self._texts: list[str] | None = None  # each source row's cells as shown, lower case
        self._partial: list[str] = []  # the first rows' texts, while warm_texts is at work
        self._generation = 0  # one more each time the texts are forgotten

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt override)
        super().setSourceModel(model)
        self._texts = None
        # forgotten before rows come or go (the proxy asks about new rows as soon as they
        # are in), and when a cell changes
        for signal in (model.modelAboutToBeReset, model.layoutAboutToBeChanged,
                       model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved,
                       model.dataChanged, model.headerDataChanged):
            signal.connect(self._forget_texts)

    def _forget_texts(self, *_args) -> None:
        self._texts = None
        self._partial = []
        self._generation += 1

    # -- sorting: the model's ---------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.sourceModel().sort_rows(column, order)

    def sortColumn(self) -> int:  # noqa: N802 (Qt name)
        return self._sort[0]

    def sortOrder(self) -> Qt.SortOrder:  # noqa: N802 (Qt name)
        return self._sort[1]

    # -- filtering ----------------------------------------------------------------------
    def set_filter_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().lower()))

    def set_row_test(self, test: Callable[[Any], bool] | None) -> None:
        """Show only the rows whose domain object passes `test` (None: every row), beside
        the filter text (the Activity page's plan year)."""
        self._refilter(lambda: setattr(self, "_row_test", test))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()
        if self.sortColumn() >= 0:  # rows the filter brought back join in sorted order
            self.sort(self.sortColumn(), self.sortOrder())

    def warm_texts(self) -> None:
        """Make the row texts now, a step of at most STEP_S at a time between events (a
        keystroke in the filter is likely to follow)."""
        if self._texts is None:
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._warm_step(generation))

    def _warm_step(self, generation: int) -> None:
        if generation != self._generation or self._texts is not None:
            return  # forgotten meanwhile (an edit): made afresh on the next focus or key
        rows = len(self.sourceModel().rows)
        deadline = time.perf_counter() + STEP_S
        while len(self._partial) < rows and time.perf_counter() < deadline:
            start = len(self._partial)
            self._partial.extend(self._texts_of(start, min(start + 100, rows)))
        if len(self._partial) >= rows:
            self._texts, self._partial = self._partial, []
        else:
            QTimer.singleShot(0, self, lambda: self._warm_step(generation))

    def _row_texts(self) -> list[str]:
        if self._texts is None:  # what warm_texts has not made yet, now
            rows = len(self.sourceModel().rows)
            self._texts = self._partial + self._texts_of(len(self._partial), rows)
            self._partial = []
        return self._texts

    def _texts_of(self, start: int, end: int) -> list[str]:
        """Rows start..end-1: each row's cells as shown, one lower-case string."""
        model = self.sourceModel()
        rows, ctl = model.rows[start:end], model.controller
        columns = [[spec.format(spec.value(obj, ctl)) for obj in rows]
                   for spec in model.columns]
        if not columns:
            return [""] * len(rows)
        return ["\n".join(str(cell or "") for cell in cells).lower()
                for cells in zip(*columns, strict=True)]

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if self._row_test is not None and not parent.isValid():
            rows = self.sourceModel().rows
            if 0 <= row < len(rows) and not self._row_test(rows[row]):
                return False
        text = self._text  # asked for every row at each keystroke: kept short
        if not text:
            return True
        texts = self._texts if self._texts is not None else self._row_texts()
        return row < len(texts) and text in texts[row]
