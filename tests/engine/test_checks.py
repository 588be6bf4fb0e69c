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


def test_activity_and_trajectory_checks_name_their_rows():
    plan = demo_plan()
    nel, ae = plan.activity_lines[0], plan.activity_lines[2]
    nel.scheme_ids, nel.impact_rule = (999,), nel.impact_rule.LINKED
    plan.activity_lines[3].baseline = Decimal(0)
    ae.overrides = {0: Decimal(50_000)}  # one typed month far above the plan's
    for s in plan.schemes:
        if s.activity_impact:
            s.activity_impact = 10_000_000
    plan.activity_lines[4].scheme_ids = tuple(s.id for s in plan.schemes if s.activity_impact)
    plan.activity_lines[4].impact_rule = nel.impact_rule.LINKED
    checks = {(c.severity, c.kind, c.row_id): c.message for c in check_plan(plan, compute(plan))}
    line = EntityKind.ACTIVITY_LINE
    assert "no longer in the plan" in checks[(WARNING, line, nel.id)]
    assert "no baseline" in checks[(WARNING, line, plan.activity_lines[3].id)]
    assert "typed months make the year +" in checks[("Info", line, ae.id)]
    assert "negative" in checks[(PROBLEM, line, plan.activity_lines[4].id)]
    four_hour = plan.trajectories[2]
    assert "off track at 2019-03" in checks[("Info", EntityKind.TRAJECTORY, four_hour.id)]
