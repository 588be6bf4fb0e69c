"""Milestone slip in whole months, and moving dates by months."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain.milestones import (
    SchemeMilestone,
    add_months,
    go_live,
    months_between,
    replace_forecast,
    worst_slip,
)


def test_slip_counts_calendar_months_never_negative():
    m = SchemeMilestone("Go-live", dt.date(2016, 6, 15), dt.date(2016, 8, 3), go_live=True)
    assert m.slip_months == 2
    assert SchemeMilestone("x", dt.date(2016, 6, 15)).slip_months == 0
    assert SchemeMilestone("x", dt.date(2016, 6, 15), dt.date(2016, 4, 1)).slip_months == 0
    assert months_between(dt.date(2016, 11, 30), dt.date(2017, 2, 1)) == 3


def test_add_months_clamps_the_day():
    assert add_months(dt.date(2016, 1, 31), 1) == dt.date(2016, 2, 29)
    assert add_months(dt.date(2016, 11, 15), 3) == dt.date(2017, 2, 15)
    assert add_months(dt.date(2016, 3, 31), -1) == dt.date(2016, 2, 29)


def test_worst_slip_go_live_and_replace():
    ms = (SchemeMilestone("Business case", dt.date(2016, 4, 1), dt.date(2016, 5, 1)),
          SchemeMilestone("Go-live", dt.date(2016, 7, 1), go_live=True))
    assert worst_slip(ms) == 1 and worst_slip(()) == 0
    assert go_live(ms).name == "Go-live"
    moved = replace_forecast(ms, "Go-live", dt.date(2016, 10, 1))
    assert moved[1].expected == dt.date(2016, 10, 1) and moved[0] == ms[0]
    assert worst_slip(moved) == 3
    with pytest.raises(KeyError):
        replace_forecast(ms, "Contract varied", dt.date(2016, 10, 1))
