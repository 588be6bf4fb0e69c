"""compute(plan) -> PlanResults: deterministic, and cheap enough to run on every edit.

`PlanEngine` keeps a per-scheme row cache so that after one edit only that scheme's
phasing is recomputed; the rest is vectorised sums over a few thousand rows. Parts it
reuses are reused only when the edit touched nothing they read (engine.dependencies
records the scheme fields the activity plan reads, so no hand-kept list can go stale).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pandas as pd

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import EntityKind
from workbench.domain.enums import SchemeStatus
from workbench.domain.plan import Plan
from workbench.engine.activity import activity_plan, admissions_avoided
from workbench.engine.allocation import allocations_by_year, financial_position
from workbench.engine.dependencies import recorded
from workbench.engine.results import PlanResults, PlanSummary
from workbench.engine.risks import exposure, risk_table
from workbench.engine.savings import (
    SchemeRowCache,
    by_workstream,
    by_year,
    monthly_savings,
    risk_adjusted_total,
    scheme_table,
    totals_by_status,
)
from workbench.engine.trajectories import trajectory_summary


class PlanEngine:
    """Recomputes after each edit, reusing what the edit cannot have changed."""

    def __init__(self) -> None:
        self._cache = SchemeRowCache()
        self._last: PlanResults | None = None
        self._activity_reads: frozenset[str] = frozenset()  # scheme fields the last read

    def compute(self, plan: Plan, changes: PlanChanges | None = None) -> PlanResults:
        """Every figure of `plan`. With `changes` (what the last edit touched), the parts
        the edit cannot have reached (activity plan, trajectory statuses, risk table) are
        taken from the last results."""
        self._cache.prune(plan.schemes)
        keep = (unchanged_parts(changes, self._activity_reads)
                if changes is not None and self._last else frozenset())
        reads: set[str] = set()
        self._last = _compute(plan, self._cache, self._last, keep, reads)
        if "activity" not in keep:
            self._activity_reads = frozenset(reads)
        return self._last


def unchanged_parts(changes: PlanChanges, activity_reads: frozenset[str]) -> frozenset[str]:
    """Which of "activity", "trajectories" and "risks" an edit leaves as they were.

    `activity_reads`: the scheme fields the last activity plan read."""
    parts = set()
    if not (changes.touches(EntityKind.ACTIVITY_LINE)
            or changes.touches(EntityKind.SCHEME, activity_reads)
            or changes.touches(EntityKind.PLAN, frozenset({"first_year"}))):
        parts.add("activity")
    if not changes.touches(EntityKind.TRAJECTORY):
        parts.add("trajectories")
    if not changes.touches(EntityKind.RISK):
        parts.add("risks")
    return frozenset(parts)


def compute(plan: Plan) -> PlanResults:
    return _compute(plan, None)


def _compute(plan: Plan, cache: SchemeRowCache | None, last: PlanResults | None = None,
             keep: frozenset[str] = frozenset(), reads: set[str] | None = None) -> PlanResults:
    months = plan.first_year.months()
    fin = financial_position(plan)
    totals = totals_by_status(plan.schemes)
    identified = totals[SchemeStatus.IDENTIFIED]
    earmarked = totals[SchemeStatus.EARMARKED]
    gap = fin.savings_requirement - identified - earmarked
    adjusted = risk_adjusted_total(plan.schemes)

    table = scheme_table(plan.schemes, cache)
    monthly = monthly_savings(table, float(fin.savings_requirement), months)
    scheme_monthly = pd.DataFrame(table.monthly, index=table.ids, columns=months)
    scheme_monthly.index.name = "scheme_id"
    figures = pd.DataFrame(
        {
            "net": table.net,
            "risk_adjusted": table.risk_adjusted,
            "workstream": table.workstream,
            "status": [s.value for s in table.status],
        },
        index=pd.Index(table.ids, name="scheme_id"),
    )

    if last is not None and "activity" in keep:
        activity, avoided = last.activity, last.nel_admissions_avoided
    else:
        schemes, read = recorded(plan.schemes) if reads is not None else (plan.schemes, set())
        activity = activity_plan(plan.activity_lines, schemes)
        if reads is not None:
            reads |= read
        avoided = admissions_avoided(activity, year=plan.first_year.start)
    status = (last.trajectory_status if last is not None and "trajectories" in keep
              else tuple(trajectory_summary(plan.trajectories)))
    risks = (last.risk_figures if last is not None and "risks" in keep
             else risk_table(plan.risks))
    reserves = fin.contingency + fin.uncommitted_reserve
    risk = exposure(plan.risks, risks, reserves)

    summary = PlanSummary(
        **dataclasses.asdict(fin),
        transformation_ringfence_pct=plan.drivers.transformation_ringfence_pct,
        activity_growth_pct=plan.drivers.activity_growth_pct,
        schemes_identified=identified,
        schemes_earmarked=earmarked,
        schemes_unidentified=totals[SchemeStatus.UNIDENTIFIED],
        savings_gap=gap,
        schemes_risk_adjusted=adjusted,
        savings_gap_risk_adjusted=fin.savings_requirement - adjusted,
        risks_gross=risk.gross,
        risks_weighted=risk.weighted,
        risks_mitigations=risk.mitigations,
        risks_after_mitigation=risk.after_mitigation,
        reserves_for_risk=risk.reserves,
        risks_net=risk.net,
    )
    return PlanResults(
        summary=summary,
        months=months,
        savings_monthly=monthly,
        scheme_monthly=scheme_monthly,
        scheme_figures=figures,
        by_workstream=by_workstream(table),
        by_status=pd.Series(
            {
                "Identified": float(identified),
                "Earmarked": float(earmarked),
                "Unidentified": float(max(gap, Decimal(0))),
            },
            name="savings",
        ),
        risk_figures=risks,
        allocation_by_year=pd.Series(
            {k: float(v) for k, v in allocations_by_year(plan).items()}, name="allocation"
        ),
        savings_by_year=by_year(table, [y.start for y in plan.years()]),
        activity=activity,
        nel_admissions_avoided=avoided,
        trajectory_status=status,
    )
