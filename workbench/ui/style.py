"""NHS identity colours and the number formats every panel shares."""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.numbers import format_millions, format_money

NHS_BLUE = "#005EB8"
NHS_DARK_BLUE = "#003087"
NHS_BRIGHT_BLUE = "#0072CE"
NHS_LIGHT_BLUE = "#41B6E6"
NHS_AQUA_GREEN = "#00A499"
NHS_GREEN = "#009639"
NHS_WARM_YELLOW = "#FFB81C"
NHS_ORANGE = "#ED8B00"
NHS_RED = "#DA291C"
NHS_DARK_GREY = "#425563"
NHS_MID_GREY = "#768692"
NHS_PALE_GREY = "#E8EDEE"
WHITE = "#FFFFFF"

STATUS_COLOURS = {
    "Identified": NHS_BLUE,
    "Earmarked": NHS_LIGHT_BLUE,
    "Unidentified": NHS_WARM_YELLOW,
}


def fmt_money(value: Decimal | float | int | None) -> str:
    """Compact pounds for headlines: £22.4m, £850k, £900; negatives in brackets. The
    rounding and the brackets are workbench.domain.numbers' (the one money formatter)."""
    if value is None:
        return "–"
    amount = Decimal(str(value))
    if abs(amount) >= 999_950:
        return format_millions(amount)
    if abs(amount) >= 10_000:
        thousands = format_money(amount / 1000)
        return thousands[:-1] + "k)" if thousands.endswith(")") else thousands + "k"
    return format_money(amount)


def fmt_money_full(value: Decimal | float | int | None) -> str:
    return "–" if value is None else format_money(value)


def fmt_pct(value: Decimal | float | None, places: int = 1) -> str:
    """A fraction as a percentage: 0.0299 -> '3.0%'."""
    if value is None:
        return "–"
    return f"{float(value) * 100:.{places}f}%"
