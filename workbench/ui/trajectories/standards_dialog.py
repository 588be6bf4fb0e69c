"""Add from standard…: pick a bundled national standard (and a provider) for a new trajectory."""

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

from workbench.domain.standards import Standard, bundled_standards
from workbench.ui.trajectories.values import format_value


def describe_standard(standard: Standard) -> str:
    threshold = format_value(standard.threshold, standard.unit)
    return (f"{standard.name} – {threshold} ({standard.direction.value.lower()}, "
            f"{standard.frequency.value.lower()}, {standard.round})")


class StandardsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None,
                 standards: tuple[Standard, ...] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add trajectory from a standard")
        self.standards = standards if standards is not None else bundled_standards()
        self.list = QListWidget()
        self.list.setAccessibleName("Standards")
        for standard in self.standards:
            item = QListWidgetItem(describe_standard(standard))
            item.setData(Qt.ItemDataRole.UserRole, standard.id)
            item.setToolTip(f"{standard.metric}\n{standard.notes}".strip())
            self.list.addItem(item)
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
                                "target, due by the end of its planning round."))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # wide enough for the longest line at any scaling (the hint is in the list's font)
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + 40)

    def chosen(self) -> tuple[Standard, str] | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        standard = next(s for s in self.standards if s.id == wanted)
        return standard, self.provider.text().strip()
