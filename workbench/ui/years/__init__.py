"""The five-year plan in the window: the year selector in the pages' header, the
Five-year plan page (built on first use), and the tables, charts and pages following the
selected year. The year on show is a view setting (no undo step), remembered per plan."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel

from workbench.domain.edits import EntityKind
from workbench.domain.periods import FinancialYear
from workbench.ui.tables.specs import YEAR_WORKSTREAM_SAVING
from workbench.ui.years.year_column import YearSavingColumn
from workbench.ui.years.year_results import YearResults
from workbench.ui.years.year_selector import YearSelector

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.years.years_page import FiveYearPage

TITLE = "Five-year plan"


def settings_key(window: MainWindow) -> str:
    """Where the plan's year on show is remembered: per plan file (or database) and plan,
    hashed so no path or address is written out."""
    where = str(window.sqlite_file or window.store_label)
    plan = window.controller.plan
    digest = hashlib.sha256(f"{where}|{plan.id}|{plan.ods_code}".encode()).hexdigest()[:20]
    return f"years/{digest}/selected"



def remembered_year(value: object) -> int | None:
    """A plan year as the settings file holds it, or None for anything else (a hand-edited
    or damaged file: "²", a 5,000-digit number, a list); `select` ignores a year the plan
    does not have."""
    text = str(value) if value is not None else ""
    return int(text) if len(text) == 4 and text.isascii() and text.isdigit() else None

class YearsFeature:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.results = YearResults(window.controller, window)
        self._key = settings_key(window)
        # written a moment after the last choice (and on close): a QSettings write syncs
        # the file, which would double the time a year takes to show
        self._save_timer = QTimer(window)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(1500)
        self._save_timer.timeout.connect(self.save)
        self._saved: int | None = None
        saved = remembered_year(QSettings().value(self._key))
        if saved is not None:
            self.results.select(saved)  # before anything follows it: no signal work
            self._saved = self.results.selected
        self.selector = YearSelector(self.results)
        window.pages.setCornerWidget(self.selector, Qt.Corner.TopRightCorner)
        window.add_deferred_page(TITLE, self._build_page)
        self.results.year_selected.connect(self._on_year_selected)
        self.results.shown = lambda: (window._deferred.is_built(TITLE)
                                      and self.page.isVisible())
        window.summary.year_results = self.results.results_on_show
        if self.results.selected != self.results.first_year:
            window.summary.refresh()  # a year remembered from last time
        self.scheme_column = YearSavingColumn(self.results, window.tables[EntityKind.SCHEME].model)
        # the Workstreams and Risks tables are built when first shown: each gets its part then
        self._workstream_column: YearSavingColumn | None = None
        self._risks_note: QLabel | None = None
        window.with_table(EntityKind.WORKSTREAM, self._add_workstream_column)
        window.with_table(EntityKind.RISK, self._add_risks_note)
        self._show_year(self.results.selected)

    @property
    def workstream_column(self) -> YearSavingColumn:
        self._window.tables[EntityKind.WORKSTREAM]  # built now if it was not yet
        assert self._workstream_column is not None
        return self._workstream_column

    @property
    def risks_note(self) -> QLabel:
        self._window.tables[EntityKind.RISK]
        assert self._risks_note is not None
        return self._risks_note

    def _add_workstream_column(self, panel) -> None:
        self._workstream_column = YearSavingColumn(
            self.results, panel.model, YEAR_WORKSTREAM_SAVING, self.results.workstream_figures)

    def _add_risks_note(self, panel) -> None:
        note = self._risks_note = QLabel()
        note.setObjectName("RisksYearNote")
        note.setAccessibleName("Risks and the plan year")
        note.setWordWrap(True)
        note.setContentsMargins(6, 4, 6, 0)
        panel.layout().insertWidget(0, note)
        self._show_risks_note(self.results.selected)

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

    def _show_year(self, year: int) -> None:
        """What says which year is on show, where the figures cannot follow it."""
        window = self._window
        first = year == self.results.first_year
        label = FinancialYear(year).label
        operating = FinancialYear(self.results.first_year).label
        window.summary_dock.setWindowTitle("Summary" if first else f"Summary {label}")
        window.summary.show_year(operating, label)
        self._show_risks_note(year)

    def _show_risks_note(self, year: int) -> None:
        """Above the Risks table (once built): the register is the same for every year."""
        note = self._risks_note
        if note is None:
            return
        label = FinancialYear(year).label
        note.setText(
            f"<b>Risks in {label}:</b> one register for every year, so the values, "
            f"likelihoods and mitigations are those entered (risks carry no per-year "
            f"figures). The summary and the risk chart set them against {label}'s reserves.")
        note.setVisible(year != self.results.first_year)

    def save(self) -> None:
        """Remember the year on show for this plan (if it changed)."""
        self._save_timer.stop()
        if self.results.selected != self._saved:
            self._saved = self.results.selected
            QSettings().setValue(self._key, self._saved)

    def _on_year_selected(self, year: int) -> None:
        window = self._window
        self._save_timer.start()
        if window.charts_built():
            window.charts.refresh()
        window.summary.refresh()
        self._show_year(year)
        if window.explain.dock.isVisible():
            window.explain.refresh()
        figures = self.results.figures.year(year)
        operating = FinancialYear(self.results.first_year).label
        window.statusBar().showMessage(
            f"Showing {figures.label} ({'firm' if figures.firm else 'indicative'}) on every "
            f"page; risks are one register; odds and scenarios are {operating}'s", 10000)
