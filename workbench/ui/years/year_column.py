"""The schemes table's "Saving in <year>" column: each scheme's net saving in the plan year
on show, read from the engine's results for that year (YearResults.scheme_results), never
computed here. The column's header and cells follow the year selector and every change
of the plan."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace
from typing import Any

from workbench.domain.periods import FinancialYear
from workbench.ui.tables.columns import ColumnSpec
from workbench.ui.tables.figures import FigureGetter
from workbench.ui.tables.specs import YEAR_SAVING
from workbench.ui.tables.table_model import PlanTableModel
from workbench.ui.years.year_results import YearResults


class YearSavingColumn:
    """Keeps one schemes table's year column in step with the year on show."""

    def __init__(self, results: YearResults, model: PlanTableModel) -> None:
        self.results, self.model = results, model
        self._net = FigureGetter("scheme_figures", "net", missing=0.0, convert=float)
        self.spec: ColumnSpec = YEAR_SAVING
        self._show()
        results.year_selected.connect(lambda _year: self._show())
        results.updated.connect(lambda _figures: self._show())

    def _value(self, row: Any, _ctl: Any) -> float:
        """The engine's net saving of `row` in the year on show (0 when it has none)."""
        return self._net(row, SimpleNamespace(results=self.results.scheme_results()))

    def _show(self) -> None:
        label = FinancialYear(self.results.selected).label
        spec = dataclasses.replace(YEAR_SAVING, header=f"Saving in {label}", value=self._value)
        self.model.replace_column(self.spec, spec)
        self.spec = spec
