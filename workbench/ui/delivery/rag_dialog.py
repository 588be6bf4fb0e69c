"""Override a scheme's derived RAG, with the reason recorded (or go back to the derived
one). The derived RAG and why it is what it is stay in view while choosing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.enums import Rag
from workbench.engine.ledger import SchemePosition

DERIVED = "Use the derived RAG"


class RagOverrideDialog(QDialog):
    def __init__(self, name: str, position: SchemePosition,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"RAG of {name}")
        self.setObjectName("RagOverrideDialog")
        why = "; ".join(position.rag_reasons) or "on plan by every rule"
        derived = QLabel(f"Derived from the rules: <b>{position.derived_rag.value}</b> ({why})")
        derived.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setAccessibleName("RAG to show")
        self.choice.addItem(f"{DERIVED} ({position.derived_rag.value})", None)
        for rag in (Rag.GREEN, Rag.AMBER, Rag.RED):
            self.choice.addItem(f"Override: {rag.value}", rag)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason for the override")
        self.reason.setPlaceholderText("Why the derived RAG does not tell the whole story, "
                                       "e.g. 'Contract signed 3 Oct: recovery agreed'")
        self.reason.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        if position.overridden:
            self.choice.setCurrentIndex(self.choice.findData(position.rag))
            self.reason.setPlainText(position.rag_reason)
        self.problem = QLabel()
        self.problem.setObjectName("DialogProblem")
        self.problem.setStyleSheet("color: #DA291C;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("RAG", self.choice)
        form.addRow("Reason", self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(derived)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.choice.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    @property
    def rag(self) -> Rag | None:
        data = self.choice.currentData()  # Qt hands an enum's value back as plain text
        return Rag(data) if data else None

    @property
    def reason_text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    def _check(self, *_args) -> None:
        missing = self.rag is not None and not self.reason_text
        self.problem.setText("An override needs a reason: it is kept with the scheme and "
                             "shown beside the RAG." if missing else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
