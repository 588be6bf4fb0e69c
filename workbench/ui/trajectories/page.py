"""The Trajectories page: the plan's trajectories and the selected one's periods on the left;
its plan/actual/target chart and SPC chart, with the SPC settings, on the right.

Every change is an Edit pushed through the controller; the page redraws from
`results_changed` and computes no figures of its own.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import DeleteRows, EntityKind, InsertRows
from workbench.domain.standards import standard_by_id
from workbench.domain.trajectories import Trajectory, Unit
from workbench.ui import style
from workbench.ui.actuals_import import import_actuals_csv
from workbench.ui.charts.export import save_widget_pdf, save_widget_png
from workbench.ui.lazy_panel import LazyPage
from workbench.ui.modal import answered
from workbench.ui.plan_controller import PlanController
from workbench.ui.trajectories.charts_column import ChartsColumn
from workbench.ui.trajectories.grid_view import GridView
from workbench.ui.trajectories.list_model import METRIC, TrajectoryListModel
from workbench.ui.trajectories.periods_panel import PeriodsPanel
from workbench.ui.trajectories.standards_dialog import StandardsDialog, available_standards


def _button(text: str, name: str, slot) -> QPushButton:
    """A named button; `slot` takes no arguments (a bound method: no lambda keeping the
    page alive past the application)."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.clicked.connect(slot)
    return button


