"""Scheme milestones: what has to happen before a saving starts, and how late it is.

A milestone has the date it was planned for and, once someone re-forecasts it, the date it
is now expected. Slip is counted in whole calendar months (a go-live moved from 15 June to
3 August slips two months), because savings are profiled by month.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SchemeMilestone:
    """`forecast` None means "on plan". `go_live` marks the milestone savings start from."""

    name: str
    planned: dt.date
    forecast: dt.date | None = None
    go_live: bool = False
    done: bool = False

    @property
    def expected(self) -> dt.date:
        return self.forecast or self.planned

    @property
    def slip_months(self) -> int:
        """Whole months the expected date lies after the planned one (never negative)."""
        return max(0, months_between(self.planned, self.expected))


def months_between(start: dt.date, end: dt.date) -> int:
    """Calendar months from `start`'s month to `end`'s (negative if `end` is earlier)."""
    return (end.year - start.year) * 12 + end.month - start.month


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, the day clamped to the month (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def go_live(milestones: Iterable[SchemeMilestone]) -> SchemeMilestone | None:
    return next((m for m in milestones if m.go_live), None)


def worst_slip(milestones: Iterable[SchemeMilestone]) -> int:
    """The largest slip of any milestone, in months (0 with none)."""
    return max((m.slip_months for m in milestones), default=0)


def find(milestones: Iterable[SchemeMilestone], name: str) -> SchemeMilestone:
    for m in milestones:
        if m.name == name:
            return m
    raise KeyError(f"no milestone called {name!r}")


def replace_forecast(milestones: tuple[SchemeMilestone, ...], name: str,
                     forecast: dt.date) -> tuple[SchemeMilestone, ...]:
    """The milestones with `name` re-forecast to `forecast` (the others as they were)."""
    find(milestones, name)
    return tuple(SchemeMilestone(m.name, m.planned, forecast, m.go_live, m.done)
                 if m.name == name else m for m in milestones)
