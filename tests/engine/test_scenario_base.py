"""A scenario built on an older base says what changed in the base since."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from workbench.domain.demo_plan import demo_plan
from workbench.engine import compute
from workbench.engine.scenario_base import base_changes, base_snapshot


def test_no_change_no_notice_and_each_kind_of_change_named():
    plan = demo_plan()
    seen = base_snapshot(plan, compute(plan))
    assert base_changes(seen, plan, compute(plan)) == []
    plan.drivers.tariff_uplift_pct = Decimal("0.02")
    plan.risks = [r for r in plan.risks if not r.description.startswith("Continuing healthcare")]
    changes = base_changes(seen, plan, compute(plan))
    # tariff 2.0% instead of 1.1% on £547.3m of tariff lines: +£4.9m on the requirement;
    # the CHC risk (£1.0m at 50%, less £0.2m mitigation) gone: −£0.3m after mitigations
    assert changes == [
        "Tariff uplift 1.1% → 2.0%",
        "Risks 6 → 5",
        "Savings requirement £22.4m → £27.3m",
        "Risks after mitigations £15.8m → £15.5m",  # CHC: £1.0m × 50% − £0.2m
    ]


def test_a_scheme_revalued_moves_the_schemes_lines_only():
    plan = demo_plan()
    seen = base_snapshot(plan, compute(plan))
    plan.schemes[0] = dataclasses.replace(plan.schemes[0], gross_saving=Decimal(2_200_000))
    assert base_changes(seen, plan, compute(plan)) == [
        "Schemes identified £7.0m → £8.0m",  # MSK triage £1.2m → £2.2m
        "Schemes, risk-adjusted £5.8m → £6.5m"]  # + £1.0m × 70%: £5.815m → £6.515m


def test_a_scenario_without_a_recorded_base_says_so():
    plan = demo_plan()
    assert base_changes("", plan, compute(plan)) == [
        "the base it was built on was not recorded"]