class TrajectoryPage(LazyPage):
    message = Signal(str)  # for the status bar: why an input was not applied

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._id: int | None = None
        self.year: int | None = None  # a plan year on show (None: every period)
        self._drawn: object = None  # the statuses last drawn
        self.list_model = TrajectoryListModel(controller)
        self.table = GridView("Trajectories table")
        self.table.setModel(self.list_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = _button("Add from standard…", "Add trajectory from a standard",
                                  self._ask_standard)
        self.delete_button = _button("Delete", "Delete selected trajectory", self.delete_selected)
        self.import_button = _button("Import actuals (CSV)…", "Import actuals from a CSV file",
                                     self._ask_actuals)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName("Trajectory messages")
        self.feedback.setStyleSheet(f"color: {style.NHS_RED};")
        self.periods_panel = PeriodsPanel(controller)
        self.periods, self.grid = self.periods_panel.model, self.periods_panel.view
        self.right = ChartsColumn(controller)
        self.plan_chart, self.spc_chart = self.right.plan_chart, self.right.spc_chart
        self.spc_label, self.spc_settings = self.right.spc_label, self.right.spc_settings
        self._lay_out()

        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.delete_requested.connect(self.delete_selected)
        self.list_model.modelReset.connect(self._reselect)
        self.periods_panel.current_period_changed.connect(self.right.mark)
        for source in (self.list_model.input_rejected, self.periods.input_rejected,
                       self.spc_settings.message):
            source.connect(self._say)
        controller.results_changed.connect(self._on_results)
        controller.write_failed.connect(self._say)
        if controller.plan.trajectories:
            self.select_id(controller.plan.trajectories[0].id)
        else:
            self._draw()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for button in (self.add_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(4, 4, 4, 0)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        column.addWidget(self.feedback)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(top)
        left.addWidget(self.periods_panel)
        # the list of metrics and a period grid share the height evenly: on a 1366x768
        # laptop a 240:600 split left the list three rows
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        left.setSizes([420, 420])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([700, 880])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.table.resizeColumnsToContents()
        metric_width = self.table.fontMetrics().averageCharWidth() * 36
        self.table.setColumnWidth(METRIC, min(self.table.columnWidth(METRIC), metric_width))

    # -- selection ------------------------------------------------------------------------
    @property
    def trajectory(self) -> Trajectory | None:
        return next((t for t in self.controller.plan.trajectories if t.id == self._id), None)

    def select_id(self, trajectory_id: int | None) -> bool:
        """Select a trajectory (None clears the selection); False if there is no such one."""
        row = self.list_model.row_of(trajectory_id)
        if row is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._show(None)
            return trajectory_id is None
        self.table.setCurrentIndex(self.list_model.index(row, METRIC))
        self.table.scrollTo(self.table.currentIndex())
        self._show(trajectory_id)
        return True

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        rows = self.controller.plan.trajectories
        self._show(rows[row].id if 0 <= row < len(rows) else None)

    def _reselect(self) -> None:
        rows = self.controller.plan.trajectories
        if self.list_model.row_of(self._id) is None:
            self._id = rows[0].id if rows else None
        self.select_id(self._id)

    def _show(self, trajectory_id: int | None) -> None:
        if trajectory_id == self.periods.trajectory_id and trajectory_id == self._id:
            return
        self._id = trajectory_id
        self.periods.show(trajectory_id)
        self._draw()

    def set_year(self, year: int | None) -> None:
        """Show one financial year (the window's plan year): the grid lists its months (or
        weeks) and the charts open on them, the points either side a drag away; the SPC
        limits still come from every actual. None shows every period."""
        if year == self.year:
            return
        self.year = year
        for chart in (self.plan_chart, self.spc_chart):
            chart.year = year
        self.periods.set_year(year)
        self.changed()  # the charts: now if shown, else when next shown

    # -- redrawing -------------------------------------------------------------------------
    def _on_results(self, results: object) -> None:
        """Redraw (while shown: LazyPage) when trajectories changed; the engine hands back
        the same statuses when an edit cannot reach them."""
        if getattr(results, "trajectory_status", None) is not self._drawn:
            self.changed()

    def refresh(self) -> None:
        self._drawn = self.controller.results.trajectory_status
        self._stale = False
        self.feedback.clear()
        self.periods.refresh()
        self._draw()

    def _draw(self) -> None:
        path = self.trajectory
        self.periods_panel.title.setText(
            f"<b>Periods:</b> {html.escape(path.metric)}" if path
            else "Select a trajectory to see and edit its periods.")
        self.right.show_trajectory(path)
        self.delete_button.setEnabled(path is not None)
        self.right.mark(self.periods_panel.current_period())

    def _say(self, text: str) -> None:
        self.feedback.setText(text)
        self.message.emit(text)

    # -- actions ---------------------------------------------------------------------------
    def add_from_standard(self, standard_id: str | None = None, provider: str = "") -> bool:
        """Insert an empty trajectory to a standard (None = ask which; "" = a blank local
        trajectory to name and fill in)."""
        if standard_id is None:
            with answered(StandardsDialog(self)) as dialog:
                chosen = dialog.chosen() if dialog.exec() else None
            if chosen is None:
                return False
            standard, provider = chosen
        else:
            standards, _problem = available_standards()
            standard = standard_by_id(standard_id, standards) if standard_id else None
        if standard is None:
            new = Trajectory(id=None, metric="New local trajectory", unit=Unit.COUNT,
                             provider=provider)
            label = "Add a local trajectory"
        else:
            new = standard.to_trajectory(id=None, provider=provider)
            label = f"Add trajectory {standard.name}"
        if not self.controller.push(InsertRows(EntityKind.TRAJECTORY, (new,), label=label)):
            return False
        return self.select_id(self.controller.plan.trajectories[-1].id)

    def _ask_standard(self) -> None:
        self.add_from_standard()

    def _ask_actuals(self) -> None:
        self.import_actuals()

    def delete_selected(self) -> bool:
        path = self.trajectory
        if path is None:
            return False
        return self.controller.push(DeleteRows(EntityKind.TRAJECTORY, (path,),
                                               label=f"Delete trajectory {path.metric}"))

    def import_actuals(self, path: Path | None = None) -> bool:
        """Actuals from a CSV (None = ask for the file); nothing applied on any problem."""
        return import_actuals_csv(self.controller, self, path)

    # -- contract with the main window ------------------------------------------------------
    def is_editing(self) -> bool:
        return self.table.is_editing() or self.grid.is_editing()

    def save_png(self, path: Path) -> None:
        save_widget_png(self.right.charts, path)

    def save_pdf(self, path: Path) -> None:
        """Vector PDF: the charts paint themselves into a QPdfWriter (no SVG exporter)."""
        save_widget_pdf(self.right.charts, path)
