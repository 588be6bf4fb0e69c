"""Turning what people type (or paste from Excel) into exact values, and back into text.

Numbers and money are read and written by workbench.domain.numbers (one rule everywhere);
this module adds the table's other kinds: dates, years, yes/no and text. Parsers raise
NotAccepted, which says what is accepted and what was read; the table shows it and writes
nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workbench.domain.numbers import (
    NotAccepted,
    format_money,
    format_percent,
    parse_count,
    parse_money,
    parse_percent,
    parse_whole,
)

__all__ = [
    "NotAccepted", "format_money", "format_percent", "parse_count", "parse_money",
    "parse_percent", "parse_int", "parse_bool", "format_bool", "parse_date", "format_date",
    "parse_text", "parse_name", "parse_year", "format_year", "format_count",
]


def parse_int(text: str, low: int | None = None, high: int | None = None) -> int:
    return parse_whole(text, low, high)


_YES = {"yes", "y", "true", "1", "✓"}
_NO = {"no", "n", "false", "0", ""}


def parse_bool(text: str) -> bool:
    word = str(text).strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise NotAccepted("Yes or No", text)


def format_bool(value: bool) -> str:
    return "Yes" if value else "No"


def parse_date(text: str) -> dt.date | None:
    """'2016-06-30' or '30/06/2016'; blank clears the date."""
    raw = str(text).strip()
    if not raw:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise NotAccepted("a date that exists, like 30/06/2016", raw)


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def parse_text(text: str) -> str:
    return str(text).strip()


def parse_name(text: str) -> str:
    """A name a row is known by: never blank."""
    name = str(text).strip()
    if not name:
        raise NotAccepted("a name that is not blank", text)
    return name


def parse_year(text: str) -> int:
    """'2016/17', '2016-17' or '2016' -> 2016."""
    head = str(text).strip().replace("-", "/").split("/")[0]
    if not (head.isdigit() and len(head) == 4):
        raise NotAccepted("a financial year, like 2016/17", text)
    return int(head)


def format_year(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def format_count(value: Decimal | float | None) -> str:
    return "" if value is None else f"{float(value):,.0f}"
