"""Cell editors: a drop-down for closed lists, a line edit that selects its text on open."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QWidget


def source_of(index: QModelIndex):
    """The PlanTableModel and source index behind a (possibly proxied) index."""
    model = index.model()
    while isinstance(model, QSortFilterProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    return model, index


class CellDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        model, source = source_of(index)
        spec = model.columns[source.column()]
        if spec.choices is not None:
            combo = QComboBox(parent)
            combo.addItems(spec.choices(model.controller))
            combo.setAccessibleName(spec.header)
            return combo
        editor = QLineEdit(parent)
        editor.setAccessibleName(spec.header)
        QTimer.singleShot(0, editor.selectAll)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            found = editor.findText(str(text))
            editor.setCurrentIndex(max(found, 0))
        else:
            editor.setText(str(text))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        model.setData(index, text, Qt.ItemDataRole.EditRole)
