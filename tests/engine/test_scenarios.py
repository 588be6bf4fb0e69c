"""Scenarios: results differ from the base exactly by the overridden drivers; the tornado."""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.scenarios import Scenario
from workbench.engine import compute
from workbench.engine.scenarios import apply_scenario, tornado, year_end_shortfall
from workbench.engine.simulation import delivery_inputs


@pytest.fixture
def plan():
    return demo_plan()


def by_hand(plan, **drivers):
    out = copy.deepcopy(plan)
    for name, value in drivers.items():
        setattr(out.drivers, name, value)
    return out


def summary_of(plan, **overrides):
    return compute(apply_scenario(plan, Scenario(None, "What if", **overrides))).summary


def test_no_override_is_the_base_and_the_base_is_never_touched(plan):
    before = copy.deepcopy(plan)
    assert summary_of(plan) == compute(plan).summary
    summary_of(plan, tariff_uplift_pct=Decimal("0.03"), slippage_months=4,
               confidence_haircut=Decimal("0.2"), risk_likelihood_shift=1)
    assert plan == before


@pytest.mark.parametrize("field,value", [("tariff_uplift_pct", Decimal("0.025")),
                                         ("activity_growth_pct", Decimal("0.03"))])
def test_a_driver_override_is_that_driver_changed(plan, field, value):
    assert summary_of(plan, **{field: value}) == compute(by_hand(plan, **{field: value})).summary
    changed = {f.name for f in dataclasses.fields(compute(plan).summary)
               if getattr(summary_of(plan, **{field: value}), f.name)
               != getattr(compute(plan).summary, f.name)}
    pressure = "tariff_pressure" if field.startswith("tariff") else "activity_growth_pressure"
    assert pressure in changed and "allocation" not in changed
    assert "schemes_risk_adjusted" not in changed and "risks_weighted" not in changed


def test_allocation_growth_sets_the_allocation_from_last_year(plan):
    s = summary_of(plan, allocation_growth_pct=Decimal("0.05"))
    expected = plan.drivers.prior_year_allocation * Decimal("1.05")
    assert s == compute(by_hand(plan, allocation=expected)).summary
    assert s.growth_pct == Decimal("0.05")


def test_slippage_loses_the_months_pushed_past_march(plan):
    flat, ramp = plan.schemes[2], plan.schemes[0]  # flat phasing; ramp from July (month 3)
    slipped = apply_scenario(plan, Scenario(None, "Late", slippage_months=3))
    flat_after = next(s for s in slipped.schemes if s.id == flat.id)
    ramp_after = next(s for s in slipped.schemes if s.id == ramp.id)
    assert flat_after.gross_saving == flat.gross_saving * Decimal(9) / Decimal(12)
    assert ramp_after.gross_saving == ramp.gross_saving * Decimal(6) / Decimal(9)
    assert list(ramp_after.phasing[:6]) == [0] * 6
    base = compute(plan).summary
    lost = sum(float(s.gross_saving - t.gross_saving)
               for s, t in zip(plan.schemes, slipped.schemes, strict=True)
               if s.status.value == "Identified")
    assert float(compute(slipped).summary.schemes_identified) == pytest.approx(
        float(base.schemes_identified) - lost)


def test_haircut_and_likelihood_shift(plan):
    base = compute(plan).summary
    cut = summary_of(plan, confidence_haircut=Decimal("0.2"))
    assert cut.schemes_risk_adjusted == base.schemes_risk_adjusted * Decimal("0.8")
    assert cut.savings_gap == base.savings_gap  # the gross gap does not use confidence
    shifted = summary_of(plan, risk_likelihood_shift=1)
    # 15m and 7.4m from 75% to 95%; 3m, 2m, 1m from 50% to 75%
    assert shifted.risks_weighted == pytest.approx(base.risks_weighted + 0.2 * 22.4e6
                                                   + 0.25 * 6e6)
    assert summary_of(plan, risk_likelihood_shift=9).risks_weighted == pytest.approx(
        0.95 * 28.4e6)  # kept within the 5x5 matrix


def test_tornado_swings_each_driver_and_puts_the_widest_first(plan):
    base, bars = tornado(plan)
    results = compute(plan)
    inputs = delivery_inputs(plan, results, 4.0)
    assert base == pytest.approx(-inputs.expected_position)  # the odds' own figure
    assert [b.width for b in bars] == sorted((b.width for b in bars), reverse=True)
    tariff = next(b for b in bars if b.driver == "Tariff uplift")
    up = by_hand(plan, tariff_uplift_pct=plan.drivers.tariff_uplift_pct * Decimal("1.1"))
    assert tariff.high == pytest.approx(year_end_shortfall(up))
    assert tariff.high - base == pytest.approx(base - tariff.low)  # linear in the tariff
    growth = next(b for b in bars if b.driver == "Allocation growth")
    assert growth.high < base < growth.low  # more growth, smaller shortfall
    assert growth.width == pytest.approx(2 * 0.1 * 49.5e6 * (1 - 0.037))
    _base, wider = tornado(plan, Decimal("0.2"))
    assert next(b for b in wider if b.driver == "Tariff uplift").width == pytest.approx(
        2 * tariff.width)


def test_a_tornado_stops_at_the_next_driver_once_asked(plan):
    from workbench.engine.scenarios import TornadoStopped

    asked: list[int] = []

    def stopped() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(TornadoStopped):
        tornado(plan, stopped=stopped)
    assert len(asked) == 4  # three drivers done, stopped before the fourth
    assert tornado(plan, stopped=lambda: False) == tornado(plan)
