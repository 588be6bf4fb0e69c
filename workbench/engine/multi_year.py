"""The five-year plan: each year's allocation, business rules, requirement, savings and gap,
and the seed's rules for the years. Pure and exact (Decimal pounds).

Year one is the plan as the summary computes it (`financial_position`), counting the schemes
whose years include it (every scheme of the demo); each later year rolls forward from the
one before:

- core allocation = last year's x (1 + that year's growth); the running-cost allocation
  and the CHC risk-pool contribution stay as in year one;
- holdbacks = total allocation x (surplus + uncommitted reserve + contingency + that
  year's ring-fence) + CHC risk pool: held back afresh from each year's allocation;
- each spend line = last year's line plus the tariff and activity growth it attracted
  last year (the pressure becomes recurrent spend); **carried forward** = last year's
  carried forward + its recurrent investments (pressures) - its recurrent savings
  (identified and earmarked schemes marked recurrent). Non-recurrent investments and
  savings are not carried. The carried-forward line attracts no tariff or growth;
- planned spend = spend lines + carried forward + this year's tariff and activity growth
  (on the lines they apply to) + this year's new investment;
- savings requirement = planned spend + holdbacks - total allocation. A gap left open
  last year is therefore still to find (nothing took that spend out of the baseline);
- schemes count in every year from their first to their last year (their net saving
  each year; risk-adjusted = net x confidence).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.enums import SchemeStatus
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import CostPressure, Plan, SpendLine
from workbench.domain.plan_years import (
    MAX_BELOW_TARGET,
    RINGFENCE_MINIMUM,
    PlanYear,
    years_of,
)
from workbench.engine.allocation import financial_position

ZERO = Decimal(0)
CLOSING = (SchemeStatus.IDENTIFIED, SchemeStatus.EARMARKED)
CARRIED = "Carried forward (recurrent investments less recurrent savings)"


@dataclass(frozen=True)
class YearFigures:
    """One year's figures in pounds (percentages as fractions)."""

    year: int
    label: str
    firm: bool
    allocation: Decimal
    growth: Decimal
    growth_pct: Decimal
    total_allocation: Decimal
    surplus: Decimal
    uncommitted_reserve: Decimal
    contingency: Decimal
    transformation_ringfence: Decimal
    transformation_ringfence_pct: Decimal
    chc_risk_pool: Decimal
    holdbacks: Decimal
    baseline_spend: Decimal  # spend lines + carried forward, before this year's pressures
    carried_forward: Decimal  # recurrent investments less recurrent savings, to date
    tariff_pressure: Decimal
    activity_growth_pressure: Decimal
    other_pressures: Decimal
    planned_spend: Decimal
    savings_requirement: Decimal
    savings_requirement_pct: Decimal
    schemes_identified: Decimal
    schemes_earmarked: Decimal
    schemes_risk_adjusted: Decimal
    savings_gap: Decimal
    savings_gap_risk_adjusted: Decimal
    recurrent_savings: Decimal  # taken out of next year's spend
    target_allocation: Decimal | None
    distance_from_target_pct: Decimal | None  # (allocation - target) / target; < 0 is under


@dataclass(frozen=True)
class YearRule:
    """One of the seed's rules, checked for one year."""

    year: int
    rule: str  # "ringfence_minimum", "firm_years", "target_distance"
    ok: bool
    message: str


@dataclass(frozen=True)
class MultiYearResults:
    years: tuple[YearFigures, ...]
    rules: tuple[YearRule, ...]

    def year(self, year: int) -> YearFigures:
        return next(y for y in self.years if y.year == year)

    def problems(self) -> list[YearRule]:
        return [r for r in self.rules if not r.ok]


def _ratio(part: Decimal, whole: Decimal) -> Decimal:
    return part / whole if whole else ZERO


def _pick(value: Decimal | None, default: Decimal) -> Decimal:
    return default if value is None else value


def _money(value: Decimal) -> str:
    return f"£{value / 1_000_000:,.1f}m"


def _pct(value: Decimal) -> str:
    return f"{value * 100:.1f}%"


def year_plans(plan: Plan) -> list[tuple[PlanYear, Plan]]:
    """Each plan year's row and the plan as that year stands: its drivers, spend lines
    rolled forward (with the carried-forward line), that year's investment as its one
    pressure, and the schemes whose years include it. The engine computes any of them
    like a plan (`compute`), so a year's figures have one home: `financial_position`."""
    d = plan.drivers
    rows = years_of(plan.first_year.start, plan.last_year.start, plan.plan_years)
    lines = list(plan.spend_lines)
    carried = ZERO
    allocation = d.allocation
    out: list[tuple[PlanYear, Plan]] = []
    for index, row in enumerate(rows):
        active = [s for s in plan.schemes if s.first_year <= row.year <= s.last_year]
        if index == 0:
            year_plan = dataclasses.replace(plan, schemes=active)
        else:
            prior, allocation = allocation, allocation * (
                1 + _pick(row.allocation_growth_pct, d.future_growth_pct))
            drivers = dataclasses.replace(
                d, allocation=allocation, prior_year_allocation=prior,
                tariff_uplift_pct=_pick(row.tariff_uplift_pct, d.tariff_uplift_pct),
                activity_growth_pct=_pick(row.activity_growth_pct, d.activity_growth_pct),
                transformation_ringfence_pct=_pick(row.transformation_ringfence_pct,
                                                   d.transformation_ringfence_pct))
            pressures = [CostPressure(None, f"New investment {row.label}", row.investment,
                                      row.investment_recurrent)] if row.investment else []
            year_plan = dataclasses.replace(
                plan, first_year=FinancialYear(row.year), drivers=drivers, schemes=active,
                spend_lines=[*lines, SpendLine(None, CARRIED, carried, False, False)],
                pressures=pressures)
        out.append((row, year_plan))
        # roll forward: pressures become recurrent spend; recurrent savings come out
        t, g = year_plan.drivers.tariff_uplift_pct, year_plan.drivers.activity_growth_pct
        lines = [dataclasses.replace(line, baseline=line.baseline * (
            1 + (t if line.tariff_applies else ZERO) + (g if line.growth_applies else ZERO)))
            for line in lines]
        carried += sum((p.amount for p in year_plan.pressures if p.recurrent), ZERO) - sum(
            (s.net_saving for s in active if s.recurrent and s.status in CLOSING), ZERO)
    return out


