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


class TotalsTableModel(QAbstractTableModel):
    """One row: the sum of each money or activity column over the proxy's rows.

    It keeps each totalled column's values by source row, with which of them are known,
    and which source rows the proxy shows. A filter only changes the rows shown (values
    read once are kept, so a filter typed and cleared key by key reads nothing again); an
    edit forgets the values of the rows it changed; a sort moves the values with their
    rows; an insert, removal or reload forgets them all. Values are read when a sum is
    next asked for, and only those of rows shown."""

    def __init__(self, proxy: QSortFilterProxyModel) -> None:
        super().__init__(proxy)
        self.proxy = proxy
        self.source = proxy.sourceModel()
        self._sums: list[Any] = []
        self._columns: list[int] = []  # the totalled columns
        self._values: dict[int, np.ndarray] = {}  # column -> value by source row (0: none)
        self._known = np.zeros(0, dtype=bool)  # source rows whose values are read
        self._shown = np.zeros(0, dtype=np.intp)  # the source rows the proxy shows
        self._stale = True  # the rows shown (and so the sums) to be worked out again
        self._reordered = False  # the last layout change was a sort: nothing to re-read
        source = self.source
        for signal in (source.modelReset, source.rowsInserted, source.rowsRemoved):
            signal.connect(self._forget)
        source.layoutChanged.connect(self._on_source_layout)
        source.dataChanged.connect(self._on_data_changed)
        reordered = getattr(source, "reordered", None)
        if reordered is not None:
            reordered.connect(self._on_reordered)
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved,
                       proxy.layoutChanged):
            signal.connect(self.refresh)
        self._forget()

    @staticmethod
    def totalled_spec(spec) -> bool:
        return spec.format in TOTALLED

    def totalled(self, column: int) -> bool:
        return self.totalled_spec(self.source.columns[column])

    def refresh(self, *_args) -> None:
        """Work out the rows shown and their sums when a sum is next asked for (a totals row
        on a page not yet shown costs nothing at start-up), and have the row repainted."""
        self._stale = True
        if self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(0, self.columnCount() - 1))

    def _forget(self, *_args) -> None:
        """Every value to be read again (rows added, removed or reloaded)."""
        self._columns = [c for c in range(self.source.columnCount()) if self.totalled(c)]
        rows = self.source.rowCount()
        self._values = {c: np.zeros(rows) for c in self._columns}
        self._known = np.zeros(rows, dtype=bool)
        self._reordered = False
        self.refresh()

    def _on_reordered(self, new_of_old: np.ndarray) -> None:
        """The model sorted its rows: each value moves with its row, none is re-read."""
        if len(new_of_old) != len(self._known) or (new_of_old < 0).any():
            self._forget()
            return
        for column, values in self._values.items():
            moved = np.empty_like(values)
            moved[new_of_old] = values
            self._values[column] = moved
        known = np.empty_like(self._known)
        known[new_of_old] = self._known
        self._known = known
        self._reordered = True

    def _on_source_layout(self, *_args) -> None:
        if not self._reordered:  # not a sort the model told of: read afresh
            self._forget()
        self._reordered = False

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                         _roles: Any = ()) -> None:
        """Source rows changed: their values are read again (when shown)."""
        first, last = top_left.row(), bottom_right.row()
        if len(self._known) != self.source.rowCount():
            self._forget()
            return
        self._known[first:last + 1] = False
        self.refresh()

    def _work_out(self) -> None:
        self._stale = False
        if len(self._known) != self.source.rowCount():
            self._forget()
            self._stale = False
        rows, shown = self.source.rowCount(), self.proxy.rowCount()
        if shown == rows:  # nothing filtered out: every row (the proxy never reorders)
            self._shown = np.arange(rows, dtype=np.intp)
        else:
            self._shown = np.fromiter(
                (self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(shown)),
                dtype=np.intp, count=shown)
        unknown = self._shown[~self._known[self._shown]]
        if len(unknown):
            self._read_rows(unknown.tolist())
            self._known[unknown] = True
        sums: list[Any] = [None] * self.source.columnCount()
        for column in self._columns:
            sums[column] = float(self._values[column][self._shown].sum())
        self._sums = sums

    def _read_rows(self, source_rows: list[int]) -> None:
        read = self.source.sort_value  # the SORT_ROLE value, without a QModelIndex a cell
        for column in self._columns:
            values = self._values[column]
            for row in source_rows:
                value = read(row, column)
                ok = isinstance(value, Number) and not isinstance(value, bool)
                values[row] = float(value) if ok else 0.0

    def value(self, column: int) -> float | None:
        if self._stale:
            self._work_out()
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
