"""A "Columns" button over a table: show or hide each column, put the columns back.

Columns are reordered by dragging their headers; both choices are saved at once (per
table, in QSettings) so they survive a crash as well as a restart.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from workbench.ui.tables.frozen_view import PINNED


class ColumnChooserButton(QToolButton):
    columns_changed = Signal()  # a column was shown or hidden

    def __init__(self, panel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setText("Columns")
        self.setAccessibleName(f"Choose the columns of the {panel.view.accessibleName()}")
        self.setToolTip("Show or hide columns; drag a header to move its column")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.menu_.aboutToShow.connect(self.rebuild)
        header = panel.view.horizontalHeader()
        header.sectionMoved.connect(lambda *_: panel.save_columns())
        # a right-click on the headers offers the same menu
        with contextlib.suppress(RuntimeError, TypeError):
            header.customContextMenuRequested.disconnect()
        header.customContextMenuRequested.connect(
            lambda pos: self.menu_.exec(header.mapToGlobal(pos)))
        self.rebuild()

    def rebuild(self) -> None:
        """One checkable entry per column (in the order shown), then 'Show all'."""
        header = self.panel.view.horizontalHeader()
        self.menu_.clear()
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            action = self.menu_.addAction(self.panel.model.columns[column].header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != PINNED)  # the name column always shows
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
        self.menu_.addSeparator()
        self.menu_.addAction("Show all columns", self.show_all)

    def action_for(self, header_text: str):
        return next(a for a in self.menu_.actions() if a.text() == header_text)

    def set_shown(self, column: int, shown: bool) -> None:
        header = self.panel.view.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown and header.sectionSize(column) == 0:
            header.resizeSection(column, self.panel.model.columns[column].width)
        self.columns_changed.emit()
        self.panel.save_columns()

    def show_all(self) -> None:
        for column in range(self.panel.model.columnCount()):
            self.set_shown(column, True)
        self.rebuild()
