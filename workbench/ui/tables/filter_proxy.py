"""Sorting by raw values (£900 before £1,200) and filtering across every column.

Rows stay put while being edited (no dynamic re-sort), but a change of filter sorts again,
so the rows under a sort arrow are always in its order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from workbench.ui.tables.table_model import SORT_ROLE


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(False)  # rows stay put while being edited
        self._text = ""
        self._row_test: Callable[[Any], bool] | None = None

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

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return (a is None) and (b is not None)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self._row_test is not None and not parent.isValid():
            rows = model.rows
            if 0 <= row < len(rows) and not self._row_test(rows[row]):
                return False
        if not self._text:
            return True
        return any(
            self._text in str(model.data(model.index(row, c, parent)) or "").lower()
            for c in range(model.columnCount())
        )
