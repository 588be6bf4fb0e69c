"""Table models of the five-year view: the engine's figures by year (read-only), and each
year's inputs (edited in place: one undoable edit per cell, through the controller)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.domain.edits import EntityKind, InsertRows, SetField
from workbench.domain.numbers import NotAccepted, format_percent, parse_millions, parse_percent
from workbench.domain.plan_years import FIRST_YEAR_FROM_DRIVERS, YEAR_FIELDS, PlanYear, years_of
from workbench.engine.multi_year import YearFigures
from workbench.ui import style
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.parsing import format_bool, parse_bool
from workbench.ui.years.year_results import YearResults

Index = QModelIndex | QPersistentModelIndex
SELECTED = QColor(style.NHS_PALE_GREY)
INDICATIVE_TEXT = QColor(style.NHS_DARK_GREY)


def _firm(value: bool) -> str:
    return "Firm" if value else "Indicative"


# (key, label, formatter, tooltip) of the figures table's rows
FIGURE_ROWS: list[tuple[str, str, Callable[[Any], str], str]] = [
    ("firm", "Allocation", _firm, "NHSE set firm allocations for three years, indicative "
     "for years four and five"),
    ("allocation", "Core allocation", style.fmt_money, "Last year's × (1 + growth)"),
    ("growth", "Growth", style.fmt_money, "This year's core allocation less last year's"),
    ("growth_pct", "Growth %", style.fmt_pct, "Growth ÷ last year's core allocation"),
    ("distance_from_target_pct", "Distance from target", style.fmt_pct,
     "(core allocation − target) ÷ target; negative is under target"),
    ("total_allocation", "Total allocation", style.fmt_money, "Core plus running costs"),
    ("holdbacks", "Business rules held back", style.fmt_money,
     "Surplus, uncommitted reserve, contingency, ring-fence and CHC risk pool"),
    ("transformation_ringfence", "Transformation ring-fence", style.fmt_money,
     "Ring-fence % × total allocation (a minimum of 1.2%)"),
    ("transformation_ringfence_pct", "Ring-fence %", style.fmt_pct, "At least 1.2%"),
    ("baseline_spend", "Recurrent baseline", style.fmt_money,
     "Last year's spend lines with their pressures, plus carried forward"),
    ("carried_forward", "of which carried forward", style.fmt_money,
     "Recurrent investments less recurrent savings of the years before"),
    ("tariff_pressure", "Tariff", style.fmt_money, "Tariff uplift × tariff lines"),
    ("activity_growth_pressure", "Activity growth", style.fmt_money,
     "Activity growth % × growth lines"),
    ("other_pressures", "New investment", style.fmt_money,
     "First year: the Pressures list; later years: the year's investment"),
    ("planned_spend", "Planned spend", style.fmt_money, "Baseline plus pressures"),
    ("savings_requirement", "Savings requirement", style.fmt_money,
     "Planned spend + holdbacks − total allocation"),
    ("savings_requirement_pct", "Requirement %", style.fmt_pct, "÷ total allocation"),
    ("schemes_identified", "Identified", style.fmt_money,
     "Net savings of identified schemes whose years include this one"),
    ("schemes_earmarked", "Earmarked", style.fmt_money, "Earmarked schemes, the same way"),
    ("savings_gap", "Gap", style.fmt_money, "Requirement − identified − earmarked"),
    ("savings_gap_risk_adjusted", "Gap, risk-adjusted", style.fmt_money,
     "Requirement − Σ net saving × confidence"),
]
EMPHASIS = {"savings_requirement", "savings_gap"}


class YearFiguresTableModel(QAbstractTableModel):
    """Rows are figures, columns the plan years; the selected year is shaded."""

    def __init__(self, results: YearResults) -> None:
        super().__init__()
        self.results = results
        self._years: list[YearFigures] = list(results.figures.years)
        results.updated.connect(self._on_updated)
        results.year_selected.connect(lambda _y: self._changed())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(FIGURE_ROWS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._years)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._years[section].label
            return FIGURE_ROWS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical:
            return FIGURE_ROWS[section][3]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, _label, fmt, tip = FIGURE_ROWS[index.row()]
        year = self._years[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt(getattr(year, key))
        if role == Qt.ItemDataRole.UserRole:  # the raw figure
            return getattr(year, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and year.year == self.results.selected:
            return QBrush(SELECTED)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "savings_gap":
                return QBrush(QColor(style.NHS_RED if year.savings_gap > 0 else style.NHS_GREEN))
            if not year.firm:
                return QBrush(INDICATIVE_TEXT)
        if role == Qt.ItemDataRole.FontRole and (key in EMPHASIS or not year.firm):
            font = QFont()
            font.setBold(key in EMPHASIS)
            font.setItalic(not year.firm)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{year.label}{'' if year.firm else ' (indicative)'}: {tip}"
        return None

    def _on_updated(self, figures) -> None:
        years = list(figures.years)
        if [y.year for y in years] != [y.year for y in self._years]:
            self.beginResetModel()
            self._years = years
            self.endResetModel()
            return
        self._years = years
        self._changed()

    def _changed(self) -> None:
        if self._years:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(FIGURE_ROWS) - 1, len(self._years) - 1))


INPUT_FIELDS = list(YEAR_FIELDS)
PERCENTS = ("allocation_growth_pct", "tariff_uplift_pct", "activity_growth_pct",
            "transformation_ringfence_pct")
MILLIONS = ("investment", "target_allocation")
INPUT_TIPS = {
    "firm": "Firm or Indicative (NHSE's allocation for the year)",
    "allocation_growth_pct": "Growth on last year's core allocation; blank: the drivers' "
                             "future growth",
    "tariff_uplift_pct": "Blank: as the first year",
    "activity_growth_pct": "Blank: as the first year",
    "transformation_ringfence_pct": "A minimum of 1.2%; blank: as the first year",
    "investment": "New investment this year, £m",
    "investment_recurrent": "Yes: carried into the following years' spend",
    "target_allocation": "NHSE's target for the core allocation, £m",
    "note": "Where the year's figures come from",
}


class YearInputsTableModel(QAbstractTableModel):
    """Rows are a year's inputs, columns the plan years. Typing a value pushes one
    undoable edit: a SetField of the year's row, or an InsertRows of it if the year had no
    row yet. The first year's growth, tariff, activity, ring-fence and investment are the
    drivers' and the pressures' (shown, not edited here)."""

    message = Signal(str)

    def __init__(self, controller: PlanController, results: YearResults) -> None:
        super().__init__()
        self.controller = controller
        self.results = results
        self._rows = self._read()
        results.updated.connect(self._on_updated)
        results.year_selected.connect(lambda _y: self._on_updated(None))

    def _read(self) -> list[PlanYear]:
        plan = self.controller.plan
        return years_of(plan.first_year.start, plan.last_year.start, plan.plan_years)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(INPUT_FIELDS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._rows[section].label
            return YEAR_FIELDS[INPUT_FIELDS[section]]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical:
            return INPUT_TIPS[INPUT_FIELDS[section]]
        return None

    def _from_drivers(self, index: Index) -> bool:
        return index.column() == 0 and INPUT_FIELDS[index.row()] in FIRST_YEAR_FROM_DRIVERS

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._from_drivers(index) or self.controller.store.read_only:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = INPUT_FIELDS[index.row()]
        row = self._rows[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if self._from_drivers(index):
                return "(Drivers)" if role == Qt.ItemDataRole.DisplayRole else ""
            return self.text(field, getattr(row, field), role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ForegroundRole and self._from_drivers(index):
            return QBrush(INDICATIVE_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row.year == self.results.selected:
            return QBrush(SELECTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._from_drivers(index):
                return f"{row.label}: the first year's value is on the Drivers panel"
            note = f"\n{row.note}" if field == "note" and row.note else ""
            return f"{row.label}: {INPUT_TIPS[field]}{note}"
        return None

    @staticmethod
    def text(field: str, value: Any, editing: bool = False) -> str:
        if field == "firm":
            return _firm(value)
        if field == "investment_recurrent":
            return format_bool(value)
        if field in PERCENTS:
            return format_percent(value) if value is not None else (
                "" if editing else "as drivers")
        if field in MILLIONS:
            if value is None:
                return ""
            return f"{value / 1_000_000:g}" if editing else style.fmt_money(value)
        return str(value)

    @staticmethod
    def parse(field: str, text: str) -> Any:
        """The value typed for `field`; raises NotAccepted saying what is accepted."""
        text = text.strip()
        if field == "firm":
            word = text.lower()
            if word in ("firm", "f", "yes", "y"):
                return True
            if word in ("indicative", "i", "no", "n"):
                return False
            raise NotAccepted("Firm or Indicative", text)
        if field == "investment_recurrent":
            return parse_bool(text)
        if field in PERCENTS:
            return None if text == "" else parse_percent(text, Decimal("-0.5"), Decimal(1))
        if field == "investment":
            return Decimal(0) if text == "" else parse_millions(text)
        if field == "target_allocation":
            return None if text == "" else parse_millions(text)
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index)
                                                     & Qt.ItemFlag.ItemIsEditable):
            return False
        field = INPUT_FIELDS[index.row()]
        row = self._rows[index.column()]
        try:
            new = self.parse(field, str(value))
        except NotAccepted as exc:
            self.message.emit(f"{row.label} {YEAR_FIELDS[field].lower()}: {exc}")
            return False
        old = getattr(row, field)
        if new == old:
            return True
        label = f"Edit {YEAR_FIELDS[field].lower()} of {row.label}"
        if row.id is None:
            edit = InsertRows(EntityKind.PLAN_YEAR, (dataclasses.replace(row, **{field: new}),),
                              label)
        else:
            edit = SetField(EntityKind.PLAN_YEAR, row.id, field, old, new, label)
        return self.controller.push(edit)

    def _on_updated(self, _figures) -> None:
        rows = self._read()
        if [r.year for r in rows] != [r.year for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        self._rows = rows
        if rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(INPUT_FIELDS) - 1, len(rows) - 1))
