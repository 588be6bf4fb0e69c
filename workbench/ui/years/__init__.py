"""The five-year plan in the window: the year selector in the pages' header, the
Five-year plan page (built on first use), and the charts following the selected year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from workbench.domain.edits import EntityKind
from workbench.ui.tables.specs import YEAR_WORKSTREAM_SAVING
from workbench.ui.years.year_column import YearSavingColumn
from workbench.ui.years.year_results import YearResults
from workbench.ui.years.year_selector import YearSelector

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.years.years_page import FiveYearPage

TITLE = "Five-year plan"


class YearsFeature:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.results = YearResults(window.controller, window)
        self.selector = YearSelector(self.results)
        window.pages.setCornerWidget(self.selector, Qt.Corner.TopRightCorner)
        window.add_deferred_page(TITLE, self._build_page)
        self.results.year_selected.connect(self._on_year_selected)
        window.summary.year_results = self.results.results_on_show
        self.scheme_column = YearSavingColumn(self.results, window.tables[EntityKind.SCHEME].model)
        self.workstream_column = YearSavingColumn(
            self.results, window.tables[EntityKind.WORKSTREAM].model, YEAR_WORKSTREAM_SAVING,
            self.results.workstream_figures)

    @property
    def page(self) -> FiveYearPage:
        return self._window.deferred_page(TITLE)

    def _build_page(self) -> FiveYearPage:
        from workbench.ui.years.years_page import FiveYearPage  # pyqtgraph: on first use

        return FiveYearPage(self._window.controller, self.results)

    def follow(self, page) -> None:
        """A page that shows one plan year (Activity, Trajectories): the year on show now,
        and every year selected from now on; a page asking for a year (to show a line of
        it) selects it here."""
        page.set_year(self.results.selected)
        self.results.year_selected.connect(page.set_year)
        wanted = getattr(page, "year_wanted", None)
        if wanted is not None:
            wanted.connect(self.results.select)

    def _on_year_selected(self, year: int) -> None:
        window = self._window
        if window.charts_built():
            window.charts.refresh()
        window.summary.refresh()
        figures = self.results.figures.year(year)
        first = year == self.results.first_year
        window.summary_dock.setWindowTitle("Summary" if first else f"Summary {figures.label}")
        if window.explain.dock.isVisible():
            window.explain.refresh()
        window.statusBar().showMessage(
            f"Showing {figures.label} ({'firm' if figures.firm else 'indicative'} "
            "allocation): the summary, the charts and the five-year view follow the plan "
            "year", 8000)
