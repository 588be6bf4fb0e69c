"""The five-year plan: each year's allocation, business rules, requirement, savings and gap,
and the seed's rules for the years. Pure and exact (Decimal pounds).

Year one is the plan as the summary computes it (`financial_position`); each later year
rolls forward from the one before:

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

from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.enums import SchemeStatus
from workbench.domain.plan import Plan
from workbench.domain.plan_years import (
    MAX_BELOW_TARGET,
    RINGFENCE_MINIMUM,
    PlanYear,
    years_of,
)
from workbench.engine.allocation import financial_position

ZERO = Decimal(0)
CLOSING = (SchemeStatus.IDENTIFIED, SchemeStatus.EARMARKED)


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


def multi_year(plan: Plan) -> MultiYearResults:
    """Every plan year's figures, and the rules checked for each year."""
    d = plan.drivers
    first = financial_position(plan)
    rows = years_of(plan.first_year.start, plan.last_year.start, plan.plan_years)
    lines = [(s.baseline, s.tariff_applies, s.growth_applies) for s in plan.spend_lines]
    carried = ZERO
    allocation = d.allocation
    out: list[YearFigures] = []
    for index, row in enumerate(rows):
        if index == 0:
            growth_pct, tariff, activity = first.growth_pct, d.tariff_uplift_pct, \
                d.activity_growth_pct
            ringfence_pct = d.transformation_ringfence_pct
            investment = first.other_pressures
            recurrent_investment = sum((p.amount for p in plan.pressures if p.recurrent), ZERO)
            prior = d.prior_year_allocation
        else:
            growth_pct = _pick(row.allocation_growth_pct, d.future_growth_pct)
            tariff = _pick(row.tariff_uplift_pct, d.tariff_uplift_pct)
            activity = _pick(row.activity_growth_pct, d.activity_growth_pct)
            ringfence_pct = _pick(row.transformation_ringfence_pct,
                                  d.transformation_ringfence_pct)
            investment = row.investment
            recurrent_investment = row.investment if row.investment_recurrent else ZERO
            prior = allocation
            allocation = prior * (1 + growth_pct)
        figures = _year(plan, row, index, prior, allocation, ringfence_pct, tariff, activity,
                        lines, carried, investment)
        out.append(figures)
        # roll forward: pressures become recurrent spend; recurrent savings come out
        lines = [(b * (1 + (tariff if t else ZERO) + (activity if g else ZERO)), t, g)
                 for b, t, g in lines]
        carried += recurrent_investment - figures.recurrent_savings
    return MultiYearResults(tuple(out), tuple(rules_for(out, rows)))


def _year(plan: Plan, row: PlanYear, index: int, prior: Decimal, allocation: Decimal,
          ringfence_pct: Decimal, tariff: Decimal, activity: Decimal,
          lines: list[tuple[Decimal, bool, bool]], carried: Decimal,
          investment: Decimal) -> YearFigures:
    d = plan.drivers
    total = allocation + d.running_cost_allocation
    surplus, reserve = total * d.surplus_pct, total * d.uncommitted_reserve_pct
    contingency, ringfence = total * d.contingency_pct, total * ringfence_pct
    holdbacks = surplus + reserve + contingency + ringfence + d.chc_risk_pool
    baseline = sum((b for b, _t, _g in lines), ZERO) + carried
    tariff_pressure = sum((b for b, t, _g in lines if t), ZERO) * tariff
    growth_pressure = sum((b for b, _t, g in lines if g), ZERO) * activity
    planned = baseline + tariff_pressure + growth_pressure + investment
    requirement = planned + holdbacks - total
    active = [s for s in plan.schemes
              if s.first_year <= row.year <= s.last_year and s.status in CLOSING]
    identified = sum((s.net_saving for s in active if s.status is SchemeStatus.IDENTIFIED),
                     ZERO)
    earmarked = sum((s.net_saving for s in active if s.status is SchemeStatus.EARMARKED), ZERO)
    adjusted = sum((s.net_saving * s.confidence for s in active), ZERO)
    target = row.target_allocation
    return YearFigures(
        year=row.year, label=row.label, firm=row.firm, allocation=allocation,
        growth=allocation - prior, growth_pct=_ratio(allocation - prior, prior),
        total_allocation=total, surplus=surplus, uncommitted_reserve=reserve,
        contingency=contingency, transformation_ringfence=ringfence,
        transformation_ringfence_pct=ringfence_pct, chc_risk_pool=d.chc_risk_pool,
        holdbacks=holdbacks, baseline_spend=baseline, carried_forward=carried,
        tariff_pressure=tariff_pressure, activity_growth_pressure=growth_pressure,
        other_pressures=investment, planned_spend=planned, savings_requirement=requirement,
        savings_requirement_pct=_ratio(requirement, total), schemes_identified=identified,
        schemes_earmarked=earmarked, schemes_risk_adjusted=adjusted,
        savings_gap=requirement - identified - earmarked,
        savings_gap_risk_adjusted=requirement - adjusted,
        recurrent_savings=sum((s.net_saving for s in active if s.recurrent), ZERO),
        target_allocation=target,
        distance_from_target_pct=(allocation - target) / target if target else None,
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
