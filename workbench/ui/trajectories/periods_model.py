"""PeriodsModel: one trajectory's periods (planned, actual, note), lazily, for editing.

A typed cell, a cleared selection and a pasted block are each one undoable step: the new
`planned` and `actuals` dicts, pushed as SetFields in one Batch. Every cell is parsed
before anything is pushed, so one bad cell applies nothing.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from workbench.domain.edits import Batch, EntityKind, SetField
from workbench.domain.numbers import NotAccepted
from workbench.domain.trajectories import Actual, Trajectory, parse_value
from workbench.engine.trajectories import trajectory_frame
from workbench.ui import style
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.table_model import parse_tsv, tsv_block
from workbench.ui.trajectories.values import (
    edit_text,
    format_value,
    grid_periods,
    next_period,
    period_text,
    same,
    year_periods,
)

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Period", "Planned", "Actual", "Note")
PERIOD, PLANNED, ACTUAL, NOTE = range(4)
WORSE_THAN_PLAN = QBrush(QColor("#FBE3D1"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PeriodsModel(QAbstractTableModel):
    input_rejected = Signal(str)  # why typed or pasted text was not accepted

    def __init__(self, controller: PlanController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.trajectory_id: int | None = None
        self.periods: list[str] = []
        self.year: int | None = None  # a plan year: its periods only (None: every period)
        self._frame: pd.DataFrame | None = None

    @property
    def trajectory(self) -> Trajectory | None:
        return next((t for t in self.controller.plan.trajectories
                     if t.id == self.trajectory_id), None)

    def show(self, trajectory_id: int | None) -> None:
        self.beginResetModel()
        self.trajectory_id = trajectory_id
        self._read()
        self.endResetModel()

    def set_year(self, year: int | None) -> None:
        """List `year`'s periods (every month or week of it), or every period (None)."""
        if year != self.year:
            self.year = year
            self.show(self.trajectory_id)

    def _grid(self, path: Trajectory) -> list[str]:
        return grid_periods(path) if self.year is None else year_periods(path, self.year)

    def refresh(self) -> None:
        """Re-read the trajectory: a reset only if its list of periods changed."""
        path = self.trajectory
        if path is None or self._grid(path) != self.periods:
            self.show(self.trajectory_id if path is not None else None)
            return
        self._read()
        if self.periods:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.periods) - 1, NOTE))

    def _read(self) -> None:
        path = self.trajectory
        self.periods = self._grid(path) if path is not None else []
        self._frame = trajectory_frame(path) if path is not None else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.periods)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != PERIOD and not self.controller.store.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        path = self.trajectory
        if path is None or not index.isValid() or index.row() >= len(self.periods):
            return None
        period, col = self.periods[index.row()], index.column()
        actual = path.actuals.get(period)
        value = {PLANNED: path.planned.get(period),
                 ACTUAL: actual.value if actual else None}.get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == PERIOD:
                return period_text(period)
            return actual.note if actual and col == NOTE else format_value(value, path.unit)
        if role == Qt.ItemDataRole.EditRole:
            if col == PERIOD:
                return period
            return (actual.note if actual else "") if col == NOTE else edit_text(value, path.unit)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (PLANNED, ACTUAL):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == PERIOD:
            return QBrush(QColor(style.NHS_DARK_GREY))
        worse = col == ACTUAL and self._on_plan(period) is False
        if role == Qt.ItemDataRole.BackgroundRole and worse:
            return WORSE_THAN_PLAN
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == PERIOD:
                return period
            if worse:
                return "Worse than the plan for this period" + (
                    f"\n{actual.note}" if actual and actual.note else "")
            return actual.note if actual and actual.note and col in (ACTUAL, NOTE) else None
        return None

    def _on_plan(self, period: str) -> bool | None:
        frame = self._frame
        if frame is None or period not in frame.index:
            return None
        verdict = frame.at[period, "on_plan"]
        return None if pd.isna(verdict) else bool(verdict)

    # -- writing --------------------------------------------------------------------------
    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        path = self.trajectory
        if role != Qt.ItemDataRole.EditRole or path is None or not index.isValid():
            return False
        planned, actuals = dict(path.planned), dict(path.actuals)
        period = self.periods[index.row()]
        why = self.refusal(index.row(), index.column(), str(value))
        if why is not None:
            self.input_rejected.emit(f"{why}; not changed")
            return False
        self._set_cell(path, period, index.column(), str(value), planned, actuals)
        what = HEADERS[index.column()].lower()
        return self._push(path, planned, actuals, f"Edit {what} for {period} of {path.metric}")

    def refusal(self, row: int, column: int, text: str) -> str | None:
        """Why `text` cannot go in this cell (None if it can): checked before an editor
        closes, so a refused value keeps its editor open."""
        path = self.trajectory
        if path is None or not 0 <= row < len(self.periods):
            return "no trajectory is selected"
        where = f"{HEADERS[column]} for {period_text(self.periods[row])}"
        try:
            self._set_cell(path, self.periods[row], column, text, dict(path.planned),
                           dict(path.actuals))
        except NotAccepted as exc:
            return f"{where} is {exc}"
        except ValueError as exc:
            return f"{where}: {exc}"
        return None

    def clear_cells(self, cells: list[tuple[int, int]]) -> bool:
        """Delete key: clear the chosen planned values, actuals and notes (a selected period
        clears its actual) as one step."""
        path = self.trajectory
        if path is None or not cells:
            return False
        planned, actuals = dict(path.planned), dict(path.actuals)
        for row, col in cells:
            period = self.periods[row]
            if col == PLANNED:
                planned.pop(period, None)
            elif col in (PERIOD, ACTUAL):
                actuals.pop(period, None)
            elif period in actuals:
                actuals[period] = actuals[period]._replace(note="")
        n = len(cells)
        return self._push(path, planned, actuals, f"Clear {n} cell{'s' * (n > 1)}")

    def paste_block(self, row: int, col: int, text: str) -> bool:
        """Paste a TSV block (as Excel copies it) with its top-left cell at (row, col); rows
        past the last period continue into the following periods."""
        path, grid = self.trajectory, parse_tsv(text)
        if path is None or not grid:
            return False
        planned, actuals = dict(path.planned), dict(path.actuals)
        periods = list(self.periods)
        try:
            width = max(len(cells) for cells in grid)
            if col == PERIOD or col + width > len(HEADERS):
                room = ", ".join(HEADERS[max(col, PLANNED):]) or "nothing"
                raise ValueError(f"the block is {width} column(s) wide; from "
                                 f"{HEADERS[col]} the grid takes {room}")
            for i, cells in enumerate(grid):
                while row + i >= len(periods):
                    periods.append(next_period(periods[-1], path.frequency))
                for j, cell in enumerate(cells):
                    try:
                        self._set_cell(path, periods[row + i], col + j, cell, planned, actuals)
                    except ValueError as exc:
                        raise ValueError(f"row {i + 1}, {HEADERS[col + j]}: {exc}") from None
        except ValueError as exc:
            self.input_rejected.emit(f"Nothing pasted: {exc}")
            return False
        n = len(grid)
        return self._push(path, planned, actuals, f"Paste {n} row{'s' * (n > 1)}")

    def copy_block(self, rows: list[int], columns: list[int]) -> str:
        """TSV of the cells' edit text, ready for Excel."""
        return tsv_block(self, rows, columns)

    @staticmethod
    def _set_cell(path: Trajectory, period: str, col: int, text: str,
                  planned: dict[str, float], actuals: dict[str, Actual]) -> None:
        """Apply one cell's text to the working dicts; ValueError if it cannot be read."""
        if col == PERIOD:
            raise ValueError("the period cannot be typed over")
        if col == NOTE:
            note = " ".join(text.split())
            if period in actuals:
                actuals[period] = actuals[period]._replace(note=note)
            elif note:
                raise ValueError("type the actual first: a note belongs to an actual")
            return
        value = parse_value(text, path.unit)
        if col == PLANNED:
            if value is None:
                planned.pop(period, None)
            elif not same(planned.get(period), value):
                planned[period] = value
            return
        old = actuals.get(period)
        if value is None:
            actuals.pop(period, None)
        elif old is None or not same(old.value, value):
            actuals[period] = Actual(value, old.note if old else "")

    def _push(self, path: Trajectory, planned: dict[str, float],
              actuals: dict[str, Actual], label: str) -> bool:
        edits = tuple(
            SetField(EntityKind.TRAJECTORY, path.id, name, old, new, label=label)
            for name, old, new in (("planned", path.planned, planned),
                                   ("actuals", path.actuals, actuals)) if old != new)
        if not edits:
            return True
        return self.controller.push(edits[0] if len(edits) == 1 else Batch(edits, label))
