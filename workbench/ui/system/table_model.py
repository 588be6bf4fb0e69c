"""A read-mostly table over plan rows (or engine figures), described column by column.

Each column says how a row shows, and, if it can be typed over, which field it sets and
how its text is read. A typed value becomes one SetField pushed through the controller
(the one edit path); figures come from the controller's latest results, never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import EntityKind, SetField
from workbench.ui.plan_controller import PlanController

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    header: str
    show: Callable[[Any, int], str]  # (row, its position) -> text
    field: str = ""  # the field a typed value sets ("" : read only)
    parse: Callable[[str], Any] | None = None  # typed text -> value; raises ValueError
    edit_text: Callable[[Any], str] | None = None  # the text an editor starts with
    tip: Callable[[Any, int], str | None] | None = None
    number: bool = False  # right-aligned
    choices: Callable[[Any], list[str]] | None = None  # (controller) -> a drop-down's list


class SystemTableModel(QAbstractTableModel):
    input_rejected = Signal(str)  # why typed text was not applied (nothing was)

    def __init__(self, controller: PlanController, kind: EntityKind | None,
                 rows: Callable[[], Sequence[Any]], columns: Sequence[Column],
                 name: Callable[[Any], str]) -> None:
        super().__init__(controller)
        self.controller, self.kind, self._rows = controller, kind, rows
        self.columns, self._name = list(columns), name
        controller.plan_changed.connect(self._on_plan_changed)
        controller.results_changed.connect(self._on_results_changed)

    @property
    def rows(self) -> Sequence[Any]:
        return self._rows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].field and not self.controller.store.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self.rows
        if not index.isValid() or index.row() >= len(rows):
            return None
        row, column = rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(row, index.row())
        if role == Qt.ItemDataRole.EditRole:
            return (column.edit_text(row) if column.edit_text
                    else column.show(row, index.row()))
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row, index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return RIGHT
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self.columns[index.column()] if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or column is None or not column.field:
            return False
        row = self.rows[index.row()]
        try:
            new = column.parse(str(value)) if column.parse else str(value).strip()
        except ValueError as exc:
            self.input_rejected.emit(f"{column.header} of {self._name(row)} not changed: {exc}")
            return False
        old = getattr(row, column.field)
        if new == old:
            return True
        label = f"Edit {column.header.lower()} of {self._name(row)}"
        return self.controller.push(SetField(self.kind, row.id, column.field, old, new,
                                             label=label))

    def refusal(self, row: int, column: int, text: str) -> str | None:
        """Why `text` cannot go in this cell (None if it can): the cell delegate asks
        before its editor closes, so a refused value keeps the editor open with the reason."""
        spec = self.columns[column]
        if not spec.field or spec.parse is None:
            return None
        try:
            spec.parse(text)
        except ValueError as exc:
            return f"{spec.header} of {self._name(self.rows[row])} not changed: {exc}"
        return None

    def row_of(self, row_id: int | None) -> int | None:
        return next((i for i, r in enumerate(self.rows) if getattr(r, "id", None) == row_id),
                    None)

    def _on_plan_changed(self, changes: PlanChanges) -> None:
        if self.kind is not None and self.kind in changes.structural:
            self.beginResetModel()
            self.endResetModel()

    def _on_results_changed(self, _results: object) -> None:
        if self.kind is None:  # rows are engine figures: their number may change
            self.beginResetModel()
            self.endResetModel()
        elif self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.columns) - 1))
