"""The import preview: what the workbook would change, and every problem found, before
anything is applied. Apply is offered only when there is no Problem."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui import style

SEVERITY_COLOURS = {"Problem": style.NHS_RED, "Warning": style.NHS_ORANGE,
                    "Info": style.NHS_DARK_GREY}


def _text(field: str, value: Any) -> str:
    """Money as £, fractions as %, enums by label: as the tables show them."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        if field == "confidence" or field.endswith("_pct"):
            return style.fmt_pct(value, 2).replace(".00%", "%")
        return style.fmt_money_full(value)
    return getattr(value, "value", None) or str(value)


class ImportDialog(QDialog):
    def __init__(self, report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(f"Import {report.file}")
        layout = QVBoxLayout(self)
        counts = report.preview.counts()
        title = report.template or "unrecognised workbook"
        head = QLabel(f"<b>{report.file}</b>: {title}"
                      + (f" (version {report.version})" if report.version else "")
                      + f"<br>{counts['added']} row(s) added, {counts['changed']} changed, "
                      f"{counts['removed']} removed, {counts['drivers']} plan figure(s) changed")
        layout.addWidget(head)
        if report.summary is not None:
            s = report.summary
            layout.addWidget(QLabel(
                f"After import: savings requirement {style.fmt_money(s.savings_requirement)}, "
                f"gap {style.fmt_money(s.savings_gap)}, risks {style.fmt_money(s.risks_gross)}"))

        split = QSplitter(Qt.Orientation.Vertical)
        self.changes = QTreeWidget()
        self.changes.setHeaderLabels(["Change", "Where", "Was", "Becomes"])
        self.changes.setAccessibleName("Changes the import would make")
        self._fill_changes()
        self.findings = QTreeWidget()
        self.findings.setHeaderLabels(["Severity", "Where", "Message"])
        self.findings.setAccessibleName("Problems, warnings and notes")
        self.findings.setRootIsDecorated(False)
        for finding in report.findings:
            item = QTreeWidgetItem([finding.severity.value, finding.where, finding.message])
            item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS[finding.severity.value])))
            item.setToolTip(2, finding.message)
            self.findings.addTopLevelItem(item)
        if not report.findings:
            self.findings.addTopLevelItem(
                QTreeWidgetItem(["Info", "", "No problems, warnings or notes."]))
        self.findings.resizeColumnToContents(1)
        self.findings.currentItemChanged.connect(self._show_finding)
        split.addWidget(self.changes)
        split.addWidget(self.findings)
        layout.addWidget(split, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton("Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        can_apply = report.ok and report.edit is not None and not report.preview.is_empty
        self.apply_button.setEnabled(can_apply)
        if not report.ok:
            self.detail.setText(f"{len(report.problems)} problem(s) must be fixed in the "
                                "workbook before anything can be imported.")
        elif report.preview.is_empty:
            self.detail.setText("The plan already matches the workbook: nothing to import.")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def _fill_changes(self) -> None:
        preview = self.report.preview
        plan_item = QTreeWidgetItem(["Plan and drivers"])
        for change in [*preview.plan, *preview.drivers]:
            plan_item.addChild(QTreeWidgetItem([change.field.replace("_", " "), "",
                                                _text(change.field, change.old),
                                                _text(change.field, change.new)]))
        groups = [("Added", preview.added), ("Changed", preview.changed),
                  ("Removed", preview.removed)]
        for title, rows in groups:
            group = QTreeWidgetItem([f"{title} ({len(rows)})"])
            for row in rows:
                renamed = f" (renamed from {row.renamed_from})" if row.renamed_from else ""
                item = QTreeWidgetItem([f"{row.kind.value.replace('_', ' ')}: {row.name}"
                                        f"{renamed}", row.where])
                for change in row.changes:
                    item.addChild(QTreeWidgetItem([change.field.replace("_", " "), "",
                                                   _text(change.field, change.old),
                                                _text(change.field, change.new)]))
                group.addChild(item)
            self.changes.addTopLevelItem(group)
        if plan_item.childCount():
            self.changes.insertTopLevelItem(0, plan_item)
        self.changes.expandAll()
        self.changes.setColumnWidth(0, 380)

    def _show_finding(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        severity, where, message = (item.text(i) for i in range(3))
        self.detail.setText(f"<b>{severity}</b> in {self.report.file}, {where or 'the file'}: "
                            f"{message}")
