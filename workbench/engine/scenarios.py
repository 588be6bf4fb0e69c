"""Scenarios applied to a plan, and the tornado of the year-end shortfall.

`apply_scenario` returns a new plan with the scenario's overrides (the base plan is never
touched); the engine then computes it like any plan, so a scenario's figures differ from
the base exactly by what its overrides move:

- allocation growth g: core allocation = prior-year allocation x (1 + g);
- tariff uplift, activity growth: the drivers themselves;
- slippage of m months: every scheme's phasing moves m months later; what would fall
  after March is lost to the year, so its gross saving and investment are scaled by the
  share of its phasing still inside the year;
- confidence haircut h: every scheme's confidence x (1 - h);
- risk likelihood shift k: every risk's likelihood score + k, kept within 1..5.

The tornado swings one driver at a time by +/- a share of its own value (10% by default)
and records the **year-end shortfall** = risk-adjusted gap + risks after mitigations (the
negative of the delivery odds' expected position), computed with the engine's functions.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.periods import MONTHS_IN_YEAR
from workbench.domain.plan import Plan
from workbench.domain.scenarios import Scenario
from workbench.engine.allocation import financial_position
from workbench.engine.risks import risk_table
from workbench.engine.savings import risk_adjusted_total


def apply_scenario(plan: Plan, scenario: Scenario) -> Plan:
    """A copy of `plan` with `scenario`'s overrides (rows it changes are copies too)."""
    drivers = copy.copy(plan.drivers)
    if scenario.allocation_growth_pct is not None:
        drivers.allocation = drivers.prior_year_allocation * (1 + scenario.allocation_growth_pct)
    if scenario.tariff_uplift_pct is not None:
        drivers.tariff_uplift_pct = scenario.tariff_uplift_pct
    if scenario.activity_growth_pct is not None:
        drivers.activity_growth_pct = scenario.activity_growth_pct
    schemes = [_slipped(s, scenario.slippage_months) for s in plan.schemes]
    if scenario.confidence_haircut:
        keep = 1 - scenario.confidence_haircut
        schemes = [dataclasses.replace(s, confidence=s.confidence * keep) for s in schemes]
    risks = plan.risks
    if scenario.risk_likelihood_shift:
        risks = [dataclasses.replace(r, likelihood=min(5, max(1, r.likelihood
                                                              + scenario.risk_likelihood_shift)))
                 for r in risks]
    return dataclasses.replace(plan, drivers=drivers, schemes=schemes, risks=risks)


def _slipped(scheme, months: int):
    if months <= 0:
        return scheme
    weights = list(scheme.phasing)
    total = sum(weights, Decimal(0))
    if total <= 0 or len(weights) != MONTHS_IN_YEAR:
        weights = [Decimal(1)] * MONTHS_IN_YEAR
        total = Decimal(MONTHS_IN_YEAR)
    moved = ([Decimal(0)] * months + weights)[:MONTHS_IN_YEAR]
    kept = sum(moved, Decimal(0)) / total
    if kept == 0:  # slipped out of the year entirely: nothing saved, flat placeholder phasing
        moved = [Decimal(1)] * MONTHS_IN_YEAR
    return dataclasses.replace(scheme, phasing=tuple(moved),
                               gross_saving=scheme.gross_saving * kept,
                               investment=scheme.investment * kept)


def year_end_shortfall(plan: Plan) -> float:
    """Risk-adjusted gap + risks after mitigations, from the engine's own functions."""
    requirement = financial_position(plan).savings_requirement
    gap = float(requirement - risk_adjusted_total(plan.schemes))
    return gap + float(risk_table(plan.risks)["net"].sum())


@dataclass(frozen=True)
class TornadoBar:
    driver: str  # what users call it
    low: float  # the shortfall with the driver at (1 - swing) x its value
    high: float  # ... at (1 + swing) x its value

    @property
    def width(self) -> float:
        return abs(self.high - self.low)


def _scaled(factor: Decimal) -> dict[str, Callable[[Plan], Plan]]:
    """Each driver the tornado swings, as a function making the swung plan."""

    def drivers(**changes) -> Callable[[Plan], Plan]:
        def make(p: Plan) -> Plan:
            d = copy.copy(p.drivers)
            for name, value in changes.items():
                setattr(d, name, value(d))
            return dataclasses.replace(p, drivers=d)
        return make

    def rows(attr: str, **fields) -> Callable[[Plan], Plan]:
        def make(p: Plan) -> Plan:
            return dataclasses.replace(p, **{attr: [
                dataclasses.replace(r, **{f: fn(getattr(r, f)) for f, fn in fields.items()})
                for r in getattr(p, attr)]})
        return make

    times = lambda v: v * factor  # noqa: E731
    return {
        "Allocation growth": drivers(allocation=lambda d: d.prior_year_allocation + (
            d.allocation - d.prior_year_allocation) * factor),
        "Tariff uplift": drivers(tariff_uplift_pct=lambda d: d.tariff_uplift_pct * factor),
        "Activity growth": drivers(activity_growth_pct=lambda d: d.activity_growth_pct * factor),
        "Other pressures": rows("pressures", amount=times),
        "Scheme savings": rows("schemes", gross_saving=times),
        "Scheme confidence": rows("schemes", confidence=lambda c: min(c * factor, Decimal(1))),
        "Risk values": rows("risks", value=times),
        "Risk mitigations": rows("risks", mitigation_value=times),
    }


def tornado(plan: Plan, swing: Decimal = Decimal("0.10"),
            stopped: Callable[[], bool] = lambda: False) -> tuple[float, list[TornadoBar]]:
    """(base shortfall, bars widest first) for a +/- `swing` on each driver in turn.
    `stopped()` is asked before each driver: once True, TornadoStopped is raised."""
    base = year_end_shortfall(plan)
    lows, highs = _scaled(1 - swing), _scaled(1 + swing)
    bars = []
    for name in lows:
        if stopped():
            raise TornadoStopped(name)
        bars.append(TornadoBar(name, year_end_shortfall(lows[name](plan)),
                               year_end_shortfall(highs[name](plan))))
    bars.sort(key=lambda b: -b.width)
    return base, bars


class TornadoStopped(Exception):
    """The tornado was stopped before its last driver (its inputs are out of date)."""
