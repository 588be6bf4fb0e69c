"""XmR arithmetic against published worked examples, and each special-cause rule on
hand-made series whose answer can be worked out by hand.

Published examples used (numbers re-typed here, nothing else copied):
1. NHSRplotthedots, the NHS-R community's R implementation of NHS England / NHS Improvement
   "Making Data Count" (github.com/nhs-r-community/NHSRplotthedots): the test
   tests/testthat/test-ptd_spc.R "it outputs expected content" runs ptd_spc() on R's
   set.seed(123); rnorm(20) and its snapshot tests/testthat/_snaps/ptd_spc.md prints
   mean 0.141624, lpl -3.01138, upl 3.294627; split 10 / 10 it prints 0.074626,
   -2.600585, 2.749837 and 0.208622, -3.279005, 3.696249; with target 0.5 the assurance is
   "inconsistent" (hit and miss). The 20 inputs below are R's rnorm values to 8 decimals;
   matching all seven printed figures to 6 significant figures confirms both them and us.
2. statprocon's README (pypi.org/project/statprocon, after Wheeler's "Making Sense of
   Data"): counts 10, 50, 40, 30 give central line 32.5, mean moving range 20,
   UNPL 85.7, LNPL -20.7, upper range limit 65.36.
3. spc-plotly's README (pypi.org/project/spc-plotly, 0.1.3): 38 monthly counts give
   mean 2820.6315789473683, mean moving range 571.8918918918919, upper natural process
   limit 4341.864011379801 and moving-range upper limit 1868.9427027027025.
The moving-range upper limit differs in the 4th figure: those READMEs use Wheeler's 3.268,
we use the tabled D4 = 3.267 (as NHSRplotthedots does).
"""

from __future__ import annotations

import numpy as np
import pytest

from workbench.domain.trajectories import Actual, Direction, SpcSettings, Trajectory
from workbench.engine.spc import (
    Assurance,
    Variation,
    assurance,
    runs,
    spc,
    trajectory_spc,
    trends,
    two_of_three,
    xmr_limits,
)

RNORM_123 = [
    -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621,
    -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145, 0.11068272,
    -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141,
]
SPC_PLOTLY = [
    2478, 2350, 2485, 2296, 2359, 2567, 3089, 2668, 1788, 2854, 2365, 1883, 1959, 1927,
    2640, 2626, 2144, 2409, 4412, 3287, 3049, 3364, 3078, 2972, 3415, 2753, 3102, 2191,
    3693, 4385, 4699, 3031, 2659, 3885, 2628, 2621, 3071, 2002,
]


def test_nhsrplotthedots_making_data_count_example():
    result = spc(RNORM_123, screen_moving_ranges=True, target=0.5)
    (limits,) = result.segments
    assert limits.mean == pytest.approx(0.141624, abs=5e-7)
    assert limits.lower == pytest.approx(-3.01138, abs=5e-6)
    assert limits.upper == pytest.approx(3.294627, abs=5e-7)
    assert not result.frame["special"].any()
    assert result.variation is Variation.COMMON_CAUSE
    assert result.assurance is Assurance.HIT_AND_MISS


def test_nhsrplotthedots_two_groups_of_ten():
    """Their facets are separate series; a rebase at point 10 gives each half its own limits."""
    first, second = spc(RNORM_123, rebase_at=[10], screen_moving_ranges=True).segments
    assert (first.mean, first.lower, first.upper) == pytest.approx(
        (0.074626, -2.600585, 2.749837), abs=5e-7)
    assert (second.mean, second.lower, second.upper) == pytest.approx(
        (0.208622, -3.279005, 3.696249), abs=5e-7)


def test_wheeler_style_example_from_statprocon():
    result = spc([10, 50, 40, 30])
    (limits,) = result.segments
    assert limits.mean == 32.5
    assert limits.mean_moving_range == 20
    assert limits.upper == pytest.approx(85.7)
    assert limits.lower == pytest.approx(-20.7)
    assert limits.moving_range_upper == pytest.approx(65.36, rel=1e-3)
    assert result.frame["moving_range"].tolist()[1:] == [40, 10, 10]


def test_spc_plotly_published_example():
    (limits,) = spc(SPC_PLOTLY).segments
    assert limits.mean == pytest.approx(2820.6315789473683, rel=1e-12)
    assert limits.mean_moving_range == pytest.approx(571.8918918918919, rel=1e-12)
    assert limits.upper == pytest.approx(4341.864011379801, rel=1e-12)
    assert limits.lower == pytest.approx(2 * limits.mean - 4341.864011379801, rel=1e-12)
    assert limits.moving_range_upper == pytest.approx(1868.9427027027025, rel=1e-3)


