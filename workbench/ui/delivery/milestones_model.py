"""One scheme's milestones: planned and expected dates, and how late. The expected date is
typed like any cell; what a new date does (a plain re-date, or a rephase offered first)
is the scheme panel's, so this model only reads the date and says which one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from workbench.domain.milestones import SchemeMilestone
from workbench.ui.delivery.ledger_controller import LedgerController
from workbench.ui.tables import parsing

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
NAME, PLANNED, EXPECTED, SLIP, DONE = range(5)
HEADERS = ("Milestone", "Planned", "Expected", "Slip", "Done")
LATE = QBrush(QColor("#FBE3D1"))


class MilestonesModel(QAbstractTableModel):
    input_rejected = Signal(str)
    reforecast = Signal(str, object)  # milestone name, new expected date

    def __init__(self, ledger: LedgerController) -> None:
        super().__init__(ledger)
        self.ledger = ledger
        self.controller = ledger.plan_controller
        self.scheme_id: int | None = None
        self.columns = None  # plain text editors
        ledger.ledger_changed.connect(self._refresh)

    @property
    def milestones(self) -> tuple[SchemeMilestone, ...]:
        ledger = self.ledger.ledger
        if ledger is None or self.scheme_id not in ledger.tracking:
            return ()
        return ledger.tracking[self.scheme_id].milestones

    def show_scheme(self, scheme_id: int | None) -> None:
        self.beginResetModel()
        self.scheme_id = scheme_id
        self.endResetModel()

    def _refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.milestones)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.milestones):
            return None
        m = self.milestones[index.row()]
        column = index.column()
        if role in (Role.DisplayRole, Role.EditRole):
            if column == NAME:
                tag = m.go_live and role == Role.DisplayRole and "go-live" not in m.name.lower()
                return m.name + (" (go-live)" if tag else "")
            if column == PLANNED:
                return parsing.format_date(m.planned)
            if column == EXPECTED:
                return parsing.format_date(m.expected)
            if column == SLIP:
                n = m.slip_months
                return f"{n} month{'s' * (n != 1)}" if n else "on time"
            return "Yes" if m.done else ""
        if role == Role.BackgroundRole and column in (EXPECTED, SLIP) and m.slip_months:
            return LATE
        if role == Role.ToolTipRole and column == EXPECTED:
            return ("Type the date it is now expected. A later go-live offers to move the "
                    "savings still to come by the same months, showing the £ effect first")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == EXPECTED and not self.ledger.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def refusal(self, row: int, column: int, text: str) -> str | None:
        if column != EXPECTED or row >= len(self.milestones):
            return "only the expected date is typed"
        try:
            day = parsing.parse_date(text)
        except parsing.NotAccepted as exc:
            return f"{self.milestones[row].name}: expected date is {exc}"
        if day is None:
            return f"{self.milestones[row].name}: the expected date cannot be blank"
        return None

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:  # noqa: N802
        if role != Role.EditRole or not index.isValid():
            return False
        why = self.refusal(index.row(), index.column(), str(value))
        if why:
            self.input_rejected.emit(why)
            return False
        day: dt.date = parsing.parse_date(str(value))
        milestone = self.milestones[index.row()]
        if day != milestone.expected:
            self.reforecast.emit(milestone.name, day)
        return True
