"""A table view that speaks spreadsheet: Enter/F2 or typing edits, Tab and the arrows move,
Delete clears, Ctrl+C copies and Ctrl+V pastes a block copied from Excel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QTableView, QWidget


class NamedEditorDelegate(QStyledItemDelegate):
    """Cell editors named after their column, for screen readers."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = super().createEditor(parent, option, index)
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        editor.setAccessibleName(f"{header} editor")
        return editor


class GridView(QTableView):
    copy_requested = Signal()
    paste_requested = Signal()
    delete_requested = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.horizontalHeader().setHighlightSections(False)
        self.setItemDelegate(NamedEditorDelegate(self))

    def is_editing(self) -> bool:
        return self.state() == QAbstractItemView.State.EditingState

    def selected_cells(self) -> list[tuple[int, int]]:
        cells = {(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()}
        if not cells and self.currentIndex().isValid():
            cells = {(self.currentIndex().row(), self.currentIndex().column())}
        return sorted(cells)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        editing = self.is_editing()
        if event.matches(QKeySequence.StandardKey.Copy) and not editing:
            self.copy_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Paste) and not editing:
            self.paste_requested.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not editing:
            self.delete_requested.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing \
                and self.currentIndex().isValid():
            self.edit(self.currentIndex())
        else:
            super().keyPressEvent(event)