# Hand-made series. BASE alternates 12, 10 (20 points): mean 11, every moving range 2,
# so limits 11 +/- 2.66 x 2 = 5.68 .. 16.32 and two sigma 11 +/- 3.5467 = 7.453 .. 14.547.
# The baseline is fixed to these 20 points, so appended test points do not move the limits.
BASE = [12.0, 10.0] * 10


def chart(tail, **options):
    options.setdefault("baseline", (0, len(BASE)))
    return spc(BASE + list(tail), **options)


def flagged(result, rule):
    return [i - len(BASE) for i in np.flatnonzero(result.frame[rule].to_numpy())]


def test_base_limits_by_hand():
    (limits,) = chart([]).segments
    assert (limits.mean, limits.mean_moving_range) == (11, 2)
    assert (limits.lower, limits.upper) == pytest.approx((5.68, 16.32))
    assert (limits.near_lower, limits.near_upper) == pytest.approx((11 - 3.546667, 11 + 3.546667))
    assert not chart([]).frame["special"].any()


def test_a_point_outside_the_limits():
    result = chart([16.3, 16.4, 5.6])
    assert flagged(result, "outside") == [1, 2]


def test_run_of_seven_on_one_side_of_the_mean():
    # the last base point (10) is below the mean, so the run starts at the first 11.5
    assert flagged(chart([11.5] * 7), "run") == list(range(7))
    assert flagged(chart([11.5] * 6), "run") == []
    assert flagged(chart([11.5] * 6, run_length=6), "run") == list(range(6))


def test_a_point_on_the_mean_ends_a_run():
    assert flagged(chart([11.5] * 4 + [11.0] + [11.5] * 4), "run") == []


def test_trend_of_six_rising_points():
    # 10 (last base point) then 10.5 .. 12.5: six points each above the one before
    result = chart([10.5, 11.0, 11.5, 12.0, 12.5])
    assert flagged(result, "trend") == [-1, 0, 1, 2, 3, 4]
    assert not result.frame[["outside", "run", "two_of_three"]].to_numpy().any()
    assert flagged(chart([10.5, 11.0, 11.5, 12.0, 12.5], trend_length=7), "trend") == []


def test_equal_neighbours_end_a_trend():
    assert flagged(chart([10.5, 11.0, 11.0, 11.5, 12.0]), "trend") == []


def test_falling_trend_and_its_direction():
    flags, direction = trends(np.array([9.0, 8, 7, 6, 5, 4, 6]), 6)
    assert flags.tolist() == [True] * 6 + [False]
    assert direction[:6].tolist() == [-1] * 6


def test_two_of_three_beyond_two_sigma_on_the_same_side():
    result = chart([15.0, 11.0, 15.0])  # 15 is beyond 14.547 but inside 16.32
    assert flagged(result, "two_of_three") == [0, 2]
    assert flagged(result, "outside") == []


def test_two_of_three_on_opposite_sides_is_not_a_signal():
    """The case NHSRplotthedots tests too (±1 alternating, then 5.5 and -5.5)."""
    assert flagged(chart([15.0, 7.0]), "two_of_three") == []
    series = [1.0, -1.0] * 7 + [5.5, -5.5]
    for screen in (False, True):
        assert not spc(series, screen_moving_ranges=screen).frame["special"].any()


def test_one_point_beyond_two_sigma_alone_is_not_a_signal():
    assert flagged(chart([15.0, 11.0, 11.0, 15.0]), "two_of_three") == []


def test_rule_helpers_directly():
    assert runs(np.array([1, 1, 1, -1]), 0, 3).tolist() == [True, True, True, False]
    assert two_of_three(np.array([0, 3, 3, 0]), 0, 2).tolist() == [False, True, True, False]


def test_variation_icon_follows_direction():
    high = chart([17.0])
    assert chart([17.0], direction=Direction.HIGHER).variation is Variation.IMPROVING
    assert chart([17.0], direction=Direction.LOWER).variation is Variation.CONCERNING
    assert chart([17.0], direction=Direction.NEUTRAL).variation is Variation.HIGHER
    assert chart([5.0], direction=Direction.NEUTRAL).variation is Variation.LOWER
    assert high.frame["variation"].iloc[-1] == Variation.IMPROVING.value
    assert chart([11.5]).variation is Variation.COMMON_CAUSE


