"""Activity plan arithmetic: growth less scheme impact, the four profiles, overrides that
survive recalculation, and the seed's non-elective figures (shared/seeds/001: 1.76% below
the expected level including 1.9% growth, about 1,000 admissions avoided via the BCF)."""

from __future__ import annotations

import dataclasses
import time
from decimal import Decimal as D

import numpy as np
import pytest

from workbench.domain.activity import (
    MEASURES,
    ActivityLine,
    ImpactRule,
    Measure,
    Profile,
    calendar_days,
    working_days,
)
from workbench.domain.demo_activity import GROWTH, NEL_BASELINE, ae_actuals, demo_activity_lines
from workbench.domain.demo_plan import demo_plan
from workbench.domain.enums import PointOfDelivery
from workbench.domain.schemes import SavingsScheme
from workbench.engine.activity import (
    activity_plan,
    admissions_avoided,
    line_frame,
    round_keeping_totals,
)


def line(**changes) -> ActivityLine:
    base = dict(id=1, measure=Measure.FIRST_OUTPATIENTS, provider="RTH", baseline=D(12_000),
                growth=D(0), year=2016)
    base.update(changes)
    return ActivityLine(**base)


def scheme(id, impact, pod=PointOfDelivery.OUTPATIENTS, provider="", first=2016, last=2016):
    return SavingsScheme(id=id, name=f"S{id}", pod=pod, provider=provider,
                         activity_impact=impact, first_year=first, last_year=last)


def months(results, key=1):
    return results.monthly.loc[key].to_numpy()


# --- planned value -------------------------------------------------------------------

def test_planned_is_baseline_times_growth_less_linked_impact():
    r = activity_plan([line(growth=D("0.05"), scheme_ids=(7,))], [scheme(7, 600)])
    f = r.figures.loc[1]
    assert f["expected"] == pytest.approx(12_600)
    assert f["scheme_impact"] == 600
    assert f["planned"] == pytest.approx(12_000)
    assert f["reduction_pct"] == pytest.approx(600 / 12_600)
    assert r.contributions[["line_id", "scheme_id", "impact"]].values.tolist() == [[1, 7, 600]]


def test_schemes_count_only_in_the_years_they_span_and_missing_links_are_reported():
    schemes = [scheme(1, 100, first=2017, last=2018), scheme(2, 50)]
    r = activity_plan([line(scheme_ids=(1, 2, 99))], schemes)
    assert r.figures.loc[1, "scheme_impact"] == 50
    assert r.warnings == ("line 1: linked scheme 99 does not exist",)


def test_matching_pod_rule_takes_schemes_of_the_measures_pod_and_provider():
    schemes = [
        scheme(1, 100),  # outpatients, any provider
        scheme(2, 40, provider="OUH"),  # named by provider name
        scheme(3, 30, provider="rth"),  # named by code, any case
        scheme(4, 20, provider="RBF"),  # another provider
        scheme(5, 10, pod=PointOfDelivery.ELECTIVE),  # another POD
    ]
    ruled = line(impact_rule=ImpactRule.MATCHING_POD, provider_name="OUH")
    assert activity_plan([ruled], schemes).figures.loc[1, "scheme_impact"] == 170
    # totals and referrals have no POD, so the rule never counts a scheme twice
    total = dataclasses.replace(ruled, measure=Measure.ELECTIVE_TOTAL)
    assert activity_plan([total], schemes).figures.loc[1, "scheme_impact"] == 0
    assert MEASURES[Measure.GP_REFERRALS].pod is None


# --- profiles ------------------------------------------------------------------------

def test_flat_profile_is_a_twelfth_a_month():
    assert months(activity_plan([line()])).tolist() == [1000.0] * 12


