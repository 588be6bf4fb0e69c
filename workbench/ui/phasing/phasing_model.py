"""PhasingTableModel: one row, April..March and the year, for one scheme.

The months shown are the engine's phased saving (what the cumulative chart draws); a typed
or pasted month becomes new phasing weights pushed as one undoable edit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.domain.edits import EntityKind, SetField
from workbench.domain.periods import MONTHS_IN_YEAR, short_month
from workbench.domain.phasing import profile_weights, retype_month
from workbench.domain.schemes import SavingsScheme
from workbench.ui.plan_controller import PlanController
from workbench.ui.style import fmt_money
from workbench.ui.tables import parsing

Index = QModelIndex | QPersistentModelIndex
YEAR = MONTHS_IN_YEAR  # the column after March: the year's total
PENNY = Decimal("0.01")


class PhasingTableModel(QAbstractTableModel):
    input_rejected = Signal(str)
    message = Signal(str)

    def __init__(self, controller: PlanController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.scheme_id: int | None = None
        self.compact = False  # £75k rather than £75,000 when the grid is narrow
        self._found: tuple[tuple, SavingsScheme | None] = ((), None)
        self._amounts: tuple[Any, int | None, list[float]] = (None, None, [])
        controller.results_changed.connect(self._on_results_changed)
        controller.plan_changed.connect(lambda _c: self._on_results_changed(None))

    # -- which scheme ------------------------------------------------------------------
    def show_scheme(self, scheme_id: int | None) -> None:
        self.beginResetModel()
        self.scheme_id = scheme_id
        self.endResetModel()

    @property
    def scheme(self) -> SavingsScheme | None:
        # found once per edit, not on every cell read (a search of 10,000 schemes per cell)
        ctl = self.controller
        key = (id(ctl.plan), ctl.edits_applied, self.scheme_id)
        if self._found[0] != key:
            self._found = (key, next((s for s in ctl.plan.schemes if s.id == self.scheme_id),
                                     None))
        return self._found[1]

    def amounts(self) -> list[float]:
        """The months as the engine phases them, pounds (zeros when it has none)."""
        monthly = self.controller.results.scheme_monthly
        key = (monthly, self.scheme_id)  # read once per results, not on every cell read
        if self._amounts[0] is not monthly or self._amounts[1] != self.scheme_id:
            if self.scheme_id is None or self.scheme_id not in monthly.index:
                amounts = [0.0] * MONTHS_IN_YEAR
            else:
                amounts = [float(v) for v in monthly.loc[self.scheme_id].to_numpy()]
            self._amounts = (*key, amounts)
        return list(self._amounts[2])

    # -- shape and reading -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.scheme is None else 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else MONTHS_IN_YEAR + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return "Net saving"
        if section == YEAR:
            return "Year"
        months = self.controller.results.months  # "Apr": the year is in the title's scheme
        return short_month(months[section]).split()[0] if section < len(months) \
            else str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.scheme is None:
            return None
        column = index.column()
        amounts = self.amounts()
        value = sum(amounts) if column == YEAR else amounts[column]
        exact = parsing.format_money(Decimal(str(round(value, 2))))
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt_money(value) if self.compact else exact
        if role == Qt.ItemDataRole.EditRole:
            return f"{round(value):d}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == YEAR and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if column == YEAR and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#F0F4F5"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{exact}: the scheme's net saving for the year" if column == YEAR else
                    f"{exact}. Type a month: the months after it share the rest of the year")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() < YEAR and not self.controller.store.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- writing: one Edit per typed month, paste or profile ---------------------------
    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() >= YEAR:
            return False
        return self.type_months(index.column(), [str(value)])

    def type_months(self, first: int, texts: list[str]) -> bool:
        """Months typed or pasted from `first` on; all twelve pasted are taken as the
        profile itself (and scaled to the year if they add up to something else)."""
        scheme = self.scheme
        if scheme is None:
            return False
        label = short_month(self.controller.results.months[first])
        try:
            values = [parsing.parse_money(t) for t in texts[: MONTHS_IN_YEAR - first]]
        except ValueError as exc:
            self.input_rejected.emit(f"{label}: {exc}")
            return False
        if len(values) == MONTHS_IN_YEAR:
            return self._paste_year(scheme, values)
        amounts = [Decimal(str(round(a, 2))) for a in self.amounts()]
        try:
            for offset, value in enumerate(values):
                amounts = list(retype_month(amounts, first + offset, value,
                                            scheme.net_saving))
        except ValueError as exc:
            self.input_rejected.emit(f"Phasing of {scheme.name}, {label}: {exc}")
            return False
        what = label if len(values) == 1 else f"{len(values)} months"
        return self._push(scheme, tuple(a.quantize(PENNY) for a in amounts),
                          f"Phase {what} of {scheme.name}")

    def _paste_year(self, scheme: SavingsScheme, values: list[Decimal]) -> bool:
        total = sum(values, Decimal(0))
        if total <= 0 or any(v < 0 for v in values):
            self.input_rejected.emit("Nothing pasted: the months must be positive amounts "
                                     "with at least one above zero")
            return False
        ok = self._push(scheme, tuple(values), f"Paste the phasing of {scheme.name}")
        if ok and total != scheme.net_saving:
            self.message.emit(
                f"The pasted months add up to {parsing.format_money(total)}; the year's net "
                f"saving is {parsing.format_money(scheme.net_saving)} (difference "
                f"{parsing.format_money(total - scheme.net_saving)}), so each month is "
                "scaled to the year.")
        return ok

    def apply_profile(self, name: str) -> bool:
        scheme = self.scheme
        if scheme is None:
            return False
        weights = profile_weights(name, scheme.first_year)
        return self._push(scheme, weights, f"Phase {scheme.name}: {name.lower()}")

    def _push(self, scheme: SavingsScheme, phasing: tuple[Decimal, ...], label: str) -> bool:
        if tuple(phasing) == tuple(scheme.phasing):
            return True
        return self.controller.push(SetField(EntityKind.SCHEME, scheme.id, "phasing",
                                             scheme.phasing, tuple(phasing), label=label))

    # -- reacting ----------------------------------------------------------------------
    def _on_results_changed(self, _results) -> None:
        if self.scheme_id is not None and self.scheme is None:
            self.show_scheme(None)  # deleted
        elif self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(0, YEAR))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, YEAR)
