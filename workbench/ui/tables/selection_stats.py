"""Sum, count and average of the selected cells, for the status bar (as Excel shows them).

The figures are the cells' own values as the table model gives them (its sort role): the
statistics add up what is shown, they never recompute a plan figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from numbers import Number
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from workbench.ui.tables.table_model import SORT_ROLE


@dataclass(frozen=True)
class SelectionFigures:
    count: int  # cells holding a number
    total: float
    formatter: Callable[[Any], str]

    @property
    def average(self) -> float:
        return self.total / self.count if self.count else 0.0

    def text(self) -> str:
        fmt = self.formatter
        return (f"Sum {fmt(self.total)} · Count {self.count} · "
                f"Average {fmt(self.average)}")


def _plain(value: Any) -> str:
    number = float(value)
    whole = number == round(number) or abs(number) >= 1000
    return f"{number:,.0f}" if whole else f"{number:,.2f}"


def _spec_of(index: QModelIndex):
    """The ColumnSpec behind a (proxied) index, or None for a model without specs."""
    model = index.model()
    while isinstance(model, QSortFilterProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    columns = getattr(model, "columns", None)
    return columns[index.column()] if columns is not None else None


def selection_figures(indexes: Iterable[QModelIndex]) -> SelectionFigures | None:
    """Figures over the numeric cells; None when fewer than two cells or no number."""
    indexes = list(indexes)
    if len(indexes) < 2:
        return None
    total, count, formats = 0.0, 0, set()
    for index in indexes:
        value = index.data(SORT_ROLE)
        if isinstance(value, bool) or not isinstance(value, Number):
            continue
        total += float(value)
        count += 1
        spec = _spec_of(index)
        formats.add(spec.format if spec is not None else _plain)
    if not count:
        return None
    formatter = formats.pop() if len(formats) == 1 else _plain
    return SelectionFigures(count, total, _tidy(formatter) if formatter is not str else _plain)


def view_figures(view: QTableView) -> SelectionFigures | None:
    """`selection_figures` of a view's selected cells, read through the selection's ranges
    and the table model's `sort_value` when the view shows a PlanTableModel through one
    proxy (a header click selects a whole column: 10,000 cells read without an index
    each); otherwise through the selected indexes."""
    proxy = view.model()
    source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None
    if source is None or not hasattr(source, "sort_value") or not hasattr(source, "columns"):
        return selection_figures(view.selectionModel().selectedIndexes())
    cells: set[tuple[int, int]] = set()
    for block in view.selectionModel().selection():
        columns = range(block.left(), block.right() + 1)
        cells.update((row, column) for row in range(block.top(), block.bottom() + 1)
                     for column in columns)
    if len(cells) < 2:
        return None
    # the proxy filters but never reorders (the model sorts): showing every row, a row
    # is its source row
    every = proxy.rowCount() == source.rowCount()
    source_rows: dict[int, int] = {}
    total, count, formats = 0.0, 0, set()
    for row, column in cells:
        at = row if every else source_rows.get(row)
        if at is None:
            at = source_rows[row] = proxy.mapToSource(proxy.index(row, 0)).row()
        value = source.sort_value(at, column)
        if isinstance(value, bool) or not isinstance(value, Number):
            continue
        total += float(value)
        count += 1
        formats.add(source.columns[column].format)
    if not count:
        return None
    formatter = formats.pop() if len(formats) == 1 else _plain
    return SelectionFigures(count, total, _tidy(formatter) if formatter is not str else _plain)


def _tidy(formatter: Callable[[Any], str]) -> Callable[[Any], str]:
    """A column's own format, without a trailing '.0' on a whole-number total."""
    def fmt(value: Any) -> str:
        text = formatter(value)
        return text[:-2] if text.endswith(".0") else text
    return fmt


class SelectionStatsLabel(QLabel):
    """A permanent status-bar label following the selection of whichever table is used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sum, count and average of the selected cells")
        self.setToolTip("Of the selected cells that hold numbers")
        self._view: QTableView | None = None

    def watch(self, view: QTableView) -> None:
        view.selectionModel().selectionChanged.connect(lambda *_: self.show_for(view))

    def show_for(self, view: QTableView) -> None:
        self._view = view
        figures = view_figures(view)
        self.setText(figures.text() if figures is not None else "")
        self.setVisible(figures is not None)
