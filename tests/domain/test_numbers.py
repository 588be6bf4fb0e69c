"""The one reading of typed numbers and the one money formatter."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.numbers import (
    NotAccepted,
    format_millions,
    format_money,
    format_percent,
    parse_millions,
    parse_money,
    parse_percent,
    parse_whole,
)


@pytest.mark.parametrize(("typed", "pounds"), [
    ("3,200,000", 3200000), ("3.2m", 3200000), ("12k", 12000), ("(200,000)", -200000),
    ("-200000", -200000), ("£1,250", 1250), ("-£1,250", -1250), ("£(1,250)", -1250),
    ("1.5bn", 1500000000), ("850 K", 850000), ("", 0), ("-", 0), ("1 250", 1250),
])
def test_money_as_typed(typed, pounds):
    assert parse_money(typed) == Decimal(pounds)


@pytest.mark.parametrize("typed", ["abc", "12kk", "1,2,3.4.5", "£", "()", "3.2x"])
def test_money_refusal_says_what_was_read(typed):
    with pytest.raises(NotAccepted) as refused:
        parse_money(typed)
    assert str(refused.value) == (
        f"an amount of money, like 3,200,000, 3.2m, 12k or (200,000): read '{typed}'")


@pytest.mark.parametrize(("typed", "fraction"), [
    ("60", "0.6"), ("0.6", "0.6"), ("60%", "0.6"), ("1", "0.01"), ("5", "0.05"),
    ("0.5%", "0.005"), ("0.5", "0.5"), ("100", "1"), ("100%", "1"), ("0", "0"),
    ("12.5 %", "0.125"),
])
def test_percent_follows_excels_automatic_entry(typed, fraction):
    assert parse_percent(typed) == Decimal(fraction)


def test_percent_range_is_said_with_the_reading():
    with pytest.raises(NotAccepted, match=r"^0% to 100%: read '150%'$"):
        parse_percent("150%")
    with pytest.raises(NotAccepted, match=r"^0% to 5%: read '0.5'$"):
        parse_percent("0.5", Decimal(0), Decimal("0.05"))
    assert parse_percent("-2", Decimal(-1), Decimal(1)) == Decimal("-0.02")
    with pytest.raises(NotAccepted, match="read 'lots'"):
        parse_percent("lots")


def test_whole_numbers_and_millions():
    assert parse_whole("1,200") == 1200
    with pytest.raises(NotAccepted, match=r"^a whole number from 1 to 5: read '7'$"):
        parse_whole("7", 1, 5)
    with pytest.raises(NotAccepted):
        parse_whole("2.5")
    assert parse_millions("727.6") == Decimal("727600000")
    assert parse_millions("850k") == Decimal(850000)
    assert parse_millions("(1.5)") == Decimal(-1500000)


@pytest.mark.parametrize(("pounds", "full", "millions"), [
    (1250, "£1,250", "£0.0m"), (-200000, "(£200,000)", "(£0.2m)"),
    (Decimal("0.5"), "£1", "£0.0m"), (Decimal("2.5"), "£3", "£0.0m"),
    (Decimal("-2.5"), "(£3)", "£0.0m"), (Decimal("-0.4"), "£0", "£0.0m"),
    (13_250_000, "£13,250,000", "£13.3m"), (22_349_999, "£22,349,999", "£22.3m"),
    (-13_290_000, "(£13,290,000)", "(£13.3m)"),
])
def test_one_money_formatter_rounds_half_up_with_brackets(pounds, full, millions):
    assert format_money(pounds) == full
    assert format_millions(pounds) == millions


def test_format_percent():
    assert [format_percent(v) for v in (Decimal("0.6"), Decimal("0.019"), Decimal("0.005"),
                                        Decimal("-0.02"), 0)] == ["60%", "1.9%", "0.5%",
                                                                  "-2%", "0%"]
