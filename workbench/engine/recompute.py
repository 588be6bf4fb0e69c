"""compute(plan) -> PlanResults: deterministic, and cheap enough to run on every edit.

`PlanEngine` keeps a per-scheme row cache so that after one edit only that scheme's
phasing is recomputed; the rest is vectorised sums over a few thousand rows. Parts it
reuses are reused only when the edit touched nothing they read (engine.dependencies
records the scheme fields the activity plan and the scheme impacts read, column by
column, so no hand-kept list can go stale).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pandas as pd

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import EntityKind
from workbench.domain.enums import SchemeStatus
from workbench.domain.plan import Plan
from workbench.engine.activity import (
    IMPACT_LINE_FIELDS,
    Impacts,
    activity_plan,
    admissions_avoided,
    scheme_impacts,
)
from workbench.engine.allocation import (
    FinancialPosition,
    allocations_by_year,
    financial_position,
)
from workbench.engine.dependencies import Columns
from workbench.engine.results import PlanResults, PlanSummary
from workbench.engine.risks import exposure, risk_table
from workbench.engine.savings import (
    STATUS_VALUES,
    SchemeRowCache,
    SchemeTable,
    by_workstream,
    by_year,
    monthly_savings,
    net_savings,
    patch_table,
    risk_adjusted_total,
    scheme_table,
    totals_by_status,
)
from workbench.engine.system import system_results
from workbench.engine.trajectories import trajectory_summary


class PlanEngine:
    """Recomputes after each edit, reusing what the edit cannot have changed."""

    def __init__(self) -> None:
        self._cache = SchemeRowCache()
        self._last: PlanResults | None = None
        self._table: SchemeTable | None = None
        self._impacts: Impacts | None = None
        self._plan: int | None = None  # id() of the plan last computed
        # scheme fields the last activity plan and the last scheme impacts read (recorded)
        self._activity_reads: frozenset[str] = frozenset()
        self._impact_reads: frozenset[str] = frozenset()

    def compute(self, plan: Plan, changes: PlanChanges | None = None) -> PlanResults:
        """Every figure of `plan`. With `changes` (what the last edit touched), the parts
        the edit cannot have reached (activity plan, trajectory statuses, risk table, the
        schemes' figures) are taken from the last results, and a field edit of a few
        schemes recomputes only their rows of the scheme table."""
        self._cache.prune(plan.schemes)
        incremental = changes is not None and self._last is not None and self._plan == id(plan)
        keep = (unchanged_parts(changes, self._activity_reads | self._impact_reads)
                if incremental else frozenset())
        table = self._scheme_table(plan, changes if incremental else None)
        if not (incremental and impacts_unchanged(changes, self._impact_reads)):
            self._impacts = None  # stale: worked out again when the activity plan is
        if "activity" not in keep and self._impacts is None:
            schemes = Columns(plan.schemes)
            self._impacts = scheme_impacts(plan.activity_lines, schemes)
            self._impact_reads = frozenset(schemes.reads)
        reads = set()
        self._last = _compute(plan, self._cache, self._last, keep, table, self._impacts, reads)
        if "activity" not in keep:
            self._activity_reads = frozenset(reads)
        self._table, self._plan = table, id(plan)
        return self._last

    def _scheme_table(self, plan: Plan, changes: PlanChanges | None) -> SchemeTable:
        last = self._table
        if changes is not None and last is not None:
            if not changes.touches(EntityKind.SCHEME):
                if len(last.ids) == len(plan.schemes):
                    return last
            elif EntityKind.SCHEME not in changes.structural:
                ids = {i for k, i in changes.rows if k is EntityKind.SCHEME}
                patched = patch_table(last, plan.schemes, ids, self._cache)
                if patched is not None:
                    return patched
        return scheme_table(plan.schemes, self._cache)


def unchanged_parts(changes: PlanChanges, activity_reads: frozenset[str]) -> frozenset[str]:
    """Which of "activity", "trajectories", "risks" and "schemes" an edit leaves as they
    were. `activity_reads`: the scheme fields the last activity plan read."""
    parts = set()
    if not (changes.touches(EntityKind.ACTIVITY_LINE)
            or changes.touches(EntityKind.SCHEME, activity_reads)
            or changes.touches(EntityKind.PLAN, frozenset({"first_year"}))):
        parts.add("activity")
    if not changes.touches(EntityKind.TRAJECTORY):
        parts.add("trajectories")
    if not changes.touches(EntityKind.RISK):
        parts.add("risks")
    if not changes.touches(EntityKind.SCHEME):
        parts.add("schemes")
    return frozenset(parts)


def impacts_unchanged(changes: PlanChanges, impact_reads: frozenset[str]) -> bool:
    """Whether an edit leaves every line's scheme impact (and where it comes from).
    `impact_reads`: the scheme fields the last scheme impacts read."""
    return not (changes.touches(EntityKind.ACTIVITY_LINE, IMPACT_LINE_FIELDS)
                or changes.touches(EntityKind.SCHEME, impact_reads))


def compute(plan: Plan) -> PlanResults:
    return _compute(plan, None)


def _compute(plan: Plan, cache: SchemeRowCache | None, last: PlanResults | None = None,
             keep: frozenset[str] = frozenset(), table: SchemeTable | None = None,
             impacts: Impacts | None = None, reads: set[str] | None = None) -> PlanResults:
    months = plan.first_year.months()
    fin = financial_position(plan)
    status = (last.trajectory_status if last is not None and "trajectories" in keep
              else tuple(trajectory_summary(plan.trajectories)))
    system = system_results(plan, fin.allocation, status)
    fin = with_pool_share(fin, system.pools.ccg_variance)
    if table is None:
        table = scheme_table(plan.schemes, cache)
    schemes = _scheme_parts(plan, table, months, fin.savings_requirement,
                            last if "schemes" in keep else None)
    identified, earmarked = schemes.identified, schemes.earmarked
    gap = fin.savings_requirement - identified - earmarked
    adjusted = schemes.adjusted

    if last is not None and "activity" in keep:
        activity, avoided = last.activity, last.nel_admissions_avoided
    else:
        schemes_read = Columns(plan.schemes)
        activity = activity_plan(plan.activity_lines, schemes_read, impacts=impacts)
        if reads is not None:
            reads |= schemes_read.reads
        avoided = admissions_avoided(activity, year=plan.first_year.start)
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
        schemes_unidentified=schemes.unidentified,
        savings_gap=gap,
        schemes_risk_adjusted=adjusted,
        savings_gap_risk_adjusted=fin.savings_requirement - adjusted,
        risks_gross=risk.gross,
        risks_weighted=risk.weighted,
        risks_mitigations=risk.mitigations,
        risks_after_mitigation=risk.after_mitigation,
        reserves_for_risk=risk.reserves,
        risks_net=risk.net,
        pooled_budget=system.pools.total,
        pooled_budgets_ccg_variance=system.pools.ccg_variance,
        risks_pooled_budgets=system.pools.ccg_overspend,
        contract_incentives_at_stake=system.contracts.at_stake,
        contract_income=system.contracts.income,
        contract_risk=system.contracts.risk,
    )
    return PlanResults(
        summary=summary,
        months=months,
        savings_monthly=schemes.monthly,
        scheme_monthly=schemes.scheme_monthly,
        scheme_figures=schemes.figures,
        by_workstream=schemes.by_workstream,
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
        savings_by_year=schemes.by_year,
        activity=activity,
        nel_admissions_avoided=avoided,
        trajectory_status=status,
        system=system,
    )


def with_pool_share(fin: FinancialPosition, share: Decimal) -> FinancialPosition:
    """The requirement grows by the CCG's share of the pools' projected overspends (and
    falls by its share of their underspends): money the plan must find or may release."""
    if not share:
        return fin
    requirement = fin.savings_requirement + share
    pct = requirement / fin.total_allocation if fin.total_allocation else Decimal(0)
    return dataclasses.replace(fin, savings_requirement=requirement,
                               savings_requirement_pct=pct)


@dataclasses.dataclass(frozen=True)
class _SchemeParts:
    """The results that depend only on the schemes (and the requirement, for the monthly
    frame): reused whole after an edit that touched no scheme."""

    identified: Decimal
    earmarked: Decimal
    unidentified: Decimal
    adjusted: Decimal
    monthly: pd.DataFrame
    scheme_monthly: pd.DataFrame
    figures: pd.DataFrame
    by_workstream: pd.DataFrame
    by_year: pd.Series


def _scheme_parts(plan: Plan, table: SchemeTable, months: list[str], requirement: Decimal,
                  last: PlanResults | None) -> _SchemeParts:
    years = [y.start for y in plan.years()]
    if (last is not None and last.months == months
            and last.summary.savings_requirement == requirement
            and list(last.savings_by_year.index) == [f"{y}/{(y + 1) % 100:02d}" for y in years]):
        s = last.summary
        return _SchemeParts(s.schemes_identified, s.schemes_earmarked, s.schemes_unidentified,
                            s.schemes_risk_adjusted, last.savings_monthly, last.scheme_monthly,
                            last.scheme_figures, last.by_workstream, last.savings_by_year)
    nets = net_savings(plan.schemes)
    totals = totals_by_status(plan.schemes, table.status_code, nets)
    index = _scheme_index(table.ids)
    scheme_monthly = pd.DataFrame(table.monthly, index=index, columns=months)
    figures = pd.DataFrame(
        {
            "net": table.net,
            "risk_adjusted": table.risk_adjusted,
            "workstream": table.workstream,
            "status": STATUS_VALUES[table.status_code].tolist(),
        },
        index=index,
    )
    return _SchemeParts(
        totals[SchemeStatus.IDENTIFIED], totals[SchemeStatus.EARMARKED],
        totals[SchemeStatus.UNIDENTIFIED],
        risk_adjusted_total(plan.schemes, table.status_code, nets),
        monthly_savings(table, float(requirement), months), scheme_monthly, figures,
        by_workstream(table), by_year(table, years))


_last_index: list = [None]  # [(ids array, its Index)]: one item, replaced whole


def _scheme_index(ids) -> pd.Index:
    """The schemes' Index, made once per ids array: a patched scheme table keeps its ids
    array, so after a field edit the frames reuse the Index (an Index is immutable).
    The pair is read and replaced as one object: scenarios compute on another thread, and
    an ids array must never be given the Index of another thread's array."""
    last = _last_index[0]
    if last is None or last[0] is not ids:
        last = (ids, pd.Index(ids, name="scheme_id"))
        _last_index[0] = last
    return last[1]
