"""Working days are weekdays less England's bank holidays (the published calendar, shipped
as data in resources/calendar)."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain.activity import working_days
from workbench.domain.calendar_days import bank_holidays, covered_years


def test_may_2016_has_20_working_days_in_england():
    assert working_days(2016)[1] == 20  # 22 weekdays less 2 and 30 May


def test_2016_17_has_255_working_days():
    # 261 weekdays less 2 May, 30 May, 29 Aug, 26 and 27 Dec 2016 and 2 Jan 2017
    assert sum(working_days(2016)) == 255
    assert working_days(2016) == (21, 20, 22, 21, 22, 22, 21, 22, 20, 21, 20, 23)


def test_one_off_holidays_count():
    assert dt.date(2022, 9, 19) in bank_holidays()  # state funeral
    assert dt.date(2023, 5, 8) in bank_holidays()  # coronation


def test_shipped_calendar_equals_the_holidays_package():
    holidays = pytest.importorskip("holidays")
    first, last = covered_years()
    expected = {d for d in holidays.country_holidays("GB", subdiv="ENG",
                                                     years=range(first, last + 1))
                if d.weekday() < 5}
    assert set(bank_holidays()) == expected
