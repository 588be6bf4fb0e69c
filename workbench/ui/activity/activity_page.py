"""The Activity page: the activity grid beside the selected line's chart and where its
scheme impact comes from (the seed's ~1,000 admissions avoided, traced to the schemes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from workbench.domain.activity import Measure
from workbench.domain.edits import EntityKind
from workbench.domain.periods import FinancialYear
from workbench.engine.activity import measure_summary
from workbench.engine.results import PlanResults
from workbench.ui.activity.activity_chart import ActivityChart
from workbench.ui.charts.export import save_widget_pdf, save_widget_png
from workbench.ui.charts.export_menu import install_chart_export
from workbench.ui.lazy_panel import LazyPage
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.table_view import TablePanel


class ActivityPage(LazyPage):
    """Activity lines are planned one financial year at a time. With a plan year set
    (`set_year`, the window's year selector) the grid shows that year's lines only, a new
    line is for that year, and the headline and chart are that year's; without one (None)
    every line shows."""

    year_wanted = Signal(int)  # a line of another year was asked for: show its year

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.year: int | None = None
        self.table = TablePanel(controller, EntityKind.ACTIVITY_LINE)
        self.table.row_selected.connect(self._on_row_selected)
        self.year_note = QLabel()
        self.year_note.setObjectName("ActivityYearNote")
        self.year_note.setAccessibleName("Activity lines of the plan year")
        self.year_note.setWordWrap(True)
        self.year_note.setContentsMargins(6, 4, 6, 0)
        self.year_note.hide()
        self.table.layout().insertWidget(0, self.year_note)
        for signal in (controller.plan_changed, self.table.proxy.layoutChanged,
                       self.table.proxy.rowsInserted, self.table.proxy.rowsRemoved):
            signal.connect(self._say_year)
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
        return next((x for x in self.controller.plan.activity_lines if x.id == self._line_id
                     and (self.year is None or x.year == self.year)), None)

    # -- the plan year ----------------------------------------------------------------
    def set_year(self, year: int | None) -> None:
        """Show `year`'s lines (None: every year's), its headline, and one of its lines in
        the chart (the one selected, if it is of that year)."""
        if year == self.year:
            return
        self.year = year
        self.table.proxy.set_row_test(None if year is None else (lambda row: row.year == year))
        self.table.model.new_row_fields = {} if year is None else {"year": year}
        line = self._line()
        if line is None:
            mine = [x for x in self.controller.plan.activity_lines
                    if year is None or x.year == year]
            self._line_id = mine[0].id if mine else None
        self._say_year()
        self.changed()  # the headline and chart: now if shown, else when next shown

    def _say_year(self, *_args) -> None:
        """Above the grid: which year's lines these are, and what is hidden."""
        if self.year is None:
            self.year_note.hide()
            return
        lines = self.controller.plan.activity_lines
        label = FinancialYear(self.year).label
        mine = sum(1 for x in lines if x.year == self.year)
        others = sorted({FinancialYear(x.year).label for x in lines if x.year != self.year})
        elsewhere = (f" Lines for {', '.join(others)} are hidden: choose their year in "
                     "Plan year to see them." if others else "")
        if mine:
            text = (f"<b>Activity lines for {label}</b>: {mine} of {len(lines)}.{elsewhere}")
        else:
            text = (f"<b>No activity lines for {label}.</b> Add activity line adds one for "
                    f"{label}.{elsewhere}")
        self.year_note.setText(text)
        self.year_note.show()

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
        year = self.controller.plan.first_year.start if self.year is None else self.year
        label = FinancialYear(year).label
        nel = measure_summary(results.activity, Measure.NON_ELECTIVE, year)
        if nel is None:
            self.headline.setText(f"No non-elective admissions line for {label}.")
            return
        self.headline.setText(
            f"<b>Non-elective admissions avoided: {nel.scheme_impact:,.0f}</b> in {label} "
            f"— the plan is {nel.reduction_pct:.2%} below the expected level "
            f"(which includes {nel.growth:.1%} growth).")

    def _draw(self, results: PlanResults) -> None:
        line = self._line()
        empty = ("Activity: select a line" if self.year is None or any(
            x.year == self.year for x in self.controller.plan.activity_lines) else
            f"Activity: no lines for {FinancialYear(self.year).label}")
        self.chart.show_line(line, results.activity, empty, self.year)
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
        """Select a line; one of another plan year first asks for its year (year_wanted)."""
        line = next((x for x in self.controller.plan.activity_lines if x.id == row_id), None)
        if line is not None and self.year is not None and line.year != self.year:
            self.year_wanted.emit(line.year)
        return self.table.select_id(row_id)

    def is_editing(self) -> bool:
        return self.table.view.state() == self.table.view.State.EditingState

    def save_png(self, path: Path) -> None:
        save_widget_png(self.chart, path)

    def save_pdf(self, path: Path) -> None:
        save_widget_pdf(self.chart, path)
