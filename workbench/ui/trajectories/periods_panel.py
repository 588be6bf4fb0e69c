"""The selected trajectory's periods grid with its title: the cursor keeps its period when
the grid is rebuilt, and Delete, Ctrl+C and Ctrl+V work on the selection."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.ui.plan_controller import PlanController
from workbench.ui.trajectories.grid_view import GridView
from workbench.ui.trajectories.periods_model import ACTUAL, NOTE, PERIOD, PLANNED, PeriodsModel


class PeriodsPanel(QWidget):
    current_period_changed = Signal(object)  # the period label under the cursor, or None

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PeriodsModel(controller)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.view = GridView("Periods of the selected trajectory")
        self.view.setModel(self.model)
        metrics = self.view.fontMetrics()  # widths from the font, so they scale with it
        for column, sample in ((PERIOD, "w/c 30 Mar 17"), (PLANNED, "Planned"),
                               (ACTUAL, "100.0%"), (NOTE, "x" * 24)):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.copy_requested.connect(self.copy_cells)
        self.view.paste_requested.connect(self.paste_clipboard)
        self.view.cut_requested.connect(self.cut_cells)
        self.view.delete_requested.connect(self.clear_selected)
        self.model.modelAboutToBeReset.connect(self._remember_cell)
        self.model.modelReset.connect(self._restore_cell)
        self._cell: tuple[int | None, str | None, int] = (None, None, ACTUAL)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def current_period(self) -> str | None:
        current = self.view.currentIndex()
        return self.model.periods[current.row()] if current.isValid() else None

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_period_changed.emit(self.current_period())

    def _remember_cell(self) -> None:
        column = max(self.view.currentIndex().column(), 1)
        self._cell = (self.model.trajectory_id, self.current_period(), column)

    def _restore_cell(self) -> None:
        """Keep the cursor on its period after a rebuild (a paste that added periods), or,
        for another trajectory, put it on the first period after the latest actual."""
        path, periods = self.model.trajectory, self.model.periods
        if path is None or not periods:
            self.current_period_changed.emit(None)
            return
        same_path, period, column = self._cell
        if same_path != path.id or period not in periods:
            last = max(path.actuals, default=None)
            period = next((p for p in periods if last is None or p > last), periods[-1])
            column = ACTUAL
        index = self.model.index(periods.index(period), column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def clear_selected(self) -> bool:
        return self.model.clear_cells(self.view.selected_cells())

    def copy_cells(self) -> None:
        cells = self.view.selected_cells()
        rows = sorted({r for r, _ in cells})
        columns = sorted({c for _, c in cells})
        QGuiApplication.clipboard().setText(self.model.copy_block(rows, columns))

    def cut_cells(self) -> bool:
        self.copy_cells()
        return self.clear_selected()

    def paste_clipboard(self) -> bool:
        """Paste Excel's clipboard at the cursor, as one undoable step."""
        current = self.view.currentIndex()
        if not current.isValid():
            return False
        text = QGuiApplication.clipboard().text()
        return self.model.paste_block(current.row(), current.column(), text)
