"""Export template: which NHSE workbook, where to, and optionally into the user's own copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

TEMPLATES = [
    ("finance", "Finance 2016/17 (QIPP, Risk, allocations)"),
    ("activity", "Activity plan 2016/17"),
    ("resilience", "SRG operational resilience 2016/17"),
    ("bcf", "Better Care Fund 2016/17"),
]


class ExportDialog(QDialog):
    def __init__(self, default_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export template")
        self.kind = QComboBox()
        for key, label in TEMPLATES:
            self.kind.addItem(label, key)
        self.kind.setAccessibleName("Template")
        self.out = QLineEdit(str(Path.home() / f"{default_name}-finance.xlsx"))
        self.out.setAccessibleName("Save as")
        self.into = QLineEdit()
        self.into.setPlaceholderText("optional: your own annotated copy to fill")
        self.into.setAccessibleName("Fill this workbook instead")
        self.kind.currentIndexChanged.connect(
            lambda _i: self.out.setText(str(Path(self.out.text()).with_name(
                f"{default_name}-{self.kind.currentData()}.xlsx"))))
        form = QFormLayout(self)
        form.addRow("Template", self.kind)
        form.addRow("Save as", self._with_browse(self.out, save=True))
        form.addRow("Fill a copy of", self._with_browse(self.into, save=False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(620, 160)

    def _with_browse(self, edit: QLineEdit, save: bool) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton("Browse…")
        button.setAccessibleName(f"Browse for {edit.accessibleName().lower()}")

        def browse() -> None:
            if save:
                path, _ = QFileDialog.getSaveFileName(self, "Save as", edit.text(),
                                                      "Excel workbook (*.xlsx *.xlsm)")
            else:
                path, _ = QFileDialog.getOpenFileName(self, "Workbook to fill", "",
                                                      "Excel workbook (*.xlsx *.xlsm)")
            if path:
                edit.setText(path)

        button.clicked.connect(browse)
        row.addWidget(button)
        return box

    def values(self) -> tuple[str, Path, Path | None]:
        into = self.into.text().strip()
        return self.kind.currentData(), Path(self.out.text()), Path(into) if into else None