def test_a_trend_is_judged_by_its_direction():
    rising = [10.5, 11.0, 11.5, 12.0, 12.5]
    assert chart(rising, direction=Direction.HIGHER).variation is Variation.IMPROVING
    assert chart(rising, direction=Direction.LOWER).variation is Variation.CONCERNING
    # 10.5 is below the mean yet part of a rising trend: improving when higher is better
    assert chart(rising).frame["variation"].iloc[len(BASE)] == Variation.IMPROVING.value


@pytest.mark.parametrize(
    ("target", "direction", "expected"),
    [
        (5.0, Direction.HIGHER, Assurance.PASS),  # below every likely value
        (17.0, Direction.HIGHER, Assurance.FAIL),  # above every likely value
        (11.0, Direction.HIGHER, Assurance.HIT_AND_MISS),
        (16.0, Direction.HIGHER, Assurance.HIT_AND_MISS),  # just inside the upper limit
        (17.0, Direction.LOWER, Assurance.PASS),
        (5.0, Direction.LOWER, Assurance.FAIL),
        (11.0, Direction.NEUTRAL, None),
        (None, Direction.HIGHER, None),
    ],
)
def test_assurance_icon(target, direction, expected):
    assert chart([], target=target, direction=direction).assurance is expected
    limits = chart([]).segments[0]
    assert assurance(limits, target, direction) is expected


def test_baseline_choice_sets_the_limits():
    values = [10.0, 12.0, 10.0, 12.0, 30.0, 32.0]
    assert spc(values, baseline=(0, 4)).segments[0].mean == 11
    assert spc(values).segments[0].mean == pytest.approx(106 / 6)
    assert spc(values, baseline=(0, 4)).frame["outside"].tolist() == [False] * 4 + [True] * 2
    empty_baseline = spc(values, baseline=(10, 12))
    assert empty_baseline.segments[0].mean == pytest.approx(106 / 6)
    assert "no points" in empty_baseline.warnings[-1]


def test_rebasing_gives_each_segment_its_own_limits_and_rules():
    values = [10.0, 12.0] * 6 + [20.0, 22.0] * 6
    whole = spc(values)
    assert whole.frame["run"].all()  # 12 below the mean of 16, then 12 above
    rebased = spc(values, rebase_at=[12])
    first, second = rebased.segments
    assert (first.mean, first.mean_moving_range) == (11, 2)
    assert (second.mean, second.mean_moving_range) == (21, 2)  # the 12 -> 20 jump is in neither
    assert not rebased.frame["special"].any()
    assert rebased.frame["segment"].tolist() == [0] * 12 + [1] * 12
    assert np.isnan(rebased.frame["moving_range"].iloc[12])


def test_fix_after_limits_a_rebased_segment_to_its_first_points():
    values = [10.0, 12.0] * 3 + [20.0, 22.0, 20.0, 22.0, 40.0, 42.0]
    second = spc(values, rebase_at=[6], fix_after=4).segments[1]
    assert (second.baseline_start, second.baseline_stop, second.mean) == (6, 10, 21)


def test_screening_drops_a_freak_moving_range():
    values = [10.0, 12.0] * 5 + [50.0]  # nine ranges of 2, one of 38
    assert xmr_limits(values)[1] == pytest.approx(5.6)
    assert xmr_limits(values, screen_moving_ranges=True)[1] == pytest.approx(2.0)


def test_short_baselines_are_reported_and_bad_values_refused():
    assert "4 points" in spc([10, 50, 40, 30]).warnings[0]
    assert chart([]).warnings == ()
    with pytest.raises(ValueError):
        spc([1.0, float("nan")])
    empty = spc([])
    assert empty.segments == () and empty.variation is None and empty.assurance is None


def test_trajectory_spc_reads_labels_and_settings():
    months = [f"2016-{m:02d}" for m in range(4, 13)] + [f"2017-{m:02d}" for m in range(1, 13)]
    values = ([12.0, 10.0] * 6 + [20.0, 22.0] * 6)[: len(months)]
    trajectory = Trajectory(
        id=1, metric="m", target=15.0,
        actuals={p: Actual(v) for p, v in zip(months, values, strict=True)},
        spc=SpcSettings(baseline_start="2016-04", baseline_end="2016-09", rebase_at=("2017-04",)),
    )
    result = trajectory_spc(trajectory)
    first, second = result.segments
    assert (first.baseline_start, first.baseline_stop) == (0, 6)
    assert second.start == months.index("2017-04")
    assert result.frame.index[0] == "2016-04"
    assert result.assurance is Assurance.PASS  # last segment: mean 20.9, limits 15.6 .. 26.2
