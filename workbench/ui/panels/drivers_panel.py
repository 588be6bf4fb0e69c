"""Financial drivers: allocation, growth, tariff, business rules, spend lines and pressures.

Each field is edited in the unit finance staff think in (£m, %) and stored exactly;
every change is one undoable edit through the controller.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind, SetField
from workbench.ui import style
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.table_model import PlanTableModel

MILLION = Decimal(1_000_000)
HUNDRED = Decimal(100)

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


def to_text(value: Decimal, unit: str) -> str:
    shown = value / MILLION if unit == "m" else value * HUNDRED
    return f"{shown.normalize():f}"


def from_text(text: str, unit: str) -> Decimal:
    cleaned = text.strip().replace(",", "").replace("£", "").rstrip("m%").strip()
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        what = "an amount in £m (e.g. 727.6)" if unit == "m" else "a percentage (e.g. 1.9)"
        raise ValueError(f"{text!r} is not {what}") from None
    return number * MILLION if unit == "m" else number / HUNDRED


class DriversPanel(QScrollArea):
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
            editor.setToolTip("£ million" if unit == "m" else "per cent")
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
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(title)
        view.verticalHeader().hide()
        view.setMinimumHeight(150)
        for column, spec in enumerate(model.columns):
            view.setColumnWidth(column, spec.width)
        model.input_rejected.connect(self.error.setText)
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

    def _commit(self, field: str, unit: str) -> None:
        editor = self.editors[field]
        old = getattr(self.controller.plan.drivers, field)
        try:
            new = from_text(editor.text(), unit)
        except ValueError as exc:
            self.error.setText(str(exc))
            palette = editor.palette()
            palette.setColor(QPalette.ColorRole.Base, QColor("#FDE8E6"))
            editor.setPalette(palette)
            return
        self.error.clear()
        if new == old:
            editor.setText(to_text(old, unit))
            return
        label = next(lbl for f, lbl, _u in FIELDS if f == field)
        self.controller.push(SetField(EntityKind.DRIVERS, self.controller.plan.id, field, old,
                                      new, label=f"Edit {label.lower()}"))
        self.refresh()

    def _on_plan_changed(self, changes) -> None:
        if changes.touches(EntityKind.DRIVERS):
            self.refresh()
