"""TablePanel: a filter box, Add/Delete buttons and a lazy table view over one plan list.

Keyboard: Enter/F2 edits, Tab moves on, Delete removes selected rows, Ctrl+C copies the
selection as TSV, Ctrl+V pastes a block copied from Excel at the current cell.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.delegates import CellDelegate
from workbench.ui.tables.filter_proxy import PlanFilterProxy
from workbench.ui.tables.panel_layout import arrange_for_laptop
from workbench.ui.tables.table_model import PlanTableModel

NOUNS = {EntityKind.WORKSTREAM: "workstream", EntityKind.SCHEME: "scheme",
         EntityKind.RISK: "risk", EntityKind.ACTIVITY_LINE: "activity line"}


class PlanTableView(QTableView):
    copy_requested = Signal()
    paste_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setHighlightSections(False)
        self.setItemDelegate(CellDelegate(self))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
        elif event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.delete_requested.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != self.State.EditingState and self.currentIndex().isValid():
            self.edit(self.currentIndex())
        else:
            super().keyPressEvent(event)


class TablePanel(QWidget):
    row_selected = Signal(object, object)  # EntityKind, row id or None
    message = Signal(str)  # for the status bar

    def __init__(self, controller: PlanController, kind: EntityKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.kind = kind
        noun = NOUNS[kind]
        self.model = PlanTableModel(controller, kind)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(f"Filter {noun}s…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(f"Filter {noun}s")
        self.filter.textChanged.connect(self.proxy.set_filter_text)
        self.add_button = QPushButton(f"Add {noun}")
        self.add_button.setAccessibleName(f"Add {noun}")
        self.add_button.clicked.connect(self.add_row)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName(f"Delete selected {noun}s")
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel()

        self.view = PlanTableView()
        self.view.setModel(self.proxy)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)  # plan order until the user clicks a header
        self.view.setAccessibleName(f"{noun.capitalize()}s table")
        for column, spec in enumerate(self.model.columns):
            self.view.setColumnWidth(column, spec.width)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        saved = QSettings().value(self._settings_key)
        if saved:
            header.restoreState(saved)
        self.view.copy_requested.connect(self.copy_selection)
        self.view.paste_requested.connect(self.paste_clipboard)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.input_rejected.connect(self.message)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.filter.textChanged.connect(self._update_count)

        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._update_count()
        arrange_for_laptop(self)  # pinned name column, totals row, Columns button

    @property
    def _settings_key(self) -> str:
        return f"tables/{self.kind.value}/header-v2"

    def save_columns(self) -> None:
        """Remember column widths, order and hidden columns (the user's column choices)."""
        QSettings().setValue(self._settings_key, self.view.horizontalHeader().saveState())

    def _column_menu(self, pos) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column, spec in enumerate(self.model.columns):
            action = menu.addAction(spec.header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != 0)  # the name column always shows
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.exec(header.mapToGlobal(pos))

    # -- actions ---------------------------------------------------------------------
    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def add_row(self) -> None:
        row = self.model.insert_row()
        if row is None:
            return
        self.filter.clear()
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.scrollTo(index)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def selected_source_rows(self) -> list[int]:
        selected = self.view.selectionModel().selectedIndexes()
        rows = {self.proxy.mapToSource(i).row() for i in selected}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.proxy.mapToSource(self.view.currentIndex()).row()}
        return sorted(rows)

    def select_id(self, row_id: int) -> bool:
        """Show and select the row with this id (clearing a filter that hides it)."""
        for row, obj in enumerate(self.model.rows):
            if obj.id == row_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if not index.isValid():
                    self.filter.clear()
                    index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.view.scrollTo(index)
                self.view.selectRow(index.row())
                self.view.setFocus()
                return True
        return False

    def delete_selected(self) -> None:
        """Delete clears typed-over cells back to the engine's values if only those are
        selected; otherwise it deletes the selected rows."""
        cells = [(self.proxy.mapToSource(i).row(), self.proxy.mapToSource(i).column())
                 for i in self.view.selectionModel().selectedIndexes()]
        cleared = self.model.clear_cells(cells)
        if cleared is not None:
            if cleared:
                self.message.emit("Back to the profiled values. Ctrl+Z restores yours.")
            return
        rows = self.selected_source_rows()
        if rows and self.model.delete_rows(rows):
            self.message.emit(f"Deleted {len(rows)} row(s). Ctrl+Z brings them back.")

    def copy_selection(self) -> None:
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return
        proxy_rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in proxy_rows]
        QGuiApplication.clipboard().setText(self.model.copy_block(rows, columns))

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste at the current cell into the visible rows in order, appending past the end."""
        current = self.view.currentIndex()
        top = current.row() if current.isValid() else self.proxy.rowCount()
        left = current.column() if current.isValid() else 0
        height = text.replace("\r\n", "\n").rstrip("\n").count("\n") + 1
        targets: list[int | None] = []
        for r in range(top, top + height):
            if r < self.proxy.rowCount():
                targets.append(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            else:
                targets.append(None)
        ok = self.model.paste_block(targets, left, text)
        if ok:
            self.message.emit("Pasted. Ctrl+Z undoes the whole paste.")
        return ok

    # -- reactions -------------------------------------------------------------------
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.selected_source_rows()
        self.row_selected.emit(self.kind, self.model.row_id(rows[0]) if len(rows) == 1 else None)

    def _remember_selection(self) -> None:
        current = self.view.currentIndex()
        self._kept = (
            {self.model.row_id(r) for r in self.selected_source_rows()},
            current.column() if current.isValid() else 0,
        )

    def _restore_selection(self) -> None:
        """After a reload (others' changes, undo of a delete) keep the user's place by id."""
        ids, column = getattr(self, "_kept", (set(), 0))
        selection = self.view.selectionModel()
        for row, obj in enumerate(self.model.rows):
            if obj.id in ids:
                index = self.proxy.mapFromSource(self.model.index(row, column))
                selection.select(index, selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)
                self.view.setCurrentIndex(index)

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} rows")