def year_plan(plan: Plan, year: int) -> Plan:
    """The plan as year `year` stands (see year_plans)."""
    return next(p for row, p in year_plans(plan) if row.year == year)


def multi_year(plan: Plan) -> MultiYearResults:
    """Every plan year's figures, and the rules checked for each year."""
    pairs = year_plans(plan)
    years = [_year(row, p) for row, p in pairs]
    return MultiYearResults(tuple(years), tuple(rules_for(years, [r for r, _p in pairs])))


def _year(row: PlanYear, plan: Plan) -> YearFigures:
    fin = financial_position(plan)
    closing = [s for s in plan.schemes if s.status in CLOSING]
    identified = sum((s.net_saving for s in closing if s.status is SchemeStatus.IDENTIFIED),
                     ZERO)
    earmarked = sum((s.net_saving for s in closing if s.status is SchemeStatus.EARMARKED),
                    ZERO)
    adjusted = sum((s.net_saving * s.confidence for s in closing), ZERO)
    carried = sum((line.baseline for line in plan.spend_lines if line.id is None
                   and line.category == CARRIED), ZERO)
    target = row.target_allocation
    requirement = fin.savings_requirement
    return YearFigures(
        year=row.year, label=row.label, firm=row.firm, allocation=fin.allocation,
        growth=fin.growth, growth_pct=fin.growth_pct, total_allocation=fin.total_allocation,
        surplus=fin.surplus, uncommitted_reserve=fin.uncommitted_reserve,
        contingency=fin.contingency, transformation_ringfence=fin.transformation_ringfence,
        transformation_ringfence_pct=plan.drivers.transformation_ringfence_pct,
        chc_risk_pool=fin.chc_risk_pool, holdbacks=fin.holdbacks,
        baseline_spend=fin.baseline_spend, carried_forward=carried,
        tariff_pressure=fin.tariff_pressure,
        activity_growth_pressure=fin.activity_growth_pressure,
        other_pressures=fin.other_pressures, planned_spend=fin.planned_spend,
        savings_requirement=requirement, savings_requirement_pct=fin.savings_requirement_pct,
        schemes_identified=identified, schemes_earmarked=earmarked,
        schemes_risk_adjusted=adjusted, savings_gap=requirement - identified - earmarked,
        savings_gap_risk_adjusted=requirement - adjusted,
        recurrent_savings=sum((s.net_saving for s in closing if s.recurrent), ZERO),
        target_allocation=target,
        distance_from_target_pct=(fin.allocation - target) / target if target else None,
    )


def rules_for(years: list[YearFigures], rows: list[PlanYear]) -> list[YearRule]:
    """The seed's rules for each year: the ring-fence is at least 1.2%; no growth is
    committed recurrently in an indicative year (new investment there must be
    non-recurrent); the allocation is no more than 5% below its target (where known)."""
    out = []
    for index, (y, row) in enumerate(zip(years, rows, strict=True)):
        low = y.transformation_ringfence_pct < RINGFENCE_MINIMUM
        out.append(YearRule(y.year, "ringfence_minimum", not low, (
            f"{y.label}: the transformation ring-fence is {_pct(y.transformation_ringfence_pct)}"
            f", below the {_pct(RINGFENCE_MINIMUM)} minimum" if low else
            f"{y.label}: ring-fence {_pct(y.transformation_ringfence_pct)} "
            f"({_money(y.transformation_ringfence)}), at least the "
            f"{_pct(RINGFENCE_MINIMUM)} minimum")))
        if index > 0:
            committed = not y.firm and row.investment_recurrent and row.investment > 0
            out.append(YearRule(y.year, "firm_years", not committed, (
                f"{y.label}: {_money(row.investment)} of investment is committed recurrently "
                "on an indicative allocation; growth is committed recurrently only in the "
                "firm years" if committed else
                f"{y.label}: allocation {'firm' if y.firm else 'indicative'}"
                + ("" if y.firm else ", no growth committed recurrently"))))
        if y.distance_from_target_pct is not None:
            far = y.distance_from_target_pct < -MAX_BELOW_TARGET
            side = "under" if y.distance_from_target_pct < 0 else "over"
            out.append(YearRule(y.year, "target_distance", not far, (
                f"{y.label}: allocation {_pct(abs(y.distance_from_target_pct))} {side} its "
                f"target ({_money(y.target_allocation)})"
                + (f", more than the {_pct(MAX_BELOW_TARGET)} NHSE allows" if far else ""))))
    return out
