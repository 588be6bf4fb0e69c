"""The demo plan, loaded from nothing, must show the seed board paper's figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.engine import compute

M = Decimal(1_000_000)


@pytest.fixture(scope="module")
def summary():
    return compute(demo_plan()).summary


def to_m(value) -> Decimal:
    return (Decimal(str(value)) / M).quantize(Decimal("0.1"))


def test_savings_requirement_is_22_4m_and_3_percent(summary):
    assert to_m(summary.savings_requirement) == Decimal("22.4")
    assert round(summary.savings_requirement_pct * 100, 1) == Decimal("3.0")


def test_identified_earmarked_and_gap(summary):
    assert to_m(summary.schemes_identified) == Decimal("7.0")
    assert to_m(summary.schemes_earmarked) == Decimal("2.1")
    assert to_m(summary.savings_gap) == Decimal("13.3")
    assert summary.savings_gap == (
        summary.savings_requirement - summary.schemes_identified - summary.schemes_earmarked
    )


def test_allocation_growth_is_49_5m_at_7_3_percent(summary):
    assert to_m(summary.growth) == Decimal("49.5")
    assert round(summary.growth_pct * 100, 1) == Decimal("7.3")


def test_transformation_ringfence_is_9_0m_at_1_2_percent(summary):
    assert to_m(summary.transformation_ringfence) == Decimal("9.0")
    assert summary.transformation_ringfence_pct == Decimal("0.012")


def test_activity_growth_is_1_9_percent(summary):
    assert summary.activity_growth_pct == Decimal("0.019")
    assert summary.activity_growth_pressure > 0


def test_risks_gross_is_the_five_seed_risks():
    """The paper lists six risks and values five; the sixth (social care) is held at £0."""
    plan = demo_plan()
    values = sorted((to_m(r.value) for r in plan.risks), reverse=True)
    assert values == [Decimal(v) for v in ("15.0", "7.4", "3.0", "2.0", "1.0", "0")]
    assert to_m(compute(plan).summary.risks_gross) == Decimal("28.4")


def test_business_rules_are_held_back_from_total_allocation(summary):
    total = summary.total_allocation
    assert summary.surplus == total * Decimal("0.01")
    assert summary.uncommitted_reserve == total * Decimal("0.01")
    assert summary.contingency == total * Decimal("0.005")
    assert summary.holdbacks == (
        summary.surplus + summary.uncommitted_reserve + summary.contingency
        + summary.transformation_ringfence + summary.chc_risk_pool
    )
    assert summary.savings_requirement == summary.planned_spend + summary.holdbacks - total
