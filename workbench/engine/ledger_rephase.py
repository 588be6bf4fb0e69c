"""A slipped milestone moves the savings it unlocks: the rephase offered before accepting.

When a go-live (or any milestone) is re-forecast `n` months later, the open months'
profile of the scheme shifts right by `n` months: what was forecast for October is now
forecast for October + n, the first `n` open months get nothing, and whatever moves past
March leaves the year. The £ effect on the year (new outturn less old, never positive)
and on the gap (the gap grows by the same amount) are computed before anything is
written; `edit` is the one undoable step that accepts it (manual forecasts for every open
month, the method set to manual, and the milestone's new date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.errors import ValidationError
from workbench.domain.ledger import ZERO, ForecastMethod, Ledger
from workbench.domain.ledger_edits import LedgerBatch, LedgerEdit, SetCell, set_tracking
from workbench.domain.milestones import find, months_between, replace_forecast
from workbench.engine.ledger_forecast import forecast_profile


@dataclass(frozen=True)
class RephaseProposal:
    scheme_id: int
    milestone: str
    months: int  # how far the profile moves
    old_profile: tuple[Decimal, ...]  # 12 months as shown now
    new_profile: tuple[Decimal, ...]
    gap_before: Decimal
    edit: LedgerBatch

    @property
    def year_effect(self) -> Decimal:
        """Change in the year-end forecast outturn (negative: savings leave the year)."""
        return sum(self.new_profile, ZERO) - sum(self.old_profile, ZERO)

    @property
    def gap_after(self) -> Decimal:
        return self.gap_before - self.year_effect


def shift_right(values: list[Decimal], start: int, months: int) -> list[Decimal]:
    """`values` with the months from `start` on moved `months` later (zeros fill in)."""
    head, tail = values[:start], values[start:]
    moved = [ZERO] * min(months, len(tail)) + tail[:max(0, len(tail) - months)]
    return head + moved


def propose_rephase(ledger: Ledger, scheme_id: int, milestone: str, new_date: dt.date,
                    gap_before: Decimal) -> RephaseProposal:
    """The rephase a milestone re-forecast to `new_date` implies (nothing written)."""
    tracking = ledger.tracking.get(scheme_id)
    if tracking is None:
        raise ValidationError(f"no scheme in the ledger with id {scheme_id}")
    try:
        current = find(tracking.milestones, milestone)
    except KeyError as exc:
        raise ValidationError(f"scheme {scheme_id}: {exc.args[0]}") from None
    months = months_between(current.expected, new_date)
    if months <= 0:
        raise ValidationError(f"{new_date:%d %b %Y} is not later than {milestone}'s expected "
                              f"{current.expected:%d %b %Y}: only a slip rephases savings")
    closed = ledger.closed_count
    old_total = [ZERO] * 12
    new_total = [ZERO] * 12
    label = f"Rephase scheme {scheme_id}: {milestone} {months} month(s) later"
    edits: list[LedgerEdit] = []
    for part in ledger.parts_of(scheme_id):
        plan = [v or ZERO for v in ledger.series(scheme_id, part, "plan")]
        typed = ledger.series(scheme_id, part, "forecast")
        old = forecast_profile(plan, ledger.series(scheme_id, part, "actual"), typed,
                               closed, tracking.method)
        new = shift_right(old, closed, months)
        for i, month in enumerate(ledger.months()[closed:], start=closed):
            if typed[i] != new[i]:
                edits.append(SetCell(scheme_id, month, part, "forecast", typed[i], new[i], label))
        old_total = [a + b for a, b in zip(old_total, old, strict=True)]
        new_total = [a + b for a, b in zip(new_total, new, strict=True)]
    if tracking.method is not ForecastMethod.MANUAL:
        edits.append(set_tracking(ledger, scheme_id, "method", ForecastMethod.MANUAL, label))
    edits.append(set_tracking(ledger, scheme_id, "milestones", replace_forecast(
        tracking.milestones, milestone, new_date), label))
    return RephaseProposal(scheme_id, milestone, months, tuple(old_total), tuple(new_total),
                           gap_before, LedgerBatch(tuple(edits), label))
