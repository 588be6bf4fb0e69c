"""Allocation, growth, business-rule holdbacks, cost pressures and the savings requirement.

requirement = baseline spend + pressures + holdbacks - total allocation
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.plan import Plan


@dataclass(frozen=True)
class FinancialPosition:
    allocation: Decimal  # core programme allocation
    prior_year_allocation: Decimal
    growth: Decimal
    growth_pct: Decimal
    running_cost_allocation: Decimal
    total_allocation: Decimal
    surplus: Decimal
    uncommitted_reserve: Decimal
    contingency: Decimal
    transformation_ringfence: Decimal
    chc_risk_pool: Decimal
    holdbacks: Decimal
    baseline_spend: Decimal
    tariff_pressure: Decimal
    activity_growth_pressure: Decimal
    other_pressures: Decimal
    pressures: Decimal
    planned_spend: Decimal
    savings_requirement: Decimal
    savings_requirement_pct: Decimal


def _ratio(part: Decimal, whole: Decimal) -> Decimal:
    return part / whole if whole else Decimal(0)


def financial_position(plan: Plan) -> FinancialPosition:
    d = plan.drivers
    total = d.allocation + d.running_cost_allocation
    surplus = total * d.surplus_pct
    uncommitted = total * d.uncommitted_reserve_pct
    contingency = total * d.contingency_pct
    ringfence = total * d.transformation_ringfence_pct
    holdbacks = surplus + uncommitted + contingency + ringfence + d.chc_risk_pool

    baseline = sum((line.baseline for line in plan.spend_lines), Decimal(0))
    tariff = (
        sum((line.baseline for line in plan.spend_lines if line.tariff_applies), Decimal(0))
        * d.tariff_uplift_pct
    )
    growth_pressure = (
        sum((line.baseline for line in plan.spend_lines if line.growth_applies), Decimal(0))
        * d.activity_growth_pct
    )
    other = sum((p.amount for p in plan.pressures), Decimal(0))
    pressures = tariff + growth_pressure + other
    planned = baseline + pressures
    requirement = planned + holdbacks - total
    growth = d.allocation - d.prior_year_allocation
    return FinancialPosition(
        allocation=d.allocation,
        prior_year_allocation=d.prior_year_allocation,
        growth=growth,
        growth_pct=_ratio(growth, d.prior_year_allocation),
        running_cost_allocation=d.running_cost_allocation,
        total_allocation=total,
        surplus=surplus,
        uncommitted_reserve=uncommitted,
        contingency=contingency,
        transformation_ringfence=ringfence,
        chc_risk_pool=d.chc_risk_pool,
        holdbacks=holdbacks,
        baseline_spend=baseline,
        tariff_pressure=tariff,
        activity_growth_pressure=growth_pressure,
        other_pressures=other,
        pressures=pressures,
        planned_spend=planned,
        savings_requirement=requirement,
        savings_requirement_pct=_ratio(requirement, total),
    )


def allocations_by_year(plan: Plan) -> dict[str, Decimal]:
    """Core allocation per plan year: firm for the first, then the drivers' future growth."""
    out: dict[str, Decimal] = {}
    value = plan.drivers.allocation
    for year in plan.years():
        out[year.label] = value
        value = value * (1 + plan.drivers.future_growth_pct)
    return out
