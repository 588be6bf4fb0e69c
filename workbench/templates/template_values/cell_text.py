"""A template value's exact text and the domain value it stands for, both ways: what an
import keeps for a cell (numbers in their shortest exact form, dates ISO, Yes/No,
'2016/17') and what an export writes back into it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workbench.templates.layouts.spec import Kind
from workbench.templates.workbook.values import parse_year, year_label


def plain_kind(kind: Kind) -> Kind:
    """Money here is kept as typed, like any other number (no £000 conversion)."""
    return Kind.NUMBER if kind is Kind.MONEY else kind


def number_text(number: Decimal) -> str:
    """The shortest exact text of a number: 1000.0 -> '1000', 0.250 -> '0.25'."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def to_text(kind: Kind, value: object) -> str:
    """A typed cell value as the exact text a TemplateValue keeps."""
    if value is None:
        return ""
    if kind is Kind.BOOL:
        return "Yes" if value else "No"
    if kind is Kind.YEAR:
        return year_label(int(value))  # type: ignore[call-overload]
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def from_text(kind: Kind, text: str) -> object:
    """A kept text as the domain value the writer puts in a cell (None for blank)."""
    if text == "":
        return None
    kind = plain_kind(kind)
    if kind in (Kind.NUMBER, Kind.PERCENT):
        return Decimal(text)
    if kind is Kind.INT:
        return int(text)
    if kind is Kind.BOOL:
        return text == "Yes"
    if kind is Kind.DATE:
        return dt.date.fromisoformat(text)
    if kind is Kind.YEAR:
        return parse_year(text)
    return text
