"""The checklist on a large plan is the one the previous code gave, check for check."""

from __future__ import annotations

from decimal import Decimal

from benchmarks.large_plan import large_plan
from tests.engine.checks_reference import reference_check_plan
from workbench.engine import compute
from workbench.engine.checks import INFO, PROBLEM, WARNING, check_plan


def test_same_checks_in_the_same_order_as_before_on_a_tenth_of_the_large_plan():
    plan = large_plan(scale="1/10")
    lines = plan.activity_lines
    lines[0].baseline = Decimal(0)  # no baseline
    lines[1].scheme_ids = (*lines[1].scheme_ids, 999_999)  # a scheme no longer there
    lines[2].overrides = {0: Decimal(900_000)}  # a typed month far above the plan
    lines[3].impact_rule = lines[3].impact_rule.LINKED  # schemes take off more than it holds
    lines[3].scheme_ids = tuple(s.id for s in plan.schemes if s.activity_impact)
    for s in plan.schemes:
        if s.activity_impact:
            s.activity_impact = 10_000_000
    plan.schemes[0].phasing = (Decimal(-1), *plan.schemes[0].phasing[1:])
    plan.schemes[1].phasing = ()
    plan.schemes[2].confidence = Decimal("1.5")
    plan.schemes[3].name = plan.schemes[4].name
    results = compute(plan)
    new, old = check_plan(plan, results), reference_check_plan(plan, results)
    assert new == old
    severities = {c.severity for c in new}
    assert severities == {PROBLEM, WARNING, INFO}
    messages = " ".join(c.message for c in new)
    for words in ("no baseline", "no longer in the plan", "typed months make the year",
                  "planned activity is negative", "phasing must have positive months",
                  "confidence must be 0-100%", "same name"):
        assert words in messages
