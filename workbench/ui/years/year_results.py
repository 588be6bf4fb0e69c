"""The five-year figures and the plan year on show, kept with the controller's plan.

The engine computes everything (`multi_year`, and `compute(year_plan(...))` for the charts
of a later year); this object only remembers which year the user chose and recomputes
after changes of the plan: a moment after a run of edits pauses (five years of a whole
ICS take about 25 ms, which an edit should not wait for), or at once when read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workbench import engine
from workbench.domain.plan import Plan
from workbench.engine.multi_year import MultiYearResults, multi_year, year_plan
from workbench.engine.results import PlanResults
from workbench.ui.plan_controller import PlanController

if TYPE_CHECKING:  # both come with the engine's first compute (engine.kept)
    import pandas as pd

DELAY_MS = 150  # as the scenarios: typing stays quick, the five years follow a moment later


class YearResults(QObject):
    updated = Signal(object)  # MultiYearResults, after every change of the plan
    year_selected = Signal(int)  # the plan year now on show (its starting calendar year)

    def __init__(self, controller: PlanController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.selected = controller.plan.first_year.start
        self._figures: MultiYearResults = multi_year(controller.plan)
        self._stale = False  # the plan changed since _figures were computed
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._refresh)
        # whether something on screen shows the five years (the Five-year page): then they
        # follow each edit at once
        self.shown: Callable[[], bool] = lambda: False
        self._year_results: tuple[tuple, tuple[Plan, PlanResults]] | None = None
        self._first_year_schemes: tuple[tuple, PlanResults | None] | None = None
        self._workstreams: tuple[PlanResults, pd.DataFrame] | None = None
        controller.results_changed.connect(self._on_results_changed)

    @property
    def figures(self) -> MultiYearResults:
        """The five years as the plan stands now (computed here if an edit outdated them)."""
        if self._stale:
            self._stale = False
            self._figures = multi_year(self.controller.plan)
        return self._figures

    def current(self) -> bool:
        """Whether `updated` has told of the plan as it is now."""
        return not self._stale and not self._timer.isActive()

    @property
    def first_year(self) -> int:
        return self.controller.plan.first_year.start

    def select(self, year: int) -> None:
        years = [y.year for y in self.figures.years]
        if year not in years or year == self.selected:
            return
        self.selected = year
        self.year_selected.emit(year)

    def results_on_show(self) -> PlanResults | None:
        """The engine's results for the selected year when it is a later one (None for the
        first year, whose results are the controller's own)."""
        return self.on_show()[1] if self.selected != self.first_year else None

    def on_show(self) -> tuple[Plan, PlanResults]:
        """The plan as the selected year stands and the engine's results for it (the
        controller's own plan and results for the first year)."""
        if self.selected == self.first_year:
            return self.controller.plan, self.controller.results
        key = (self.selected, self.controller.edits_applied, id(self.controller.plan))
        if self._year_results is None or self._year_results[0] != key:
            plan = year_plan(self.controller.plan, self.selected)
            self._year_results = (key, (plan, engine.compute(plan)))
        return self._year_results[1]

    def scheme_results(self) -> PlanResults:
        """The engine's results for the selected year counting only the schemes whose years
        include it (in the first year too, where the controller's results count every
        scheme): what a per-scheme figure of that year reads."""
        if self.selected != self.first_year:
            return self.on_show()[1]
        plan = self.controller.plan
        key = (self.controller.edits_applied, id(plan))
        if self._first_year_schemes is None or self._first_year_schemes[0] != key:
            year = self.first_year
            every = all(s.first_year <= year <= s.last_year for s in plan.schemes)
            # None: every scheme counts, so the controller's results, whatever they are now
            self._first_year_schemes = (
                key, None if every else engine.compute(year_plan(plan, year)))
        return self._first_year_schemes[1] or self.controller.results

    def workstream_figures(self) -> pd.DataFrame:
        """Each workstream's net saving in the selected year (column "net", by workstream
        id): the engine's sum of the schemes that `scheme_results` counts."""
        from workbench.engine.savings import workstream_net

        results = self.scheme_results()
        if self._workstreams is None or self._workstreams[0] is not results:
            self._workstreams = (results, workstream_net(results.by_workstream))
        return self._workstreams[1]

    def _on_results_changed(self, _results) -> None:
        self._stale = True
        if self.shown():
            self._refresh()
        else:
            self._timer.start()

    def _refresh(self) -> None:
        self._timer.stop()
        if self.selected not in [y.year for y in self.figures.years]:
            self.selected = self.first_year  # the plan's years changed (another plan)
            self.year_selected.emit(self.selected)
        self.updated.emit(self.figures)
