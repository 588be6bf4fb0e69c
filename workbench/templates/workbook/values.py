"""Cell values as people type them, to and from domain values.

Money in the domain is Decimal pounds; templates hold £000. The conversion is exact
(Decimal arithmetic, floats read through their shortest repr) and happens only here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

from workbench.domain.money import round_pounds

THOUSAND = Decimal(1000)
ERROR_VALUES = ("#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!")
DASHES = {"-", "\u2013", "\u2014", "\u2212"}
_SPACES = re.compile(r"[\s\u00a0\u202f,£$]")
TRUE_WORDS = {"y", "yes", "true", "1", "x"}
FALSE_WORDS = {"n", "no", "false", "0"}
LARGEST = Decimal(10) ** 15  # beyond any plan figure; keeps pence inside SQLite's integers


class CellValueError(ValueError):
    """A cell's content cannot be read as the field wants; the message is one sentence."""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def error_value(value: object) -> str | None:
    """The Excel error ('#REF!' ...) a cell shows, if any."""
    if isinstance(value, str) and value.strip().upper() in ERROR_VALUES:
        return value.strip().upper()
    return None


def show(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def parse_number(value: object) -> Decimal | None:
    """A number as typed: 1234, "1,234", "(500)", "£1,200.50", "-" (zero); blank is None."""
    kind = type(value)  # the cells of a large sheet are mostly plain ints and floats
    if kind is float and math.isfinite(value):
        return _sized(Decimal(repr(value)))
    if kind is int:
        return _sized(Decimal(value))
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellValueError(f"{value} is not a number")
    if isinstance(value, int):
        return _sized(Decimal(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellValueError("is not a finite number")
        return _sized(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return _sized(value)
    if not isinstance(value, str):
        raise CellValueError(f"{show(value)} is not a number")
    if (err := error_value(value)) is not None:
        raise CellValueError(f"shows the error {err}, not a number")
    text = _SPACES.sub("", value)
    if text in DASHES:
        return Decimal(0)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    text = text.replace("\u2212", "-").replace("\u2013", "-")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellValueError(f"holds text {show(value)} where a number is needed") from None
    if not number.is_finite():
        raise CellValueError(f"holds text {show(value)} where a number is needed")
    return _sized(-number if negative else number)


def _sized(number: Decimal) -> Decimal:
    if abs(number) > LARGEST:
        raise CellValueError(f"{number:.3g} is too large to be a plan figure")
    return number


def show_number(number: Decimal | int | float) -> str:
    """1,234 or 1,234.5: a figure as a message quotes it, without trailing zeros."""
    if number == int(number):
        return f"{int(number):,}"
    return f"{Decimal(str(number)).normalize():,f}"


def parse_percent(value: object) -> Decimal | None:
    """A fraction: a number as stored (0.019), or text '1.9%'."""
    if isinstance(value, str) and value.strip().endswith("%"):
        number = parse_number(value.strip()[:-1])
        return None if number is None else number / 100
    return parse_number(value)


def thousands_to_pounds(value: object) -> Decimal | None:
    """£000 as typed -> exact pounds, rounded half-up to the penny."""
    number = parse_number(value)
    return None if number is None else round_pounds(number * THOUSAND)


def pounds_to_thousands(amount: Decimal) -> int | float:
    """Pounds -> £000 for a cell: an int when whole, else the nearest float (15+ digits)."""
    thousands = Decimal(amount) / THOUSAND
    if thousands == thousands.to_integral_value():
        return int(thousands)
    return float(thousands)


def cell_number(value: Decimal) -> int | float:
    """A Decimal as a cell number, whole numbers kept as ints."""
    return int(value) if value == value.to_integral_value() else float(value)


def parse_int(value: object) -> int | None:
    number = parse_number(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellValueError(f"{show(value)} is not a whole number")
    return int(number)


def parse_bool(value: object) -> bool | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellValueError(f"{show(value)} is not Y or N")


def yes_no(flag: bool) -> str:
    return "Y" if flag else "N"


def parse_text(value: object) -> str:
    if type(value) is str:  # most text cells: no number or date to show as text
        text = value.strip()
        if text[:1] == "#" and text.upper() in ERROR_VALUES:
            raise CellValueError(f"shows the error {text.upper()}")
        return text
    if is_blank(value):
        return ""
    if (err := error_value(value)) is not None:
        raise CellValueError(f"shows the error {err}")
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date().isoformat()
    return str(value).strip()


def parse_date(value: object) -> dt.date | None:
    """An Excel date, or text as 30/06/2016 (UK order) or 2016-06-30."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d %b %Y", "%d %B %Y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellValueError(f"{show(value)} is not a date (expected e.g. 30/06/2016)")


def parse_year(value: object) -> int | None:
    """A financial year as '2016/17', '2016-17' or 2016 -> 2016."""
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        year = int(value)
    else:
        head = str(value).strip().replace("-", "/").split("/")[0].strip()
        if not (head.isdigit() and len(head) == 4):
            raise CellValueError(f"{show(value)} is not a financial year (expected e.g. 2016/17)")
        year = int(head)
    if not 2000 <= year <= 2100:
        raise CellValueError(f"{show(value)} is not a financial year (expected e.g. 2016/17)")
    return year


def year_label(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"