def test_working_days_profile_follows_the_calendar_and_adds_up():
    r = activity_plan([line(baseline=D(25_500), profile=Profile.WORKING_DAYS)])
    days = np.array(working_days(2016))
    assert days.sum() == 255  # weekdays less England's bank holidays, Apr 2016 .. Mar 2017
    assert months(r) == pytest.approx(days * 100)  # 25,500 / 255 a working day
    assert months(r).sum() == pytest.approx(25_500)
    assert working_days(2016)[:3] == (21, 20, 22)  # April, May (2 and 30 May), June 2016
    assert working_days(2017)[9:] == (22, 20, 21)  # Jan-Mar 2018: 1 Jan, Good Friday 30 Mar


def test_calendar_days_profile():
    r = activity_plan([line(baseline=D(36_500), year=2017, profile=Profile.CALENDAR_DAYS)])
    assert months(r) == pytest.approx(np.array(calendar_days(2017)) * 100)
    assert calendar_days(2019)[10] == 29  # February 2020


def test_seasonal_profile_keeps_last_years_shape():
    shape = tuple(D(v) for v in (1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4))  # sums to 30
    r = activity_plan([line(baseline=D(30), growth=D("0.1"), profile=Profile.SEASONAL,
                            last_year_monthly=shape)])
    assert months(r) == pytest.approx([float(v) * 1.1 for v in shape])


def test_seasonal_without_a_shape_falls_back_to_flat_with_a_warning():
    r = activity_plan([line(profile=Profile.SEASONAL)])
    assert months(r).tolist() == [1000.0] * 12
    assert "flat used" in r.warnings[0]


# --- overrides -----------------------------------------------------------------------

def test_override_replaces_a_month_and_both_totals_are_reported():
    r = activity_plan([line().with_override(3, D(1500))])
    assert months(r)[3] == 1500 and months(r)[2] == 1000
    assert r.overridden_months(1) == [3]
    f = r.figures.loc[1]
    assert f["planned"] == 12_000  # the un-overridden total, the plan itself
    assert f["months_total"] == 12_500  # what the months now add up to
    assert f["override_delta"] == 500 and f["overrides"] == 1
    assert r.profiled.loc[1, 3] == 1000  # the profiled value is still there to show


def test_overrides_survive_recalculation():
    edited = line(profile=Profile.WORKING_DAYS).with_override(0, D(999)).with_override(11, D(7))
    before = months(activity_plan([edited]))
    regrown = dataclasses.replace(edited, growth=D("0.10"), baseline=D(20_000))
    after = activity_plan([regrown], [scheme(1, 1_000)])
    assert months(after)[[0, 11]].tolist() == [999, 7]
    assert (months(after)[1:11] > before[1:11]).all()
    assert after.overridden_months(1) == [0, 11]


def test_clearing_an_override_restores_the_profile():
    r = activity_plan([line().with_override(5, D(1)).without_override(5)])
    assert months(r).tolist() == [1000.0] * 12 and r.overridden_months(1) == []


def test_keep_totals_spreads_the_difference_over_free_months():
    r = activity_plan([line().with_override(0, D(2100))], keep_totals=True)
    assert months(r)[0] == 2100
    assert months(r)[1:] == pytest.approx([900.0] * 11)
    assert r.figures.loc[1, "months_total"] == pytest.approx(12_000)


def test_overrides_are_checked():
    with pytest.raises(ValueError):
        line().with_override(12, D(1))
    with pytest.raises(ValueError):
        line(last_year_monthly=(D(1),) * 11)


def test_rounding_keeps_each_lines_total_and_leaves_overrides_alone():
    values = np.array([[10.4, 10.4, 10.2], [1.5, 2.5, 7.25]])
    keep = np.array([[False, False, False], [False, False, True]])
    rounded = round_keeping_totals(values, keep)
    assert rounded[0].tolist() == [11, 10, 10]  # 31 in total, as 31.0 rounds
    assert rounded[1].tolist() == [2, 2, 7.25]  # 1.5 + 2.5 = 4 shared as 2 + 2


# --- actuals, charts, scale ----------------------------------------------------------

