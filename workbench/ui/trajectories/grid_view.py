"""A table view that speaks spreadsheet (SheetView): typing or F2 edits, Enter and Tab
commit and move, Delete clears, Ctrl+C copies and Ctrl+V pastes a block copied from Excel."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from workbench.ui.tables.sheet_view import SheetView


class GridView(SheetView):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
