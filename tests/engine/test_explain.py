"""Every summary figure explained: each tree adds up, from the summary down to the rows."""

from __future__ import annotations

import dataclasses

import pytest

from benchmarks.large_plan import large_plan
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import ROW_LISTS, EntityKind
from workbench.domain.enums import RiskStatus
from workbench.engine import compute
from workbench.engine.explain import Op, recombine, sentence, tree_text
from workbench.engine.explain_build import explain, explain_all
from workbench.engine.results import PlanSummary
from workbench.ui.style import fmt_money, fmt_pct

SUMMARY_FIELDS = [f.name for f in dataclasses.fields(PlanSummary)]


def varied_plan():
    """The generated plan (every status, likelihood and spend flag) with a closed risk and
    reserves larger than the risks, so the net exposure floors at £0."""
    plan = large_plan(scale="1/10")
    plan.risks[0].status = RiskStatus.CLOSED
    plan.drivers.contingency_pct = plan.drivers.contingency_pct * 40
    return plan


@pytest.mark.parametrize("make", [demo_plan, varied_plan], ids=["demo", "varied"])
def test_every_summary_figure_adds_up_from_its_inputs_down_to_the_rows(make):
    plan = make()
    results = compute(plan)
    nodes = explain_all(plan, results)
    for key in SUMMARY_FIELDS:
        node = nodes[key]
        assert float(node.value) == float(getattr(results.summary, key)), key
        for _depth, part in node.walk():
            if part.op is not Op.INPUT:
                assert recombine(part) == pytest.approx(float(part.value), rel=1e-9, abs=1e-6), \
                    (key, part.key)
            if part.rows and part.terms == ():
                assert sum(float(r.value) for r in part.rows) == pytest.approx(
                    float(part.value), rel=1e-9, abs=1e-6)
            for row in part.rows:
                if row.base is not None:
                    assert float(row.base) * row.factor == pytest.approx(float(row.value))
    if make is varied_plan:
        assert results.summary.risks_net == 0 and nodes["risks_net"].op is Op.FLOOR_ZERO


def test_rows_lead_to_real_rows_of_the_plan():
    plan = large_plan(scale="1/10")
    nodes = explain_all(plan, compute(plan))
    for key in ("schemes_identified", "schemes_risk_adjusted", "risks_weighted",
                "baseline_spend", "other_pressures"):
        node = nodes[key]
        assert node.rows, key
        for row in node.rows:
            ids = {r.id for r in getattr(plan, ROW_LISTS[row.kind])}
            assert row.id in ids
    assert nodes["allocation"].go_to == (EntityKind.DRIVERS, None)


def test_the_requirement_reads_as_the_paper_does():
    plan = demo_plan()
    node = explain(plan, compute(plan), "savings_requirement")
    assert sentence(node, fmt_money, fmt_pct) == (
        "Savings requirement £22.4m = planned spend £742.0m + business-rule holdbacks £28.9m"
        " − total allocation £748.5m")
    lines = tree_text(node, fmt_money, fmt_pct)
    assert any("Acute services: £387.3m" in line for line in lines)
    # total allocation is met five times (four holdbacks, the requirement), expanded once
    assert sum("Total allocation" in line for line in lines) == 5
    assert sum("(see above)" in line for line in lines) == 4
    with pytest.raises(KeyError):
        explain(plan, compute(plan), "no_such_figure")


def test_a_closed_risk_drops_out_of_the_rows():
    plan = demo_plan()
    plan.risks[0].id = 99
    plan.risks[0].status = RiskStatus.CLOSED
    nodes = explain_all(plan, compute(plan))
    assert 99 not in {r.id for r in nodes["risks_gross"].rows}
    valued = [r for r in plan.risks if r.value]  # an unquantified risk adds no row
    assert len(nodes["risks_weighted"].rows) == len(valued) - 1
