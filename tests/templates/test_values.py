"""Numbers as people type them, £000 exactly, phasing weights recovered exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from workbench.templates.finance.checks import normalised, phasing_weights, same_phasing
from workbench.templates.layouts.spec import Column, Kind
from workbench.templates.workbook.values import (
    CellValueError,
    parse_bool,
    parse_date,
    parse_number,
    parse_percent,
    parse_year,
    pounds_to_thousands,
    thousands_to_pounds,
)


@pytest.mark.parametrize("typed, expected", [
    (1234, D(1234)), (1234.5, D("1234.5")), ("1,234", D(1234)), ("(500)", D(-500)),
    ("-", D(0)), ("\u2013", D(0)), ("", None), ("  ", None), (None, None),
    ("£1,200.50", D("1200.50")), (" 12 ", D(12)), ("-3.5", D("-3.5")), ("\u22123", D(-3)),
    ("(1,234.5)", D("-1234.5")), ("1\u00a0234", D(1234)), (0.1, D("0.1")),
])
def test_numbers_as_typed(typed, expected):
    assert parse_number(typed) == expected


@pytest.mark.parametrize("typed, fragment", [
    ("abc", "holds text 'abc'"), ("#REF!", "#REF!"), ("1.2.3", "holds text"),
    (True, "not a number"), (float("nan"), "finite"), ("NaN", "holds text"),
    ("Infinity", "holds text"),
])
def test_bad_numbers_say_why(typed, fragment):
    with pytest.raises(CellValueError, match=fragment.replace("(", r"\(")):
        parse_number(typed)


def test_thousands_convert_exactly_both_ways():
    assert thousands_to_pounds(1234.56789) == D("1234567.89")
    assert thousands_to_pounds("727,600") == D(727_600_000)
    assert thousands_to_pounds(0.1) == D("100.00")
    assert pounds_to_thousands(D("727600000")) == 727_600
    assert pounds_to_thousands(D("1234567.89")) == 1234.56789
    for pounds in (D("0.01"), D("123456789.99"), D("-500.5"), D("1")):
        assert thousands_to_pounds(pounds_to_thousands(pounds)) == pounds


def test_percent_bool_date_year():
    assert parse_percent("1.9%") == D("0.019")
    assert parse_percent(0.019) == D("0.019")
    assert parse_bool("Yes") is True and parse_bool("n") is False and parse_bool("") is None
    assert parse_date("30/06/2016") == dt.date(2016, 6, 30)
    assert parse_date(dt.datetime(2016, 6, 30)) == dt.date(2016, 6, 30)
    assert parse_year("2016/17") == 2016 and parse_year("2016-17") == 2016
    for bad in ("maybe",):
        with pytest.raises(CellValueError):
            parse_bool(bad)
    with pytest.raises(CellValueError):
        parse_year("sixteen")


def test_phasing_weights_are_recovered_exactly():
    per_month = 1200 / 9  # a ramp from July: 133.33... £000 a month
    months = [D(0)] * 3 + [D(repr(per_month))] * 9
    assert phasing_weights(months) == (D(0),) * 3 + (D(1),) * 9
    uneven = [D(repr(1200 * w / 78)) for w in range(1, 13)]
    assert phasing_weights(uneven) == tuple(D(w) for w in range(1, 13))
    typed = (D("1.5"), D("2.25")) + (D(1),) * 10
    total = sum(typed)
    months = [D(repr(float(1000 * w / total))) for w in typed]
    weights = phasing_weights(months)
    assert weights == (D(6), D(9)) + (D(4),) * 10
    assert normalised(weights) == normalised(typed)  # exactly, not just nearly
    odd = [D("3.14159265358979"), D("2.71828182845905")] + [D(1)] * 10
    assert phasing_weights(odd) == tuple(odd)
    assert same_phasing((D(1),) * 12, (D("8.3333"),) * 12)
    assert not same_phasing((D(1),) * 12, (D(2),) + (D(1),) * 11)


@pytest.mark.parametrize("column", [
    Column("t", "Text"), Column("e", "Choice", Kind.ENUM), Column("m", "Money", Kind.MONEY),
    Column("n", "Money", Kind.MONEY, non_negative=True), Column("x", "Count", Kind.NUMBER),
    Column("y", "Count", Kind.NUMBER, non_negative=True)])
def test_a_quick_typing_is_what_typed_reads_without_a_finding(column):
    """A long table's cells are typed without SheetReader.typed when nothing could be said
    about them: the value must be typed's, and typed must have found nothing."""
    from workbench.templates.report.findings import Findings
    from workbench.templates.workbook.reader import SLOW, SheetReader, _quick
    from workbench.templates.workbook.sheets import SheetData

    raws = [None, "", " x ", "Acute ", "#N/A", " #REF! ", "a#b", "=1+1", 0, -0.0, 7, -7, 0.1,
            83.1304347826087, 1e8, -1e8, 100_000_000, 100_000_001, 1e8 + 1e-8, 1e15, 1e16,
            float("nan"), float("inf"), True, False, D("1.5"), dt.date(2016, 4, 1)]
    quick = _quick(column)
    quick_ones = 0
    for raw in raws:
        value = quick(raw)
        if value is SLOW:
            continue
        quick_ones += 1
        findings = Findings("x.xlsx")
        read = SheetReader(None, None, findings).typed(  # type: ignore[arg-type]
            SheetData("S", values={(3, 2): raw}), 3, 2, column.kind, column.header,
            non_negative=column.non_negative)
        assert (read.value, type(read.value), read.coord, read.raw) == (
            value, type(value), "B3", raw), raw
        assert str(read.value) == str(value)  # the same Decimal, exponent and all
        assert not findings.items, raw
    assert quick_ones >= 4
