"""Trajectories: a metric's planned path to a standard or target, and its actuals as they arrive.

Periods are text labels so monthly and weekly paths share one shape: a month is 'YYYY-MM'
(as in periods.month_label) and a week is 'YYYY-MM-DD', the Monday it commences. Both sort
correctly as text. Percentages are fractions (0.95 is 95%), like every rate in the domain.
Values are floats: these are measurements to chart and test, not money.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from workbench.domain.enums import LabelledEnum
from workbench.domain.numbers import NotAccepted, parse_count, parse_percent


class Direction(LabelledEnum):
    """Which way is better; drives on-track status and the SPC icons."""

    HIGHER = "Higher is better"
    LOWER = "Lower is better"
    NEUTRAL = "No preferred direction"

    @property
    def sign(self) -> int:
        """+1 if higher is better, -1 if lower is better, 0 if neither."""
        if self is Direction.HIGHER:
            return 1
        return -1 if self is Direction.LOWER else 0


class Unit(LabelledEnum):
    PERCENT = "%"
    COUNT = "count"
    MINUTES = "minutes"


class Frequency(LabelledEnum):
    MONTHLY = "Monthly"
    WEEKLY = "Weekly"


class Actual(NamedTuple):
    """One observed value; the note is what a hover shows ("winter surge", "data revised")."""

    value: float
    note: str = ""


@dataclass(frozen=True)
class SpcSettings:
    """How the SPC chart of a trajectory's actuals is drawn (NHS "Making Data Count").

    The limits of the first segment come from the actuals between `baseline_start` and
    `baseline_end` (inclusive period labels; both None = every point of that segment).
    Each label in `rebase_at` starts a new segment with its own limits, taken from its
    first `fix_after` points (None = all of them). A run is `run_length` points on one side
    of the mean; a trend is `trend_length` points each above (or below) the one before.
    """

    baseline_start: str | None = None
    baseline_end: str | None = None
    rebase_at: tuple[str, ...] = ()
    fix_after: int | None = None
    run_length: int = 7
    trend_length: int = 6
    screen_moving_ranges: bool = False

    def __post_init__(self) -> None:
        if self.run_length < 2 or self.trend_length < 2:
            raise ValueError("run and trend lengths must be at least 2 points")
        if self.fix_after is not None and self.fix_after < 2:
            raise ValueError("limits need at least 2 points (fix_after >= 2)")


@dataclass
class Trajectory:
    """A metric tracked against a standard or local target.

    `target` is the value to reach (e.g. 0.95) by `target_date`; `planned` is the agreed
    path there, one value per period; `actuals` are observations with an optional note.
    `standard_id` names the bundled or local standard it was made from, if any.
    """

    id: int | None
    metric: str
    unit: Unit = Unit.PERCENT
    direction: Direction = Direction.HIGHER
    target: float | None = None
    target_date: dt.date | None = None
    frequency: Frequency = Frequency.MONTHLY
    planned: dict[str, float] = field(default_factory=dict)
    actuals: dict[str, Actual] = field(default_factory=dict)
    standard_id: str = ""
    provider: str = ""
    spc: SpcSettings = field(default_factory=SpcSettings)
    source: str = ""  # where the input comes from: a paper and its words, or "chosen: why"

    def periods(self) -> list[str]:
        """Every period with a plan or an actual, in time order."""
        return sorted(set(self.planned) | set(self.actuals))

    def with_actual(self, period: str, value: float, note: str = "") -> Trajectory:
        """A copy with one actual added or replaced (the label is checked)."""
        check_period(period, self.frequency)
        return replace(self, actuals={**self.actuals, period: Actual(float(value), note)})


def parse_value(text: object, unit: Unit) -> float | None:
    """A trajectory value as typed (in a grid or a CSV file). A percentage follows the one
    rule of workbench.domain.numbers ('87.5%', '87.5' and '0.875' are all 87.5%; '0.5%' is
    half a percent), from 0% to 100%; other units read '1,240' as 1240.0, zero or more.
    Blank is None (no value). Raises NotAccepted (a ValueError) saying what was read."""
    raw = str(text).strip()
    if not raw:
        return None
    if unit is Unit.PERCENT:
        return float(parse_percent(raw))
    if raw.endswith("%"):
        raise NotAccepted(f"a number of {unit.value}, not a percentage", raw)
    value = parse_count(raw)
    return None if value is None else float(value)


def check_period(label: str, frequency: Frequency) -> str:
    """Raise ValueError unless `label` is a month ('2016-04') or a Monday ('2016-04-04')."""
    try:
        if frequency is Frequency.MONTHLY:
            dt.datetime.strptime(label, "%Y-%m")
            ok = len(label) == 7
        else:
            ok = dt.date.fromisoformat(label).weekday() == 0 and len(label) == 10
    except ValueError:
        ok = False
    if not ok:
        monthly = frequency is Frequency.MONTHLY
        wanted = "a month like 2016-04" if monthly else "a Monday like 2016-04-04"
        raise ValueError(f"{label!r} is not {wanted}")
    return label


def period_start(label: str) -> dt.date:
    """The first day a period label covers: '2016-04' -> 1 April 2016."""
    return dt.date.fromisoformat(label if len(label) == 10 else f"{label}-01")


def week_labels(first_monday: dt.date, last_day: dt.date) -> list[str]:
    """Weeks commencing `first_monday` (moved back to its Monday) up to `last_day`."""
    week = first_monday - dt.timedelta(days=first_monday.weekday())
    labels = []
    while week <= last_day:
        labels.append(week.isoformat())
        week += dt.timedelta(days=7)
    return labels


def month_of(label: str) -> str:
    """The month a period falls in: a week belongs to the month of its Monday."""
    return label[:7]


def straight_line(labels: list[str], start: float, end: float) -> dict[str, float]:
    """A planned path from `start` at the first period to `end` at the last, evenly."""
    if not labels:
        return {}
    if len(labels) == 1:
        return {labels[0]: end}
    step = (end - start) / (len(labels) - 1)
    path = {label: start + step * i for i, label in enumerate(labels)}
    path[labels[-1]] = end  # exactly the target, whatever the rounding on the way
    return path
