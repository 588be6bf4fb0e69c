"""Trajectories: plan vs actual vs target by period, and an on-track status for summaries.

"Better" follows the trajectory's direction: for A&E 4-hour (higher is better) an actual
at or above plan is on track; for DTOC (lower is better) at or below. The plan in force at
a period is the latest planned point at or before it, so a weekly actual can be judged
against a plan that was set monthly, and the other way round. Past the plan's last period
(or before its first) an actual is judged against the target, if there is one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from workbench.domain.enums import LabelledEnum
from workbench.domain.trajectories import Direction, Trajectory, month_of


class Status(LabelledEnum):
    ON_TRACK = "On track"
    OFF_TRACK = "Off track"
    NO_DATA = "No data"


@dataclass(frozen=True)
class TrajectoryStatus:
    """Where a trajectory stands at its latest actual: compared with the plan in force then,
    or with the target if there is no plan yet."""

    trajectory_id: int | None
    metric: str
    status: Status
    period: str | None = None
    actual: float | None = None
    compared_with: str = ""  # "plan", "target" or "" (nothing to compare with)
    expected: float | None = None
    gap: float | None = None  # actual - expected
    target: float | None = None
    target_met: bool | None = None

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["status"] = self.status.value
        return data


def is_better_or_equal(
    actual: np.ndarray | float, reference: np.ndarray | float, direction: Direction,
    tolerance: float = 0.0,
) -> np.ndarray | bool:
    """Actual at least as good as the reference; with no preferred direction, within tolerance."""
    if direction is Direction.HIGHER:
        return np.asarray(actual) >= np.asarray(reference) - tolerance
    if direction is Direction.LOWER:
        return np.asarray(actual) <= np.asarray(reference) + tolerance
    return np.abs(np.asarray(actual) - np.asarray(reference)) <= tolerance


def trajectory_frame(trajectory: Trajectory) -> pd.DataFrame:
    """One row per period with a plan or an actual: planned, actual, note, target,
    variance (actual - planned), on_plan and meets_target (NaN where either side is missing)."""
    periods = trajectory.periods()
    planned = np.array([trajectory.planned.get(p, np.nan) for p in periods], float)
    actual = np.array(
        [trajectory.actuals[p].value if p in trajectory.actuals else np.nan for p in periods],
        float,
    )
    notes = [trajectory.actuals[p].note if p in trajectory.actuals else "" for p in periods]
    target = np.full(len(periods), np.nan if trajectory.target is None else trajectory.target)
    frame = pd.DataFrame(
        {
            "planned": planned,
            "actual": actual,
            "note": notes,
            "target": target,
            "variance": actual - planned,
        },
        index=pd.Index(periods, name="period"),
    )
    for column, reference in (("on_plan", planned), ("meets_target", target)):
        known = ~np.isnan(actual) & ~np.isnan(reference)
        verdict = is_better_or_equal(actual, reference, trajectory.direction)
        frame[column] = pd.Series(verdict, index=frame.index, dtype="boolean").where(known)
    return frame


def plan_in_force(trajectory: Trajectory, period: str) -> float | None:
    """The latest planned value at or before `period` (labels sort in time order)."""
    earlier = [p for p in trajectory.planned if p <= period]
    return trajectory.planned[max(earlier)] if earlier else None


def trajectory_status(
    trajectory: Trajectory, *, as_of: str | None = None, tolerance: float = 0.0
) -> TrajectoryStatus:
    """On track / off track at the latest actual up to `as_of`; no data if there is none."""
    periods = sorted(p for p in trajectory.actuals if as_of is None or p <= as_of)
    base = TrajectoryStatus(
        trajectory.id, trajectory.metric, Status.NO_DATA, target=trajectory.target
    )
    if not periods:
        return base
    period = periods[-1]
    actual = trajectory.actuals[period].value
    target_met = None
    if trajectory.target is not None:
        target_met = bool(is_better_or_equal(actual, trajectory.target, trajectory.direction))
    expected, against = plan_in_force(trajectory, period), "plan"
    if period > max(trajectory.planned, default="") and trajectory.target is not None:
        expected = None
    if expected is None:
        expected, against = trajectory.target, "target"
    if expected is None:
        return TrajectoryStatus(trajectory.id, trajectory.metric, Status.NO_DATA, period, actual)
    good = bool(is_better_or_equal(actual, expected, trajectory.direction, tolerance))
    return TrajectoryStatus(
        trajectory_id=trajectory.id,
        metric=trajectory.metric,
        status=Status.ON_TRACK if good else Status.OFF_TRACK,
        period=period,
        actual=actual,
        compared_with=against,
        expected=expected,
        gap=actual - expected,
        target=trajectory.target,
        target_met=target_met,
    )


def trajectory_summary(
    trajectories: Iterable[Trajectory], *, as_of: str | None = None
) -> list[TrajectoryStatus]:
    return [trajectory_status(t, as_of=as_of) for t in trajectories]


def status_counts(statuses: Iterable[TrajectoryStatus]) -> dict[str, int]:
    """How many trajectories are on track, off track and without data (every status listed)."""
    counts = {s.value: 0 for s in Status}
    for s in statuses:
        counts[s.status.value] += 1
    return counts


def to_monthly(frame: pd.DataFrame, how: str = "mean") -> pd.DataFrame:
    """A weekly trajectory frame by month (a week belongs to the month of its Monday), for
    monthly reports and for charts beside monthly metrics. `how` is any pandas reducer."""
    numeric = frame[["planned", "actual", "target"]]
    grouped = numeric.groupby(numeric.index.map(month_of))
    monthly = grouped.agg(how)
    monthly["weeks_with_actuals"] = grouped["actual"].count()
    monthly.index.name = "month"
    return monthly
