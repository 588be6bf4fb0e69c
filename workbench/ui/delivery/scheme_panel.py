"""The selected scheme in year: its forecast method, figures, RAG (with the override),
stage (through its gateway) and milestones (a slipped go-live offers a rephase).

Every change here is one undoable ledger step through the ledger controller; the dialogs
are opened by `ask_*` methods, so a test answers the real dialog as a user would.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ValidationError
from workbench.domain.ledger import ForecastMethod
from workbench.domain.ledger_edits import (
    gateway_edit,
    rag_override_edit,
    set_tracking,
    tracking_of,
)
from workbench.domain.milestones import find, replace_forecast
from workbench.engine.ledger_rephase import propose_rephase
from workbench.ui.delivery.gateway_dialog import GatewayDialog
from workbench.ui.delivery.ledger_controller import LedgerController
from workbench.ui.delivery.ledger_model import RAG_COLOURS
from workbench.ui.delivery.milestones_model import NAME, MilestonesModel
from workbench.ui.delivery.rag_dialog import RagOverrideDialog
from workbench.ui.delivery.rephase_dialog import RephaseDialog
from workbench.ui.modal import answered, ask
from workbench.ui.style import fmt_money_full, fmt_pct
from workbench.ui.tables.sheet_view import SheetView


class SchemePanel(QWidget):
    message = Signal(str)

    def __init__(self, ledger: LedgerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.scheme_id: int | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.method = QComboBox()
        self.method.setAccessibleName("Forecast method")
        self.method.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.method.setMinimumContentsLength(14)
        for method in ForecastMethod:
            self.method.addItem(method.value, method)
        self.method.setToolTip(
            "Plan as is: the plan's months. Run rate: the average actual so far, every month "
            "left. Actuals to date x plan shape: the plan's months scaled by delivered / "
            "planned so far. Manual: the months as typed in the Forecast row.")
        self.method.activated.connect(self._on_method)
        self.figures = QLabel()
        self.figures.setObjectName("SchemeFigures")
        self.figures.setWordWrap(True)
        self.rag = QLabel()
        self.rag.setObjectName("SchemeRag")
        self.rag.setWordWrap(True)
        self.override = QPushButton("Override RAG…")
        self.override.clicked.connect(self.ask_rag_override)
        self.stage = QLabel()
        self.move_stage = QPushButton("Move stage…")
        self.move_stage.clicked.connect(self.ask_gateway)
        self.milestones = MilestonesModel(ledger)
        self.milestones.input_rejected.connect(self.message)
        self.milestones.reforecast.connect(self.reforecast, Qt.ConnectionType.QueuedConnection)
        self.milestone_grid = SheetView()
        self.milestone_grid.setAccessibleName("Milestones of the selected scheme")
        self.milestone_grid.setModel(self.milestones)
        self.milestone_grid.verticalHeader().hide()
        header = self.milestone_grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.milestone_grid.setMinimumHeight(90)
        self._build()
        ledger.ledger_changed.connect(self._sync)
        self._sync()

    def _build(self) -> None:
        forecast = QFormLayout()
        forecast.addRow("Forecast method", self.method)
        forecast.addRow(self.figures)
        rag_row = QHBoxLayout()
        rag_row.addWidget(self.rag, 1)
        rag_row.addWidget(self.override)
        stage_row = QHBoxLayout()
        stage_row.addWidget(self.stage, 1)
        stage_row.addWidget(self.move_stage)
        boxes = []
        for title, content in (("Forecast", forecast), ("RAG", rag_row),
                               ("Stage and gateway", stage_row)):
            box = QGroupBox(title)
            box.setLayout(content)
            boxes.append(box)
        milestones = QGroupBox("Milestones")
        inner = QVBoxLayout(milestones)
        inner.addWidget(self.milestone_grid)
        left = QVBoxLayout()  # under the grid: the scheme's boxes side by side
        left.addWidget(boxes[0])
        left.addStretch(1)
        middle = QVBoxLayout()
        middle.addWidget(boxes[1])
        middle.addWidget(boxes[2])
        middle.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(left, 3)
        row.addLayout(middle, 3)
        row.addWidget(milestones, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)

    # -- showing ----------------------------------------------------------------------
    def show_scheme(self, scheme_id: int | None) -> None:
        self.scheme_id = scheme_id
        self.milestones.show_scheme(scheme_id)
        self._sync()

    def _sync(self) -> None:
        ledger, results = self.ledger.ledger, self.ledger.results
        known = ledger is not None and results is not None and \
            self.scheme_id in results.positions
        writable = known and not self.ledger.read_only
        for widget in (self.method, self.override, self.move_stage):
            widget.setEnabled(writable)
        if not known:
            self.title.setText("Select a scheme in the ledger to see its forecast, RAG, "
                               "stage and milestones.")
            for label in (self.figures, self.rag, self.stage):
                label.clear()
            self.rag.setStyleSheet("")
            return
        tracking = ledger.tracking[self.scheme_id]
        p = results.positions[self.scheme_id]
        self.title.setText(f"<b>{tracking.reference}</b> {self.ledger.scheme_name(self.scheme_id)}")
        self.method.setCurrentIndex(self.method.findData(tracking.method))
        self.figures.setText(
            f"Year-end forecast <b>{fmt_money_full(p.forecast_outturn)}</b> against plan "
            f"{fmt_money_full(p.plan_year)}: variance {fmt_money_full(p.variance)} "
            f"({fmt_pct(p.variance_pct)}).<br>Delivered to date "
            f"{fmt_money_full(p.delivered_to_date)} against {fmt_money_full(p.plan_to_date)} "
            "planned.")
        back, fore = RAG_COLOURS[p.rag]
        why = "; ".join(p.rag_reasons) or "on plan by every rule"
        text = f"<b>{p.rag.value}</b>" + (
            f" (override: {p.rag_reason}; derived {p.derived_rag.value}: {why})"
            if p.overridden else f" (derived: {why})")
        self.rag.setText(text)
        self.rag.setStyleSheet(f"background: {back}; color: {fore}; padding: 4px;")
        self.stage.setText(f"Stage: <b>{tracking.stage.value}</b>" + (
            f" · signed off by {tracking.gateway.signed_off_by}"
            if tracking.gateway.signed_off_by else ""))

    # -- changing ---------------------------------------------------------------------
    def _on_method(self, _index: int) -> None:
        method = ForecastMethod(self.method.currentData())  # Qt hands back plain text
        ledger = self.ledger.ledger
        if self.scheme_id is None or ledger is None:
            return
        if tracking_of(ledger, self.scheme_id).method is method:
            return
        name = self.ledger.scheme_name(self.scheme_id)
        self.ledger.push(set_tracking(ledger, self.scheme_id, "method", method,
                                      f"Forecast {name}: {method.value.lower()}"))
        self._sync()  # a refused change shows the method still in force

    def ask_rag_override(self) -> bool:
        results, ledger = self.ledger.results, self.ledger.ledger
        if self.scheme_id is None or results is None or ledger is None:
            return False
        name = self.ledger.scheme_name(self.scheme_id)
        with answered(RagOverrideDialog(name, results.positions[self.scheme_id],
                                        self)) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            rag, reason = dialog.rag, dialog.reason_text
        edit = rag_override_edit(ledger, self.scheme_id, rag, reason)
        return self.ledger.push(edit, action="rag-override", note=reason)

    def ask_gateway(self) -> bool:
        ledger = self.ledger.ledger
        if self.scheme_id is None or ledger is None:
            return False
        name = self.ledger.scheme_name(self.scheme_id)
        with answered(GatewayDialog(name, tracking_of(ledger, self.scheme_id),
                                    parent=self)) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            stage, gateway, note = dialog.stage, dialog.gateway(), dialog.note.text()
        scheme = next((s for s in self.ledger.plan_controller.plan.schemes
                       if s.id == self.scheme_id), None)
        try:
            edit = gateway_edit(ledger, self.scheme_id, stage, gateway, note,
                                scheme.status if scheme else None)
        except ValidationError as exc:
            self.message.emit(str(exc))
            return False
        return self.ledger.push(edit, action="gateway", note=note.strip())

    def reforecast(self, name: str, day: dt.date) -> bool:
        """A milestone's new expected date: a later go-live offers the rephase (with its £
        effect) first; any other new date is a plain re-date."""
        ledger = self.ledger.ledger
        if self.scheme_id is None or ledger is None:
            return False
        tracking = tracking_of(ledger, self.scheme_id)
        milestone = find(tracking.milestones, name)
        scheme = self.ledger.scheme_name(self.scheme_id)
        if milestone.go_live and day > milestone.expected and \
                (day.year, day.month) != (milestone.expected.year, milestone.expected.month):
            proposal = propose_rephase(ledger, self.scheme_id, name, day,
                                       self.ledger.gap_decimal())
            if ask(RephaseDialog(scheme, proposal, ledger.months(), milestone.expected,
                                 day, self)) != QDialog.DialogCode.Accepted:
                self.message.emit(f"{name} of {scheme} left at {milestone.expected:%d %b %Y}")
                return False
            return self.ledger.push(proposal.edit, action="rephase")
        edit = set_tracking(ledger, self.scheme_id, "milestones",
                            replace_forecast(tracking.milestones, name, day),
                            f"{name} of {scheme} expected {day:%d %b %Y}")
        return self.ledger.push(edit)
