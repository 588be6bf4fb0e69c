"""The plan's own figures for the SRG resilience and BCF workbooks.

Monthly activity comes from the engine (the plan by month, overrides included), last
year's outturn from the lines' baselines, spread over the year with the same profile
weights the engine uses for the plan; trajectories give their planned path by month
(weekly paths as the month-end value: the last week that starts in each month).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from workbench.domain.activity import ActivityLine, Measure
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import Plan
from workbench.domain.template_values import COVER
from workbench.domain.trajectories import Trajectory, Unit, month_of
from workbench.engine.activity import activity_plan, profile_weights

CellKey = tuple[str, str, str]  # (sheet, row, column), as TemplateValue.key
ORGANISATION = ("ods_code", "organisation", "status")  # Cover fields the plan holds


def cover_figures(plan: Plan) -> dict[CellKey, object]:
    """Who the plan is for: the Cover fields exported from, and compared with, the plan."""
    values = (plan.ods_code, plan.organisation, plan.status.value)
    return {("Cover", COVER, key): value for key, value in zip(ORGANISATION, values, strict=True)}


def _same_provider(text: str, provider: str) -> bool:
    return text.strip().casefold() == provider.strip().casefold()


def activity_lines(plan: Plan, measure: Measure, year: int,
                   provider: str | None = None) -> list[ActivityLine]:
    """The plan's lines of `measure` in `year`; with `provider`, that provider's only
    (matched by code or name, ignoring case)."""
    return [x for x in plan.activity_lines if x.measure is measure and x.year == year and (
        provider is None or _same_provider(x.provider, provider)
        or _same_provider(x.provider_name, provider))]


def monthly_plan(plan: Plan, lines: Sequence[ActivityLine]) -> list[float]:
    """The lines' plan by month, April first, added up (the engine's monthly values)."""
    monthly = activity_plan(lines, plan.schemes).monthly.to_numpy()
    return [float(x) for x in monthly.sum(axis=0)]


def monthly_baseline(lines: Sequence[ActivityLine]) -> list[float]:
    """Last year's outturn of the lines by month: each baseline spread by its profile."""
    weights, _ = profile_weights(lines)
    baselines = np.fromiter((float(x.baseline) for x in lines), float, len(lines))
    return [float(x) for x in (baselines[:, None] * weights).sum(axis=0)]


def monthly_expected(lines: Sequence[ActivityLine]) -> list[float]:
    """The lines' expected activity by month before any scheme's impact (last year's
    outturn grown by the line's growth), spread by the profile the engine uses."""
    weights, _ = profile_weights(lines)
    expected = np.fromiter((float(x.baseline * (1 + x.growth)) for x in lines), float,
                           len(lines))
    return [float(x) for x in (expected[:, None] * weights).sum(axis=0)]


def outturn(lines: Sequence[ActivityLine]) -> Decimal:
    return sum((x.baseline for x in lines), Decimal(0))


def by_quarter(months: Sequence[float]) -> list[float]:
    return [float(sum(months[q * 3:q * 3 + 3])) for q in range(4)]


def trajectory(plan: Plan, standard_id: str, provider: str) -> Trajectory | None:
    """The plan's trajectory made from `standard_id` (a % path) for `provider`, or one
    for no particular provider; None if there is neither."""
    paths = [t for t in plan.trajectories if t.standard_id == standard_id
             and t.unit is Unit.PERCENT and t.planned]
    for wanted in (provider, ""):
        found = next((t for t in paths if _same_provider(t.provider, wanted)), None)
        if found is not None:
            return found
    return None


def planned_by_month(path: Trajectory, year: int) -> dict[int, float]:
    """Month index (0 = April) -> planned value, for the months of `year` with a plan: the
    last planned value of the month's periods (as `to_monthly(..., how="last")` gives it,
    without building its frames: a workbook's Trajectories sheet asks for a dozen paths)."""
    last: dict[str, float] = {}
    for period in path.periods():
        value = path.planned.get(period)
        if value is not None and (value := float(value)) == value:  # NaN is no plan
            last[month_of(period)] = value
    return {i: last[m] for i, m in enumerate(FinancialYear(year).months()) if m in last}


def the_provider(plan: Plan, year: int, measures: Sequence[Measure]) -> str:
    """The one provider the plan's lines of `measures` in `year` are for ("" if not one)."""
    found = {x.provider.strip() for m in measures for x in activity_lines(plan, m, year)}
    return found.pop() if len(found) == 1 else ""
