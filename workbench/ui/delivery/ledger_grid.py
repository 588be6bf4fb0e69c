"""The ledger grid: the spreadsheet keys of every table (type over a month, F2, Enter and
Tab commit and move, a refused figure keeps its editor open), Ctrl+V pastes a block copied
from Excel at the cursor, Ctrl+C copies, Delete clears; each is one undoable step.

A scheme's reference, name and year columns span its three rows, so each scheme reads as
one block.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QWidget

from workbench.ui.delivery.ledger_model import (
    FIGURES,
    FIRST_MONTH,
    LAST_COLUMN,
    LINE,
    RAG,
    REF,
    SCHEME,
    SPANNED,
    LedgerGridModel,
)
from workbench.ui.delivery.ledger_typing import LINES
from workbench.ui.tables.sheet_view import SheetView
from workbench.ui.tables.table_model import parse_tsv, tsv_block

FULL_MONTH_WIDTH = 78  # room for "£105,556"


class LedgerGrid(SheetView):
    scheme_selected = Signal(object)  # the scheme id under the cursor, or None

    def __init__(self, model: LedgerGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("In-year ledger: plan, forecast and actual by scheme and month")
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        metrics = self.fontMetrics()
        for column, sample in ((REF, "QIPP-00"), (SCHEME, "x" * 20), (LINE, "Forecast"),
                               (RAG, "Amber (override)")):
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        model.modelReset.connect(self._span)
        self.paste_requested.connect(self.paste_clipboard)
        self.copy_requested.connect(self.copy_cells)
        self.cut_requested.connect(self.copy_cells)  # a ledger cell is cleared by Delete
        self.delete_requested.connect(self.clear_selected)
        self.selectionModel().currentChanged.connect(
            lambda current, _previous: self.scheme_selected.emit(
                self.model().row_of(current.row())[0] if current.isValid() else None))
        self._span()
        self._fit_months()

    def _span(self) -> None:
        self.clearSpans()
        model: LedgerGridModel = self.model()
        for group in range(len(model.scheme_ids) + 1):
            for column in SPANNED:
                self.setSpan(group * len(LINES), column, len(LINES), 1)

    def _fit_months(self) -> None:
        model: LedgerGridModel = self.model()
        width = self.fontMetrics().horizontalAdvance("£105,556") + 14
        compact_width = self.fontMetrics().horizontalAdvance("£105k") + 14
        for column in range(FIRST_MONTH, LAST_COLUMN + 1):
            self.setColumnWidth(column, compact_width if model.compact else width)
        for column in FIGURES:
            sample = "£12,345,678" if not model.compact else "Variance"
            self.setColumnWidth(column, self.fontMetrics().horizontalAdvance(sample) + 16)
        self.setColumnWidth(FIGURES[1], max(self.columnWidth(FIGURES[1]),
                                            self.fontMetrics().horizontalAdvance(
                                                "Year-end") + 16))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        model: LedgerGridModel = self.model()
        fixed = sum(self.columnWidth(c) for c in (REF, SCHEME, LINE, RAG))
        compact = self.viewport().width() - fixed < FULL_MONTH_WIDTH * (LAST_COLUMN - LINE + 4)
        if compact != model.compact:
            model.compact = compact
            self._fit_months()
            model.layoutChanged.emit()

    def select_scheme(self, scheme_id: int, line: str = "actual", month: int = 0) -> None:
        model: LedgerGridModel = self.model()
        if scheme_id in model.scheme_ids:
            index = model.index(model.row_for(scheme_id, line), FIRST_MONTH + month)
            self.setCurrentIndex(index)
            self.scrollTo(index.siblingAtColumn(REF))  # the scheme's name in view first
            self.scrollTo(index)

    # -- clipboard and Delete: one step each ---------------------------------------------
    def paste_clipboard(self) -> bool:
        current = self.currentIndex()
        grid = parse_tsv(QGuiApplication.clipboard().text())
        if not current.isValid() or not grid:
            return False
        model: LedgerGridModel = self.model()
        cells = []
        for i, row in enumerate(grid):
            for j, text in enumerate(row):
                r, c = current.row() + i, current.column() + j
                cell = model.typed(r, c, text) if r < model.rowCount() else None
                if cell is None:
                    model.input_rejected.emit(
                        f"Nothing pasted: the block is {len(grid)} row(s) by "
                        f"{max(map(len, grid))} column(s); from here it reaches past the "
                        "months of the schemes' forecast and actual rows")
                    return False
                cells.append(cell)
        n = len(cells)
        return model.push(cells, f"Paste {n} ledger cell{'s' * (n > 1)}")

    def copy_cells(self) -> None:
        cells = self.selected_cells()
        rows = sorted({r for r, _ in cells})
        columns = sorted({c for _, c in cells})
        QGuiApplication.clipboard().setText(tsv_block(self.model(), rows, columns))

    def clear_selected(self) -> bool:
        model: LedgerGridModel = self.model()
        cells = [model.typed(r, c, "") for r, c in self.selected_cells()
                 if model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable]
        cells = [c for c in cells if c is not None]
        if not cells:
            return False
        n = len(cells)
        return model.push(cells, f"Clear {n} ledger cell{'s' * (n > 1)}")
