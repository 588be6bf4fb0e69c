"""The ledger as it stood at an earlier month end, and how the year-end forecast moved.

`as_at(ledger, month)` keeps the actuals up to `month` only and moves the switch-over
there: the figures a report for that month shows. The month-on-month movement compares
the forecast outturn as at the month with the one as at the month before (as at April,
with the plan before anything was closed). Typed forecasts are not versioned, so both
sides use the forecasts as they stand now: the movement is what the month's actuals did.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.errors import ValidationError
from workbench.domain.ledger import Ledger, month_index
from workbench.domain.schemes import SavingsScheme
from workbench.engine.ledger import LedgerResults, compute_ledger


def as_at(ledger: Ledger, month: str | None) -> Ledger:
    """A copy closed through `month` (None: nothing closed), later actuals dropped."""
    if month is None:
        keep = 0
    else:
        try:
            keep = month_index(ledger.year, month) + 1
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
    if keep > ledger.closed_count:
        raise ValidationError(f"{month} is not closed yet (the ledger is closed through "
                              f"{ledger.closed_through or 'no month'})")
    kept = set(ledger.months()[:keep])
    cells = {key: cell if key[1] in kept else dataclasses.replace(cell, actual=None)
             for key, cell in ledger.cells.items()}
    return dataclasses.replace(ledger, closed_through=month, cells=cells,
                               tracking=dict(ledger.tracking))


@dataclass(frozen=True)
class Movement:
    month: str
    previous: str | None
    before: LedgerResults
    after: LedgerResults

    @property
    def change(self) -> Decimal:
        return self.after.forecast_outturn - self.before.forecast_outturn

    def by_scheme(self) -> list[tuple[int, Decimal, Decimal, Decimal]]:
        """(scheme id, outturn before, after, change) of the schemes that moved, largest
        change first."""
        out = []
        for sid, after in self.after.positions.items():
            before = self.before.positions[sid].forecast_outturn
            if after.forecast_outturn != before:
                out.append((sid, before, after.forecast_outturn, after.forecast_outturn - before))
        return sorted(out, key=lambda r: (-abs(r[3]), r[0]))


def movement(ledger: Ledger, month: str,
             schemes: Iterable[SavingsScheme] | Mapping[int, Decimal]) -> Movement:
    schemes = schemes if isinstance(schemes, Mapping) else list(schemes)
    try:
        index = month_index(ledger.year, month)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    previous = ledger.months()[index - 1] if index else None
    return Movement(month, previous, compute_ledger(as_at(ledger, previous), schemes),
                    compute_ledger(as_at(ledger, month), schemes))
