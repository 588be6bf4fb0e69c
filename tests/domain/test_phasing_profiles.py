"""Named phasing profiles and typed months that keep the year whole."""

from decimal import Decimal

import pytest

from workbench.domain import phasing as ph


def test_named_profiles_are_recognised():
    for name in ph.NAMED:
        assert ph.identify(ph.profile_weights(name, 2016), 2016) == name
    assert ph.identify(tuple(Decimal(2) for _ in range(12)), 2016) == ph.FLAT
    assert ph.identify((Decimal(0),) * 3 + (Decimal(1),) * 9, 2016) == ph.CUSTOM


def test_typing_april_to_march_in_turn_gives_what_was_typed():
    year = Decimal(120000)
    amounts = [year / 12] * 12
    typed = [Decimal(v) for v in (0, 0, 5000, 5000, 10000, 10000, 10000, 10000, 15000, 15000,
                                  20000, 20000)]
    for month, value in enumerate(typed):
        amounts = list(ph.retype_month(amounts, month, value, year))
        assert sum(amounts) == pytest.approx(year)
    assert [round(a) for a in amounts] == typed


def test_march_takes_the_rest_from_the_months_before():
    year = Decimal(1200)
    amounts = ph.retype_month([Decimal(100)] * 12, 11, Decimal(650), year)
    assert amounts[11] == 650 and sum(amounts) == pytest.approx(year)
    assert amounts[0] == pytest.approx(Decimal(50))


def test_a_month_larger_than_the_year_is_refused_with_the_reading():
    with pytest.raises(ValueError, match="£150,000 is more than the year's net saving"):
        ph.retype_month([Decimal(10000)] * 12, 0, Decimal(150000), Decimal(120000))
    with pytest.raises(ValueError, match="no net saving"):
        ph.retype_month([Decimal(0)] * 12, 0, Decimal(10), Decimal(0))
