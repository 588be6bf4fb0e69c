"""compute(plan) -> PlanResults: deterministic, and cheap enough to run on every edit.

`PlanEngine` keeps a per-scheme row cache so that after one edit only that scheme's
phasing is recomputed; the rest is vectorised sums over a few thousand rows.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pandas as pd

from workbench.domain.enums import SchemeStatus
from workbench.domain.plan import Plan
from workbench.engine.allocation import allocations_by_year, financial_position
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


class PlanEngine:
    def __init__(self) -> None:
        self._cache = SchemeRowCache()

    def compute(self, plan: Plan) -> PlanResults:
        self._cache.prune(plan.schemes)
        return _compute(plan, self._cache)


def compute(plan: Plan) -> PlanResults:
    return _compute(plan, None)


def _compute(plan: Plan, cache: SchemeRowCache | None) -> PlanResults:
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

    risks = risk_table(plan.risks)
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
    )
