"""Add from standard…: pick a national or local standard (and a provider) for a new
trajectory, or start a blank local one.

Local standards are a CSV in the standards file's format (resources/standards/README.md)
saved as `local_standards.csv` in the user's data folder; a local row replaces a bundled
one with the same id.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.standards import Standard, bundled_standards, load_standards
from workbench.store.database import data_dir
from workbench.ui.trajectories.values import format_value

LOCAL_FILE = "local_standards.csv"
BLANK = ""  # the list entry for a blank local trajectory


def available_standards() -> tuple[tuple[Standard, ...], str]:
    """Bundled standards with the user's local file merged in, and why the local file
    could not be read ("" if it was, or there is none)."""
    local = data_dir() / LOCAL_FILE
    if not local.is_file():
        return bundled_standards(), ""
    try:
        return tuple(load_standards([local])), ""
    except (WorkbenchError, ValueError, OSError) as exc:
        return bundled_standards(), f"Local standards not loaded: {exc}"


def describe_standard(standard: Standard) -> str:
    threshold = format_value(standard.threshold, standard.unit)
    return (f"{standard.name} – {threshold} ({standard.direction.value.lower()}, "
            f"{standard.frequency.value.lower()}, {standard.round})")


class StandardsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None,
                 standards: tuple[Standard, ...] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add trajectory from a standard")
        problem = ""
        if standards is None:
            standards, problem = available_standards()
        self.standards = standards
        self.list = QListWidget()
        self.list.setAccessibleName("Standards")
        for standard in self.standards:
            item = QListWidgetItem(describe_standard(standard))
            item.setData(Qt.ItemDataRole.UserRole, standard.id)
            item.setToolTip(f"{standard.metric}\n{standard.notes}".strip())
            self.list.addItem(item)
        blank = QListWidgetItem("A local measure of your own (blank: name it, set its unit, "
                                "target and path)")
        blank.setData(Qt.ItemDataRole.UserRole, BLANK)
        self.list.addItem(blank)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        self.provider = QLineEdit()
        self.provider.setAccessibleName("Provider code")
        self.provider.setPlaceholderText("e.g. RTH (optional)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add trajectory")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Provider:", self.provider)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The new trajectory takes the standard's threshold as its "
                                "target, due by the end of its planning round.\nLocal "
                                f"standards: {LOCAL_FILE} in {data_dir()}."))
        if problem:
            layout.addWidget(QLabel(problem))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # wide enough for the longest line at any scaling (the hint is in the list's font)
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + 40)

    def chosen(self) -> tuple[Standard | None, str] | None:
        """(standard, provider); the standard is None for a blank local trajectory."""
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        standard = next((s for s in self.standards if s.id == wanted), None)
        return standard, self.provider.text().strip()
