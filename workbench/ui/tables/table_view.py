"""TablePanel: a filter box, Add/Delete buttons and a lazy table view over one plan list.

Keyboard, as in a spreadsheet (SheetView and CellDelegate): typing replaces a cell, F2
edits it in place, Enter and Tab commit and move, Delete clears the selected cells, Ctrl+C
copies the selection as TSV, Ctrl+X cuts it, Ctrl+V pastes a block copied from Excel at the
current cell. The Delete button (and Edit → Delete selected rows) deletes rows.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.filter_proxy import PlanFilterProxy
from workbench.ui.tables.panel_layout import arrange_for_laptop
from workbench.ui.tables.sheet_view import SheetView
from workbench.ui.tables.table_model import PlanTableModel, parse_tsv

NOUNS = {EntityKind.WORKSTREAM: "workstream", EntityKind.SCHEME: "scheme",
         EntityKind.RISK: "risk", EntityKind.ACTIVITY_LINE: "activity line"}


class PlanTableView(SheetView):
    """The plan's tables: a spreadsheet view (SheetView) sorted by header clicks. A click
    sorts up, a second down, a third goes back to the plan's own order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._on_header_clicked)

    def _on_header_clicked(self, column: int) -> None:
        proxy = self.model()
        if proxy.sortColumn() != column:
            self.sort_by(column, Qt.SortOrder.AscendingOrder)
        elif proxy.sortOrder() == Qt.SortOrder.AscendingOrder:
            self.sort_by(column, Qt.SortOrder.DescendingOrder)
        else:
            self.sort_by(-1)

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (-1: the plan's own order), the arrow telling the truth.

        A header click selects its column; whole columns selected are selected again after
        the sort rather than carried through it cell by cell (Qt keeps a selection through
        a sort as one persistent index per row: a whole ICS's 10,000 schemes made a sort
        take seconds)."""
        columns = self._whole_columns_selected()
        chosen = self.selectionModel()
        # the same cells are selected after as before (their sums do not depend on the
        # order), so the selection's watchers are not told of the clear and the re-select
        blocked = chosen.signalsBlocked()
        chosen.blockSignals(blocked or bool(columns))
        try:
            if columns:
                chosen.clearSelection()
            self.model().sort(column, order)
            rows = self.model().rowCount()
            if columns and rows:
                model, selection = self.model(), QItemSelection()
                for c in columns:
                    selection.select(model.index(0, c), model.index(rows - 1, c))
                chosen.select(selection, QItemSelectionModel.SelectionFlag.Select)
        finally:
            chosen.blockSignals(blocked)
        self.horizontalHeader().setSortIndicator(column, order)
        self.viewport().update()

    def _whole_columns_selected(self) -> list[int]:
        """The selected columns when the selection is whole columns and nothing else."""
        rows = self.model().rowCount()
        ranges = list(self.selectionModel().selection())
        if not rows or not ranges or any(r.top() != 0 or r.bottom() != rows - 1
                                         for r in ranges):
            return []
        return sorted({c for r in ranges for c in range(r.left(), r.right() + 1)})


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
        self.filter.installEventFilter(self)  # focus in: the row texts are made, idly
        self.add_button = QPushButton(f"Add {noun}")
        self.add_button.setAccessibleName(f"Add {noun}")
        self.add_button.clicked.connect(self.add_row)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName(f"Delete selected {noun}s")
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel()

        self.view = PlanTableView()
        self.view.setModel(self.proxy)
        self.view.sort_by(-1)  # plan order until the user clicks a header
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
            # widths, order and hidden columns come back; a sort does not (the rows open in
            # the plan's order), so neither may its arrow
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._hide_new_default_hidden()
        self.view.copy_requested.connect(self.copy_selection)
        self.view.paste_requested.connect(self.paste_clipboard)
        self.view.cut_requested.connect(self.cut_selection)
        self.view.delete_requested.connect(self.clear_selected)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.input_rejected.connect(self.message)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)  # a row test hides rows
        self.proxy.rowsInserted.connect(self._update_count)
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

    def _hide_new_default_hidden(self) -> None:
        """A column hidden by default (Source) starts hidden the first time this table
        meets it, even under column choices saved before it existed; after that the
        user's choice stands."""
        key = f"tables/{self.kind.value}/defaults-applied"
        applied = set(filter(None, str(QSettings().value(key) or "").split("|")))
        new = [(i, s.header) for i, s in enumerate(self.model.columns)
               if s.hidden and s.header not in applied]
        for column, _ in new:
            self.view.horizontalHeader().setSectionHidden(column, True)
        if new:
            QSettings().setValue(key, "|".join(sorted(applied | {h for _, h in new})))

    def save_columns(self) -> None:
        """Remember column widths, order and hidden columns (the user's column choices)."""
        QSettings().setValue(self._settings_key, self.view.horizontalHeader().saveState())

    def _column_menu(self, pos) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        plan_order = menu.addAction("Plan order (no sort)")
        plan_order.setEnabled(self.proxy.sortColumn() >= 0)
        plan_order.triggered.connect(lambda: self.view.sort_by(-1))
        menu.addSeparator()
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
            n = len(rows)
            self.message.emit(f"Deleted {n} {NOUNS[self.kind]}{'s' * (n > 1)}. "
                              "Ctrl+Z (Edit → Undo) brings them back in their places.")

    def selected_cells(self) -> list[tuple[int, int]]:
        """The selected cells as (source row, column)."""
        return sorted({(self.proxy.mapToSource(self.proxy.index(r, 0)).row(), c)
                       for r, c in self.view.selected_cells()})

    def clear_selected(self) -> int:
        """Delete key: clear the selected editable cells as one undo step, and say so."""
        cleared, left = self.model.blank_cells(self.selected_cells())
        if cleared:
            said = f"Cleared {cleared} cell{'s' * (cleared > 1)}. Ctrl+Z puts back what was there."
        else:
            said = "Nothing cleared."
        if left:
            said += " " + "; ".join(left[:3]) + ("…" if len(left) > 3 else ".")
        self.message.emit(said)
        return cleared

    def copy_selection(self) -> None:
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes and self.view.currentIndex().isValid():
            indexes = [self.view.currentIndex()]
        if not indexes:
            return
        proxy_rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in proxy_rows]
        QGuiApplication.clipboard().setText(self.model.copy_block(rows, columns))

    def cut_selection(self) -> None:
        """Copy the selection, then clear its cells (one undo step brings them back)."""
        self.copy_selection()
        self.clear_selected()

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste at the current cell into the rows as shown (sorted, filtered), adding rows
        past the last one shown; asks first when a filter hides rows and rows would be added."""
        current = self.view.currentIndex()
        top = current.row() if current.isValid() else self.proxy.rowCount()
        left = current.column() if current.isValid() else 0
        height = len(parse_tsv(text))
        if not height:
            return False
        targets: list[int | None] = []
        for r in range(top, top + height):
            if r < self.proxy.rowCount():
                targets.append(self.proxy.mapToSource(self.proxy.index(r, left)).row())
            else:
                targets.append(None)
        added = targets.count(None)
        if added and self.proxy.rowCount() < self.model.rowCount() and not self._confirm(
                f"The block has {height} rows; only {height - added} shown rows are below "
                f"the cursor. The filter hides {self.model.rowCount() - self.proxy.rowCount()}"
                f" rows, which the paste does not touch. Add {added} new "
                f"row{'s' * (added > 1)} for the rest?"):
            self.message.emit("Nothing pasted.")
            return False
        ok = self.model.paste_block(targets, left, text)
        if ok:
            more = f", {added} row{'s' * (added > 1)} added" if added else ""
            self.message.emit(f"Pasted {height} row{'s' * (height > 1)}{more}. "
                              "Ctrl+Z undoes the whole paste.")
        return ok

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, "Paste", question)
        return answer == QMessageBox.StandardButton.Yes

    # -- reactions -------------------------------------------------------------------
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        """The row selected, if one is (read from the selection's ranges: a header click
        selects a whole column, every row)."""
        rows: set[int] = set()
        for block in self.view.selectionModel().selection():
            rows.update(range(block.top(), block.bottom() + 1))
            if len(rows) > 1:
                break
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        row_id = None
        if len(rows) == 1:
            source = self.proxy.mapToSource(self.proxy.index(rows.pop(), 0)).row()
            row_id = self.model.row_id(source)
        self.row_selected.emit(self.kind, row_id)

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.filter and event.type() == QEvent.Type.FocusIn:
            self.proxy.warm_texts()
        return super().eventFilter(watched, event)

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} rows")
