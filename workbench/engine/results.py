"""PlanResults: everything the views show, computed once per edit."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas loads with the engine's first compute, not with these classes
    import pandas as pd

    from workbench.engine.activity import ActivityResults
    from workbench.engine.system import SystemResults
    from workbench.engine.trajectories import TrajectoryStatus


@dataclass(frozen=True)
class PlanSummary:
    """Headline figures in pounds (Decimal where exact, float where probability-weighted)."""

    allocation: Decimal
    prior_year_allocation: Decimal
    growth: Decimal
    growth_pct: Decimal
    running_cost_allocation: Decimal
    total_allocation: Decimal
    surplus: Decimal
    uncommitted_reserve: Decimal
    contingency: Decimal
    transformation_ringfence: Decimal
    transformation_ringfence_pct: Decimal
    chc_risk_pool: Decimal
    holdbacks: Decimal
    baseline_spend: Decimal
    tariff_pressure: Decimal
    activity_growth_pct: Decimal
    activity_growth_pressure: Decimal
    other_pressures: Decimal
    pressures: Decimal
    planned_spend: Decimal
    savings_requirement: Decimal
    savings_requirement_pct: Decimal
    schemes_identified: Decimal
    schemes_earmarked: Decimal
    schemes_unidentified: Decimal
    savings_gap: Decimal
    schemes_risk_adjusted: Decimal
    savings_gap_risk_adjusted: Decimal
    risks_gross: Decimal
    risks_weighted: float
    risks_mitigations: float
    risks_after_mitigation: float
    reserves_for_risk: float
    risks_net: float
    # The CCG's share of the pools' projected variance (signed; in the requirement) and of
    # their projected overspends (shown among the risks); contract levers as income / risk.
    pooled_budget: Decimal = Decimal(0)  # every partner's contribution to every pool
    pooled_budgets_ccg_variance: Decimal = Decimal(0)
    risks_pooled_budgets: Decimal = Decimal(0)
    contract_incentives_at_stake: Decimal = Decimal(0)
    contract_income: Decimal = Decimal(0)
    contract_risk: Decimal = Decimal(0)

    def as_dict(self) -> dict[str, Decimal | float]:
        return asdict(self)


@dataclass(frozen=True)
class PlanResults:
    summary: PlanSummary
    months: list[str]
    savings_monthly: pd.DataFrame  # index month; planned/risk_adjusted/requirement (+ _cum, gap)
    scheme_monthly: pd.DataFrame  # index scheme id; columns months; net value phased
    scheme_figures: pd.DataFrame  # index scheme id; net, risk_adjusted, workstream, status
    by_workstream: pd.DataFrame  # index workstream id (-1 unassigned); columns statuses
    by_status: pd.Series  # Identified, Earmarked, Unidentified (= the gap), pounds
    risk_figures: pd.DataFrame  # index risk id; gross, probability, weighted, mitigation, net
    allocation_by_year: pd.Series  # index year label
    savings_by_year: pd.Series  # index year label; net savings of schemes active that year
    activity: ActivityResults  # the activity plan: per-line figures and months
    nel_admissions_avoided: float  # scheme impact on non-elective lines, first plan year
    trajectory_status: tuple[TrajectoryStatus, ...]  # one per trajectory, in plan order
    system: SystemResults | None = None  # pools, contract levers, the place view
