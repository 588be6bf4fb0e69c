"""XmR (individuals and moving range) charts in the NHS "Making Data Count" way.

Limits: mean +/- 2.66 x mean moving range, from a chosen baseline, per segment (a rebase
starts a new segment). 2.66 = 3 / 1.128, where 1.128 (d2 for ranges of two points) turns a
mean moving range into a sigma; "near a limit" is beyond two sigma, 2/3 of the way out.

Special-cause rules, each applied within a segment:
  outside      a point above the upper or below the lower limit;
  run          `run_length` (7) or more points in a row on one side of the mean; a point
               exactly on the mean ends a run;
  trend        `trend_length` (6) or more points in a row each higher (or each lower) than
               the one before; equal neighbours end a trend;
  two of three two of any three points in a row beyond two sigma on the same side (points
               beyond the limits count), flagging those points.
A flagged point improves or concerns by the metric's direction: by its side of the mean,
or, if only a trend flags it, by the trend's direction. The variation icon is the last
point's; the assurance icon compares the target with the last segment's limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.domain.enums import LabelledEnum
from workbench.domain.trajectories import Direction, Trajectory

LIMIT = 2.66  # process limits: mean +/- LIMIT x mean moving range
NEAR = LIMIT * 2 / 3  # two sigma
MR_LIMIT = 3.267  # upper range limit of the moving-range chart (D4 for n = 2)
SHORT_BASELINE = 12  # fewer baseline points than this: say so (as NHSRplotthedots does)


class Variation(LabelledEnum):
    COMMON_CAUSE = "Common cause variation"
    IMPROVING = "Special cause: improving"
    CONCERNING = "Special cause: concerning"
    HIGHER = "Special cause: higher"  # metrics with no preferred direction
    LOWER = "Special cause: lower"


class Assurance(LabelledEnum):
    PASS = "Consistently passing the target"
    FAIL = "Consistently failing the target"
    HIT_AND_MISS = "Hit and miss: the target is within the limits"


@dataclass(frozen=True)
class Limits:
    """One segment [start, stop) whose limits come from points [baseline_start, baseline_stop)."""

    start: int
    stop: int
    baseline_start: int
    baseline_stop: int
    mean: float
    mean_moving_range: float

    @property
    def lower(self) -> float:
        return self.mean - LIMIT * self.mean_moving_range

    @property
    def upper(self) -> float:
        return self.mean + LIMIT * self.mean_moving_range

    @property
    def near_lower(self) -> float:
        return self.mean - NEAR * self.mean_moving_range

    @property
    def near_upper(self) -> float:
        return self.mean + NEAR * self.mean_moving_range

    @property
    def moving_range_upper(self) -> float:
        return MR_LIMIT * self.mean_moving_range


@dataclass(frozen=True)
class SpcResult:
    """`frame` has one row per point: value, moving_range, segment, mean, lower, upper,
    near_lower, near_upper, outside, run, trend, two_of_three, special, variation."""

    frame: pd.DataFrame
    segments: tuple[Limits, ...]
    variation: Variation | None
    assurance: Assurance | None
    warnings: tuple[str, ...] = ()


def xmr_limits(
    values: Sequence[float], *, screen_moving_ranges: bool = False
) -> tuple[float, float]:
    """(mean, mean moving range) of a baseline. Screening drops moving ranges above the
    moving-range chart's upper limit (3.267 x their mean) before averaging again, so one
    freak month does not widen the limits."""
    x = np.asarray(values, float)
    if len(x) == 0:
        return float("nan"), float("nan")
    if len(x) < 2:
        return float(x.mean()), float("nan")
    moving = np.abs(np.diff(x))
    mean_mr = moving.mean()
    if screen_moving_ranges:
        mean_mr = moving[moving <= MR_LIMIT * mean_mr].mean()
    return float(x.mean()), float(mean_mr)


def spc(
    values: Sequence[float],
    *,
    index: Sequence[object] | None = None,
    direction: Direction = Direction.HIGHER,
    target: float | None = None,
    baseline: tuple[int, int] | None = None,
    rebase_at: Sequence[int] = (),
    fix_after: int | None = None,
    run_length: int = 7,
    trend_length: int = 6,
    screen_moving_ranges: bool = False,
) -> SpcResult:
    """The XmR chart of `values` in time order. `baseline` = (start, stop) positions for the
    first segment's limits; `rebase_at` = positions where new segments start; later segments
    take their limits from their first `fix_after` points (None = all)."""
    x = np.asarray(values, float)
    if not np.isfinite(x).all():
        raise ValueError("SPC needs a finite value for every point")
    n = len(x)
    cuts = sorted({c for c in rebase_at if 0 < c < n})
    bounds = list(zip([0, *cuts], [*cuts, n], strict=True)) if n else []
    segments: list[Limits] = []
    columns = {k: np.zeros(n, bool) for k in ("outside", "run", "trend", "two_of_three")}
    segment_no, side = np.zeros(n, int), np.zeros(n)
    for k, (start, stop) in enumerate(bounds):
        b0, b1 = _baseline(k, start, stop, baseline, fix_after)
        mean, mean_mr = xmr_limits(x[b0:b1], screen_moving_ranges=screen_moving_ranges)
        lim = Limits(start, stop, b0, b1, mean, mean_mr)
        segments.append(lim)
        part = x[start:stop]
        segment_no[start:stop] = k
        columns["outside"][start:stop] = (part > lim.upper) | (part < lim.lower)
        columns["run"][start:stop] = runs(part, mean, run_length)
        trend, trend_side = trends(part, trend_length)
        columns["trend"][start:stop] = trend
        columns["two_of_three"][start:stop] = two_of_three(part, mean, NEAR * mean_mr)
        by_mean = (columns["outside"] | columns["run"] | columns["two_of_three"])[start:stop]
        side[start:stop] = np.where(by_mean, np.sign(part - mean), trend_side)

    special = columns["outside"] | columns["run"] | columns["trend"] | columns["two_of_three"]
    kinds = [_variation(bool(s), d, direction) for s, d in zip(special, side, strict=True)]
    lengths = [lim.stop - lim.start for lim in segments]
    per_point = {
        name: np.repeat([getattr(lim, name) for lim in segments], lengths).astype(float)
        for name in ("mean", "lower", "upper", "near_lower", "near_upper")
    }
    frame = pd.DataFrame(
        {
            "value": x,
            "moving_range": np.r_[np.nan, np.abs(np.diff(x))] if n else x,
            "segment": segment_no,
            **per_point,
            **columns,
            "special": special,
            "variation": [v.value for v in kinds],
        },
        index=pd.Index(list(index) if index is not None else range(n), name="period"),
    )
    for k in range(1, len(segments)):  # a moving range across a rebase belongs to neither
        frame.iloc[segments[k].start, frame.columns.get_loc("moving_range")] = np.nan
    warnings = tuple(
        f"segment {k + 1}: limits rest on {s.baseline_stop - s.baseline_start} points "
        f"(fewer than {SHORT_BASELINE}); treat signals with caution"
        for k, s in enumerate(segments) if s.baseline_stop - s.baseline_start < SHORT_BASELINE
    )
    if baseline is not None and segments:
        first = segments[0]
        chosen = (max(0, baseline[0]), min(first.stop, baseline[1]))
        if (first.baseline_start, first.baseline_stop) != chosen:
            warnings += ("the chosen baseline holds no points; the whole first segment is used",)
    return SpcResult(
        frame=frame,
        segments=tuple(segments),
        variation=kinds[-1] if kinds else None,
        assurance=assurance(segments[-1], target, direction) if segments else None,
        warnings=warnings,
    )


def _baseline(
    k: int, start: int, stop: int, baseline: tuple[int, int] | None, fix_after: int | None
) -> tuple[int, int]:
    if k == 0 and baseline is not None:
        b0, b1 = max(start, baseline[0]), min(stop, baseline[1])
        if b1 - b0 >= 1:
            return b0, b1
    return start, stop if fix_after is None else min(stop, start + fix_after)


def _run_member(keys: np.ndarray, length: int) -> np.ndarray:
    """True where a key belongs to a stretch of `length`+ equal, non-zero keys."""
    if len(keys) == 0:
        return np.zeros(0, bool)
    change = np.r_[True, keys[1:] != keys[:-1]]
    run_id = np.cumsum(change) - 1
    return (np.bincount(run_id)[run_id] >= length) & (keys != 0)


def runs(x: np.ndarray, mean: float, length: int = 7) -> np.ndarray:
    """Points in a run of `length` or more on one side of the mean."""
    return _run_member(np.sign(np.asarray(x, float) - mean), length)


def trends(x: np.ndarray, length: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """Points in a trend of `length` or more points, and the trend's direction (+1 / -1)."""
    x = np.asarray(x, float)
    flagged, direction = np.zeros(len(x), bool), np.zeros(len(x))
    if len(x) < 2:
        return flagged, direction
    steps = np.sign(np.diff(x))
    in_trend = _run_member(steps, length - 1)
    for offset in (0, 1):  # a step flags the point before it and the point after it
        where = np.flatnonzero(in_trend) + offset
        flagged[where] = True
        direction[where] = steps[in_trend]
    return flagged, direction


