"""Trajectories: plan vs actual vs target, on-track status by direction, weekly periods, and
the demo's seed figures (shared/seeds/001: DTOC to 3.5% of occupied bed days by March 2017,
68 fewer delays a week, a 50% cut, monitored weekly) and real RTH 4-hour actuals."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from workbench.domain.demo_activity import ae_actuals, demo_trajectories, dtoc_weeks
from workbench.domain.trajectories import (
    Actual,
    Direction,
    Frequency,
    SpcSettings,
    Trajectory,
    check_period,
    month_of,
    period_start,
    straight_line,
    week_labels,
)
from workbench.engine.spc import trajectory_spc
from workbench.engine.trajectories import (
    Status,
    plan_in_force,
    status_counts,
    to_monthly,
    trajectory_frame,
    trajectory_status,
    trajectory_summary,
)


def four_hour(**changes) -> Trajectory:
    base = dict(id=7, metric="A&E 4-hour", direction=Direction.HIGHER, target=0.95,
                planned={"2016-04": 0.90, "2016-05": 0.91, "2016-06": 0.92})
    base.update(changes)
    return Trajectory(**base)


# --- periods -------------------------------------------------------------------------

def test_period_labels_are_checked():
    assert check_period("2016-04", Frequency.MONTHLY) == "2016-04"
    assert check_period("2016-04-04", Frequency.WEEKLY) == "2016-04-04"
    for bad, frequency in (("2016-4", Frequency.MONTHLY), ("2016-04-05", Frequency.WEEKLY),
                           ("April", Frequency.MONTHLY), ("2016-04", Frequency.WEEKLY)):
        with pytest.raises(ValueError):
            check_period(bad, frequency)
    with pytest.raises(ValueError):
        four_hour().with_actual("2016-13", 0.9)


def test_week_labels_are_mondays_and_belong_to_their_mondays_month():
    weeks = week_labels(dt.date(2016, 4, 6), dt.date(2016, 5, 2))
    assert weeks == ["2016-04-04", "2016-04-11", "2016-04-18", "2016-04-25", "2016-05-02"]
    assert {period_start(w).weekday() for w in weeks} == {0}
    assert month_of("2016-05-02") == "2016-05" and period_start("2016-05") == dt.date(2016, 5, 1)


def test_straight_line_path():
    path = straight_line(["a", "b", "c"], 1.0, 2.0)
    assert path == {"a": 1.0, "b": 1.5, "c": 2.0}
    assert straight_line(["a"], 1.0, 2.0) == {"a": 2.0} and straight_line([], 1, 2) == {}


# --- plan vs actual vs target ----------------------------------------------------------

def test_frame_sets_plan_actual_and_target_side_by_side():
    t = four_hour().with_actual("2016-04", 0.93, "good month").with_actual("2016-05", 0.88)
    t = t.with_actual("2016-07", 0.96)
    frame = trajectory_frame(t)
    assert frame.index.tolist() == ["2016-04", "2016-05", "2016-06", "2016-07"]
    assert frame.loc["2016-04", "note"] == "good month"
    assert frame.loc["2016-05", "variance"] == pytest.approx(-0.03)
    assert frame["on_plan"].tolist()[:2] == [True, False]
    assert frame["on_plan"].isna().tolist() == [False, False, True, True]
    assert frame["meets_target"].tolist()[3] is True
    assert (frame["target"] == 0.95).all()


def test_status_on_track_off_track_and_no_data():
    t = four_hour()
    assert trajectory_status(t).status is Status.NO_DATA
    on = trajectory_status(t.with_actual("2016-05", 0.915))
    assert (on.status, on.compared_with, on.expected) == (Status.ON_TRACK, "plan", 0.91)
    assert on.target_met is False
    off = trajectory_status(t.with_actual("2016-05", 0.90))
    assert off.status is Status.OFF_TRACK and off.gap == pytest.approx(-0.01)


def test_lower_is_better_reverses_the_judgement():
    t = four_hour(direction=Direction.LOWER, target=0.035)
    assert trajectory_status(t.with_actual("2016-05", 0.90)).status is Status.ON_TRACK
    assert trajectory_status(t.with_actual("2016-05", 0.92)).status is Status.OFF_TRACK


def test_as_of_looks_back_and_the_latest_actual_decides():
    t = four_hour().with_actual("2016-04", 0.95).with_actual("2016-05", 0.80)
    assert trajectory_status(t).status is Status.OFF_TRACK
    assert trajectory_status(t, as_of="2016-04").status is Status.ON_TRACK
    assert trajectory_status(t, as_of="2016-03").status is Status.NO_DATA


def test_plan_in_force_and_target_past_the_plan():
    t = four_hour()
    assert plan_in_force(t, "2016-05-16") == 0.91  # a weekly actual against a monthly plan
    assert plan_in_force(t, "2016-03") is None
    late = trajectory_status(t.with_actual("2017-01", 0.94))
    assert (late.compared_with, late.expected, late.status) == ("target", 0.95, Status.OFF_TRACK)
    unplanned = Trajectory(id=1, metric="x").with_actual("2016-04", 3.0)
    assert trajectory_status(unplanned).status is Status.NO_DATA


def test_summary_counts_every_status():
    statuses = trajectory_summary([four_hour(), four_hour().with_actual("2016-04", 0.99)])
    assert status_counts(statuses) == {"On track": 1, "Off track": 0, "No data": 1}
    assert statuses[1].as_dict()["status"] == "On track"


def test_weekly_frame_by_month():
    weeks = week_labels(dt.date(2016, 4, 4), dt.date(2016, 5, 9))  # 4 April weeks, 2 May
    t = Trajectory(id=1, metric="DTOC", frequency=Frequency.WEEKLY, direction=Direction.LOWER,
                   target=3.0, planned=dict.fromkeys(weeks, 10.0),
                   actuals={w: Actual(float(i)) for i, w in enumerate(weeks)})
    monthly = to_monthly(trajectory_frame(t))
    assert monthly.index.tolist() == ["2016-04", "2016-05"]
    assert monthly["actual"].tolist() == [1.5, 4.5]  # mean of weeks 0..3, then 4..5
    assert monthly["weeks_with_actuals"].tolist() == [4, 2]
    assert to_monthly(trajectory_frame(t), "sum")["actual"].tolist() == [6.0, 9.0]


def test_spc_settings_are_validated():
    with pytest.raises(ValueError):
        SpcSettings(run_length=1)
    with pytest.raises(ValueError):
        SpcSettings(fix_after=1)


# --- the demo's trajectories ---------------------------------------------------------

@pytest.fixture(scope="module")
def demo():
    return {t.id: t for t in demo_trajectories()}


def test_dtoc_is_weekly_from_april_2016_to_march_2017(demo):
    weeks = dtoc_weeks()
    assert len(weeks) == 52 and weeks[0] == "2016-04-04" and weeks[-1] == "2017-03-27"
    for t in (demo[1], demo[2]):
        assert t.frequency is Frequency.WEEKLY and t.direction is Direction.LOWER
        assert list(t.planned) == weeks
        assert t.target_date == dt.date(2017, 3, 31)


def test_dtoc_reaches_3_5_percent_of_occupied_bed_days(demo):
    share = demo[1]
    assert share.standard_id == "DTOC_OBD" and share.target == 0.035
    first, last = share.planned["2016-04-04"], share.planned["2017-03-27"]
    assert last == pytest.approx(0.035)  # 3.5% of occupied bed days by March 2017
    assert last / first == pytest.approx(0.5)  # a 50% cut


def test_dtoc_is_68_fewer_delays_a_week_a_50_percent_cut(demo):
    delays = demo[2]
    first, last = delays.planned["2016-04-04"], delays.planned["2017-03-27"]
    assert first - last == 68  # 68 fewer a week
    assert last / first == 0.5  # half the current level
    # one bed base links the two paths: delays / share is the same every week
    ratio = {round(delays.planned[w] / demo[1].planned[w], 6) for w in dtoc_weeks()}
    assert len(ratio) == 1


def test_four_hour_actuals_are_rth_all_types(demo):
    t = demo[3]
    assert t.target == 0.95 and t.standard_id == "AE_4HR" and t.provider == "RTH"
    assert len(t.actuals) == 36
    assert min(t.actuals) == "2016-04" and max(t.actuals) == "2019-03"
    assert t.actuals["2016-04"].value == pytest.approx(1 - 1494 / 12_000)  # types 1 + 2
    assert t.actuals["2016-10"].value == pytest.approx(1 - 3469 / 13_286)
    march_2018 = ae_actuals()["2018-03"]  # type 3 included from December 2017
    assert march_2018 == (11_323 + 1_670 + 333, 2_755 + 0 + 7, 3_102 + 82 + 15)
    assert "type 3" in t.actuals["2017-12"].note
    assert t.planned["2016-04"] == pytest.approx(0.90)
    assert t.planned["2017-03"] == pytest.approx(0.95)


def test_demo_statuses_and_spc(demo):
    statuses = {s.trajectory_id: s for s in trajectory_summary(demo.values())}
    assert statuses[1].status is Status.NO_DATA and statuses[2].status is Status.NO_DATA
    four = statuses[3]
    assert (four.status, four.period, four.compared_with) == (Status.OFF_TRACK, "2019-03", "target")
    result = trajectory_spc(demo[3])
    (limits,) = result.segments
    assert (limits.baseline_start, limits.baseline_stop) == (0, 12)  # 2016/17 as the baseline
    assert limits.lower < 0.95 < limits.upper  # hit and miss against 95%
    frame = result.frame
    assert frame.loc["2017-06":"2018-03", "run"].all()  # 10 months below the 2016/17 mean
    assert isinstance(frame.index, pd.Index) and frame.index[-1] == "2019-03"
