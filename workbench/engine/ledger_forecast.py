"""Forecasting the rest of the year from plan and actuals.

Closed months always show their actuals. The open months follow the scheme's method:

- plan as is: each open month's plan;
- run rate: the average actual of the closed months, every open month;
- actuals to date x plan shape: each open month's plan scaled by delivered / planned to
  date (a scheme at 80% of plan so far is forecast at 80% of plan for the rest);
- manual: the typed forecast, the plan where a month has none.
Derived months are rounded to the penny (half up), so the outturn is their exact sum.
With nothing closed yet (or no plan to date) run rate and plan shape fall back to plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from workbench.domain.ledger import ZERO, ForecastMethod
from workbench.domain.money import round_pounds


def forecast_profile(plan: Sequence[Decimal], actual: Sequence[Decimal | None],
                     manual: Sequence[Decimal | None], closed: int,
                     method: ForecastMethod) -> list[Decimal]:
    """Twelve months as the ledger shows them: actuals to `closed`, forecast after."""
    done = [a if a is not None else ZERO for a in actual[:closed]]
    rest = open_forecast(plan, done, manual, closed, method)
    return done + rest


def open_forecast(plan: Sequence[Decimal], done: Sequence[Decimal],
                  manual: Sequence[Decimal | None], closed: int,
                  method: ForecastMethod) -> list[Decimal]:
    """The forecast of the open months (index `closed` to March)."""
    future = list(plan[closed:])
    delivered = sum(done, ZERO)
    planned = sum(plan[:closed], ZERO)
    if method is ForecastMethod.RUN_RATE and closed:
        rate = round_pounds(delivered / closed)
        return [rate for _ in future]
    if method is ForecastMethod.PLAN_SHAPE and closed and planned:
        return [round_pounds(p * delivered / planned) for p in future]
    if method is ForecastMethod.MANUAL:
        typed = manual[closed:]
        return [t if t is not None else p for p, t in zip(future, typed, strict=True)]
    return future
