"""Money is Decimal pounds in Python and integer pence in the store.

Rounding is half-up to the penny, as finance teams expect from Excel.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")


def pounds(value: object) -> Decimal:
    """Exact pounds from an int, str or Decimal (floats go through str to avoid binary noise)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        value = repr(value)
    try:
        return Decimal(value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError) as exc:
        raise ValueError(f"not an amount of money: {value!r}") from exc


def to_pence(amount: Decimal) -> int:
    return int(pounds(amount).quantize(PENNY, rounding=ROUND_HALF_UP) * 100)


def from_pence(pence: int) -> Decimal:
    return (Decimal(int(pence)) / 100).quantize(PENNY)


def round_pounds(amount: Decimal) -> Decimal:
    if type(amount) is Decimal:  # nearly always (every money cell of an import)
        return amount.quantize(PENNY, rounding=ROUND_HALF_UP)
    return pounds(amount).quantize(PENNY, rounding=ROUND_HALF_UP)
