"""The timetable as a table model: one row per submission, in date order. Typing a cell
pushes one undoable edit through the controller; the status column is worked out from
the dates (nothing else is computed here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from workbench.domain.edits import EntityKind, SetField
from workbench.domain.numbers import NotAccepted
from workbench.domain.submissions import OVERDUE, SUBMITTED, Submission, in_date_order
from workbench.ui import style
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.parsing import format_date, parse_date, parse_name, parse_text

Index = QModelIndex | QPersistentModelIndex
# (field, header, tooltip); "status" is not a field
COLUMNS = [
    ("name", "Submission", "What this return is called (Draft 1, Final ...)"),
    ("returns", "What is sent", "The templates and documents in this return"),
    ("due", "Due", "The deadline, dd/mm/yyyy"),
    ("status", "Status", "Submitted, due (in how many days) or overdue"),
    ("submitted_on", "Submitted on", "The date it was sent; blank until then"),
    ("version_label", "Version sent", "The frozen version sent (Plan → Freeze this version)"),
    ("signed_off_by", "Signed off by", "Who signed it off"),
    ("note", "Note", ""),
]
FIELDS = [c[0] for c in COLUMNS]
DATES = ("due", "submitted_on")
STATUS_COLOURS = {SUBMITTED: style.NHS_GREEN, OVERDUE: style.NHS_RED}


def status_text(s: Submission, today: dt.date) -> str:
    status = s.status(today)
    if status == SUBMITTED:
        return f"Submitted {s.submitted_on:%d %b %Y}"
    left = s.days_left(today)
    if left is None:
        return "No date"
    if status == OVERDUE:
        return f"Overdue ({-left:,} day{'s' * (left != -1)})"
    return "Due today" if left == 0 else f"Due in {left:,} day{'s' * (left != 1)}"


def _values(s: Submission) -> tuple:
    return tuple(getattr(s, f) for f in FIELDS if f != "status")


class SubmissionsTableModel(QAbstractTableModel):
    message = Signal(str)

    def __init__(self, controller: PlanController,
                 versions: Callable[[], list[str]],
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.controller = controller
        self.versions = versions  # the frozen versions' labels, read when one is typed
        self.today = today
        self.rows = in_date_order(controller.plan.submissions)
        self._shown = [_values(r) for r in self.rows]

    def refresh(self) -> None:
        """Show the plan's submissions again: the rows whose values changed when the rows
        and their order are as they were (an open editor elsewhere keeps its text), else
        a reset (a row added, deleted or moved by its date)."""
        rows = in_date_order(self.controller.plan.submissions)
        shown = [_values(r) for r in rows]
        if [id(r) for r in rows] == [id(r) for r in self.rows]:
            for i, (before, after) in enumerate(zip(self._shown, shown, strict=True)):
                if before != after:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
            self._shown = shown
            return
        self.beginResetModel()
        self.rows, self._shown = rows, shown
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section][2]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if FIELDS[index.column()] == "status" or self.controller.store.read_only:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, field = self.rows[index.row()], FIELDS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if field == "status":
                return status_text(row, self.today())
            value = getattr(row, field)
            return format_date(value) if field in DATES else value
        if role == Qt.ItemDataRole.ForegroundRole and field == "status":
            colour = STATUS_COLOURS.get(row.status(self.today()))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(getattr(row, field, "") or COLUMNS[index.column()][2])
        return None

    def parse(self, field: str, text: str) -> Any:
        if field in DATES:
            return parse_date(text)
        if field == "name":
            return parse_name(text)
        if field == "version_label":
            label = parse_text(text)
            known = self.versions()
            if label and label not in known:
                raise NotAccepted("the name of a frozen version (" + (
                    ", ".join(known) or "none frozen yet: Plan → Freeze this version") + ")",
                    text)
            return label
        return parse_text(text)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index)
                                                     & Qt.ItemFlag.ItemIsEditable):
            return False
        row, field = self.rows[index.row()], FIELDS[index.column()]
        try:
            new = self.parse(field, str(value))
        except NotAccepted as exc:
            self.message.emit(f"{row.name}, {COLUMNS[index.column()][1].lower()}: {exc}")
            return False
        old = getattr(row, field)
        if new == old:
            return True
        label = f"Edit {COLUMNS[index.column()][1].lower()} of {row.name}"
        return self.controller.push(SetField(EntityKind.SUBMISSION, row.id, field, old, new,
                                             label))
