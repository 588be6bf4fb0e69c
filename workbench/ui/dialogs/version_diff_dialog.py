"""Compare any two versions (or a version and the working plan), export it, restore one.

The comparison is the engine's (`engine.diff`): every headline figure in both plans, and
every changed row with its effect on the requirement and the gaps, largest first. Restore
turns the working plan back into the chosen version as one undoable, audited step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.engine.diff import PlanDiff, diff_plans, field_text
from workbench.store.versions import PlanVersion, compare_plans, list_versions, restore_edit_for
from workbench.templates.comparison_workbook import KINDS, write_diff_workbook
from workbench.ui import store_thread, style
from workbench.ui.plan_controller import PlanController

WORKING = "Working plan (today)"
FIGURE_COLUMNS = ["Figure", "From", "To", "Change"]
CHANGE_COLUMNS = ["Kind", "Row", "Change", "What changed", "Requirement", "Gap",
                  "Gap, risk-adjusted", "Risk exposure"]
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    return table


def _signed(value: float) -> str:
    return "" if round(value) == 0 else f"{'+' if value > 0 else ''}{style.fmt_money(value)}"


class VersionDiffDialog(QDialog):
    def __init__(self, controller: PlanController, parent: QWidget | None = None,
                 older: PlanVersion | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Compare versions")
        try:  # reads on the store thread: a busy database never freezes the window
            self.versions = store_thread.read("reading the versions", list_versions,
                                              controller.store)
        except WorkbenchError as exc:
            self.versions = []
            QMessageBox.warning(parent, "Planning Workbench", str(exc))
        self.older, self.newer = QComboBox(), QComboBox()
        for combo, name in ((self.older, "Compare from"), (self.newer, "Compare to")):
            combo.setAccessibleName(name)
            combo.addItems([v.label for v in self.versions] + [WORKING])
        start = self.versions.index(older) if older in self.versions else len(self.versions) - 1
        self.older.setCurrentIndex(max(start, 0))
        self.newer.setCurrentIndex(len(self.versions))
        self.older.currentIndexChanged.connect(self.compare)
        self.newer.currentIndexChanged.connect(self.compare)
        self.figures = _table(FIGURE_COLUMNS, "Headline figures of both plans")
        self.changes = _table(CHANGE_COLUMNS, "Changed rows, largest effect first")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export_button = QPushButton("&Export to Excel…")
        self.export_button.clicked.connect(self.ask_export)
        self.restore_button = QPushButton("&Restore the 'from' version…")
        self.restore_button.setToolTip("Make the working plan what the chosen version was "
                                       "(one step: Edit → Undo takes it back)")
        self.restore_button.clicked.connect(self.ask_restore)
        pick = QHBoxLayout()
        pick.addWidget(QLabel("&From"))
        pick.itemAt(0).widget().setBuddy(self.older)
        pick.addWidget(self.older, 1)
        pick.addWidget(QLabel("&To"))
        pick.itemAt(2).widget().setBuddy(self.newer)
        pick.addWidget(self.newer, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.figures)
        split.addWidget(self.changes)
        split.setSizes([260, 340])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.export_button, self.restore_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.diff: PlanDiff | None = None
        self.resize(1100, 700)
        self.compare()

    def chosen(self, combo: QComboBox) -> PlanVersion | None:
        i = combo.currentIndex()
        return self.versions[i] if 0 <= i < len(self.versions) else None

    def labels(self) -> tuple[str, str]:
        return self.older.currentText(), self.newer.currentText()

    def compare(self) -> None:
        try:
            old, new = store_thread.read("reading the versions", compare_plans,
                                         self.controller.store, self.chosen(self.older),
                                         self.chosen(self.newer))
        except WorkbenchError as exc:
            QMessageBox.warning(self, "Planning Workbench", str(exc))
            return
        self.diff = diff_plans(old, new)
        self._fill_figures(self.diff)
        self._fill_changes(self.diff)
        gap = self.diff.figure("savings_gap").delta
        older, newer = self.labels()
        self.summary.setText(
            f"From {older} to {newer}: {len(self.diff.rows)} changed rows; the gap moves by "
            f"{_signed(gap) or '£0'}." if self.diff.rows else
            f"{older} and {newer} hold the same plan.")
        self.restore_button.setEnabled(self.chosen(self.older) is not None
                                       and not self.controller.store.read_only)

    def _fill_figures(self, diff: PlanDiff) -> None:
        """Figures that changed first (in the summary's order), then the rest."""
        ordered = sorted(diff.figures, key=lambda f: f.delta == 0)
        self.figures.setRowCount(len(ordered))
        for r, f in enumerate(ordered):
            show = (lambda v: style.fmt_pct(v, 2)) if f.is_fraction else style.fmt_money_full
            delta = (style.fmt_pct(f.delta, 2) if f.is_fraction else _signed(f.delta)) \
                if f.delta else ""
            for c, text in enumerate((f.label, show(f.old), show(f.new), delta)):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(RIGHT)
                if f.delta:
                    item.setBackground(QColor(style.NHS_PALE_GREY))
                self.figures.setItem(r, c, item)
        self.figures.resizeColumnsToContents()

    def _fill_changes(self, diff: PlanDiff) -> None:
        self.changes.setRowCount(len(diff.rows))
        for r, row in enumerate(diff.rows):
            cells = [KINDS.get(row.kind.value, row.kind.value), row.name,
                     ", ".join(c.value for c in row.changes), field_text(row),
                     _signed(row.requirement), _signed(row.gap),
                     _signed(row.gap_risk_adjusted), _signed(row.risk_exposure)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 4:
                    item.setTextAlignment(RIGHT)
                if c == 3:
                    item.setToolTip(text)
                self.changes.setItem(r, c, item)
        self.changes.resizeColumnsToContents()
        for column, widest in ((1, 300), (3, 320)):
            self.changes.setColumnWidth(column, min(self.changes.columnWidth(column), widest))
        for r, row in enumerate(diff.rows):
            self.changes.item(r, 1).setToolTip(row.name)

    # -- actions ---------------------------------------------------------------------------
    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the comparison", "comparison.xlsx",
                                              "Excel workbook (*.xlsx)")
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> Path | None:
        if self.diff is None:
            return None
        try:
            written = write_diff_workbook(self.diff, path, *self.labels())
        except WorkbenchError as exc:
            QMessageBox.warning(self, "Planning Workbench", f"Not exported: {exc}")
            return None
        return written

    def ask_restore(self) -> None:
        version = self.chosen(self.older)
        if version is None:
            return
        answer = QMessageBox.question(
            self, "Restore a version",
            f"Make the working plan what {version.label!r} was? Every row and driver "
            "changed since is set back; Edit → Undo takes it back in one step.")
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(version)

    def restore(self, version: PlanVersion) -> bool:
        """Restore `version` as one undoable step (audited as a restore)."""
        try:
            edit = store_thread.read("reading the version", restore_edit_for,
                                     self.controller.store, version)
        except WorkbenchError as exc:
            QMessageBox.warning(self, "Planning Workbench", f"Not restored: {exc}")
            return False
        if not edit.edits:
            return True
        done = self.controller.push(edit, action="restore",
                                    note=f"Restored version {version.label!r}")
        if done:
            self.compare()
        return done


def show_version_diff(controller: PlanController, parent: QWidget | None = None,
                      older: PlanVersion | None = None) -> VersionDiffDialog:
    """Open the comparison (window-modal, not blocking); it deletes itself when closed."""
    dialog = VersionDiffDialog(controller, parent, older)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
