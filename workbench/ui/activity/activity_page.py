"""The Activity page: the activity grid beside the selected line's chart and where its
scheme impact comes from (the seed's ~1,000 admissions avoided, traced to the schemes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from workbench.domain.activity import Measure
from workbench.domain.edits import EntityKind
from workbench.engine.activity import measure_summary
from workbench.engine.results import PlanResults
from workbench.ui.activity.activity_chart import ActivityChart
from workbench.ui.charts.export import save_widget_pdf, save_widget_png
from workbench.ui.charts.export_menu import install_chart_export
from workbench.ui.lazy_panel import LazyPage
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.table_view import TablePanel


class ActivityPage(LazyPage):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.table = TablePanel(controller, EntityKind.ACTIVITY_LINE)
        self.table.row_selected.connect(self._on_row_selected)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setObjectName("ActivityHeadline")
        self.headline.setAccessibleName("Non-elective admissions avoided")
        self.chart = ActivityChart()
        install_chart_export(self.chart, lambda: self.controller.plan)  # right-click
        self.trace = QLabel()
        self.trace.setWordWrap(True)
        self.trace.setAccessibleName("Schemes behind the selected line's impact")
        self.trace.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.headline)
        column.addWidget(self.chart, 1)
        column.addWidget(self.trace)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._line_id: int | None = None
        self._drawn: object = None  # the activity results last drawn
        controller.results_changed.connect(self._on_results)
        if controller.plan.activity_lines:
            self._line_id = controller.plan.activity_lines[0].id


    def _line(self):
        return next((x for x in self.controller.plan.activity_lines if x.id == self._line_id),
                    None)

    def _on_row_selected(self, _kind, row_id) -> None:
        if row_id is not None:
            self._line_id = row_id
            self._draw(self.controller.results)

    def _on_results(self, results: PlanResults) -> None:
        """Redraw (while shown: LazyPage) when the activity plan changed; the engine hands
        back the same results when an edit cannot reach it."""
        if results.activity is not self._drawn:
            self.changed()

    def refresh(self) -> None:
        results = self.controller.results
        self._drawn = results.activity
        self._stale = False
        self._draw(results)
        nel = measure_summary(results.activity, Measure.NON_ELECTIVE,
                              self.controller.plan.first_year.start)
        if nel is None:
            self.headline.setText("No non-elective admissions line in this plan.")
            return
        self.headline.setText(
            f"<b>Non-elective admissions avoided: {nel.scheme_impact:,.0f}</b> "
            f"— the plan is {nel.reduction_pct:.2%} below the expected level "
            f"(which includes {nel.growth:.1%} growth).")

    def _draw(self, results: PlanResults) -> None:
        line = self._line()
        self.chart.show_line(line, results.activity)
        if line is None:
            self.trace.setText("")
            return
        rows = results.activity.contributions
        mine = rows.iloc[self._contribution_rows(rows).get(line.id, [])]
        if mine.empty:
            self.trace.setText("No scheme takes activity off this line.")
            return
        parts = [f"{r.scheme} ({r.impact:,.0f})" for r in mine.itertuples()]
        self.trace.setText(f"Scheme impact {mine['impact'].sum():,.0f} comes from: "
                           + "; ".join(parts))

    def _contribution_rows(self, rows) -> dict:
        """Positions of each line's rows in the contributions frame, grouped once per frame
        (the engine makes a new frame when they change): moving down a whole ICS's 2,000
        lines no longer compares every contribution for each line reached."""
        kept = getattr(self, "_by_line", None)
        if kept is None or kept[0] is not rows:
            groups = rows.groupby("line_id", sort=False).indices if len(rows) else {}
            kept = self._by_line = (rows, groups)
        return kept[1]

    def select_id(self, row_id: int) -> bool:
        return self.table.select_id(row_id)

    def is_editing(self) -> bool:
        return self.table.view.state() == self.table.view.State.EditingState

    def save_png(self, path: Path) -> None:
        save_widget_png(self.chart, path)

    def save_pdf(self, path: Path) -> None:
        save_widget_pdf(self.chart, path)
