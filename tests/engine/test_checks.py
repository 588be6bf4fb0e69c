from __future__ import annotations

from decimal import Decimal

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind
from workbench.engine import compute
from workbench.engine.checks import PROBLEM, WARNING, check_plan


def test_demo_plan_has_no_problems_and_flags_the_gap():
    plan = demo_plan()
    checks = check_plan(plan, compute(plan))
    assert not [c for c in checks if c.severity == PROBLEM]
    gap = [c for c in checks if "Savings gap" in c.message]
    assert gap and gap[0].severity == WARNING and "£13.3m" in gap[0].message


def test_bad_rows_are_named():
    plan = demo_plan()
    plan.schemes[0].confidence = Decimal("1.5")
    plan.schemes[1].phasing = (Decimal(0),) * 12
    plan.schemes[2].name = plan.schemes[3].name
    plan.risks[0].likelihood = 7
    checks = check_plan(plan, compute(plan))
    problems = [(c.kind, c.row_id) for c in checks if c.severity == PROBLEM]
    assert (EntityKind.SCHEME, plan.schemes[0].id) in problems
    assert (EntityKind.SCHEME, plan.schemes[1].id) in problems
    assert (EntityKind.RISK, plan.risks[0].id) in problems
    assert any("same name" in c.message for c in checks)
    assert checks[0].severity == PROBLEM  # problems first
