"""Close the next month: every scheme's actual for it, against its plan, before it is
frozen. A scheme with no actual entered holds the month open, unless the user counts it
as £0 delivered; closing is one undoable step (the engine's close_month_edit)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.ledger import ZERO, Ledger
from workbench.domain.numbers import format_money
from workbench.domain.periods import short_month

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MISSING = QBrush(QColor("#FDE8E6"))


class CloseMonthDialog(QDialog):
    def __init__(self, ledger: Ledger, names: dict[int, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.month = ledger.next_to_close() or ""
        label = short_month(self.month)
        self.setWindowTitle(f"Close {label}")
        self.setObjectName("CloseMonthDialog")
        self.entered: dict[tuple[int, str], Decimal] = {}
        self.missing: list[tuple[int, str]] = []
        keys = [(s, p) for s in sorted(ledger.scheme_ids(),
                                       key=lambda s: ledger.tracking[s].reference)
                for p in ledger.parts_of(s)]
        table = QTableWidget(len(keys) + 1, 5)
        table.setAccessibleName(f"Actuals for {label}")
        table.setHorizontalHeaderLabels(["Ref", "Scheme", "Plan", "Actual", "Variance"])
        table.verticalHeader().hide()
        plan_total = actual_total = ZERO
        for row, (sid, part) in enumerate(keys):
            cell = ledger.cell(sid, self.month, part)
            name = names.get(sid, f"Scheme {sid}")
            if len(ledger.parts_of(sid)) > 1:
                name += f" ({part})"
            items = [ledger.tracking[sid].reference, name, format_money(cell.plan)]
            if cell.actual is None:
                self.missing.append((sid, part))
                items += ["not entered", ""]
            else:
                self.entered[(sid, part)] = cell.actual
                items += [format_money(cell.actual), format_money(cell.actual - cell.plan)]
                actual_total += cell.actual
            plan_total += cell.plan
            for column, text in enumerate(items):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(RIGHT)
                if cell.actual is None and column == 3:
                    item.setBackground(MISSING)
                table.setItem(row, column, item)
        for column, text in enumerate(["", "All schemes", format_money(plan_total),
                                       format_money(actual_total),
                                       format_money(actual_total - plan_total)]):
            item = QTableWidgetItem(text)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            if column >= 2:
                item.setTextAlignment(RIGHT)
            table.setItem(len(keys), column, item)
        table.resizeColumnsToContents()
        self.table = table
        n = len(self.missing)
        self.head = QLabel(
            f"Closing <b>{label}</b> freezes its actuals: from then on the year-end forecast "
            f"counts them, and the forecast starts from {self._after()}. "
            + (f"<br><b>{n} scheme{'s have' if n > 1 else ' has'} no actual for {label}.</b> "
               "Type them in the Actual row of the grid, import them, or count them as £0."
               if n else "Every scheme has its actual."))
        self.head.setWordWrap(True)
        self.zero = QCheckBox(f"Count the {n} scheme{'s' * (n != 1)} with no actual as "
                              "£0 delivered")
        self.zero.setVisible(bool(n))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(f"Close {label}")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.zero.toggled.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(table, 1)
        layout.addWidget(self.zero)
        layout.addWidget(self.buttons)
        self.resize(max(640, table.horizontalHeader().length() + 40), 520)
        self._check()

    def _after(self) -> str:
        months = self.ledger.months()
        index = months.index(self.month) + 1
        return short_month(months[index]) if index < len(months) else "nothing: the year ends"

    def _check(self, *_args) -> None:
        ok = not self.missing or self.zero.isChecked()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def actuals(self) -> dict[tuple[int, str], Decimal]:
        """Every scheme's actual for the month, £0 for those without one if so chosen."""
        found = dict(self.entered)
        if self.zero.isChecked():
            found.update({key: ZERO for key in self.missing})
        return found
