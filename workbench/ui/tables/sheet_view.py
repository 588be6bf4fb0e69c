"""SheetView: a table view whose keys work as in a spreadsheet.

Typing on a cell starts the edit with that key; F2 or a double click edits in place with
the cursor at the end; Enter (not editing) moves down, Tab right; Delete (and Backspace)
asks to clear the selected cells; Ctrl+C, Ctrl+X and Ctrl+V ask to copy, cut and paste.
The editors themselves (commit, move, refuse) are CellDelegate's.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QTableView, QWidget

from workbench.ui.tables.delegates import CellDelegate

Trigger = QAbstractItemView.EditTrigger
IN_PLACE = (Trigger.EditKeyPressed, Trigger.DoubleClicked)
Key = Qt.Key
Modifier = Qt.KeyboardModifier


class SheetView(QTableView):
    copy_requested = Signal()
    cut_requested = Signal()
    paste_requested = Signal()
    delete_requested = Signal()  # Delete or Backspace on the selection: clear its cells

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(Trigger.DoubleClicked | Trigger.EditKeyPressed
                             | Trigger.AnyKeyPressed)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.horizontalHeader().setHighlightSections(False)
        self.cell_delegate = CellDelegate(self)
        self.setItemDelegate(self.cell_delegate)

    def is_editing(self) -> bool:
        return self.state() == QAbstractItemView.State.EditingState

    def edit(self, index: QModelIndex, trigger=None, event=None) -> bool:  # Qt override
        if trigger is None:  # the public slot edit(index): edit in place
            trigger, event = Trigger.EditKeyPressed, None
        opened = super().edit(index, trigger, event)
        if opened and trigger in IN_PLACE:
            self._cursor_to_end()
        return opened

    def _cursor_to_end(self) -> None:
        for editor in self.viewport().findChildren(QWidget):
            if isinstance(editor, QComboBox) and editor.isVisible() and editor.isEditable():
                editor = editor.lineEdit()
            if isinstance(editor, QLineEdit) and editor.isVisible():
                editor.deselect()
                editor.end(False)

    def move_cursor(self, index: QModelIndex, rows: int, columns: int) -> None:
        """After a commit: the cell `rows` down and `columns` across, if there is one."""
        model = self.model()
        row = min(max(index.row() + rows, 0), model.rowCount() - 1)
        column = index.column() + columns
        while 0 <= column < model.columnCount() and self.isColumnHidden(column):
            column += 1 if columns > 0 else -1
        if not 0 <= column < model.columnCount():
            column = index.column()
        target = model.index(row, column)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def selected_cells(self) -> list[tuple[int, int]]:
        cells = {(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()}
        if not cells and self.currentIndex().isValid():
            cells = {(self.currentIndex().row(), self.currentIndex().column())}
        return sorted(cells)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.is_editing():
            super().keyPressEvent(event)
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
        elif event.key() in (Key.Key_Delete, Key.Key_Backspace) and not event.modifiers():
            self.delete_requested.emit()
        elif event.key() in (Key.Key_Return, Key.Key_Enter) and self.currentIndex().isValid():
            up = bool(event.modifiers() & Modifier.ShiftModifier)
            self.move_cursor(self.currentIndex(), -1 if up else 1, 0)
        else:
            super().keyPressEvent(event)
