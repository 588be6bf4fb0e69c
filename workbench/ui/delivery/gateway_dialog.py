"""Move a scheme's stage through its gateway: up the pipeline needs the quality and the
equality impact assessments marked done and a named sign-off; down needs a note saying
why. What is still missing is listed as it is filled in, and OK waits for it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.gateways import ORDER, Gateway, Stage, gateway_problems, is_upward
from workbench.domain.ledger import SchemeTracking


class GatewayDialog(QDialog):
    def __init__(self, name: str, tracking: SchemeTracking, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Gateway: {name}")
        self.setObjectName("GatewayDialog")
        self.current = tracking.stage
        self.today = today or dt.date.today()
        self.target = QComboBox()
        self.target.setAccessibleName("Move to stage")
        for stage in ORDER:
            if stage is not self.current:
                self.target.addItem(stage.value, stage)
        upward = next((i for i in range(self.target.count())
                       if is_upward(self.current, Stage(self.target.itemData(i)))), 0)
        self.target.setCurrentIndex(upward)
        given = tracking.gateway
        self.qia = QCheckBox("Quality impact assessment (QIA) done")
        self.qia.setChecked(given.qia_done)
        self.eia = QCheckBox("Equality impact assessment (EIA) done")
        self.eia.setChecked(given.eia_done)
        self.signed = QLineEdit(given.signed_off_by)
        self.signed.setAccessibleName("Signed off by")
        self.signed.setPlaceholderText("The name of the person signing the gateway off")
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Recorded with the decision (needed to move back)")
        self.problems = QLabel()
        self.problems.setObjectName("DialogProblem")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #DA291C;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Move stage")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Now", QLabel(self.current.value))
        form.addRow("Move to", self.target)
        form.addRow("", self.qia)
        form.addRow("", self.eia)
        form.addRow("Signed off by", self.signed)
        form.addRow("Note", self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        for signal in (self.target.currentIndexChanged, self.qia.toggled, self.eia.toggled,
                       self.signed.textChanged, self.note.textChanged):
            signal.connect(self._check)
        self._check()

    @property
    def stage(self) -> Stage:
        return Stage(self.target.currentData())  # Qt hands the value back as plain text

    def gateway(self) -> Gateway:
        name = " ".join(self.signed.text().split())
        return Gateway(self.qia.isChecked(), self.eia.isChecked(), name,
                       self.today if name else None)

    def problems_now(self) -> list[str]:
        return gateway_problems(self.current, self.stage, self.gateway(), self.note.text())

    def _check(self, *_args) -> None:
        problems = self.problems_now()
        self.problems.setText("Still needed: " + "; ".join(problems) if problems else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
