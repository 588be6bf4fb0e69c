"""England's bank holidays, from the published calendar shipped in resources/calendar.

`england_bank_holidays.csv` lists every England and Wales bank holiday that falls on a
weekday (substitute days included, one-off days such as the 2023 coronation too), as the
`holidays` package publishes it; tests hold the file equal to the package. Years outside
the file are counted as weekdays only, and say so.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache

from workbench.domain.resources import resource_path

FILE = ("calendar", "england_bank_holidays.csv")


@cache
def bank_holidays() -> frozenset[dt.date]:
    with resource_path(*FILE).open(newline="", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return frozenset(dt.date.fromisoformat(row["date"]) for row in csv.DictReader(lines))


@cache
def covered_years() -> tuple[int, int]:
    """First and last calendar year the shipped calendar covers."""
    years = [d.year for d in bank_holidays()]
    return min(years), max(years)


def is_covered(year: int) -> bool:
    first, last = covered_years()
    return first <= year <= last
