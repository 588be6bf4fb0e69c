"""The Delivery page: the in-year ledger of every scheme by month beside the selected
scheme's forecast, RAG, stage and milestones; closing a month and importing actuals.

Before the year is started the page offers to freeze the plan's schemes as the year's
plan (the ledger's plan line); a plan held without a database file has no ledger.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ValidationError
from workbench.domain.ledger_edits import close_month_edit
from workbench.domain.periods import short_month
from workbench.ui.delivery.close_month_dialog import CloseMonthDialog
from workbench.ui.delivery.ledger_controller import LedgerController
from workbench.ui.delivery.ledger_grid import LedgerGrid
from workbench.ui.delivery.ledger_model import LedgerGridModel
from workbench.ui.delivery.legend import LedgerLegend
from workbench.ui.delivery.scheme_panel import SchemePanel
from workbench.ui.modal import answered
from workbench.ui.plan_controller import PlanController
from workbench.ui.style import fmt_money_full, fmt_pct


class DeliveryPage(QWidget):
    message = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeliveryPage")
        self.ledger = LedgerController(controller, self)
        self.model = LedgerGridModel(self.ledger)
        self.model.input_rejected.connect(self.show_feedback)
        self.grid = LedgerGrid(self.model)
        self.panel = SchemePanel(self.ledger)
        self.panel.message.connect(self.show_feedback)
        self.grid.scheme_selected.connect(self._on_scheme)
        self.heading = QLabel()
        self.heading.setObjectName("DeliveryHeading")
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary = QLabel()
        self.summary.setObjectName("DeliverySummary")
        self.summary.setWordWrap(True)
        self.feedback = QLabel()
        self.feedback.setObjectName("DeliveryFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setStyleSheet("color: #DA291C;")
        self.close_button = QPushButton("Close month…")
        self.close_button.setObjectName("CloseMonthButton")
        self.close_button.clicked.connect(self.ask_close_month)
        self.import_button = QPushButton("Import actuals…")
        self.import_button.setObjectName("ImportLedgerActualsButton")
        self.import_button.clicked.connect(self.ask_import)
        self.start_button = QPushButton("Start tracking the year")
        self.start_button.clicked.connect(self.start_year)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._start_screen())
        self.stack.addWidget(self._ledger_screen())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)
        self.ledger.ledger_changed.connect(self._sync)
        self._sync()

    def _start_screen(self) -> QWidget:
        screen = QWidget()
        self.start_text = QLabel()
        self.start_text.setWordWrap(True)
        column = QVBoxLayout(screen)
        column.addWidget(self.start_text)
        column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return screen

    def _ledger_screen(self) -> QWidget:
        screen = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.close_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(LedgerLegend())
        column.addWidget(self.grid, 1)
        column.addWidget(self.feedback)
        self.splitter = QSplitter(Qt.Orientation.Vertical)  # the months need the width
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 230])
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        return screen

    # -- state ------------------------------------------------------------------------
    def is_editing(self) -> bool:
        return self.grid.is_editing() or self.panel.milestone_grid.is_editing()

    def select_id(self, scheme_id: int) -> bool:
        if self.ledger.ledger is None or scheme_id not in self.ledger.ledger.tracking:
            return False
        self.grid.select_scheme(scheme_id)
        return True

    def _on_scheme(self, scheme_id: int | None) -> None:
        if scheme_id is not None:
            self.panel.show_scheme(scheme_id)

    def show_feedback(self, text: str) -> None:
        self.feedback.setText(text)
        self.message.emit(text)

    def _sync(self) -> None:
        ledger, results = self.ledger.ledger, self.ledger.results
        writable = not self.ledger.read_only
        self.feedback.clear()  # a change went through: an earlier refusal is history
        if ledger is None or results is None:
            self.stack.setCurrentIndex(0)
            can = self.ledger.store is not None and writable
            self.start_text.setText(
                "In-year tracking starts from the plan as submitted: starting it freezes "
                "each scheme's gross saving, phased by month, as the year's plan. Then, "
                "month by month, close each month with its actuals and re-forecast the rest."
                if can else "In-year tracking needs the plan saved in a database file "
                "that can be written to.")
            self.start_button.setVisible(can)
            return
        self.stack.setCurrentIndex(1)
        due = ledger.next_to_close()
        closed = (f"closed through {short_month(ledger.closed_through)}"
                  if ledger.closed_through else "no month closed yet")
        self.heading.setText(f"<b>In-year delivery {ledger.year.label}</b> · {closed}"
                             + (f" · next to close: {short_month(due)}" if due else
                                " · the year is closed"))
        self.close_button.setText(f"Close {short_month(due)}…" if due else "Year closed")
        self.close_button.setEnabled(due is not None and writable)
        self.import_button.setEnabled(writable)
        self.summary.setText(
            f"Delivered to date <b>{fmt_money_full(results.delivered_to_date)}</b> against "
            f"{fmt_money_full(results.plan_to_date)} planned, a variance of "
            f"{fmt_money_full(results.to_date_variance)}. Year-end forecast "
            f"<b>{fmt_money_full(results.forecast_outturn)}</b> against plan "
            f"{fmt_money_full(results.plan_year)}: variance "
            f"{fmt_money_full(results.variance)} ({fmt_pct(results.variance_pct)}). "
            f"In-year gap to the requirement: {fmt_money_full(self.ledger.gap_decimal())}.")

    # -- actions ----------------------------------------------------------------------
    def start_year(self) -> bool:
        if not self.ledger.start_year():
            return False
        self.message.emit(f"Tracking {self.ledger.ledger.year.label} from the plan as it "
                          "stands: its schemes' months are the year's plan")
        return True

    def ask_close_month(self) -> bool:
        ledger = self.ledger.ledger
        if ledger is None or ledger.next_to_close() is None:
            return False
        names = {s: self.ledger.scheme_name(s) for s in ledger.scheme_ids()}
        with answered(CloseMonthDialog(ledger, names, self)) as dialog:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            month, actuals = dialog.month, dialog.actuals()
        try:
            edit = close_month_edit(ledger, month, actuals)
        except ValidationError as exc:
            self.show_feedback(str(exc))
            return False
        if not self.ledger.push(edit, action="close-month"):
            return False
        self.show_feedback("")
        self.message.emit(f"{short_month(month)} closed: its actuals now count in "
                          "the year-end forecast (Edit → Undo reopens it)")
        return True

    def ask_import(self) -> bool:
        from workbench.ui.delivery.import_actuals import import_ledger_actuals

        return import_ledger_actuals(self)
