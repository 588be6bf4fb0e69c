"""A slipped milestone, before anything is written: what the savings profile becomes, and
the £ effect on the year-end forecast and on the gap. Accept applies the engine's
proposal as one undoable step; Cancel leaves the scheme as it was."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.numbers import format_money
from workbench.domain.periods import short_month
from workbench.engine.ledger_rephase import RephaseProposal

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RephaseDialog(QDialog):
    def __init__(self, name: str, proposal: RephaseProposal, months: list[str],
                 old_date: dt.date, new_date: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{proposal.milestone} slips: {name}")
        self.setObjectName("RephaseDialog")
        n = proposal.months
        head = QLabel(
            f"<b>{proposal.milestone}</b> of <b>{name}</b> moves from "
            f"{old_date:%d %b %Y} to {new_date:%d %b %Y}, {n} month{'s' * (n != 1)} later. "
            f"The savings still to come move {n} month{'s' * (n != 1)} later with it; "
            "what moves past March leaves the year.")
        head.setWordWrap(True)
        self.effect = QLabel(
            f"Effect on the year-end forecast: <b>{format_money(proposal.year_effect)}</b> "
            f"(from {format_money(sum(proposal.old_profile))} to "
            f"{format_money(sum(proposal.new_profile))})<br>"
            f"Effect on the gap: <b>{format_money(proposal.gap_before)}</b> → "
            f"<b>{format_money(proposal.gap_after)}</b> "
            f"({format_money(proposal.gap_after - proposal.gap_before)} wider)")
        self.effect.setObjectName("RephaseEffect")
        self.effect.setAccessibleName("Effect of the slip on the year and the gap")
        table = QTableWidget(2, len(months))
        table.setAccessibleName("Savings profile before and after the slip")
        table.setHorizontalHeaderLabels([short_month(m) for m in months])
        table.setVerticalHeaderLabels(["Now", "After the slip"])
        for row, profile in enumerate((proposal.old_profile, proposal.new_profile)):
            for column, value in enumerate(profile):
                item = QTableWidgetItem(format_money(value))
                item.setTextAlignment(RIGHT)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.setFixedHeight(table.horizontalHeader().height()
                             + 2 * table.verticalHeader().defaultSectionSize() + 6)
        self.table = table
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Accept the rephase")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Keep as it was")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.effect)
        layout.addWidget(table)
        layout.addWidget(self.buttons)
        self.resize(min(1100, table.horizontalHeader().length() + 140), self.sizeHint().height())
