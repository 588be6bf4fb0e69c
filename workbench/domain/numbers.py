"""Reading numbers as people type them, and writing money as finance staff read it.

One home for the rule (every table, grid, dock and dialog uses it): a second copy drifted
within weeks in the first version ("1" was 100% in one place and 1% in another).

- Money: `3,200,000`, `3.2m`, `12k`, `1bn`, `£1,250`, `(200,000)` and `-200000` (negative).
- Percentages follow Excel's automatic percent entry: with a % sign the number is a
  percent; without one, 1 or more is a percent and below 1 a fraction. So `60`, `60%` and
  `0.6` are all 60%; `0.5%` is half a percent.
- A refusal says what is accepted and what was read: "0% to 100%: read '150%'".
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
_MONEY_RE = re.compile(r"^(?P<num>[0-9]*\.?[0-9]+)(?P<unit>k|m|bn)?$", re.IGNORECASE)
_SPACES = (" ", "\u00a0", "\u202f")
MONEY_ACCEPTED = "an amount of money, like 3,200,000, 3.2m, 12k or (200,000)"


class NotAccepted(ValueError):  # noqa: N818 (reads as the sentence it carries)
    """Text that cannot be read as the value a field takes."""

    def __init__(self, accepted: str, read: object) -> None:
        self.accepted = accepted
        self.read = str(read).strip()
        super().__init__(f"{accepted}: read '{self.read}'")


def _squeeze(text: object) -> str:
    out = str(text).strip()
    for space in _SPACES:
        out = out.replace(space, "")
    return out


def parse_money(text: object, *, blank: Decimal | None = Decimal(0)) -> Decimal | None:
    """Pounds as typed or pasted from Excel; blank (or '-', Excel's zero) gives `blank`."""
    raw = str(text).strip()
    body = _squeeze(raw).replace(",", "")
    negative = False
    if body.startswith("-") and len(body) > 1:
        negative, body = True, body[1:]
    body = body.replace("£", "")
    if body.startswith("(") and body.endswith(")"):
        negative, body = not negative, body[1:-1].replace("£", "")
    if _squeeze(raw) in ("", "-"):
        return blank
    match = _MONEY_RE.match(body)
    if not match:
        raise NotAccepted(MONEY_ACCEPTED, raw)
    value = Decimal(match["num"]) * _SCALE[(match["unit"] or "").lower()]
    return -value if negative else value


def parse_millions(text: object) -> Decimal:
    """A field kept in £m (the drivers): a bare number is millions ('727.6' is £727.6m);
    a unit is taken as written ('850k' is £850,000, '1.2bn' £1,200m)."""
    raw = str(text).strip()
    try:
        value = parse_money(raw)
    except NotAccepted:
        raise NotAccepted("an amount in £m, like 727.6 (or with a unit: 850k)", raw) from None
    has_unit = _squeeze(raw).replace(")", "").lower().endswith(("k", "m", "bn"))
    return value if has_unit else value * 1_000_000


def parse_percent(text: object, low: Decimal | None = Decimal(0),
                  high: Decimal | None = Decimal(1)) -> Decimal:
    """A fraction (0.6 for 60%) by Excel's automatic percent entry, within [low, high]."""
    raw = str(text).strip()
    body = _squeeze(raw)
    has_sign = body.endswith("%")
    try:
        value = Decimal(body.removesuffix("%"))
    except InvalidOperation:
        raise NotAccepted(_percent_range(low, high), raw) from None
    if not value.is_finite():
        raise NotAccepted(_percent_range(low, high), raw)
    if has_sign or abs(value) >= 1:
        value = value / 100
    if (low is not None and value < low) or (high is not None and value > high):
        raise NotAccepted(_percent_range(low, high), raw)
    return value.normalize() if value != 0 else Decimal(0)


def _percent_range(low: Decimal | None, high: Decimal | None) -> str:
    if low is not None and high is not None:
        return f"{format_percent(low)} to {format_percent(high)}"
    if low is not None:
        return f"a percentage of {format_percent(low)} or more"
    if high is not None:
        return f"a percentage up to {format_percent(high)}"
    return "a percentage, like 60% or 0.6"


def format_percent(value: Decimal | float | None, places: int = 2) -> str:
    """0.6 -> '60%', 0.019 -> '1.9%', 0.005 -> '0.5%' (up to `places` decimals)."""
    if value is None:
        return ""
    pct = Decimal(str(value)) * 100
    text = f"{pct:.{places}f}".rstrip("0").rstrip(".") if places else f"{pct:.0f}"
    return f"{'0' if text in ('-0', '') else text}%"


def parse_whole(text: object, low: int | None = None, high: int | None = None) -> int:
    """A whole number ('1,200'), within [low, high]."""
    raw = str(text).strip()
    accepted = _whole_range(low, high)
    try:
        value = Decimal(_squeeze(raw).replace(",", ""))
    except InvalidOperation:
        raise NotAccepted(accepted, raw) from None
    if not value.is_finite() or value != value.to_integral_value():
        raise NotAccepted(accepted, raw)
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        raise NotAccepted(accepted, raw)
    return number


def _whole_range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"a whole number from {low} to {high}"
    if low is not None:
        return f"a whole number of {low} or more"
    return "a whole number"


def parse_count(text: object) -> Decimal | None:
    """Activity as typed: '4,650', '4 650', '4650.5'; blank is None (nothing typed)."""
    raw = str(text).strip()
    body = _squeeze(raw).replace(",", "")
    if not body:
        return None
    try:
        value = Decimal(body)
    except InvalidOperation:
        raise NotAccepted("a number of zero or more, like 4,650", raw) from None
    if not value.is_finite() or value < 0:
        raise NotAccepted("a number of zero or more, like 4,650", raw)
    return value


def _half_up(value: Decimal | float | int, step: str = "1") -> Decimal:
    rounded = Decimal(str(value)).quantize(Decimal(step), rounding=ROUND_HALF_UP)
    return rounded if rounded else abs(rounded)  # never '-0'



def format_money(value: Decimal | float | int | None) -> str:
    """Whole pounds as finance staff write them: '£1,250', '(£200,000)' (half up)."""
    if value is None:
        return ""
    amount = _half_up(value)
    return f"(£{-amount:,})" if amount < 0 else f"£{amount:,}"


def format_millions(value: Decimal | float | int | None) -> str:
    """Pounds in £m to one decimal for summaries and charts: '£13.3m', '(£2.1m)'."""
    if value is None:
        return ""
    amount = _half_up(Decimal(str(value)) / 1_000_000, "0.1")
    return f"(£{-amount:,}m)" if amount < 0 else f"£{amount:,}m"
