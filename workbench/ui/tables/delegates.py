"""Cell editors that behave like a spreadsheet's.

- Typing on a cell replaces it: the view opens the editor with the first key, and that key
  is kept (Qt selects the old text, the key replaces it; nothing selects it again later).
- F2 or a double click edits in place with the cursor at the end (the view does that).
- Enter commits and moves down (Shift+Enter up), Tab right, Shift+Tab left; the commit is
  made at once, not on a later turn of the event loop, so nothing typed waits to land.
- A value the cell refuses keeps its editor open with the reason beside it (and in the
  status bar, through the model's `input_rejected`). If the editor is left another way
  (a click elsewhere), the refused cell is outlined in red with the reason as its tooltip.
- Esc closes the editor and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QToolTip,
    QWidget,
)

from workbench.ui import style

# key -> (rows, columns) the cursor moves after a commit
MOVES = {Qt.Key.Key_Return: (1, 0), Qt.Key.Key_Enter: (1, 0), Qt.Key.Key_Tab: (0, 1),
         Qt.Key.Key_Backtab: (0, -1)}
REFUSED_PEN = QPen(QColor(style.NHS_RED), 2)


def source_of(index: QModelIndex):
    """The source model and index behind a (possibly proxied) index."""
    model = index.model()
    while isinstance(model, QSortFilterProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    return model, index


def editor_text(editor: QWidget) -> str:
    return editor.currentText() if isinstance(editor, QComboBox) else editor.text()


class RefusalNote(QLabel):
    """The reason a value was refused, shown just below the open editor."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("RefusalNote")
        self.setWordWrap(True)
        self.setAccessibleName("Why the value was not accepted")
        self.setStyleSheet(f"background: #FDE8E6; color: {style.NHS_RED}; "
                           f"border: 1px solid {style.NHS_RED}; padding: 3px;")
        self.hide()

    def show_under(self, editor: QWidget, text: str) -> None:
        self.setText(text)
        room = self.parentWidget().width()
        width = max(260, min(room - 4, editor.width() * 2))
        self.setFixedWidth(width)
        self.adjustSize()
        geometry = editor.geometry()
        x = max(0, min(geometry.left(), room - width - 2))
        y = geometry.bottom() + 2
        if y + self.height() > self.parentWidget().height():
            y = max(0, geometry.top() - self.height() - 2)
        self.move(x, y)
        self.show()
        self.raise_()


class CellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.refused: dict[QPersistentModelIndex, str] = {}  # cells left with a refused value
        self._note: RefusalNote | None = None

    # -- editors ----------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        model, source = source_of(index)
        columns = getattr(model, "columns", None)
        spec = columns[source.column()] if columns is not None else None
        header = spec.header if spec is not None else str(
            model.headerData(source.column(), Qt.Orientation.Horizontal))
        if spec is not None and spec.choices is not None:
            # editable, so typing over the cell works as in any other; the list completes
            editor: QWidget = QComboBox(parent)
            editor.setEditable(True)
            editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            editor.addItems(spec.choices(model.controller))
            editor.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        else:
            editor = QLineEdit(parent)
        editor.setAccessibleName(f"{header} editor")
        editor.setProperty("cell_header", header)
        editor.cell_index = QPersistentModelIndex(index)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        text = index.data(Qt.ItemDataRole.EditRole)
        text = "" if text is None else str(text)
        if isinstance(editor, QComboBox):
            found = editor.findText(text, Qt.MatchFlag.MatchFixedString)
            editor.setCurrentIndex(max(found, 0))
            editor.setEditText(text)
            editor.lineEdit().selectAll()  # the first typed key replaces the old choice
        else:
            editor.setText(text)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        text = editor_text(editor)
        key = QPersistentModelIndex(index)
        if model.setData(index, text, Qt.ItemDataRole.EditRole):
            self.refused.pop(key, None)
        else:
            why = self.refusal(index, text)
            if why:
                self.refused[key] = why

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        if self._note is not None:
            self._note.hide()
        super().destroyEditor(editor, index)

    # -- refusals ---------------------------------------------------------------------
    def refusal(self, index: QModelIndex, text: str) -> str | None:
        """Why the cell would refuse `text` (None if it takes it)."""
        model, source = source_of(index)
        check = getattr(model, "refusal", None)
        return None if check is None else check(source.row(), source.column(), text)

    def _refuse(self, editor: QWidget, index: QModelIndex, why: str) -> None:
        if self._note is None:
            self._note = RefusalNote(editor.parentWidget())
        self._note.show_under(editor, why)
        model, _source = source_of(index)
        signal = getattr(model, "input_rejected", None)
        if signal is not None:
            signal.emit(why)

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget):
            key = event.key()
            if key in MOVES and not (isinstance(editor, QComboBox)
                                     and editor.view().isVisible()):
                return self._commit_and_move(editor, key, event.modifiers())
            if key == Qt.Key.Key_Escape and self._note is not None:
                self._note.hide()
        return super().eventFilter(editor, event)

    def _commit_and_move(self, editor: QWidget, key: int, modifiers) -> bool:
        index = QModelIndex(getattr(editor, "cell_index", QPersistentModelIndex()))
        if not index.isValid():
            return False
        why = self.refusal(index, editor_text(editor))
        if why:
            self._refuse(editor, index, why)
            return True
        rows, columns = MOVES[key]
        if modifiers & Qt.KeyboardModifier.ShiftModifier and key != Qt.Key.Key_Backtab:
            rows, columns = -rows, -columns
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        view = self.parent()
        if hasattr(view, "move_cursor"):
            view.move_cursor(index, rows, columns)
        return True

    # -- painting and tooltips of refused cells -----------------------------------------
    def paint(self, painter, option, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        if self.refused and QPersistentModelIndex(index) in self.refused:
            painter.save()
            painter.setPen(REFUSED_PEN)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()

    def helpEvent(self, event, view, option, index: QModelIndex) -> bool:  # noqa: N802
        why = self.refused.get(QPersistentModelIndex(index)) if index.isValid() else None
        if why and event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), f"Not accepted: {why}", view)
            return True
        return super().helpEvent(event, view, option, index)
