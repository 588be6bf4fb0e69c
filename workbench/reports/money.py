"""Money the NHS way: £m to one decimal in text, £000s in tables, negatives in brackets.

Parts are rounded by the largest remainder, so the rounded parts add up to the rounded
total shown beside them (the paper states this under each table).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

ROUNDING_NOTE = ("Figures are rounded to the nearest £000; parts are rounded so that they "
                 "add to the totals shown.")


def _dec(value: object) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def rounded(value: object, unit: Decimal) -> int:
    """`value` pounds in whole `unit`s, half away from zero."""
    return int((_dec(value) / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def rounded_parts(values: Sequence[object], unit: Decimal,
                  total: object | None = None) -> list[int]:
    """Each value in whole units, adjusted by the largest remainder so they sum to the
    rounded total (of `total` if given, else of the values)."""
    exact = [_dec(v) / unit for v in values]
    whole = [math.floor(x) for x in exact]
    target = rounded(sum((_dec(v) for v in values), Decimal(0)) if total is None else total,
                     unit)
    short = target - sum(whole)
    order = sorted(range(len(exact)), key=lambda i: exact[i] - whole[i], reverse=True)
    if short >= 0:
        for i in order[:short]:
            whole[i] += 1
    else:
        for i in list(reversed(order))[:-short]:
            whole[i] -= 1
    return whole


def bracketed(number: float | int | Decimal, places: int = 0) -> str:
    """1,234 or (1,234); zero as a dash, as printed finance tables show it."""
    if round(float(number), places) == 0:
        return "-"
    text = f"{abs(float(number)):,.{places}f}"
    return f"({text})" if number < 0 else text


def thousands(pounds: object) -> str:
    """Pounds as a £000s table cell: 13293500 -> '13,294'."""
    return bracketed(rounded(pounds, Decimal(1000)))


def millions(pounds: object) -> str:
    """Pounds as £m in running text: 13293500 -> '£13.3m', -1e6 -> '(£1.0m)'."""
    tenths = rounded(pounds, Decimal(100_000))
    text = f"£{abs(tenths) / 10:,.1f}m"
    return f"({text})" if tenths < 0 else text


def tenths_text(tenths: int) -> str:
    """A figure already rounded to £0.1m (as an integer of tenths) as text."""
    text = f"£{abs(tenths) / 10:,.1f}m"
    return f"({text})" if tenths < 0 else text


def percent(fraction: object, places: int = 1) -> str:
    return f"{float(_dec(fraction)) * 100:.{places}f}%"
