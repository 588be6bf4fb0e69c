"""Import scheme actuals from a CSV file or an Excel sheet, previewed before anything is
written: every row the file holds (with the actual it replaces), or every problem with
its file, sheet and cell. All or nothing: one problem and nothing can be imported. When
the file is exactly the next month to close, the same step can close it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.csv_inputs.ledger_actuals import LedgerActualsPreview, read_ledger_actuals
from workbench.domain.errors import ValidationError, WorkbenchError
from workbench.domain.ledger import Ledger
from workbench.domain.numbers import format_money
from workbench.domain.periods import short_month
from workbench.ui.modal import answered

if TYPE_CHECKING:
    from workbench.ui.delivery.delivery_page import DeliveryPage

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CHANGED = QBrush(QColor("#FFF4D6"))
FILTER = "Scheme actuals (*.csv *.xlsx *.xlsm);;CSV files (*.csv);;Excel workbooks (*.xlsx *.xlsm)"


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: LedgerActualsPreview, ledger: Ledger, names: dict[int, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"Import actuals: {preview.file}")
        self.setObjectName("LedgerImportPreview")
        where = preview.file + (f", sheet {preview.sheet}" if preview.sheet else "")
        if preview.ok:
            months = ", ".join(short_month(m) for m in preview.months())
            text = (f"<b>{where}</b>: {len(preview.rows)} actual(s) for {months}, "
                    f"{format_money(preview.total())} in all. Shaded rows change a figure "
                    "already entered.")
        else:
            n = len(preview.findings)
            text = (f"<b>{where}</b> has {n} problem{'s' * (n != 1)}. Nothing is imported "
                    "until the file is put right: each problem names its cell.")
        self.head = QLabel(text)
        self.head.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems in the file")
        self.problems.addItems(preview.messages())
        self.problems.setVisible(bool(preview.findings))
        self.table = self._rows_table(preview, names)
        self.close_month = QCheckBox()
        self.close_month.setVisible(False)
        self._offer_close(ledger)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Import actuals")
        ok.setEnabled(preview.ok and preview.edit is not None)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.close_month)
        layout.addWidget(self.buttons)
        self.resize(760, 520)

    def _rows_table(self, preview: LedgerActualsPreview, names: dict[int, str]) -> QTableWidget:
        table = QTableWidget(len(preview.rows), 7)
        table.setAccessibleName("Actuals in the file")
        table.setHorizontalHeaderLabels(["Cell", "Ref", "Scheme", "Month", "Part", "Actual",
                                         "Now"])
        table.verticalHeader().hide()
        for row, r in enumerate(preview.rows):
            texts = [r.cell, r.reference, names.get(r.scheme_id, ""), short_month(r.month),
                     r.part, format_money(r.value),
                     "" if r.old is None else format_money(r.old)]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column >= 5:
                    item.setTextAlignment(RIGHT)
                if r.old is not None and r.old != r.value:
                    item.setBackground(CHANGED)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.setVisible(bool(preview.rows))
        return table

    def _offer_close(self, ledger: Ledger) -> None:
        due = ledger.next_to_close()
        if not self.preview.ok or due is None or self.preview.months() != [due]:
            return
        self.close_month.setVisible(True)
        self.close_month.setText(f"Close {short_month(due)} with these actuals")
        try:
            self.close_edit = self.preview.close_edit(ledger)
        except ValidationError as exc:
            self.close_month.setEnabled(False)
            self.close_month.setToolTip(str(exc))
            self.close_month.setText(f"Close {short_month(due)}: not from this file, "
                                     f"{str(exc).split(': ', 1)[-1]}")


def import_ledger_actuals(page: DeliveryPage) -> bool:
    """Ask for the file, preview it, and import (and perhaps close) as one step."""
    ledger = page.ledger.ledger
    if ledger is None:
        return False
    path, _ = QFileDialog.getOpenFileName(page, "Import scheme actuals", "", FILTER)
    if not path:
        return False
    try:
        preview = read_ledger_actuals(Path(path), ledger)
    except WorkbenchError as exc:
        page.show_feedback(str(exc))
        return False
    names = {s: page.ledger.scheme_name(s) for s in ledger.scheme_ids()}
    with answered(ImportPreviewDialog(preview, ledger, names, page)) as dialog:
        if dialog.exec() != QDialog.DialogCode.Accepted or preview.edit is None:
            return False
        closing = not dialog.close_month.isHidden() and dialog.close_month.isChecked()
        edit = dialog.close_edit if closing else preview.edit
    if not page.ledger.push(edit, action="close-month" if closing else "import",
                            note=preview.file):
        return False
    page.show_feedback("")
    page.message.emit(f"Imported {len(preview.rows)} actual(s) from {preview.file}"
                      + (f" and closed {short_month(preview.months()[0])}" if closing else ""))
    return True
