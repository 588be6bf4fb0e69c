"""Trajectory values as people read them: '87.5%' for a percentage metric, '1,240' for a
count; and the periods a trajectory's grid lists. Typed values are read by
workbench.domain.trajectories.parse_value, which CSV imports use too.
"""

from __future__ import annotations

import datetime as dt
import math

from workbench.domain.periods import short_month
from workbench.domain.trajectories import Frequency, Trajectory, Unit, period_start, week_labels

NO_CHANGE = 1e-12  # a value re-typed from its own edit text is the same value


def format_value(value: float | None, unit: Unit, places: int = 1) -> str:
    """For display: '87.5%', '1,240', '37.8'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit is Unit.PERCENT:
        return f"{value * 100:.{places}f}%"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def edit_text(value: float | None, unit: Unit) -> str:
    """For a cell editor: full precision, so opening and closing an editor changes nothing."""
    if value is None:
        return ""
    return f"{value * 100:.10g}%" if unit is Unit.PERCENT else f"{value:.10g}"


def format_gap(gap: float | None, unit: Unit) -> str:
    """Actual minus expected, signed: '-4.1 pts' (percentage points) or '+12'."""
    if gap is None:
        return ""
    if unit is Unit.PERCENT:
        return f"{gap * 100:+.1f} pts"
    return f"{gap:+,.0f}" if float(gap).is_integer() else f"{gap:+,.1f}"


def same(old: float | None, new: float | None) -> bool:
    if old is None or new is None:
        return old is new
    return abs(old - new) <= NO_CHANGE


def period_text(label: str) -> str:
    """'2016-04' -> 'Apr 16'; a week '2016-04-04' -> 'w/c 04 Apr 16'."""
    if len(label) == 7:
        return short_month(label)
    return "w/c " + period_start(label).strftime("%d %b %y")


def next_period(label: str, frequency: Frequency) -> str:
    if frequency is Frequency.WEEKLY:
        return (period_start(label) + dt.timedelta(days=7)).isoformat()
    year, month = int(label[:4]), int(label[5:7])
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"


def year_to(day: dt.date, frequency: Frequency) -> list[str]:
    """The periods of the twelve months ending with `day` (where an empty path is due)."""
    if frequency is Frequency.WEEKLY:
        first = day - dt.timedelta(days=364)
        return week_labels(first + dt.timedelta(days=-first.weekday() % 7), day)
    months, year, month = [], day.year, day.month
    for _ in range(12):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def grid_periods(trajectory: Trajectory, today: dt.date | None = None) -> list[str]:
    """The rows of a trajectory's grid: every period with a plan or an actual (or, for an
    empty path, the year to its target date), then one more for the next actual."""
    known = trajectory.periods()
    if not known:
        due = trajectory.target_date or today or dt.date.today()
        known = year_to(due, trajectory.frequency)
    return [*known, next_period(known[-1], trajectory.frequency)]


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of financial year `year` (2017 = 1 April 2017 to 31 March
    2018)."""
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def in_year(label: str, year: int) -> bool:
    """True if the period starts in financial year `year`."""
    first, last = year_bounds(year)
    return first <= period_start(label) <= last


def year_months(year: int) -> list[str]:
    """The month labels of financial year `year`, April to March."""
    return [f"{year + (m + 3) // 12:04d}-{(m + 3) % 12 + 1:02d}" for m in range(12)]


def year_periods(trajectory: Trajectory, year: int) -> list[str]:
    """The rows of a trajectory's grid for one financial year: each of its months (or each
    week commencing in it), whether or not it has a plan or an actual yet."""
    first, last = year_bounds(year)
    if trajectory.frequency is Frequency.WEEKLY:
        wanted = week_labels(first + dt.timedelta(days=-first.weekday() % 7), last)
    else:
        wanted = year_months(year)
    return sorted(set(wanted) | {p for p in trajectory.periods() if in_year(p, year)})
