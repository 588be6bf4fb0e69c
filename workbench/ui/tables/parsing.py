"""Turning what people type (or paste from Excel) into exact values, and back into text.

Parsers raise ValueError with a short reason; the table shows it and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

_MONEY_SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
_MONEY_RE = re.compile(r"^(?P<num>[0-9]*\.?[0-9]+)\s*(?P<unit>k|m|bn)?$", re.IGNORECASE)


def parse_money(text: str) -> Decimal:
    """'£1,200', '1.2m', '850k', '(500)' (negative), '-' or blank (zero) -> Decimal pounds."""
    raw = str(text).strip()
    cleaned = raw.replace("£", "").replace(",", "").replace(" ", "")
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    if cleaned.startswith("-") and len(cleaned) > 1:
        negative, cleaned = not negative, cleaned[1:]
    if cleaned in ("", "-"):
        return Decimal(0)
    match = _MONEY_RE.match(cleaned)
    if not match:
        raise ValueError(f"{raw!r} is not an amount of money (try 1,200 or 1.2m)")
    value = Decimal(match["num"]) * _MONEY_SCALE[(match["unit"] or "").lower()]
    return -value if negative else value


def format_money(value: Decimal | float | None) -> str:
    if value is None:
        return ""
    amount = Decimal(str(value)).quantize(Decimal(1))
    return f"-£{-amount:,}" if amount < 0 else f"£{amount:,}"


def parse_percent(text: str, low: Decimal | None = None, high: Decimal | None = None) -> Decimal:
    """'70%', '70' or '0.7' -> Decimal('0.7'). A bare number above 1 is read as percent."""
    raw = str(text).strip()
    body = raw.rstrip("%").strip()
    try:
        value = Decimal(body)
    except InvalidOperation:
        raise ValueError(f"{raw!r} is not a percentage (try 70%)") from None
    if raw.endswith("%") or abs(value) > 1:
        value = value / 100
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{raw} is outside {format_percent(low)} to {format_percent(high)}")
    return value.normalize() if value != 0 else Decimal(0)


def format_percent(value: Decimal | float | None) -> str:
    if value is None:
        return ""
    pct = Decimal(str(value)) * 100
    text = f"{pct:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def parse_int(text: str, low: int | None = None, high: int | None = None) -> int:
    raw = str(text).strip().replace(",", "")
    try:
        value = int(Decimal(raw))
    except (InvalidOperation, ValueError):
        raise ValueError(f"{text!r} is not a whole number") from None
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{value} is outside {low} to {high}")
    return value


_YES = {"yes", "y", "true", "1", "✓"}
_NO = {"no", "n", "false", "0", ""}


def parse_bool(text: str) -> bool:
    word = str(text).strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(f"{text!r} is not Yes or No")


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
    raise ValueError(f"{raw!r} is not a date (try 30/06/2016)")


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def parse_text(text: str) -> str:
    return str(text).strip()


def parse_year(text: str) -> int:
    """'2016/17', '2016-17' or '2016' -> 2016."""
    head = str(text).strip().replace("-", "/").split("/")[0]
    if not (head.isdigit() and len(head) == 4):
        raise ValueError(f"{text!r} is not a financial year (try 2016/17)")
    return int(head)


def format_year(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def parse_count(text: str) -> Decimal | None:
    """Activity as typed: '4,650', '4 650', '4650.5'; blank is None (nothing typed)."""
    raw = str(text).strip()
    cleaned = raw.replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{raw!r} is not a number of attendances or spells") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"{raw!r} must be zero or more")
    return value


def format_count(value: Decimal | float | None) -> str:
    return "" if value is None else f"{float(value):,.0f}"
