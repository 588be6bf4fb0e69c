"""The 2009 demo: NHS Oxfordshire's Creating a Healthy Oxfordshire programme (seed 003),
built from the paper's figures, every input sourced, its open questions left open."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.domain.test_demo_sources import check_sources
from workbench.domain.demo_2009 import PLAN_YEAR, PROGRAMME_YEARS, demo_2009_plan
from workbench.engine import compute

M = Decimal(1_000_000)


def test_every_input_names_a_source_found_in_the_2009_paper():
    check_sources(demo_2009_plan())


def test_the_programme_years_are_the_papers():
    years = {y.label: y for y in PROGRAMME_YEARS}
    assert list(years) == ["2009/10", "2010/11", "2011/12", "2012/13", "2013/14"]
    assert years["2009/10"].budget_m == 850 and years["2010/11"].increase_m == 40
    savings = [y.savings_m for y in PROGRAMME_YEARS if y.savings_m]
    assert savings == [80, 80, 80] and sum(savings) == 240
    assert all(y.increase_m == 0 for y in PROGRAMME_YEARS if y.year >= 2011)


def test_year_one_of_savings_is_the_plan_and_the_engine_derives_80m():
    plan = demo_2009_plan()
    assert plan.first_year.start == PLAN_YEAR == 2011 and plan.last_year.label == "2013/14"
    summary = compute(plan).summary
    assert Decimal(str(summary.allocation)) == 890 * M
    assert Decimal(str(summary.growth)) == 0
    assert Decimal(str(summary.savings_requirement)) == 80 * M
    assert Decimal(str(summary.savings_gap)) == 80 * M  # no schemes identified yet


def test_six_workstreams_under_the_programme_board_with_dated_milestones():
    plan = demo_2009_plan()
    assert [w.name for w in plan.workstreams] == [
        "Shaping Future Primary Care", "Integrated Community Services Provision",
        "Acute Services", "Integrated Commissioning", "Disinvestment",
        "Patient Responsibility and Engagement"]
    for ws in plan.workstreams:
        assert ws.board == "Programme Board" and not ws.eia_done and ws.lead == ""
        assert "reference groups" in ws.source and "Equality Impact" in ws.source
        dates = [m.due for m in ws.milestones]
        assert dates[0] == dt.date(2009, 11, 16) and ws.milestones[0].done
        assert dates[-1] == dt.date(2014, 3, 31)
    assert plan.schemes == [] and plan.risks == []


def test_the_later_years_targets_are_a_cumulative_savings_trajectory():
    (path,) = demo_2009_plan().trajectories
    assert path.target == 240 and path.target_date == dt.date(2014, 3, 31)
    assert [path.planned[m] for m in ("2012-03", "2013-03", "2014-03")] == [80, 160, 240]
    assert min(path.planned) == "2011-04"
