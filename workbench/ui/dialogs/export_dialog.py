"""Export template: which NHSE workbook, where to, and optionally into the user's own copy.

The default target is Documents / "<ODS code>-<template>.xlsx", the code made Windows-safe.
"""

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

from workbench.domain.filenames import export_file_name
from workbench.ui.export_paths import default_export_path

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
        self.default_name = default_name
        self.out = QLineEdit(str(default_export_path(default_name, "finance", suffix=".xlsx")))
        self.out.setAccessibleName("Save as")
        self.into = QLineEdit()
        self.into.setPlaceholderText("optional: your own annotated copy to fill")
        self.into.setAccessibleName("Fill this workbook instead")
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
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

    def _on_kind_changed(self, _index: int) -> None:
        """Same folder, the name for the chosen template (ODS code made Windows-safe)."""
        name = export_file_name(self.default_name, self.kind.currentData(), suffix=".xlsx")
        self.out.setText(str(Path(self.out.text()).with_name(name)))

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
