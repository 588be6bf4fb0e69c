"""The five-year plan: the demo's years against a hand calculation, carry-forward rules,
and the seed's rules for the years."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.enums import SchemeStatus
from workbench.domain.plan import new_plan
from workbench.domain.plan_years import PlanYear
from workbench.engine import compute
from workbench.engine.multi_year import multi_year, year_plan

M = D(1_000_000)


def test_year_one_is_the_summary():
    plan = demo_plan()
    summary, first = compute(plan).summary, multi_year(plan).years[0]
    for key in ("allocation", "growth", "growth_pct", "total_allocation", "holdbacks",
                "planned_spend", "savings_requirement", "schemes_identified",
                "schemes_earmarked", "savings_gap", "schemes_risk_adjusted",
                "transformation_ringfence"):
        assert getattr(first, key) == getattr(summary, key), key


def test_the_demo_years_match_a_hand_calculation():
    """2017/18 worked by hand from the demo's inputs (paper figures and stated choices)."""
    years = multi_year(demo_plan()).years
    assert [y.label for y in years] == ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"]
    assert [y.firm for y in years] == [True, True, True, False, False]
    assert round(years[0].growth / M, 1) == D("49.5") and round(years[0].growth_pct, 3) == \
        D("0.073")
    y2 = years[1]
    allocation = D("727.6") * M * D("1.02")  # paper: minimum growth of 2% (c£14m)
    assert y2.allocation == allocation and round(y2.growth / M) == 15  # "c£14m"
    total = allocation + D("20.9") * M
    holdbacks = total * (D("0.01") + D("0.01") + D("0.005") + D("0.012")) + D("1.2") * M
    # spend lines grown by their 2016/17 tariff (1.1%, acute, community, MH) and activity
    # growth (1.9%, all but primary care services, other programme and running costs)
    tariff_lines = (D("387.3") + D("75") + D("85")) * M
    growth_lines = (D("387.3") + 75 + 85 + 45 + 75) * M
    lines = D("708.3") * M + tariff_lines * D("0.011") + growth_lines * D("0.019")
    # carried forward: recurrent investments 13.0m less recurrent savings 9.1m (the 111
    # re-procurement, 2.0m, was non-recurrent)
    carried = D("13.0") * M - D("9.1") * M
    planned = (lines + carried + sum_lines(lines, tariff_lines, D("0.011"), D("0.019"),
                                            growth_lines))
    requirement = planned + holdbacks - total
    assert y2.carried_forward == carried
    assert y2.holdbacks == holdbacks
    assert y2.planned_spend == planned
    assert y2.savings_requirement == requirement
    assert round(requirement / M, 2) == D("16.51")
    assert y2.schemes_identified + y2.schemes_earmarked == D("9.1") * M  # spanning 2016-18
    assert y2.savings_gap == requirement - D("9.1") * M
    assert years[3].schemes_identified == 0  # the demo's schemes end in 2018/19
    assert years[4].allocation == D("727.6") * M * D("1.02") ** 4


def sum_lines(lines, tariff_lines, tariff, growth, growth_lines):
    """This year's tariff and activity-growth pressure on last year's grown lines."""
    factor = 1 + tariff + growth
    tariff_lines_2 = tariff_lines * factor  # acute, community, MH attract both
    growth_only = (growth_lines - tariff_lines) * (1 + growth)  # CHC, prescribing
    return tariff_lines_2 * tariff + (tariff_lines_2 + growth_only) * growth


@pytest.mark.parametrize("recurrent", [True, False])
def test_only_recurrent_savings_carry_forward(recurrent):
    plan = demo_plan()
    plan.schemes = [dataclasses.replace(plan.schemes[0], first_year=2016, last_year=2016,
                                        recurrent=recurrent, status=SchemeStatus.IDENTIFIED)]
    base = dataclasses.replace(plan, schemes=[])
    with_scheme, without = multi_year(plan).years, multi_year(base).years
    saving = plan.schemes[0].net_saving
    assert with_scheme[0].savings_gap == without[0].savings_gap - saving
    lower = without[1].savings_requirement - with_scheme[1].savings_requirement
    assert lower == (saving if recurrent else 0)
    assert with_scheme[1].schemes_identified == 0  # it counts only in its own year


