"""A pool's projected variance reaches the plan: the CCG's share moves the savings
requirement and shows among the risks, and the explanation still adds up."""

import dataclasses
from decimal import Decimal as D

from workbench.domain.changes import PlanChanges
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField, apply_to_plan
from workbench.engine import compute
from workbench.engine.explain import recombine
from workbench.engine.explain_build import explain
from workbench.engine.recompute import PlanEngine


def _with_variance(plan, pool_index, amount):
    plan.pools[pool_index] = dataclasses.replace(plan.pools[pool_index],
                                                 projected_variance=D(amount))
    return plan


def test_demo_pools_hold_the_seed_totals_and_leave_the_requirement_alone():
    plan = demo_plan()
    results = compute(plan)
    s = results.summary
    assert s.pooled_budget == D("330000000")
    assert dict(results.system.pools.by_partner) == {
        "Oxfordshire CCG": D("146000000"), "Oxfordshire County Council": D("184000000")}
    assert len(plan.pools) == 4
    assert s.pooled_budgets_ccg_variance == 0
    assert round(s.savings_requirement) == D("22393500")


def test_ccg_share_of_an_overspend_adds_to_the_requirement_and_the_risks():
    base = compute(demo_plan()).summary
    # Older people's pool: CCG £80m, council £100m. £3.3m overspend:
    # CCG 3,300,000 x 80/180 = 1,466,666.666..., council 1,833,333.333...: the penny goes
    # to the larger remainder (the CCG): 1,466,666.67 and 1,833,333.33.
    results = compute(_with_variance(demo_plan(), 0, "3300000"))
    s = results.summary
    assert results.system.splits[0].shares == (
        ("Oxfordshire CCG", D("1466666.67")), ("Oxfordshire County Council", D("1833333.33")))
    assert s.pooled_budgets_ccg_variance == D("1466666.67")
    assert s.savings_requirement - base.savings_requirement == D("1466666.67")
    assert s.savings_gap - base.savings_gap == D("1466666.67")
    assert s.risks_pooled_budgets == D("1466666.67")
    assert s.savings_requirement_pct == s.savings_requirement / s.total_allocation


def test_ccg_share_of_an_underspend_lowers_the_requirement_and_is_no_risk():
    base = compute(demo_plan()).summary
    # Learning disabilities pool, fixed shares 15% / 85%: -£1m -> CCG -£150,000
    s = compute(_with_variance(demo_plan(), 2, "-1000000")).summary
    assert s.pooled_budgets_ccg_variance == D("-150000.00")
    assert s.savings_requirement - base.savings_requirement == D("-150000.00")
    assert s.risks_pooled_budgets == 0


def test_capped_demo_pool_keeps_the_ccg_within_its_cap():
    # Physical disabilities: CCG £8m (cap £1m), council £14m. £4.4m overspend: CCG's
    # proportional part 4,400,000 x 8/22 = 1,600,000 > £1m: CCG £1m, council £3.4m.
    results = compute(_with_variance(demo_plan(), 1, "4400000"))
    assert results.system.splits[1].shares == (
        ("Oxfordshire CCG", D("1000000.00")), ("Oxfordshire County Council", D("3400000.00")))
    assert results.summary.pooled_budgets_ccg_variance == D("1000000.00")


def test_explanation_of_the_requirement_names_the_pools_and_adds_up():
    plan = _with_variance(demo_plan(), 0, "3300000")
    results = compute(plan)
    node = explain(plan, results, "savings_requirement")
    assert "pooled budgets" in node.formula
    assert abs(recombine(node) - float(results.summary.savings_requirement)) < 0.01
    pools = explain(plan, results, "pooled_budgets_ccg_variance")
    assert [(r.name, r.value) for r in pools.rows][0] == ("Older people's pool",
                                                         D("1466666.67"))


def test_incremental_recompute_after_a_pool_edit_equals_a_full_one():
    plan = demo_plan()
    for i, p in enumerate(plan.pools):  # store-like ids
        plan.pools[i] = dataclasses.replace(p, id=i + 1)
    engine = PlanEngine()
    engine.compute(plan)
    edit = SetField(EntityKind.POOL, 1, "projected_variance", D(0), D("900000"))
    apply_to_plan(plan, edit)
    incremental = engine.compute(plan, PlanChanges.of(edit))
    full = compute(plan)
    assert incremental.summary == full.summary
    assert incremental.summary.pooled_budgets_ccg_variance == D("400000.00")  # 900k x 80/180
