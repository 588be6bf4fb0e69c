"""LedgerGridModel: every scheme's plan, forecast and actual by month, with its year-end
forecast, variance and RAG; the schemes' totals at the foot.

Three rows a scheme (Plan, Forecast, Actual). Closed months (to the switch-over) are
shaded: their actuals count, their forecast cells are blank. Figures come from the
ledger engine (LedgerResults); the model computes none. Typed, pasted and cleared cells
become one ledger edit each (ledger_typing) pushed through the ledger controller.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.domain.enums import Rag
from workbench.domain.ledger import ZERO
from workbench.domain.numbers import format_money
from workbench.domain.periods import MONTHS_IN_YEAR, short_month
from workbench.ui import style
from workbench.ui.delivery.ledger_controller import LedgerController
from workbench.ui.delivery.ledger_typing import (
    ACTUAL,
    FORECAST,
    LINE_NAMES,
    LINES,
    PLAN,
    Typed,
    ledger_edit,
    refusal,
)
from workbench.ui.style import fmt_money, fmt_pct

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
# The scheme's year first (in view without scrolling), then its lines by month.
REF, SCHEME, PLAN_YEAR, OUTTURN, VARIANCE, VARIANCE_PCT, RAG, LINE = range(8)
FIRST_MONTH = LINE + 1
LAST_COLUMN = FIRST_MONTH + MONTHS_IN_YEAR - 1
HEADS = ("Ref", "Scheme", "Plan\nyear", "Year-end\nforecast", "Variance", "Var. %", "RAG",
         "Line")
SPANNED = (REF, SCHEME, PLAN_YEAR, OUTTURN, VARIANCE, VARIANCE_PCT, RAG)  # one per scheme
FIGURES = (PLAN_YEAR, OUTTURN, VARIANCE, VARIANCE_PCT)
CLOSED = QBrush(QColor("#DCE6EE"))  # closed months: the actuals side of the switch-over
PENDING = QBrush(QColor("#FFF4D6"))  # an actual entered for the month not yet closed
RAG_COLOURS = {Rag.GREEN: (style.NHS_GREEN, style.WHITE), Rag.AMBER: (style.NHS_WARM_YELLOW,
               "#212B32"), Rag.RED: (style.NHS_RED, style.WHITE)}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    """What the shared cell editor asks of a column: its header, and any choices."""

    header: str
    choices: Any = None


def month_of(column: int) -> int | None:
    """The month (0 = April) a column shows, or None for the other columns."""
    return column - FIRST_MONTH if FIRST_MONTH <= column <= LAST_COLUMN else None


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, ZERO) if present else None


class LedgerGridModel(QAbstractTableModel):
    input_rejected = Signal(str)

    def __init__(self, ledger: LedgerController) -> None:
        super().__init__(ledger)
        self.ledger = ledger
        self.controller = ledger.plan_controller  # the cell editor reads it
        self.compact = False
        self.scheme_ids: list[int] = []
        self.columns = [Column(h) for h in self._headers()]
        self._rebuild()
        ledger.ledger_changed.connect(self._on_changed)

    # -- shape ------------------------------------------------------------------------
    def _headers(self) -> list[str]:
        months = self.ledger.ledger.months() if self.ledger.ledger else [""] * MONTHS_IN_YEAR
        return [*HEADS, *(short_month(m) if m else "" for m in months)]

    def _rebuild(self) -> None:
        ledger = self.ledger.ledger
        if ledger is None:
            self.scheme_ids = []
            return
        self.scheme_ids = sorted(ledger.scheme_ids(),
                                 key=lambda s: (ledger.tracking[s].reference or "~", s))
        self.columns = [Column(h) for h in self._headers()]

    def _on_changed(self) -> None:
        ledger = self.ledger.ledger
        ids = sorted(ledger.scheme_ids()) if ledger else []
        if ids != sorted(self.scheme_ids) or not ids:
            self.beginResetModel()
            self._rebuild()
            self.endResetModel()
        else:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, LAST_COLUMN))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, LAST_COLUMN)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self.ledger.ledger is None:
            return 0
        return len(LINES) * (len(self.scheme_ids) + 1)  # and the totals

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else LAST_COLUMN + 1

    def row_of(self, row: int) -> tuple[int | None, str]:
        """(scheme id or None for the totals, line) of a row."""
        group, line = divmod(row, len(LINES))
        return (self.scheme_ids[group] if group < len(self.scheme_ids) else None), LINES[line]

    def row_for(self, scheme_id: int | None, line: str) -> int:
        group = len(self.scheme_ids) if scheme_id is None else self.scheme_ids.index(scheme_id)
        return group * len(LINES) + LINES.index(line)

    # -- figures ----------------------------------------------------------------------
    def month_value(self, scheme_id: int | None, line: str, month: int) -> Decimal | None:
        ledger, results = self.ledger.ledger, self.ledger.results
        if ledger is None or results is None:
            return None
        if scheme_id is None:
            return _sum(self.month_value(s, line, month) for s in self.scheme_ids)
        closed = ledger.closed_count
        if line == PLAN:
            return results.positions[scheme_id].plan[month]
        if line == FORECAST:
            return None if month < closed else results.positions[scheme_id].shown[month]
        if month > closed:
            return None
        label = ledger.months()[month]
        return _sum(ledger.cell(scheme_id, label, p).actual for p in ledger.parts_of(scheme_id))

    def _money(self, value: Decimal | None) -> str:
        if value is None:
            return ""
        return fmt_money(value) if self.compact else format_money(value)

    def _tail(self, scheme_id: int | None, column: int) -> str:
        results = self.ledger.results
        source = results.positions.get(scheme_id) if scheme_id is not None else results
        if source is None:
            return ""
        if column == PLAN_YEAR:
            return self._money(source.plan_year)
        if column == OUTTURN:
            return self._money(source.forecast_outturn)
        if column == VARIANCE:
            return self._money(source.variance)
        if column == VARIANCE_PCT:
            return fmt_pct(source.variance_pct)
        if scheme_id is None:
            return ""
        return source.rag.value + (" (override)" if source.overridden else "")

    def display(self, row: int, column: int) -> str:
        scheme_id, line = self.row_of(row)
        ledger = self.ledger.ledger
        if column == REF:
            return ledger.tracking[scheme_id].reference if scheme_id is not None else ""
        if column == SCHEME:
            return self.ledger.scheme_name(scheme_id) if scheme_id is not None \
                else "All schemes"
        if column == LINE:
            return LINE_NAMES[line]
        month = month_of(column)
        if month is not None:
            return self._money(self.month_value(scheme_id, line, month))
        return self._tail(scheme_id, column)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or self.ledger.results is None:
            return None
        row, column = index.row(), index.column()
        scheme_id, line = self.row_of(row)
        month = month_of(column)
        if role == Role.DisplayRole:
            return self.display(row, column)
        if role == Role.EditRole:
            if month is None:
                return self.display(row, column)
            value = self.month_value(scheme_id, line, month)
            return "" if value is None else f"{value:f}".rstrip("0").rstrip(".")
        if role == Role.TextAlignmentRole and (month is not None or column in FIGURES):
            return RIGHT
        if role == Role.FontRole and (scheme_id is None or column in (OUTTURN, RAG)):
            font = QFont()
            font.setBold(True)
            return font
        if role in (Role.BackgroundRole, Role.ForegroundRole):
            return self._colour(scheme_id, line, column, month, role)
        if role == Role.ToolTipRole:
            return self._tooltip(scheme_id, line, column, month)
        if role == Role.AccessibleTextRole and column == RAG and scheme_id is not None:
            return f"RAG {self.display(row, column)}"
        return None

    def _colour(self, scheme_id, line, column, month, role) -> QBrush | None:
        ledger = self.ledger.ledger
        if column == RAG and scheme_id is not None:
            back, fore = RAG_COLOURS[self.ledger.results.positions[scheme_id].rag]
            return QBrush(QColor(back if role == Role.BackgroundRole else fore))
        if role != Role.BackgroundRole or month is None:
            return None
        if month < ledger.closed_count:
            return CLOSED
        if line == ACTUAL and month == ledger.closed_count and \
                self.month_value(scheme_id, line, month) is not None:
            return PENDING
        return None

    def _tooltip(self, scheme_id, line, column, month) -> str | None:
        ledger, results = self.ledger.ledger, self.ledger.results
        if month is not None:
            label = short_month(ledger.months()[month])
            if month < ledger.closed_count:
                return f"{label} is closed: actuals count for it"
            if line == ACTUAL and month == ledger.closed_count:
                return (f"{label}: the next month to close. Type or paste its actuals, then "
                        "Close month freezes them")
            if line == FORECAST and scheme_id is not None:
                return f"{label}: type a figure to forecast it by hand (the method turns Manual)"
            return None
        if column == RAG and scheme_id is not None:
            p = results.positions[scheme_id]
            derived = f"Derived: {p.derived_rag.value}" + (
                f" ({'; '.join(p.rag_reasons)})" if p.rag_reasons else " (on plan)")
            return derived + (f"\nOverridden to {p.rag.value}: {p.rag_reason}"
                              if p.overridden else "")
        if column == SCHEME and scheme_id is not None:
            return self.ledger.scheme_name(scheme_id)
        if column == LINE and line == FORECAST and scheme_id is not None:
            return f"Forecast method: {ledger.tracking[scheme_id].method.value}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Role.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= LAST_COLUMN:
            return None
        ledger = self.ledger.ledger
        month = month_of(section)
        if role == Role.DisplayRole:
            return self.columns[section].header
        if role == Role.ToolTipRole and month is not None and ledger is not None:
            closed = month < ledger.closed_count
            return f"{ledger.months()[month]}: {'closed (actuals)' if closed else 'forecast'}"
        if role == Role.BackgroundRole and month is not None and ledger is not None \
                and month < ledger.closed_count:
            return CLOSED
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        scheme_id, line = self.row_of(index.row())
        if month_of(index.column()) is not None and scheme_id is not None and line != PLAN \
                and not self.ledger.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- writing ----------------------------------------------------------------------
    def typed(self, row: int, column: int, text: str) -> Typed | None:
        scheme_id, line = self.row_of(row)
        month = month_of(column)
        if scheme_id is None or month is None:
            return None
        return Typed(scheme_id, line, month, text)

    def refusal(self, row: int, column: int, text: str) -> str | None:
        cell = self.typed(row, column, text)
        if cell is None:
            return "only the months of a scheme's forecast and actual rows are typed"
        return refusal(self.ledger.ledger, self.ledger.scheme_name(cell.scheme_id), cell)

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:  # noqa: N802
        if role != Role.EditRole or not index.isValid():
            return False
        cell = self.typed(index.row(), index.column(), str(value))
        if cell is None:
            return False
        name = self.ledger.scheme_name(cell.scheme_id)
        month = short_month(self.ledger.ledger.months()[cell.month])
        return self.push([cell], f"{LINE_NAMES[cell.line]} {month} of {name}")

    def push(self, cells: list[Typed], label: str) -> bool:
        """Typed, pasted or cleared cells as one undoable step (or nothing, and why)."""
        names = {s: self.ledger.scheme_name(s) for s in {c.scheme_id for c in cells}}
        try:
            edit = ledger_edit(self.ledger.ledger, self.ledger.results, names, cells, label)
        except ValueError as exc:
            self.input_rejected.emit(str(exc))
            return False
        return True if edit is None else self.ledger.push(edit)
