"""First run (or after a plan could not be opened): an existing plan, the demo plan, a new
empty plan, or another file.

Plans already on this computer (or in the folder IT set, e.g. on H: for roaming profiles
and VDI) are offered first, so a user on a new PC opens their plan instead of a demo.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.ui import style

ODS_CODE = re.compile(r"[A-Z0-9]{3,5}")


def ods_problem(text: str) -> str | None:
    """Why `text` is not an ODS code (3 to 5 letters and digits, e.g. 10Q), or None."""
    code = text.strip().upper()
    if ODS_CODE.fullmatch(code):
        return None
    return f"An ODS code is 3 to 5 letters and digits, e.g. 10Q: read {text.strip()!r}."


@dataclass(frozen=True)
class WelcomeChoice:
    """What the welcome screen chose. A new plan's ODS code is checked here, because the
    new plan's file is named after it: nothing else typed reaches a file path."""

    action: str  # "demo", "new" or "open"
    organisation: str = ""
    ods_code: str = ""
    first_year: int = 2016
    path: Path | None = None

    def __post_init__(self) -> None:
        if self.action == "new" and ods_problem(self.ods_code) is not None:
            raise ValueError(ods_problem(self.ods_code))


class WelcomeDialog(QDialog):
    def __init__(self, problem: str = "", parent: QWidget | None = None,
                 existing: list[Path] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Planning Workbench")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel("Planning Workbench")
        title.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {style.NHS_BLUE};")
        layout.addWidget(title)
        layout.addWidget(QLabel("Operational planning for NHS commissioners: savings schemes, "
                                "risks and trajectories,\nnext to live charts. Everything is "
                                "saved as you go, on this computer."))
        if problem:
            warning = QLabel(problem)
            warning.setWordWrap(True)
            warning.setStyleSheet(f"color: {style.NHS_RED}; margin: 6px 0;")
            warning.setAccessibleName("Problem opening the plan")
            layout.addWidget(warning)

        self.existing = QRadioButton("Open a plan you already have")
        self.existing_list = QComboBox()
        self.existing_list.setAccessibleName("Plans found")
        for path in existing or []:
            self.existing_list.addItem(f"{path.stem}    ({path.parent})", str(path))
        self.demo = QRadioButton("Explore the demo plan (Oxfordshire CCG, 2016/17)")
        self.new = QRadioButton("Start a new, empty plan")
        self.open = QRadioButton("Open a plan file…")
        self.group = QButtonGroup(self)
        for button in (self.existing, self.demo, self.new, self.open):
            self.group.addButton(button)
        if existing:
            layout.addWidget(self.existing)
            layout.addWidget(self.existing_list)
            self.existing.setChecked(True)
        else:
            self.existing.hide()
            self.existing_list.hide()
            self.demo.setChecked(True)
        layout.addWidget(self.demo)
        layout.addWidget(self.new)

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("e.g. Oxfordshire CCG")
        self.organisation.setAccessibleName("Organisation name")
        self.ods_code = QLineEdit()
        self.ods_code.setPlaceholderText("e.g. 10Q")
        self.ods_code.setMaxLength(12)  # longer text is refused with a reason, not cut
        self.ods_code.setAccessibleName("ODS code")
        self.year = QSpinBox()
        self.year.setRange(2010, 2040)
        today = dt.date.today()
        self.year.setValue(today.year if today.month >= 4 else today.year - 1)
        self.year.setAccessibleName("First financial year (April start)")
        form.addRow("Organisation", self.organisation)
        form.addRow("ODS code", self.ods_code)
        form.addRow("First year (April)", self.year)
        layout.addWidget(self.form_box)
        layout.addWidget(self.open)
        self.hint = QLabel()
        self.hint.setStyleSheet(f"color: {style.NHS_RED};")
        layout.addWidget(self.hint)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Continue")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.group.buttonToggled.connect(lambda *_: self._sync())
        self._sync()
        self.chosen_path: Path | None = None

    def _sync(self) -> None:
        self.form_box.setEnabled(self.new.isChecked())
        self.existing_list.setEnabled(self.existing.isChecked())

    def _accept(self) -> None:
        if self.new.isChecked() and not (self.organisation.text().strip()
                                         and self.ods_code.text().strip()):
            self.hint.setText("Please give the organisation's name and ODS code.")
            return
        if self.new.isChecked() and ods_problem(self.ods_code.text()) is not None:
            self.hint.setText(ods_problem(self.ods_code.text()))
            self.ods_code.setFocus()
            self.ods_code.selectAll()
            return
        if self.open.isChecked():
            path, _ = QFileDialog.getOpenFileName(self, "Open a plan", "",
                                                  "Planning Workbench plans (*.db);;All (*)")
            if not path:
                return
            self.chosen_path = Path(path)
        self.accept()

    def choice(self) -> WelcomeChoice:
        if self.new.isChecked():
            return WelcomeChoice("new", self.organisation.text().strip(),
                                 self.ods_code.text().strip().upper(), self.year.value())
        if self.open.isChecked():
            return WelcomeChoice("open", path=self.chosen_path)
        if self.existing.isChecked() and self.existing_list.currentData():
            return WelcomeChoice("open", path=Path(self.existing_list.currentData()))
        return WelcomeChoice("demo")


