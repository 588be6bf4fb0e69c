"""What typing, pasting or clearing ledger cells means, as one ledger edit.

- Actual: a closed month (a correction) or the next month to close (entered ahead of
  closing it); later months wait their turn. A closed month's actual cannot be blanked.
- Forecast: an open month. A scheme forecast by a rule (plan, run rate, plan shape) turns
  Manual in the same step, its other open months kept at the figures the rule gave, so
  typing one month moves only that month. A blank month goes back to its plan figure.
- Plan: frozen at the submission; never typed.
Every cell is read before anything is built, so one bad cell changes nothing; the reason
names the scheme, line and month.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.ledger import ForecastMethod, Ledger
from workbench.domain.ledger_edits import (
    LedgerBatch,
    LedgerEdit,
    SetCell,
    set_tracking,
    tracking_of,
)
from workbench.domain.money import round_pounds
from workbench.domain.numbers import NotAccepted, parse_money
from workbench.domain.periods import short_month
from workbench.engine.ledger import LedgerResults

PLAN, FORECAST, ACTUAL = "plan", "forecast", "actual"
LINES = (PLAN, FORECAST, ACTUAL)
LINE_NAMES = {PLAN: "Plan", FORECAST: "Forecast", ACTUAL: "Actual"}


@dataclass(frozen=True)
class Typed:
    """One cell's new text: scheme, line, month index (0 = April), text."""

    scheme_id: int
    line: str
    month: int
    text: str


def single_part(ledger: Ledger, scheme_id: int) -> str:
    parts = ledger.parts_of(scheme_id)
    if len(parts) > 1:
        raise ValueError("its savings are split recurrent and non-recurrent: import its "
                         "figures by part from a file")
    return parts[0]


def read_amount(text: str) -> Decimal | None:
    """Pounds as typed; blank is None (no figure)."""
    value = parse_money(text, blank=None)
    return None if value is None else round_pounds(value)


def refusal(ledger: Ledger, name: str, cell: Typed) -> str | None:
    """Why this cell cannot take the text (None if it can)."""
    try:
        _check(ledger, cell)
    except NotAccepted as exc:
        return f"{name}, {LINE_NAMES[cell.line]} {_month(ledger, cell)} is {exc}"
    except ValueError as exc:
        return f"{name}, {LINE_NAMES[cell.line]} {_month(ledger, cell)}: {exc}"
    return None


def _month(ledger: Ledger, cell: Typed) -> str:
    return short_month(ledger.months()[cell.month])


def _check(ledger: Ledger, cell: Typed) -> Decimal | None:
    closed = ledger.closed_count
    label = short_month(ledger.months()[cell.month])
    if cell.line == PLAN:
        raise ValueError(f"the plan is frozen at the {ledger.plan_label or 'submission'}; "
                         "it is not typed over")
    value = read_amount(cell.text)
    if value is not None and value < 0:
        raise ValueError("a saving cannot be negative; type 0 for none")
    single_part(ledger, cell.scheme_id)
    if cell.line == ACTUAL:
        if cell.month > closed:
            due = short_month(ledger.months()[closed])
            raise ValueError(f"actuals are entered a month at a time: {due} is the next "
                             "month to close")
        if cell.month < closed and value is None:
            raise ValueError(f"{label} is closed and keeps an actual; type 0 for none")
    elif cell.month < closed:
        raise ValueError(f"{label} is closed: it shows the actual, not a forecast")
    return value


def ledger_edit(ledger: Ledger, results: LedgerResults, names: dict[int, str],
                cells: list[Typed], label: str) -> LedgerEdit | None:
    """The one step these typed cells make (None if they change nothing); ValueError, and
    nothing built, if any cell is refused."""
    values: list[tuple[Typed, Decimal | None]] = []
    for cell in cells:
        why = refusal(ledger, names.get(cell.scheme_id, f"Scheme {cell.scheme_id}"), cell)
        if why:
            raise ValueError(why)
        values.append((cell, _check(ledger, cell)))
    months = ledger.months()
    edits: list[LedgerEdit] = []
    forecasts: dict[int, dict[int, Decimal | None]] = {}
    for cell, value in values:
        if cell.line == ACTUAL:
            part = single_part(ledger, cell.scheme_id)
            old = ledger.cell(cell.scheme_id, months[cell.month], part).actual
            if old != value:
                edits.append(SetCell(cell.scheme_id, months[cell.month], part, ACTUAL, old,
                                     value, label))
        else:
            forecasts.setdefault(cell.scheme_id, {})[cell.month] = value
    for scheme_id, typed in forecasts.items():
        edits += _forecast_edits(ledger, results, scheme_id, typed, label)
    if not edits:
        return None
    return edits[0] if len(edits) == 1 else LedgerBatch(tuple(edits), label)


def _forecast_edits(ledger: Ledger, results: LedgerResults, scheme_id: int,
                    typed: dict[int, Decimal | None], label: str) -> list[LedgerEdit]:
    """Typed forecast months of one scheme; a rule-forecast scheme turns Manual with its
    other open months held at the rule's figures."""
    part = single_part(ledger, scheme_id)
    months = ledger.months()
    stored = ledger.series(scheme_id, part, FORECAST)
    manual = tracking_of(ledger, scheme_id).method is ForecastMethod.MANUAL
    wanted = list(stored)
    if not manual:
        shown = results.positions[scheme_id].shown
        for i in range(ledger.closed_count, len(months)):
            wanted[i] = shown[i]
    for i, value in typed.items():
        wanted[i] = value
    edits: list[LedgerEdit] = [
        SetCell(scheme_id, months[i], part, FORECAST, stored[i], wanted[i], label)
        for i in range(ledger.closed_count, len(months)) if stored[i] != wanted[i]]
    if not manual:
        edits.append(set_tracking(ledger, scheme_id, "method", ForecastMethod.MANUAL, label))
    return edits