def test_the_seeds_rules_are_checked_each_year():
    plan = demo_plan()
    result = multi_year(plan)
    assert result.problems() == []
    target = next(r for r in result.rules if r.rule == "target_distance")
    assert target.year == 2016 and "4.8% under" in target.message
    plan.plan_years[1] = dataclasses.replace(plan.plan_years[1],
                                             transformation_ringfence_pct=D("0.010"))
    plan.plan_years[4] = dataclasses.replace(plan.plan_years[4], investment=D("2") * M,
                                             investment_recurrent=True)
    plan.plan_years[0] = dataclasses.replace(plan.plan_years[0],
                                             target_allocation=D("810") * M)
    problems = {(r.year, r.rule): r.message for r in multi_year(plan).problems()}
    assert problems == {
        (2017, "ringfence_minimum"):
            "2017/18: the transformation ring-fence is 1.0%, below the 1.2% minimum",
        (2020, "firm_years"):
            "2020/21: £2.0m of investment is committed recurrently on an indicative "
            "allocation; growth is committed recurrently only in the firm years",
        (2016, "target_distance"):
            "2016/17: allocation 10.2% under its target (£810.0m), more than the 5.0% NHSE "
            "allows",
    }
    # the same investment made non-recurrent, or in a firm year, breaks no rule
    plan.plan_years[4] = dataclasses.replace(plan.plan_years[4], investment_recurrent=False)
    plan.plan_years[2] = dataclasses.replace(plan.plan_years[2], investment=D("2") * M,
                                             investment_recurrent=True)
    assert {r.rule for r in multi_year(plan).problems()} == {"ringfence_minimum",
                                                             "target_distance"}


def test_a_plan_without_year_rows_gets_three_firm_years_at_the_drivers_growth():
    plan = new_plan("Test CCG", "99X", 2016)
    plan.drivers.allocation = D(100) * M
    years = multi_year(plan).years
    assert [y.firm for y in years] == [True, True, True, False, False]
    assert years[1].allocation == D(100) * M * (1 + plan.drivers.future_growth_pct)


def test_a_year_row_overrides_only_what_it_sets():
    plan = demo_plan()
    plan.plan_years[2] = PlanYear(3, 2018, tariff_uplift_pct=D("0.02"))
    changed, base = multi_year(plan).years[2], multi_year(demo_plan()).years[2]
    assert changed.allocation == base.allocation  # growth None: the drivers' 2%
    assert changed.tariff_pressure > base.tariff_pressure
    assert changed.activity_growth_pressure == base.activity_growth_pressure


def test_a_later_year_computed_as_a_plan_gives_the_same_figures():
    """What the charts draw for a selected year is the engine's compute of that year's plan;
    it agrees with the five-year table figure for figure."""
    plan = demo_plan()
    for figures in multi_year(plan).years:
        summary = compute(year_plan(plan, figures.year)).summary
        for key in ("allocation", "total_allocation", "holdbacks", "planned_spend",
                    "savings_requirement", "schemes_identified", "schemes_earmarked",
                    "savings_gap", "savings_gap_risk_adjusted"):
            assert getattr(summary, key) == getattr(figures, key), (figures.label, key)
    later = compute(year_plan(plan, 2017))
    assert later.months[0] == "2017-04"
    assert later.savings_monthly["requirement_cum"].iloc[-1] == pytest.approx(
        float(multi_year(plan).year(2017).savings_requirement))


def test_a_broken_year_rule_is_on_the_plans_checklist():
    from workbench.domain.edits import EntityKind
    from workbench.engine.checks import WARNING, check_plan

    plan = demo_plan()
    assert not [c for c in check_plan(plan, compute(plan)) if c.kind is EntityKind.PLAN_YEAR]
    plan.plan_years[1] = dataclasses.replace(plan.plan_years[1],
                                             transformation_ringfence_pct=D("0.01"))
    found = [c for c in check_plan(plan, compute(plan)) if c.kind is EntityKind.PLAN_YEAR]
    assert [(c.severity, c.row_id, c.message) for c in found] == [
        (WARNING, 2, "2017/18: the transformation ring-fence is 1.0%, below the 1.2% minimum")]