def test_line_frame_puts_plan_overrides_and_actuals_side_by_side():
    edited = line(actuals={0: D(990), 1: D(1010)}).with_override(2, D(1200))
    r = activity_plan([edited])
    frame = line_frame(r, edited)
    assert frame.index[0] == "2016-04" and frame.index[-1] == "2017-03"
    assert frame["variance"].iloc[:2].tolist() == [-10, 10]
    assert frame["overridden"].tolist()[2] and frame["plan"].iloc[2] == 1200
    assert frame["actual"].isna().sum() == 10
    assert r.figures.loc[1, "actual_total"] == 2000


def test_four_hundred_lines_plan_quickly():
    profiles = list(Profile)
    lines = [
        line(id=i, baseline=D(5_000 + i), growth=D("0.019"), profile=profiles[i % 4],
             last_year_monthly=tuple(D(m + 1) for m in range(12)), scheme_ids=(i % 30,),
             overrides={i % 12: D(400)})
        for i in range(400)
    ]
    schemes = [scheme(k, 10) for k in range(30)]
    activity_plan(lines, schemes)
    start = time.perf_counter()
    result = activity_plan(lines, schemes)
    elapsed = time.perf_counter() - start
    assert result.monthly.shape == (400, 12) and result.overridden.to_numpy().sum() == 400
    assert elapsed < 0.25  # about 2 ms here; generous for slow CI machines


# --- the seed's figures ----------------------------------------------------------------

@pytest.fixture(scope="module")
def demo():
    lines = demo_activity_lines()
    return lines, activity_plan(lines, demo_plan().schemes)


def test_seed_non_elective_figures(demo):
    _, r = demo
    nel = r.figures[r.figures["code"] == "E.M.11"].iloc[0]
    assert nel["growth"] == pytest.approx(0.019)
    assert float(demo_plan().drivers.activity_growth_pct) == float(GROWTH)
    assert nel["expected"] == pytest.approx(float(NEL_BASELINE) * 1.019)
    assert round(nel["reduction_pct"] * 100, 2) == 1.76  # 1.76% below the expected level
    assert nel["expected"] - nel["planned"] == pytest.approx(1_000)  # ~1,000 avoided
    assert admissions_avoided(r, year=2016) == 1_000
    assert round(1 - nel["planned"] / nel["expected"], 4) == 0.0176


def test_avoided_admissions_trace_to_the_bcf_scheme(demo):
    _, r = demo
    traced = r.contributions[r.contributions["line_id"] == 1]
    assert traced["scheme"].tolist() == ["BCF non-elective admissions reduction"]
    bcf = next(s for s in demo_plan().schemes if s.name == traced["scheme"].iloc[0])
    assert bcf.pod is PointOfDelivery.NON_ELECTIVE and bcf.activity_impact == 1_000
    assert r.contributions["impact"].sum() == 1_000  # no other line takes an impact


def test_ae_lines_use_real_rth_attendances(demo):
    lines, r = demo
    data = ae_actuals()
    year_2016 = sum(data[f"{y}-{m:02d}"].attendances
                    for y, ms in ((2016, range(4, 13)), (2017, range(1, 4))) for m in ms)
    assert year_2016 == 151_073  # RTH, all types, April 2016 .. March 2017
    by_id = {x.id: x for x in lines}
    assert r.figures.loc[2, "planned"] == pytest.approx(year_2016)  # estimated baseline
    assert r.figures.loc[3, "baseline"] == year_2016  # next year grows the real outturn
    assert r.figures.loc[3, "planned"] == pytest.approx(year_2016 * 1.019)
    shape = np.array([float(v) for v in by_id[3].last_year_monthly])
    assert months(r, 3) == pytest.approx(shape / shape.sum() * year_2016 * 1.019)
    assert r.figures.loc[3, "actual_total"] == 155_352  # 2017/18 actuals
    assert r.warnings == ()
