"""Plan versions: freeze the plan as submitted, and compare a frozen version with today's.

A freeze is a named read-only copy in the store (and one entry in the change history);
the comparison shows the engine's headline figures for both, side by side. Every read and
the freeze run on the store thread, so a busy database never freezes the window.
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
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.changes import PlanChanges
from workbench.domain.errors import WorkbenchError
from workbench.engine import compute
from workbench.engine.results import PlanSummary
from workbench.store.versions import PlanVersion, freeze_version, list_versions, load_version
from workbench.ui import store_thread
from workbench.ui.modal import answered
from workbench.ui.plan_controller import PlanController
from workbench.ui.style import fmt_money_full, fmt_pct

COMPARED = [
    ("Total allocation", "total_allocation"), ("Savings requirement", "savings_requirement"),
    ("Requirement % of allocation", "savings_requirement_pct"),
    ("Schemes identified", "schemes_identified"), ("Schemes earmarked", "schemes_earmarked"),
    ("Savings gap", "savings_gap"), ("Gap, risk-adjusted", "savings_gap_risk_adjusted"),
    ("Risks, gross", "risks_gross"), ("Risks, net", "risks_net"),
    ("Transformation ring-fence", "transformation_ringfence"),
]


def _show(field: str, summary: PlanSummary) -> str:
    value = getattr(summary, field)
    return fmt_pct(value) if field.endswith("_pct") else fmt_money_full(value)


class FreezeDialog(QDialog):
    """Name (required) and note for a new version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Freeze this version")
        self.label = QLineEdit()
        self.label.setPlaceholderText("e.g. Submission 1 to NHS England")
        self.label.setAccessibleName("Version name")
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note on this version")
        self.note.setPlaceholderText("Optional: what was sent, to whom")
        form = QFormLayout(self)
        form.addRow(QLabel("The plan as it is now is kept as a read-only copy you can\n"
                           "compare with later. Editing goes on in the working plan."))
        form.addRow("&Name", self.label)
        form.addRow("N&ote", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Freeze")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def freeze(controller: PlanController, parent: QWidget | None = None,
           label: str | None = None, note: str = "") -> PlanVersion | None:
    """Freeze the plan under `label` (None = ask for name and note); None if not frozen
    (cancelled, or a clear message said why)."""
    if label is not None:
        try:
            version = store_thread.call_as("freezing the version", freeze_version,
                                          controller.store, label, note)
        except WorkbenchError as exc:
            QMessageBox.warning(parent, "Planning Workbench", f"Not frozen: {exc}")
            return None
    else:
        with answered(FreezeDialog(parent)) as form:
            while True:  # after a refusal the same dialog comes back, with what was typed
                if form.exec() != QDialog.DialogCode.Accepted:
                    return None
                try:
                    version = store_thread.call_as("freezing the version", freeze_version,
                                                   controller.store, form.label.text(),
                                                   form.note.toPlainText())
                    break
                except WorkbenchError as exc:
                    QMessageBox.warning(parent, "Planning Workbench",
                                        f"Not frozen: {exc}\n\nYour name and note are kept: "
                                        "change what is needed and try again.")
    controller.plan_changed.emit(PlanChanges())  # the change history shows the freeze
    return version


class VersionsDialog(QDialog):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Plan versions")
        self.list = QListWidget()
        self.list.setAccessibleName("Frozen versions, oldest first")
        self.list.currentRowChanged.connect(self._compare)
        self.table = QTableWidget(len(COMPARED), 3)
        self.table.setAccessibleName("Headline figures: frozen version against today")
        self.table.setHorizontalHeaderLabels(["Figure", "Frozen", "Today"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.freeze_button = QPushButton("&Freeze this version…")
        self.freeze_button.setEnabled(not controller.store.read_only)
        self.freeze_button.clicked.connect(self.freeze)
        self.diff_button = QPushButton("Compare &row by row…")
        self.diff_button.setToolTip("Every changed scheme, risk and driver with its effect, "
                                    "export to Excel, restore a version")
        self.diff_button.clicked.connect(self.compare_rows)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.table)
        split.setSizes([240, 520])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.freeze_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.diff_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(buttons)
        self.versions: list[PlanVersion] = []
        self.reload()
        self.resize(820, 420)

    def reload(self) -> None:
        try:
            self.versions = store_thread.read("reading the versions", list_versions,
                                              self.controller.store)
        except WorkbenchError as exc:
            self.versions = []
            QMessageBox.warning(self, "Planning Workbench", str(exc))
        self.list.clear()
        for v in self.versions:
            self.list.addItem(f"{v.label}\n{v.created_at:%d %b %Y %H:%M} · {v.author}")
            self.list.item(self.list.count() - 1).setToolTip(v.note or "(no note)")
        if self.versions:
            self.list.setCurrentRow(len(self.versions) - 1)
        else:
            self._compare(-1)

    def freeze(self, label: str | None = None, note: str = "") -> PlanVersion | None:
        version = freeze(self.controller, self, label, note)
        if version is not None:
            self.reload()
        return version

    def compare_rows(self) -> None:
        """The selected version against the working plan, row by row (and any other pair)."""
        from workbench.ui.dialogs.version_diff_dialog import show_version_diff

        row = self.list.currentRow()
        self.diff_dialog = show_version_diff(
            self.controller, self, self.versions[row] if 0 <= row < len(self.versions) else None)

    def _compare(self, row: int) -> None:
        today = self.controller.results.summary
        frozen = None
        if 0 <= row < len(self.versions):
            try:
                plan = store_thread.read("reading the version", load_version,
                                         self.controller.store, self.versions[row])
                frozen = compute(plan).summary
            except WorkbenchError as exc:
                QMessageBox.warning(self, "Planning Workbench", str(exc))
        for i, (label, field) in enumerate(COMPARED):
            cells = [label, _show(field, frozen) if frozen else "", _show(field, today)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
