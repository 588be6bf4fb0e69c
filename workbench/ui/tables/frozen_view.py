"""The name column pinned at the left while a wide table scrolls sideways (Qt's frozen-column
pattern): a second view over the first column, sharing the model and the selection.

All editing stays in the table itself: a double-click on the pinned column opens the
table's own editor, and the pin steps aside while that editor is open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

PINNED = 0  # the logical column that stays in view: the row's name


class _PaintedLike(QStyledItemDelegate):
    """The pin's cells painted (and their tooltips given) by the table's own delegate, a
    refused name outlined as in the table. Not that delegate itself: a view set to a
    delegate takes every editor it commits, and Qt warned on each edit in the table that
    the pin was handed an editor not its own."""

    def __init__(self, table_delegate: QAbstractItemDelegate, parent: QObject) -> None:
        super().__init__(parent)
        self.table_delegate = table_delegate

    def paint(self, painter, option, index: QModelIndex) -> None:
        self.table_delegate.paint(painter, option, index)

    def sizeHint(self, option, index: QModelIndex):  # noqa: N802 (Qt override)
        return self.table_delegate.sizeHint(option, index)

    def helpEvent(self, event, view, option, index: QModelIndex) -> bool:  # noqa: N802
        return self.table_delegate.helpEvent(event, view, option, index)


class FrozenColumn(QObject):
    """Keeps a pinned copy of column 0 over `table`'s left edge."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.pin = QTableView(table)
        self.pin.setObjectName("PinnedColumn")
        self.pin.setAccessibleName(f"{table.accessibleName()}, pinned name column".strip(", "))
        self.pin.setModel(table.model())
        self.pin.setSelectionModel(table.selectionModel())
        self.pin.setItemDelegate(_PaintedLike(table.itemDelegate(), self.pin))
        self.pin.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pin.setSelectionBehavior(table.selectionBehavior())
        self.pin.setAlternatingRowColors(table.alternatingRowColors())
        self.pin.setWordWrap(False)
        self.pin.verticalHeader().hide()
        self.pin.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.pin.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pin.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pin.setVerticalScrollMode(table.verticalScrollMode())
        self.pin.setStyleSheet("QTableView { border: none; border-right: 2px solid #AEB7BD; }")
        self.pin.horizontalHeader().setSortIndicatorShown(
            table.horizontalHeader().isSortIndicatorShown())
        self.pin.horizontalHeader().sectionClicked.connect(self._sort_like_table)
        table.viewport().stackUnder(self.pin)
        # by pixel, so a cell can be brought out from under the pin exactly
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        header = table.horizontalHeader()
        header.sectionResized.connect(self._on_section_resized)
        header.sectionMoved.connect(self._keep_pinned_first)
        # the pin's arrow is the table's (none in the plan's own order), now and after
        self.pin.horizontalHeader().setSortIndicator(header.sortIndicatorSection(),
                                                     header.sortIndicatorOrder())
        header.sortIndicatorChanged.connect(
            lambda column, order: self.pin.horizontalHeader().setSortIndicator(column, order))
        table.verticalHeader().sectionResized.connect(
            lambda row, _old, new: self.pin.setRowHeight(row, new))
        table.verticalScrollBar().valueChanged.connect(self.pin.verticalScrollBar().setValue)
        self.pin.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.pin.doubleClicked.connect(self._edit_in_table)
        self.pin.pressed.connect(lambda _i: table.setFocus())
        for model_signal in (table.model().columnsInserted, table.model().modelReset,
                             table.model().layoutChanged):
            model_signal.connect(self.update_geometry)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)
        self.update_geometry()
        self.pin.show()

    # -- geometry ----------------------------------------------------------------------
    def update_geometry(self, *_args) -> None:
        table = self.table
        for column in range(table.model().columnCount()):
            self.pin.setColumnHidden(column, column != PINNED)
        self.pin.setColumnWidth(PINNED, table.columnWidth(PINNED))
        self.pin.verticalHeader().setDefaultSectionSize(
            table.verticalHeader().defaultSectionSize())
        self.pin.horizontalHeader().setFixedHeight(table.horizontalHeader().height())
        self.pin.horizontalHeader().setVisible(table.horizontalHeader().isVisible())
        frame = table.frameWidth()
        header_height = table.horizontalHeader().height() if \
            table.horizontalHeader().isVisible() else 0
        self.pin.setGeometry(table.verticalHeader().width() + frame, frame,
                             table.columnWidth(PINNED) + 2,
                             table.viewport().height() + header_height)
        self.pin.verticalScrollBar().setValue(table.verticalScrollBar().value())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if watched is self.table and kind in (QEvent.Type.Resize, QEvent.Type.Show,
                                              QEvent.Type.LayoutRequest):
            self.update_geometry()
        elif watched is self.table.viewport():
            if kind == QEvent.Type.Resize:
                self.update_geometry()
            elif kind == QEvent.Type.ChildAdded and isinstance(event.child(), QWidget) \
                    and self.table.currentIndex().column() == PINNED:
                self.pin.hide()  # the name's editor opened in the table: let it be seen
            elif kind == QEvent.Type.ChildRemoved and not self.pin.isVisible():
                self.pin.show()
        return False

    # -- behaviour ---------------------------------------------------------------------
    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == PINNED:
            self.pin.setColumnWidth(PINNED, new)
            self.update_geometry()

    def _keep_pinned_first(self, *_args) -> None:
        header = self.table.horizontalHeader()
        if header.visualIndex(PINNED) != 0:
            header.moveSection(header.visualIndex(PINNED), 0)

    def _sort_like_table(self, column: int) -> None:
        """A click on the pinned header sorts the table as a click on its own header would
        (up, down, then the plan's own order)."""
        self.table.horizontalHeader().sectionClicked.emit(column)

    def _edit_in_table(self, index: QModelIndex) -> None:
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A cell reached by keyboard is never left hidden under the pinned column (after
        the table's own scrolling, and never in the middle of a click)."""
        if current.isValid() and current.column() != PINNED \
                and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            QTimer.singleShot(0, lambda: self._uncover(QPersistentModelIndex(current)))

    def _uncover(self, index: QPersistentModelIndex) -> None:
        if not index.isValid() or not self.pin.isVisible():
            return
        rect = self.table.visualRect(self.table.model().index(index.row(), index.column()))
        covered = self.table.columnWidth(PINNED)
        if rect.left() < covered:
            bar = self.table.horizontalScrollBar()
            bar.setValue(max(bar.minimum(), bar.value() - (covered - rect.left())))
