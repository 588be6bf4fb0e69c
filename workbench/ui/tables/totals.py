"""The totals row under a table: money and activity columns added up over the rows shown.

It sums the cell values the table model gives for the rows the filter lets through, so a
filter subtotals; it never recomputes an engine figure. The row is a one-row view kept in
step with the table's columns (widths, order, hidden ones) and its sideways scrolling.
"""

from __future__ import annotations

from numbers import Number
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from workbench.ui.tables import parsing
from workbench.ui.tables.table_model import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
TOTALLED = (parsing.format_money, parsing.format_count)  # pounds and activity add up
LOTS = 256  # a change to this many rows or more is read as a whole table


class TotalsTableModel(QAbstractTableModel):
    """One row: the sum of each money or activity column over the proxy's rows.

    It keeps each totalled column's values by source row and which source rows the proxy
    shows, so an edit re-reads only the rows it changed; a filter, sort, insert or removal
    reads the table afresh."""

    def __init__(self, proxy: QSortFilterProxyModel) -> None:
        super().__init__(proxy)
        self.proxy = proxy
        self.source = proxy.sourceModel()
        self._sums: list[Any] = []
        self._columns: list[int] = []  # the totalled columns
        self._values: dict[int, np.ndarray] = {}  # column -> value by source row (0: none)
        self._shown = np.zeros(0, dtype=np.intp)  # the source rows the proxy shows
        self._known_rows = 0
        self._stale = True
        for signal in (proxy.layoutChanged, proxy.modelReset, proxy.rowsInserted,
                       proxy.rowsRemoved):
            signal.connect(self.refresh)
        proxy.dataChanged.connect(self._on_data_changed)
        self.refresh()

    @staticmethod
    def totalled_spec(spec) -> bool:
        return spec.format in TOTALLED

    def totalled(self, column: int) -> bool:
        return self.totalled_spec(self.source.columns[column])

    def refresh(self, *_args) -> None:
        """Read every shown row afresh when a sum is next asked for (a totals row on a page
        not yet shown costs nothing at start-up), and have the row repainted."""
        self._stale = True
        if self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(0, self.columnCount() - 1))

    def _read_all(self) -> None:
        self._stale = False
        self._columns = [c for c in range(self.source.columnCount()) if self.totalled(c)]
        rows = self._known_rows = self.source.rowCount()
        self._values = {c: np.zeros(rows) for c in self._columns}
        shown = self.proxy.rowCount()
        if shown == rows:  # nothing filtered out: every row, in whatever order
            self._shown = np.arange(rows, dtype=np.intp)
        else:
            self._shown = np.fromiter(
                (self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(shown)),
                dtype=np.intp, count=shown)
        self._read_rows(self._shown.tolist())
        self._add_up(announce=False)  # asked for while reading: the reader gets it now

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                         _roles: Any = ()) -> None:
        if self._stale:  # everything is read on the next ask anyway
            return
        first, last = top_left.row(), bottom_right.row()
        if self._known_rows != self.source.rowCount() or last - first >= LOTS:
            self.refresh()
            return
        self._read_rows([self.proxy.mapToSource(self.proxy.index(r, 0)).row()
                         for r in range(first, last + 1)])
        self._add_up()

    def _read_rows(self, source_rows: list[int]) -> None:
        read = self.source.sort_value  # the SORT_ROLE value, without a QModelIndex a cell
        for column in self._columns:
            values = self._values[column]
            for row in source_rows:
                value = read(row, column)
                ok = isinstance(value, Number) and not isinstance(value, bool)
                values[row] = float(value) if ok else 0.0

    def _add_up(self, announce: bool = True) -> None:
        sums: list[Any] = [None] * self.source.columnCount()
        for column in self._columns:
            sums[column] = float(self._values[column][self._shown].sum())
        self._sums = sums
        if announce and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(0, self.columnCount() - 1))

    def value(self, column: int) -> float | None:
        if self._stale:
            self._read_all()
        return self._sums[column] if 0 <= column < len(self._sums) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.source.columnCount()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                shown, total = self.proxy.rowCount(), self.source.rowCount()
                return f"Total of {shown} shown" if shown != total else f"Total ({total})"
            value = self.value(column)
            return None if value is None else self.source.columns[column].format(value)
        if role == SORT_ROLE:
            return self.value(column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.source.columns[column].align)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Added up over the rows shown (a filter gives a subtotal)"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return "Σ"
        return self.source.headerData(section, orientation, role)


class TotalsRowView(QTableView):
    """A one-row table under `table`, with the same columns, widths, order and scrolling."""

    def __init__(self, table: QTableView, proxy: QSortFilterProxyModel) -> None:
        super().__init__(table.parentWidget())
        self.table = table
        self.setModel(TotalsTableModel(proxy))
        self.setObjectName("TotalsRow")
        self.setAccessibleName("Totals of the rows shown")
        self.horizontalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setStyleSheet("QTableView { background: #E8EDEE; }")
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda *_: self.sync_columns())  # a hide is a resize to 0
        header.sectionMoved.connect(lambda *_: self.sync_columns())
        header.geometriesChanged.connect(self.sync_columns)
        table.verticalHeader().geometriesChanged.connect(self.sync_columns)
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        self.sync_columns()

    def sync_columns(self) -> None:
        """Copy the table's column layout (after a restore, a move or a hide)."""
        mine, theirs = self.horizontalHeader(), self.table.horizontalHeader()
        for logical in range(theirs.count()):
            self.setColumnHidden(logical, theirs.isSectionHidden(logical))
            self.setColumnWidth(logical, theirs.sectionSize(logical))
            target = theirs.visualIndex(logical)
            if mine.visualIndex(logical) != target:
                mine.moveSection(mine.visualIndex(logical), target)
        self.setHorizontalScrollMode(self.table.horizontalScrollMode())
        bar = self.table.verticalScrollBar()
        self.setViewportMargins(0, 0, bar.width() if bar.isVisible() else 0, 0)
        self.verticalHeader().setFixedWidth(self.table.verticalHeader().width())
        self.verticalHeader().setDefaultSectionSize(self.table.verticalHeader().defaultSectionSize())
        height = self.rowHeight(0) + 2 * self.frameWidth()
        self.setFixedHeight(height)
        self.horizontalScrollBar().setRange(self.table.horizontalScrollBar().minimum(),
                                            self.table.horizontalScrollBar().maximum())
        self.horizontalScrollBar().setValue(self.table.horizontalScrollBar().value())
