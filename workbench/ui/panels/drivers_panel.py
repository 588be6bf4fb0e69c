"""Financial drivers: allocation, growth, tariff, business rules, spend lines and pressures.

Each field is edited in the unit finance staff think in (£m, %) and stored exactly;
every change is one undoable edit through the controller. Numbers are read by the one rule
(workbench.domain.numbers): '0.5%' is half a percent, '0.5' is 50%, '1.9' is 1.9%. Each
percentage has a sensible range (a 50% contingency is refused, with what was read).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind, SetField
from workbench.domain.numbers import NotAccepted, format_percent, parse_millions, parse_percent
from workbench.ui import style
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.sheet_view import SheetView
from workbench.ui.tables.table_model import PlanTableModel

MILLION = Decimal(1_000_000)

# field, label, unit ('m' = £m, '%' = percent)
FIELDS = [
    ("allocation", "Core allocation", "m"),
    ("prior_year_allocation", "Prior-year allocation", "m"),
    ("running_cost_allocation", "Running-cost allocation", "m"),
    ("tariff_uplift_pct", "Tariff uplift", "%"),
    ("activity_growth_pct", "Activity growth", "%"),
    ("surplus_pct", "Surplus", "%"),
    ("uncommitted_reserve_pct", "Uncommitted reserve", "%"),
    ("contingency_pct", "Contingency", "%"),
    ("transformation_ringfence_pct", "Transformation ring-fence", "%"),
    ("chc_risk_pool", "CHC risk-pool contribution", "m"),
    ("future_growth_pct", "Growth in later years", "%"),
]
# the range each percentage may take (NHS business rules are a few per cent)
RANGES = {
    "tariff_uplift_pct": ("-10%", "10%"),
    "activity_growth_pct": ("-10%", "20%"),
    "surplus_pct": ("0%", "10%"),
    "uncommitted_reserve_pct": ("0%", "5%"),
    "contingency_pct": ("0%", "5%"),
    "transformation_ringfence_pct": ("0%", "10%"),
    "future_growth_pct": ("-10%", "20%"),
}


def to_text(value: Decimal, unit: str) -> str:
    """What the field's editor shows; read back by from_text as the same value."""
    if unit == "m":
        return f"{(value / MILLION).normalize():f}"
    return format_percent(value, places=4)


def from_text(text: str, unit: str, field: str = "") -> Decimal:
    if unit == "m":
        return parse_millions(text)
    low, high = RANGES.get(field, ("-100%", "100%"))
    return parse_percent(text, parse_percent(low, None, None), parse_percent(high, None, None))


class DriversPanel(QScrollArea):
    message = Signal(str)  # for the status bar: why a value was refused

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWidgetResizable(True)
        self.setAccessibleName("Financial drivers")
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.editors: dict[str, QLineEdit] = {}
        for field, label, unit in FIELDS:
            editor = QLineEdit()
            editor.setObjectName(field)
            editor.setAccessibleName(label)
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor.setProperty("unit_tip", "£ million" if unit == "m" else
                               "per cent, {} to {}".format(*RANGES.get(field, ("", ""))))
            editor.editingFinished.connect(lambda f=field, u=unit: self._commit(f, u))
            row = QHBoxLayout()
            row.addWidget(editor, 1)
            row.addWidget(QLabel("£m" if unit == "m" else "%"))
            form.addRow(label, row)
            self.editors[field] = editor
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {style.NHS_RED};")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.spend = self._table(layout, "Recurrent baseline spend", EntityKind.SPEND_LINE)
        self.pressures = self._table(layout, "Investments and other pressures",
                                     EntityKind.PRESSURE)
        self.setWidget(body)
        controller.plan_changed.connect(self._on_plan_changed)
        self.refresh()

    def _table(self, layout: QVBoxLayout, title: str, kind: EntityKind) -> PlanTableModel:
        heading = QHBoxLayout()
        caption = QLabel(title)
        caption.setStyleSheet(f"font-weight: bold; color: {style.NHS_BLUE}; margin-top: 8px;")
        heading.addWidget(caption, 1)
        model = PlanTableModel(self.controller, kind)
        add = QPushButton("Add")
        add.setAccessibleName(f"Add to {title.lower()}")
        add.clicked.connect(model.insert_row)
        heading.addWidget(add)
        layout.addLayout(heading)
        view = SheetView()
        view.setModel(model)
        view.delete_requested.connect(lambda v=view, m=model: self._clear(v, m))
        view.setAccessibleName(title)
        view.verticalHeader().hide()
        view.setMinimumHeight(150)
        for column, spec in enumerate(model.columns):
            view.setColumnWidth(column, spec.width)
            view.setColumnHidden(column, spec.hidden)  # a row's source shows in its tooltip
        model.input_rejected.connect(self._say)
        layout.addWidget(view)
        return model

    def is_editing(self) -> bool:
        return any(e.hasFocus() and e.isModified() for e in self.editors.values())

    def refresh(self) -> None:
        drivers = self.controller.plan.drivers
        for field, _label, unit in FIELDS:
            editor = self.editors[field]
            editor.setText(to_text(getattr(drivers, field), unit))
            editor.setPalette(QPalette())
            source = self.controller.plan.driver_sources.get(field, "")
            tip = editor.property("unit_tip")
            editor.setToolTip(f"{tip}\n\nSource: {source}" if source else tip)

    def _commit(self, field: str, unit: str) -> None:
        editor = self.editors[field]
        old = getattr(self.controller.plan.drivers, field)
        label = next(lbl for f, lbl, _u in FIELDS if f == field)
        try:
            new = from_text(editor.text(), unit, field)
        except NotAccepted as exc:
            self._say(f"{label} is {exc}; not changed")
            palette = editor.palette()
            palette.setColor(QPalette.ColorRole.Base, QColor("#FDE8E6"))
            editor.setPalette(palette)
            return
        self.error.clear()
        if new == old:
            editor.setText(to_text(old, unit))
            return
        self.controller.push(SetField(EntityKind.DRIVERS, self.controller.plan.id, field, old,
                                      new, label=f"Edit {label.lower()}"))
        self.refresh()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.message.emit(text)

    def _clear(self, view: SheetView, model: PlanTableModel) -> None:
        cleared, left = model.blank_cells(view.selected_cells())
        said = f"Cleared {cleared} cell(s). Ctrl+Z puts them back." if cleared else ""
        self._say(" ".join([said, *left]).strip() or "Nothing cleared.")

    def _on_plan_changed(self, changes) -> None:
        if changes.touches(EntityKind.DRIVERS):
            self.refresh()
