"""Activity plan: baseline x (1 + growth) - scheme impact, spread over April..March.

Every line is one row of (n, 12) arrays, so 400 lines cost about as much as one. A user's
override replaces the profiled value of its month and is re-applied after every
recalculation; the un-overridden total (the plan) and the overridden total (what the months
now add up to) are both reported, so a hand edit never silently changes the annual plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from workbench.domain.activity import (
    ActivityLine,
    ImpactRule,
    Measure,
    Profile,
    calendar_days,
    working_days,
)
from workbench.domain.periods import MONTHS_IN_YEAR, FinancialYear
from workbench.domain.schemes import SavingsScheme
from workbench.engine.dependencies import Columns

MONTHS = list(range(MONTHS_IN_YEAR))  # column labels: 0 = April .. 11 = March
FLAT = np.full(MONTHS_IN_YEAR, 1.0 / MONTHS_IN_YEAR)
# Line fields that decide which schemes' impact a line takes (the rest: its months).
IMPACT_LINE_FIELDS = frozenset({"measure", "provider", "provider_name", "year", "impact_rule",
                                "scheme_ids"})
Impacts = tuple[np.ndarray, pd.DataFrame, tuple[str, ...]]


@dataclass(frozen=True)
class ActivityResults:
    """Per-line figures and monthly values, indexed by line id (new lines: -1, -2, ...)."""

    figures: pd.DataFrame  # measure, code, provider, year, profile, baseline, growth, expected,
    # scheme_impact, planned, reduction_pct, months_total, override_delta, overrides,
    # actual_total, actual_months
    monthly: pd.DataFrame  # columns 0..11: the plan, overrides applied
    profiled: pd.DataFrame  # columns 0..11: the plan as profiled, before overrides
    overridden: pd.DataFrame  # columns 0..11: True where a user's value replaced the profile
    contributions: pd.DataFrame  # line_id, scheme_id, scheme, impact: which schemes cut what
    warnings: tuple[str, ...] = ()

    def overridden_months(self, line_id: int) -> list[int]:
        row = self.overridden.loc[line_id]
        return [int(m) for m in row.index[row.to_numpy()]]


def activity_plan(
    lines: Sequence[ActivityLine],
    schemes: Sequence[SavingsScheme] | Columns = (),
    *,
    keep_totals: bool = False,
    impacts: Impacts | None = None,
) -> ActivityResults:
    """Plan every line. With `keep_totals`, the months a user did not override absorb the
    difference so each line still adds up to its planned total (where any month is free).
    `impacts`: scheme_impacts(lines, schemes) when the caller knows it (an edit that did not
    reach the schemes' impact or the lines' links)."""
    n = len(lines)
    ids = pd.Index([_key(line, i) for i, line in enumerate(lines)], name="line_id")
    baseline = np.fromiter((float(x.baseline) for x in lines), float, n)
    growth = np.fromiter((float(x.growth) for x in lines), float, n)
    impact, contributions, warnings = impacts or scheme_impacts(lines, schemes)
    expected = baseline * (1.0 + growth)
    planned = expected - impact

    weights, profile_warnings = profile_weights(lines)
    profiled = planned[:, None] * weights
    mask = np.zeros((n, MONTHS_IN_YEAR), dtype=bool)
    typed = np.zeros((n, MONTHS_IN_YEAR))
    for i, line in enumerate(lines):
        for month, value in line.overrides.items():
            mask[i, month], typed[i, month] = True, float(value)
    free = profiled
    if keep_totals:
        free = _rebalance(planned, weights, mask, typed)
    monthly = np.where(mask, typed, free)

    actual_total = np.fromiter((float(sum(x.actuals.values())) for x in lines), float, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        reduction = np.where(expected != 0, impact / expected, np.nan)
    figures = pd.DataFrame(
        {
            "measure": [x.measure.value for x in lines],
            "code": [x.measure.info.code for x in lines],
            "provider": [x.provider for x in lines],
            "year": [x.year for x in lines],
            "profile": [x.profile.value for x in lines],
            "baseline": baseline,
            "growth": growth,
            "expected": expected,
            "scheme_impact": impact,
            "planned": planned,
            "reduction_pct": reduction,
            "months_total": monthly.sum(axis=1),
            "override_delta": monthly.sum(axis=1) - planned,
            "overrides": mask.sum(axis=1),
            "actual_total": actual_total,
            "actual_months": [len(x.actuals) for x in lines],
        },
        index=ids,
    )
    negative = figures.index[planned < 0]
    warnings += tuple(f"line {k}: planned activity is negative" for k in negative)
    return ActivityResults(
        figures=figures,
        monthly=pd.DataFrame(monthly, index=ids, columns=MONTHS),
        profiled=pd.DataFrame(profiled, index=ids, columns=MONTHS),
        overridden=pd.DataFrame(mask, index=ids, columns=MONTHS),
        contributions=contributions,
        warnings=warnings + profile_warnings,
    )


def _key(line: ActivityLine, position: int) -> int:
    return line.id if line.id is not None else -(position + 1)


def _rebalance(
    planned: np.ndarray, weights: np.ndarray, mask: np.ndarray, typed: np.ndarray
) -> np.ndarray:
    """Spread (planned - overridden months) over the free months in proportion to the profile."""
    free_weights = np.where(mask, 0.0, weights)
    share = free_weights.sum(axis=1)
    remaining = planned - np.where(mask, typed, 0.0).sum(axis=1)
    scale = np.divide(remaining, share, out=np.zeros_like(share), where=share > 0)
    spread = free_weights * scale[:, None]
    return np.where((share > 0)[:, None], spread, planned[:, None] * weights)


def scheme_impacts(
    lines: Sequence[ActivityLine], schemes: Sequence[SavingsScheme] | Columns
) -> tuple[np.ndarray, pd.DataFrame, tuple[str, ...]]:
    """Activity impact taken off each line, and the (line, scheme) pairs it came from.

    A scheme counts in the years it spans (first_year..last_year), in full on every line it
    is linked to: linking one scheme to two lines counts it twice, by the user's choice.
    The schemes are read column by column (`Columns`), each field of only the schemes it
    matters for, so the fields read are recorded as cheaply as they are read.
    """
    cols = schemes if isinstance(schemes, Columns) else Columns(schemes)
    ids = cols.column("id")
    amounts = cols.column("activity_impact")
    by_id = {k: p for p, k in enumerate(ids) if k is not None}
    # pod -> provider as matched (stripped, lower case) -> positions: a line looks up its
    # own provider's schemes instead of testing every scheme of its pod
    with_impact = [p for p, amount in enumerate(amounts) if amount]
    by_pod: dict[object, dict[str, list[int]]] = {}
    for p, pod, provider in zip(with_impact, cols.column("pod", with_impact),
                                cols.column("provider", with_impact), strict=True):
        by_pod.setdefault(pod, {}).setdefault(provider.strip().lower(), []).append(p)
    found_by_line: list[list[int]] = []
    warnings: list[str] = []
    for i, line in enumerate(lines):
        if line.impact_rule is ImpactRule.MATCHING_POD:
            names = {line.provider.strip().lower(), line.provider_name.strip().lower()} - {""}
            providers = by_pod.get(line.measure.info.pod, {})
            found_by_line.append(sorted(p for name in names | {""}
                                        for p in providers.get(name, ())))
        else:
            found_by_line.append([by_id[k] for k in line.scheme_ids if k in by_id])
            warnings += [f"line {_key(line, i)}: linked scheme {k} does not exist"
                         for k in line.scheme_ids if k not in by_id]
    reached = sorted(set().union(*found_by_line))
    first, last = cols.values("first_year", reached), cols.values("last_year", reached)
    impact = np.zeros(len(lines))
    counted: list[tuple[int, int]] = []  # (line key, scheme position)
    for i, (line, found) in enumerate(zip(lines, found_by_line, strict=True)):
        for p in found:
            if first[p] <= line.year <= last[p] and amounts[p]:
                impact[i] += amounts[p]
                counted.append((_key(line, i), p))
    named = cols.values("name", sorted({p for _, p in counted}))
    rows = [(key, ids[p], named[p], float(amounts[p])) for key, p in counted]
    frame = pd.DataFrame(rows, columns=["line_id", "scheme_id", "scheme", "impact"])
    return impact, frame, tuple(warnings)


def profile_weights(lines: Sequence[ActivityLine]) -> tuple[np.ndarray, tuple[str, ...]]:
    """(n, 12) shares of the year, each row summing to 1."""
    weights = np.tile(FLAT, (len(lines), 1))
    warnings = []
    for i, line in enumerate(lines):
        if line.profile is Profile.WORKING_DAYS:
            weights[i] = _shares("working", line.year)
        elif line.profile is Profile.CALENDAR_DAYS:
            weights[i] = _shares("calendar", line.year)
        elif line.profile is Profile.SEASONAL:
            shape = np.fromiter((float(v) for v in line.last_year_monthly), float)
            if shape.shape == (MONTHS_IN_YEAR,) and (shape >= 0).all() and shape.sum() > 0:
                weights[i] = shape / shape.sum()
            else:
                warnings.append(f"line {_key(line, i)}: no usable shape for last year; flat used")
    return weights, tuple(warnings)


@cache
def _shares(kind: str, year: int) -> np.ndarray:
    days = np.asarray(working_days(year) if kind == "working" else calendar_days(year), float)
    shares = days / days.sum()
    shares.flags.writeable = False
    return shares


def round_keeping_totals(values: np.ndarray, keep: np.ndarray | None = None) -> np.ndarray:
    """Whole numbers whose row sums equal the rounded row sums (largest remainder).

    Templates want whole attendances; rounding each month alone can lose or gain a few
    over the year. Cells where `keep` is True (overrides) are left exactly as typed.
    """
    values = np.asarray(values, float)
    keep = np.zeros(values.shape, bool) if keep is None else np.asarray(keep, bool)
    floor = np.floor(values)
    free_total = np.where(keep, 0.0, values).sum(axis=1)
    short = np.rint(free_total - np.where(keep, 0.0, floor).sum(axis=1)).astype(int)
    remainder = np.where(keep, -1.0, values - floor)
    order = np.argsort(-remainder, axis=1, kind="stable")
    rank = np.argsort(order, axis=1)
    bump = (rank < short[:, None]) & ~keep
    return np.where(keep, values, floor + bump)


def admissions_avoided(
    results: ActivityResults, measure: Measure = Measure.NON_ELECTIVE, year: int | None = None
) -> float:
    """Scheme impact on one measure's lines (default: non-elective admissions avoided)."""
    figures = results.figures
    chosen = figures["measure"] == measure.value
    if year is not None:
        chosen &= figures["year"] == year
    return float(figures.loc[chosen, "scheme_impact"].sum())