def two_of_three(x: np.ndarray, mean: float, two_sigma: float) -> np.ndarray:
    """Points beyond two sigma that have another such point on the same side among any
    three consecutive points."""
    x = np.asarray(x, float)
    flagged = np.zeros(len(x), bool)
    for sign in (1, -1):
        beyond = sign * (x - mean) > two_sigma
        for i in range(max(len(x) - 2, 0)):
            if beyond[i:i + 3].sum() >= 2:
                flagged[i:i + 3] |= beyond[i:i + 3]
    return flagged


def _variation(special: bool, side: float, direction: Direction) -> Variation:
    if not special:
        return Variation.COMMON_CAUSE
    if direction.sign == 0:
        return Variation.HIGHER if side > 0 else Variation.LOWER
    return Variation.IMPROVING if side * direction.sign > 0 else Variation.CONCERNING


def assurance(limits: Limits, target: float | None, direction: Direction) -> Assurance | None:
    """Will the process meet the target reliably (PASS), never (FAIL), or by chance?"""
    if target is None or direction.sign == 0 or not np.isfinite(limits.mean_moving_range):
        return None
    if limits.lower <= target <= limits.upper:
        return Assurance.HIT_AND_MISS
    above_all = target < limits.lower  # every likely value beats a "higher is better" target
    return Assurance.PASS if above_all == (direction.sign > 0) else Assurance.FAIL


def trajectory_spc(trajectory: Trajectory) -> SpcResult:
    """The SPC chart of a trajectory's actuals, with its settings, direction and target."""
    periods = sorted(trajectory.actuals)
    settings = trajectory.spc
    baseline = None
    if settings.baseline_start or settings.baseline_end:
        b0 = sum(p < (settings.baseline_start or "") for p in periods)
        b1 = sum(p <= settings.baseline_end for p in periods) if settings.baseline_end else None
        baseline = (b0, len(periods) if b1 is None else b1)
    rebase = [sum(p < label for p in periods) for label in settings.rebase_at]
    return spc(
        [trajectory.actuals[p].value for p in periods],
        index=periods,
        direction=trajectory.direction,
        target=trajectory.target,
        baseline=baseline,
        rebase_at=rebase,
        fix_after=settings.fix_after,
        run_length=settings.run_length,
        trend_length=settings.trend_length,
        screen_moving_ranges=settings.screen_moving_ranges,
    )
