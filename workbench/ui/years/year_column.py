"""The tables' "Saving in <year>" columns: each scheme's (or workstream's) net saving in the
plan year on show, read from the engine's results for that year (YearResults.scheme_results
and workstream_figures), never computed here. A column's header and cells follow the year
selector and every change of the plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from workbench.domain.periods import FinancialYear
from workbench.ui.tables.columns import ColumnSpec
from workbench.ui.tables.figures import FigureGetter, changed_ids
from workbench.ui.tables.specs import YEAR_SAVING
from workbench.ui.tables.table_model import PlanTableModel
from workbench.ui.years.year_results import YearResults

if TYPE_CHECKING:
    import pandas as pd


class YearSavingColumn:
    """Keeps one table's year column in step with the year on show. `frame` gives the
    engine's figures for the year (indexed by row id, with a "net" column); by default the
    schemes' figures."""

    def __init__(self, results: YearResults, model: PlanTableModel,
                 base: ColumnSpec = YEAR_SAVING,
                 frame: Callable[[], pd.DataFrame] | None = None) -> None:
        self.results, self.model, self.base = results, model, base
        self._figures = frame or (lambda: results.scheme_results().scheme_figures)
        self._net = FigureGetter("figures", "net", missing=0.0, convert=float)
        self.spec: ColumnSpec = base
        self._frame: pd.DataFrame | None = None  # the figures last shown
        self._show()
        results.year_selected.connect(lambda _year: self._show())
        # with the edit (the year's scheme figures come from the engine's results, not
        # from the five-year figures, which follow a moment later)
        results.controller.results_changed.connect(lambda _r: self._repaint_moved())

    def _value(self, row: Any, _ctl: Any) -> float:
        """The engine's net saving of `row` in the year on show (0 when it has none)."""
        return self._net(row, SimpleNamespace(results=SimpleNamespace(figures=self._figures())))

    def _show(self) -> None:
        """A new year: the header and every cell."""
        label = FinancialYear(self.results.selected).label
        spec = dataclasses.replace(self.base, header=f"Saving in {label}", value=self._value)
        self._frame = self._figures()
        self.model.replace_column(self.spec, spec)
        self.spec = spec

    def _repaint_moved(self) -> None:
        """After an edit: only the rows whose figure for the year moved repaint (compared
        as arrays, as the table's own engine columns are)."""
        old, frame = self._frame, self._figures()
        ids = changed_ids(old, frame)
        if ids is not None and old is not None:  # a row gone from the year's figures: 0
            ids |= set(old.index.difference(frame.index).tolist())
        self._frame = frame
        at = next((i for i, spec in enumerate(self.model.columns) if spec is self.spec), None)
        if at is None or not self.model.rows:
            return
        if ids is None:  # cannot tell row by row: the whole column
            last = self.model.index(len(self.model.rows) - 1, at)
            self.model.dataChanged.emit(self.model.index(0, at), last)
            return
        for r in (r for r, row in enumerate(self.model.rows) if row.id in ids):
            index = self.model.index(r, at)
            self.model.dataChanged.emit(index, index)
