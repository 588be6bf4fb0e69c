"""PlanTableModel: a Qt adapter over one list of the plan (workstreams, schemes or risks).

It owns no data: rows are the controller's plan list, derived figures come from the
engine's results, and every change is an Edit pushed through the controller.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from workbench.domain import links
from workbench.domain.changes import PlanChanges
from workbench.domain.edits import ROW_LISTS, Batch, DeleteRows, EntityKind, InsertRows, SetField
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.columns import ColumnSpec
from workbench.ui.tables.figures import changed_ids, frames_read, read_frames
from workbench.ui.tables.parsing import NotAccepted
from workbench.ui.tables.row_sync import runs_of, sync_keeping_order, sync_rows
from workbench.ui.tables.specs import COLUMNS, new_row

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
DERIVED_BRUSH = QBrush(QColor("#F0F4F5"))
DERIVED_TEXT = QBrush(QColor("#425563"))
MARKED_BRUSH = QBrush(QColor("#FFF2B3"))  # a value the user typed over the engine's
# a cell's flags, made once (Qt asks for every cell a selection covers)
SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EDITABLE = SELECTABLE | Qt.ItemFlag.ItemIsEditable


def with_source(tip: str, row: Any) -> str:
    """A cell's tooltip followed by its row's source, when the row names one."""
    source = getattr(row, "source", "")
    if not source:
        return tip
    return f"{tip}\n\nSource: {source}" if tip else f"Source: {source}"
Index = QModelIndex | QPersistentModelIndex


class PlanTableModel(QAbstractTableModel):
    """Its rows are the plan's list in the plan's order, or sorted by a column
    (`sort_rows`, which the table's proxy asks for: see filter_proxy.py)."""

    input_rejected = Signal(str)  # why typed or pasted text was not accepted
    # a sort moved the rows: numpy array, the new row of each old row (emitted between
    # layoutAboutToBeChanged and layoutChanged)
    reordered = Signal(object)

    def __init__(self, controller: PlanController, kind: EntityKind,
                 columns: list[ColumnSpec] | None = None) -> None:
        super().__init__(controller)
        self.controller = controller
        self.kind = kind
        self.columns = columns if columns is not None else COLUMNS[kind]
        self._plan = controller.plan
        self._rows: list[Any] = list(self._plan_rows())
        self._positions: dict[Any, int] | None = None  # row id -> row, made when needed
        # fields a new row (Add, or a paste past the last row) takes in place of the
        # defaults: the Activity page's plan year
        self.new_row_fields: dict[str, Any] = {}
        self._sort_column = -1  # the plan's own order
        self._numbers: dict[Any, int] | None = None  # row id -> place in the plan, sorted
        self._sort_order = Qt.SortOrder.AscendingOrder
        # the results frames the engine-fed columns read, as last shown: after an edit the
        # rows whose frame rows differ repaint (compared as arrays, no cell is read)
        self._sources = frames_read(spec.value for spec in self.columns)
        self._frames = read_frames(controller.results, self._sources)
        controller.plan_changed.connect(self._on_plan_changed)
        controller.results_changed.connect(self._on_results_changed)

    def replace_column(self, old: ColumnSpec, new: ColumnSpec) -> None:
        """Show `new` in place of the column `old` (a column following something outside
        the plan, such as the plan year on show): its header and cells repaint."""
        at = next((i for i, spec in enumerate(self.columns) if spec is old), None)
        if at is None:
            return
        self.columns = [*self.columns[:at], new, *self.columns[at + 1:]]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, at, at)
        if self._rows:
            self.dataChanged.emit(self.index(0, at), self.index(len(self._rows) - 1, at))

    # -- shape -----------------------------------------------------------------------
    @property
    def rows(self) -> list[Any]:
        """The rows as this model knows them (in step with the plan, announced to Qt)."""
        return self._rows

    def _plan_rows(self) -> list[Any]:
        return getattr(self.controller.plan, ROW_LISTS[self.kind])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            spec = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return spec.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return spec.tooltip or None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return self._plan_number(section)
        return None

    def _plan_number(self, row: int) -> int:
        """A row's number: its place in the plan's list, whatever the sort."""
        if self._sort_column < 0 or not 0 <= row < len(self._rows):
            return row + 1
        if self._numbers is None:
            self._numbers = {obj.id: i + 1 for i, obj in enumerate(self._plan_rows())}
        return self._numbers.get(self._rows[row].id, row + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.columns[index.column()].editable and not self.controller.store.read_only:
            return EDITABLE
        return SELECTABLE

    # -- reading -----------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        spec = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.format(spec.value(row, self.controller))
        if role == Qt.ItemDataRole.EditRole:
            value = spec.value(row, self.controller)
            return (spec.edit_text or spec.format)(value)
        if role == SORT_ROLE:
            return self.sort_value(index.row(), index.column())
        if role == OBJECT_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(spec.align)
        if spec.mark is not None and role in (Qt.ItemDataRole.ToolTipRole,
                                              Qt.ItemDataRole.BackgroundRole):
            why = spec.mark(row, self.controller)
            if why is not None:
                return with_source(why, row) if role == Qt.ItemDataRole.ToolTipRole \
                    else MARKED_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return with_source(spec.tooltip, row) or None
        if spec.derived and role == Qt.ItemDataRole.BackgroundRole:
            return DERIVED_BRUSH
        if spec.derived and role == Qt.ItemDataRole.ForegroundRole:
            return DERIVED_TEXT
        return None

    def sort_value(self, row: int, column: int) -> Any:
        """A cell's SORT_ROLE value (Decimal as float), read without a QModelIndex: the
        totals row reads a whole column of 10,000 rows this way."""
        return self._sort_key(self.columns[column], self.rows[row])

    def _sort_key(self, spec: ColumnSpec, obj: Any) -> Any:
        value = spec.value(obj, self.controller)
        if isinstance(value, np.generic):  # an engine figure: a numpy scalar held in a
            return value.item()  # QVariant crashed the sort in Qt, so a plain Python one
        return float(value) if hasattr(value, "as_tuple") else value

    # -- order -------------------------------------------------------------------------
    def sort_rows(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows sorted by a column's values (-1: in the plan's own order): each
        value is read once and Python sorts them, where QSortFilterProxyModel compared two
        cells at a time through Python (n log n calls: over a second for 10,000 rows).
        Ties keep the plan's order; a blank (None) comes first going up, last going down;
        values that cannot be compared (text beside numbers) compare as text. Persistent
        indexes (the selection, the current cell) follow their rows."""
        self._sort_column = column if 0 <= column < len(self.columns) else -1
        self._sort_order = order
        self._numbers = None
        self._set_order(self._in_order(list(self._plan_rows())))

    @property
    def sort_column(self) -> int:
        return self._sort_column

    def _in_order(self, rows: list[Any]) -> list[Any]:
        """`rows` (in the plan's order) as the sort wants them."""
        if self._sort_column < 0:
            return rows
        spec = self.columns[self._sort_column]
        keys = [self._sort_key(spec, obj) for obj in rows]
        down = self._sort_order == Qt.SortOrder.DescendingOrder
        try:
            order = sorted(range(len(rows)), reverse=down,
                           key=lambda i: (keys[i] is not None, keys[i]))
        except TypeError:
            text = ["" if k is None else str(k) for k in keys]
            order = sorted(range(len(rows)), reverse=down,
                           key=lambda i: (keys[i] is not None, text[i]))
        return [rows[i] for i in order]

    def _set_order(self, new: list[Any]) -> None:
        old_ids = [obj.id for obj in self._rows]
        if [obj.id for obj in new] == old_ids:
            self._rows = new
            return
        self.layoutAboutToBeChanged.emit()
        where = {obj.id: i for i, obj in enumerate(new)}
        before = self.persistentIndexList()
        after = [self.index(where[old_ids[p.row()]], p.column())
                 if 0 <= p.row() < len(old_ids) and old_ids[p.row()] in where
                 else QModelIndex() for p in before]
        self._rows = new
        self._positions = where
        self.changePersistentIndexList(before, after)
        self.reordered.emit(np.fromiter((where.get(i, -1) for i in old_ids), dtype=np.intp,
                                        count=len(old_ids)))
        self.layoutChanged.emit()

    def row_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    # -- writing: every change is an Edit ----------------------------------------------
    def parse_cell(self, row: int | None, column: int, text: str,
                   current: Any = None) -> SetField | None:
        """The SetField a cell's new text means (None if unchanged). Raises ValueError.
        `current` is the row as edited so far (a paste changing several cells of it)."""
        spec = self.columns[column]
        if not spec.editable:
            raise ValueError(f"{spec.header} is calculated and cannot be typed over")
        try:
            new = spec.parse(text, self.controller)
        except NotAccepted as exc:
            raise ValueError(f"{spec.header} is {exc}") from None
        except ValueError as exc:
            raise ValueError(f"{spec.header}: {exc}") from None
        target = current if current is not None else (
            self.rows[row] if row is not None else None)
        if target is None:
            return SetField(self.kind, 0, spec.field, None, new)
        if spec.merge is not None:
            new = spec.merge(target, new)
        old = getattr(target, spec.field)
        return None if new == old else SetField(self.kind, target.id, spec.field, old, new)

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            edit = self.parse_cell(index.row(), index.column(), str(value))
        except ValueError as exc:
            self.input_rejected.emit(f"{exc} ({self._where(index.row())}; not changed)")
            return False
        if edit is None:
            return True
        name = getattr(self.rows[index.row()], "name", None) or self.kind.value
        header = self.columns[index.column()].header.lower()
        return self.controller.push(
            SetField(edit.kind, edit.id, edit.field, edit.old, edit.new,
                     label=f"Edit {header} of {name}")
        )

    def refusal(self, row: int, column: int, text: str) -> str | None:
        """Why `text` cannot go in this cell (None if it can): checked before an editor
        closes, so a refused value keeps its editor open."""
        try:
            self.parse_cell(row, column, text)
        except ValueError as exc:
            return str(exc)
        return None

    def _where(self, row: int) -> str:
        obj = self.rows[row] if 0 <= row < len(self.rows) else None
        name = (getattr(obj, "name", None) or getattr(obj, "description", None)
                or getattr(obj, "measure", None))
        return f"row {row + 1}" + (f" ({name})" if name else "")

    def insert_row(self) -> int | None:
        """Add a default row; returns its row number, or None if the write failed."""
        obj = self._new_row()
        noun = self.kind.value.replace("_", " ")
        if not self.controller.push(InsertRows(self.kind, (obj,), label=f"Add {noun}")):
            return None
        return len(self.rows) - 1

    def _new_row(self) -> Any:
        obj = new_row(self.kind, self.controller)
        return dataclasses.replace(obj, **self.new_row_fields) if self.new_row_fields else obj

    def delete_rows(self, rows: list[int]) -> bool:
        """Delete rows as one undo step, unlinking anything that points at them first."""
        doomed = [self.rows[r] for r in sorted(set(rows)) if 0 <= r < len(self.rows)]
        if not doomed:
            return False
        ids = {d.id for d in doomed}
        unlinks = links.unlinks(self.controller.plan, self.kind, ids)
        noun = self.kind.value.replace("_", " ")
        label = f"Delete {len(doomed)} {noun}{'s' if len(doomed) > 1 else ''}"
        return self.controller.push(
            Batch((*unlinks, DeleteRows(self.kind, tuple(doomed))), label=label)
        )

    def paste_block(self, targets: list[int | None], left: int, text: str) -> bool:
        """Paste a TSV block (as Excel copies it). `targets[i]` is the row that block row i
        goes to, or None to append. Every cell is parsed first: one bad cell, no change."""
        grid = parse_tsv(text)
        if not grid:
            return False
        targets = list(targets) + [None] * (len(grid) - len(targets))
        edits: list[SetField | InsertRows] = []
        try:
            for i, cells in enumerate(grid):
                row = targets[i]
                original = self.rows[row] if row is not None else None
                working = (dataclasses.replace(original) if original is not None
                           else self._new_row())
                for j, cell in enumerate(cells):
                    col = left + j
                    if col >= len(self.columns):
                        break
                    try:
                        edit = self.parse_cell(row, col, cell, current=working)
                    except ValueError as exc:
                        where = (f"new row {i + 1} of the block" if row is None
                                 else self._where(row))
                        raise ValueError(f"{where}: {exc}") from None
                    if edit is not None:
                        setattr(working, edit.field, edit.new)
                if original is None:
                    edits.append(InsertRows(self.kind, (working,)))
                    continue
                edits += [SetField(self.kind, original.id, f.name, getattr(original, f.name),
                                   getattr(working, f.name))
                          for f in dataclasses.fields(working)
                          if getattr(working, f.name) != getattr(original, f.name)]
        except ValueError as exc:
            self.input_rejected.emit(f"Nothing pasted: {exc}")
            return False
        if not edits:
            return True
        n = len(grid)
        return self.controller.push(Batch(tuple(edits), label=f"Paste {n} row{'s' * (n > 1)}"))

    def clear_cells(self, cells: list[tuple[int, int]]) -> bool | None:
        """Clear marked cells (typed overrides) back to the engine's value as one step.
        None if any cell is not a clearable one (the caller then deletes rows)."""
        specs = [self.columns[c] for _r, c in cells]
        if not cells or any(s.merge is None for s in specs):
            return None
        working: dict[int, Any] = {}
        for (r, _c), spec in zip(cells, specs, strict=True):
            obj = working.setdefault(r, dataclasses.replace(self.rows[r]))
            setattr(obj, spec.field, spec.merge(obj, None))
        edits = [SetField(self.kind, obj.id, f.name, getattr(self.rows[r], f.name),
                          getattr(obj, f.name))
                 for r, obj in working.items() for f in dataclasses.fields(obj)
                 if getattr(obj, f.name) != getattr(self.rows[r], f.name)]
        if not edits:
            return True
        return self.controller.push(Batch(tuple(edits), label=f"Clear {len(cells)} cell(s)"))

    def blank_cells(self, cells: list[tuple[int, int]]) -> tuple[int, list[str]]:
        """Clear editable cells (Delete, Cut) as one undo step: each takes what a blank
        entry means for it (no date, £0, back to the profile). Returns how many cells
        changed and why others were left (a name cannot be blank); calculated cells are
        skipped. Nothing is pushed if no cell changes."""
        working: dict[int, Any] = {}
        left: list[str] = []
        changed = 0
        for r, c in sorted(cells):
            spec = self.columns[c]
            if not spec.editable or not 0 <= r < len(self.rows):
                continue
            obj = working.setdefault(r, dataclasses.replace(self.rows[r]))
            try:
                edit = self.parse_cell(r, c, "", current=obj)
            except ValueError:
                left.append(f"{spec.header} of {self._where(r)} cannot be blank")
                continue
            if edit is not None:
                setattr(obj, edit.field, edit.new)
                changed += 1
        edits = [SetField(self.kind, obj.id, f.name, getattr(self.rows[r], f.name),
                          getattr(obj, f.name))
                 for r, obj in working.items() for f in dataclasses.fields(obj)
                 if getattr(obj, f.name) != getattr(self.rows[r], f.name)]
        if not edits:
            return 0, left
        label = f"Clear {changed} cell{'s' * (changed > 1)}"
        return (changed if self.controller.push(Batch(tuple(edits), label=label)) else 0), left

    def copy_block(self, rows: list[int], columns: list[int]) -> str:
        return tsv_block(self, rows, columns)

    # -- reacting to the controller ----------------------------------------------------
    def _on_plan_changed(self, changes: PlanChanges) -> None:
        if self.controller.plan is not self._plan:  # a reload or a restore
            self._reset()
            return
        if self.kind in changes.structural:
            self._positions = None
            self._numbers = None
            if self._sort_column >= 0:  # sorted: rows stay put, new ones come last
                sync_keeping_order(self, self._rows, self._plan_rows())
            elif not sync_rows(self, self._rows, self._plan_rows()):
                self._reset()
                return
        ids = {row_id for kind, row_id in changes.rows if kind is self.kind}
        self._emit_ids(ids)

    def _on_results_changed(self, results) -> None:
        frames = read_frames(results, self._sources)
        moved: set[Any] = set()
        for path, frame in frames.items():
            ids = changed_ids(self._frames.get(path), frame)
            if ids is None:  # cannot tell row by row: every row repaints
                self._frames = frames
                self._emit_rows(list(range(len(self._rows))))
                return
            moved |= ids
        self._frames = frames
        self._emit_ids(moved)

    def _reset(self) -> None:
        self.beginResetModel()
        self._plan = self.controller.plan
        self._rows = self._in_order(list(self._plan_rows()))
        self._positions = None
        self._numbers = None
        self._frames = read_frames(self.controller.results, self._sources)
        self.endResetModel()

    def _emit_ids(self, ids: set[Any]) -> None:
        if not ids:
            return
        if self._positions is None:
            self._positions = {obj.id: r for r, obj in enumerate(self._rows)}
        where = self._positions
        self._emit_rows([where[i] for i in ids if i in where])

    def _emit_rows(self, rows: list[int]) -> None:
        last = len(self.columns) - 1
        for first, end in runs_of(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))


def tsv_block(model: QAbstractTableModel, rows: list[int], columns: list[int]) -> str:
    """TSV of the edit text of the given cells, ready for Excel."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for r in rows:
        writer.writerow([model.data(model.index(r, c), Qt.ItemDataRole.EditRole)
                         for c in columns])
    return out.getvalue()


def parse_tsv(text: str) -> list[list[str]]:
    """Excel's clipboard text: tab-separated, quoted cells may hold tabs and newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t")]