def line_frame(results: ActivityResults, line: ActivityLine, position: int = 0) -> pd.DataFrame:
    """One line by month label, for its chart: profiled, plan, overridden, actual, variance."""
    key = _key(line, position)
    labels = FinancialYear(line.year).months()
    actual = [float(line.actuals[m]) if m in line.actuals else np.nan for m in MONTHS]
    frame = pd.DataFrame(
        {
            "profiled": results.profiled.loc[key].to_numpy(),
            "plan": results.monthly.loc[key].to_numpy(),
            "overridden": results.overridden.loc[key].to_numpy(),
            "actual": actual,
        },
        index=pd.Index(labels, name="month"),
    )
    frame["variance"] = frame["actual"] - frame["plan"]
    return frame


@dataclass(frozen=True)
class MeasureSummary:
    """One measure's lines in one year, added up: what the plan takes off, and how far
    below the expected level (baseline grown) that leaves it."""

    expected: float
    scheme_impact: float
    planned: float
    reduction_pct: float
    growth: float  # of the first line (lines of one measure share the plan's assumption)


def measure_summary(results: ActivityResults, measure: Measure,
                    year: int) -> MeasureSummary | None:
    figures = results.figures
    rows = figures[(figures["measure"] == measure.value) & (figures["year"] == year)]
    if rows.empty:
        return None
    expected, impact = float(rows["expected"].sum()), float(rows["scheme_impact"].sum())
    return MeasureSummary(expected, impact, float(rows["planned"].sum()),
                          impact / expected if expected else 0.0, float(rows["growth"].iloc[0]))
