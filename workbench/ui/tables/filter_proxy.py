"""Sorting by raw values (£900 before £1,200) and filtering across every column.

Rows stay put while being edited (no dynamic re-sort), but a change of filter sorts again,
so the rows under a sort arrow are always in its order.
"""

from __future__ import annotations

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

    def set_filter_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self._text = text.strip().lower()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._text = text.strip().lower()
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
        if not self._text:
            return True
        model = self.sourceModel()
        return any(
            self._text in str(model.data(model.index(row, c, parent)) or "").lower()
            for c in range(model.columnCount())
        )
